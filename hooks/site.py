"""MkDocs hooks: a thin adapter from MkDocs events to the `partnership` package."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from partnership import blocks, brand, build_date, csp, landing, layout, linkcheck, parts, sanitize, searchindex, seo
from partnership.background import PARALLEL_FROM, PageScanner
from partnership.cms import LOCAL_PORT, cms_files
from partnership.cms_schema import backend_config
from partnership.facets import build_directory
from partnership.load import Project, load, redirect_maps
from partnership.outputs import BRAND_CSS, SEARCH_CSS, SITE_SEARCH, generated_files
from partnership.pages import generated_pages, page_meta
from partnership.problems import ERROR, errors

log = get_plugin_logger("partnership")

# Reset in on_config: `mkdocs serve` keeps this module between rebuilds.
_state: dict = {}
_command = {"name": "build"}  # set once by on_startup


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "scanner" in _state:  # a rebuild of `mkdocs serve` after a failed build
        _state["scanner"].close()
    _state.clear()
    root = Path(config.config_file_path).parent
    today = build_date()
    project = load(root, Path(config.docs_dir), today)
    project.preview = _command["name"] == "serve"  # drafts and scheduled case studies, with a banner
    for problem in sorted(project.problems):
        (log.error if problem.severity == ERROR else log.warning)(str(problem))
    if not project.ok:
        count = len(errors(project.problems))
        raise Abort(f"{count} problem(s) in the content, listed above; nothing was built. Fix them and build again.")
    identity = project.data["partnership"]
    for key, value in brand.site_settings(identity, today).items():
        config[key] = value
    config["nav"] = parts.mkdocs_nav(project)  # the menu comes from content, never from mkdocs.yml
    config.extra["parts"] = parts.template_parts(project)  # the footer and 404 page link only to what exists
    config.extra["contact"] = brand.contact(identity)  # the footer's contact block
    config.theme["logo"] = identity["logo"]
    config.theme["favicon"] = identity["logo"]
    config.extra_css.insert(0, BRAND_CSS)
    config.extra_css.append(SEARCH_CSS)
    config.extra_javascript.append(SITE_SEARCH)  # case studies in the site-wide search box
    if identity.get("website"):
        config["site_url"] = identity["website"]
    news = root / "news"
    if news.is_dir() and str(news) not in config.watch:
        config.watch.append(str(news))
    if "redirects" in config.plugins:  # old case study addresses keep working
        config.plugins["redirects"].config["redirect_maps"].update(redirect_maps(project))
    _state.update(project=project, today=today, meta={}, html={}, hashes=set())
    _state["scripts"] = csp.Known(config.theme.dirs)  # the only inline scripts the policy allows
    _state["scanner"] = PageScanner(parallel=len(project.case_studies) >= PARALLEL_FROM)  # for the link check
    return config


@event_priority(50)  # before other plugins (mkdocs-redirects) look at the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    project: Project = _state["project"]
    directory = build_directory(project)
    for page in generated_pages(project, directory):
        files.append(File.generated(config, page.src_uri, content=page.markdown))
        _state["meta"][page.src_uri] = page.meta
        _state["html"][page.src_uri] = page.fills()
    _state["seo"] = seo.page_extras(project, config.site_url)
    files.append(File.generated(config, "robots.txt", content=seo.robots_txt(config.site_url)))
    for src_uri, content in generated_files(project, directory, config.site_url or "/", _state["today"]).items():
        files.append(File.generated(config, src_uri, content=content))
    identity = project.data["partnership"]
    backend = backend_config(identity.get("cms"), identity.get("repository") or "OWNER/REPOSITORY")
    local = int(os.environ.get("DECAP_SERVER_PORT") or LOCAL_PORT) if project.preview else None
    admin = cms_files(project.vocabularies, backend, project.root, config.extra_css, local, identity["logo"])
    for src_uri, source in admin.items():
        if isinstance(source, Path):
            files.append(File.generated(config, src_uri, abs_src_path=str(source)))
        else:
            files.append(File.generated(config, src_uri, content=source))
    menu = parts.in_menu(project)
    for file in files.documentation_pages(inclusion=lambda level: level != InclusionLevel.EXCLUDED):
        if file.src_uri not in menu and file.inclusion in (InclusionLevel.UNDEFINED, InclusionLevel.INCLUDED):
            file.inclusion = InclusionLevel.NOT_IN_NAV  # built and linked to, but not in the menu
    if backend is None and local is None:
        log.info(
            "The content manager (/admin/) was not built: content/partnership.yml has cms: backend: none, or no cms:."
        )
    elif not admin:
        log.info("The content manager (/admin/) was skipped: its JavaScript is not installed (run `npm ci`).")
    elif local is not None:
        log.info(f"The content manager (/admin/) saves to this folder through decap-server on port {local}.")
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    project: Project = _state["project"]
    src = page.file.src_uri
    page.meta.update(_state["meta"].get(src) or page_meta(project.pages.get(src, {})))
    page.meta.update(seo.for_page(_state["seo"], src))  # og_type, jsonld, sitemap, lastmod
    if src in _state["meta"]:  # a generated page: it holds contributors' text, where placeholders stay text
        return markdown
    return blocks.render(markdown, project.data, _state["today"], src)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = sanitize.clean_body(html)  # every page: content is Markdown from many hands, never trusted HTML
    for marker, ready in (_state["html"].get(page.file.src_uri) or {}).items():
        html = html.replace(marker, ready, 1)
    if page.is_homepage:  # the landing layout: actions, figures, dates, news, case studies
        html = landing.home(_state["project"], _state["today"]) + html
    return layout.scrollable_tables(html)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """Breadcrumbs, the header tab to mark and which sidebars to show (partnership/layout.py)."""
    if "nav_entries" not in _state:
        _state["nav_entries"] = _nav_entries(nav.items, ())
    where = layout.place(page.url, _state["nav_entries"])
    page.meta["ps_crumbs"] = where.crumbs
    page.meta["ps_tab"] = where.tab
    if "hide" not in page.meta:  # a page's own front matter wins
        sections = sum(len(item.children) if item.level == 1 else 1 for item in page.toc)  # h2s
        page.meta["hide"] = layout.hidden_parts(where, sections, page.is_homepage)
    return context


def _nav_entries(items: list, trail: tuple[tuple[str, str], ...]) -> list[layout.NavEntry]:
    entries = []
    for item in items:
        if isinstance(item, Section):
            first = item
            while isinstance(first, Section) and first.children:
                first = first.children[0]
            entries += _nav_entries(item.children, (*trail, (item.title, getattr(first, "url", ""))))
        elif getattr(item, "url", None) is not None and not getattr(item, "is_link", False):
            entries.append(layout.NavEntry(item.title, item.url, trail))
    return entries


@event_priority(-100)  # after every plugin: the Content Security Policy must see the final page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    secured, hashes = csp.secure_page(output, _state["scripts"])  # in memory, as MkDocs writes it: no second read
    _state["hashes"].update(hashes)
    _state["scanner"].add(page.file.dest_uri, secured)
    return secured


@event_priority(-100)  # after every plugin (mkdocs-redirects writes its pages in on_post_build)
def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    if path.exists():
        index = searchindex.trim(json.loads(path.read_text(encoding="utf-8")))
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    site = Path(config.site_dir)
    scanned = _state["scanner"].results()  # every page that went through on_post_page
    broken = linkcheck.check_site(site, config.site_url, scanned=scanned)  # warnings fail --strict
    if broken:
        log.warning(linkcheck.report(broken))
    # The last step: pages written after on_post_page (mkdocs-redirects', the 404 page) get their policy.
    rest = csp.secure_files(site, [p for p in csp.html_files(site) if p not in scanned], _state["scripts"])
    csp.write_headers(site, _state["hashes"] | rest.hashes)


def on_build_error(error: Exception) -> None:
    if "scanner" in _state:
        _state["scanner"].close()
