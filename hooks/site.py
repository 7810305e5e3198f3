"""MkDocs' events adapted to the plain build in partnership/pipeline.py. An event returning None changes nothing."""

from mkdocs import exceptions, plugins
from mkdocs.structure.files import File

from partnership.pipeline import compiled_templates, finish, generate, postbuild, start

log = plugins.get_plugin_logger("partnership")
state: dict = {"command": "build"}  # the build is replaced in on_config: `mkdocs serve` keeps this module


def on_startup(command, dirty):
    state["command"] = command


def on_config(config):
    on_build_error(None)  # a rebuild of `mkdocs serve` after a failed build
    build = state["build"] = start(config.config_file_path, config.docs_dir, config.theme.dirs, state["command"], log)
    if build.failure:
        raise exceptions.Abort(build.failure)
    config.update(build.settings(config.extra_css, config.extra_javascript, config.watch, config.extra))
    config.theme.update(build.theme())
    if "redirects" in config.plugins:  # old case study addresses keep working
        config.plugins["redirects"].config["redirect_maps"].update(build.redirects())


@plugins.event_priority(50)  # before other plugins (mkdocs-redirects) look at the files
def on_files(files, config):
    for item in generate(state["build"], config.site_url, config.extra_css):
        files.append(File.generated(config, item.src_uri, content=item.content, abs_src_path=item.path))


def on_page_markdown(markdown, page, config, files):
    return state["build"].page_markdown(page.file.src_uri, markdown, page.meta)


def on_page_content(html, page, config, files):
    return state["build"].page_html(page.file.src_uri, html, page.is_homepage)


def on_page_context(context, page, config, nav):
    state["build"].page_layout(page.url, page.toc, page.is_homepage, page.meta)


@plugins.event_priority(-100)  # after every plugin: the Content Security Policy must see the final page
def on_post_page(output, page, config):
    return state["build"].secure(page.file.dest_uri, output)


@plugins.event_priority(-100)  # after every plugin (mkdocs-redirects writes its pages in on_post_build)
def on_post_build(config):
    postbuild(state["build"], config.site_dir, log)  # a broken link is a warning, which fails --strict


def on_env(env, config, files):
    env.bytecode_cache = compiled_templates(env)  # each template compiled once per process (`mkdocs serve`)


def on_build_error(error):
    finish(state.pop("build", None))
