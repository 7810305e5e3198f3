"""MkDocs' events adapted to the plain build in partnership/pipeline.py. An event returning None changes nothing."""

from mkdocs import exceptions, plugins
from mkdocs.structure.files import File

from partnership.pipeline import compiled_templates, generate
from partnership.session import Session

log = plugins.get_plugin_logger("partnership")
run = Session()  # `mkdocs serve` keeps this module: its build is replaced in on_config


def on_startup(command, dirty):  # with --dirty, a rebuild renders again only the pages a change touched
    run.begin(command, dirty)


def on_config(config):
    build = run.start(config.config_file_path, config.docs_dir, config.theme.dirs, log)
    if build.failure:
        raise exceptions.Abort(build.failure)
    config.update(build.settings(config.extra_css, config.extra_javascript, config.watch, config.extra))
    config.theme.update(build.theme())
    if "redirects" in config.plugins:  # old case study addresses keep working
        config.plugins["redirects"].config["redirect_maps"].update(build.redirects())
    if build.preview and "material/search" in config.plugins:  # postbuild keeps unchanged pages' entries
        config.plugins["material/search"].search_index_prev = None


@plugins.event_priority(50)  # before other plugins (mkdocs-redirects) look at the files
def on_files(files, config):
    for item in generate(run.build, config.site_url, config.extra_css, config.site_dir):
        files.append(File.generated(config, item.src_uri, content=item.content, abs_src_path=item.path))
    run.build.plan(files, config.site_dir, config.config_file_path)  # a preview's: the pages to render again


def on_page_markdown(markdown, page, config, files):
    return run.build.page_markdown(page.file.src_uri, markdown, page.meta)


def on_page_content(html, page, config, files):
    return run.build.page_html(page.file.src_uri, html, page)


@plugins.event_priority(-100)  # after every plugin: the Content Security Policy must see the final page
def on_post_page(output, page, config):
    return run.build.secure(page.file.dest_uri, output)


@plugins.event_priority(-100)  # after every plugin (mkdocs-redirects writes its pages in on_post_build)
def on_post_build(config):
    run.postbuild(config.site_dir, log)  # a broken link is a warning, which fails --strict


def on_env(env, config, files):
    env.bytecode_cache = compiled_templates(env)  # each template compiled once per process (`mkdocs serve`)
    run.build.unrendered(files)  # a preview's pages not rendered again get their metadata, for the sitemap


def on_build_error(error):  # a build stopped halfway leaves a preview untrusted: the next starts from nothing
    run.failed()
