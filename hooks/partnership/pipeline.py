"""The build as plain functions: load the content, generate every page and file, then secure the site.

`start` loads and checks the content and returns one `Build`, the state of a single build (reset
on every rebuild); `generate` returns every generated file; the `Build` methods fill in each page
as the engine renders it; finishing.py's `postbuild` checks and secures the written site. hooks/site.py adapts
these to MkDocs' events; nothing here knows MkDocs.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pathspec.gitignore import GitIgnoreSpec

from partnership import build_date, deferred, preview
from partnership.compiled_templates import compiled_templates
from partnership.content import parts
from partnership.content.examples import samples
from partnership.content.load import Project, load, redirect_maps
from partnership.content.problems import ERROR, errors
from partnership.directory.facets import build_directory
from partnership.engine import EngineFile, EnginePage, Heading, Log
from partnership.forked import Forked
from partnership.outputs import brand, seo
from partnership.outputs.cms import LOCAL_PORT, admin_files
from partnership.outputs.files import BRAND_CSS, SEARCH_CSS, SITE_SEARCH, directory_files, generated_files
from partnership.pages import blocks, landing, layout
from partnership.pages.generated import GeneratedPage, generated_pages, page_meta
from partnership.postbuild import csp, sanitize
from partnership.postbuild.scanner import PARALLEL_FROM, PageScanner
from partnership.preview import Preview, SitePage

__all__ = ["compiled_templates", "finish", "generate", "start"]  # what hooks/site.py uses


@dataclass(frozen=True)
class Generated:
    """A page or file the build adds to the site: its text, or a file of the repository to copy."""

    src_uri: str  # as if it were in docs/: "case-studies/foo.md", "directory/index.json"
    content: str | None = None
    path: str | None = None  # the file to copy, instead of content

    def __post_init__(self) -> None:
        if (self.content is None) == (self.path is None):
            raise ValueError(f"{self.src_uri}: a generated file has either its text or a file to copy, not both")


@dataclass
class Build:
    """Everything one build knows, from loading the content to securing the written site."""

    project: Project
    today: dt.date
    site_url: str | None = None
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)  # generated pages' metadata, by src_uri
    fills: dict[str, dict[str, str]] = field(default_factory=dict)  # generated pages' ready-made HTML
    extras: dict[str, dict[str, Any]] = field(default_factory=dict)  # JSON-LD, sitemap choices
    scripts: csp.Known | None = None
    scanner: PageScanner | None = None
    notes: list[str] = field(default_factory=list)  # what the build tells the person running it
    failure: str = ""  # why nothing is built (the content has errors), or ""
    links: parts.Menu = field(default_factory=list)  # the menu, from content: computed once, in `start`
    menu: list[layout.NavEntry] = field(default_factory=list)  # its pages with their addresses, for breadcrumbs
    preview: Preview | None = None  # a preview's rebuilds (`mkdocs serve --dirty`): what the last one left
    theme_dirs: list[str] = field(default_factory=list)
    settings_key: str = ""  # of the engine's settings that come from content
    page_keys: dict[str, str] = field(default_factory=dict)  # generated pages' and files', by src_uri (previews)
    page_hashes: dict[str, list[str]] = field(default_factory=dict)  # the inline scripts' hashes, by page written
    data_job: Forked[dict[str, str]] | None = None  # the directory's data, made on the other core (deferred.py)

    def settings(
        self, extra_css: list[str], extra_javascript: list[str], watch: list[str], extra: dict[str, Any]
    ) -> dict[str, Any]:
        """The engine's settings that come from content: name, menu, colours, logo, address, `extra`."""
        identity = self.project.identity
        news = str(self.project.root / "news")
        values: dict[str, Any] = {
            **brand.site_settings(identity, self.today),
            "nav": parts.mkdocs_nav(self.links),  # the menu comes from content, never from mkdocs.yml
            "extra_css": [BRAND_CSS, *extra_css, SEARCH_CSS],
            "extra_javascript": [*extra_javascript, SITE_SEARCH],  # case studies in the site-wide search box
            "extra": {**extra, **self.extra()},
            "watch": [*watch, news] if Path(news).is_dir() and news not in watch else watch,
            # Only the pages the menu names are in it; the rest (case studies, facet pages) are built all the same.
            "not_in_nav": GitIgnoreSpec.from_lines(
                ["*.md", *(f"!/{src}" for src in sorted(parts.in_menu(self.links)))]
            ),
        }
        if identity.get("website"):
            values["site_url"] = identity["website"]
        self.settings_key = preview.key(values, self.theme())
        return values

    def theme(self) -> dict[str, str]:
        logo = self.project.identity["logo"]
        return {"logo": logo, "favicon": logo}

    def redirects(self) -> dict[str, str]:
        """Old case study addresses and the pages they moved to (for mkdocs-redirects)."""
        return redirect_maps(self.project)

    def extra(self) -> dict[str, Any]:
        """For templates: which optional parts exist (footer, 404 page) and the contact block."""
        return {"parts": parts.template_parts(self.project), "contact": brand.contact(self.project.identity)}

    def metadata(self, src_uri: str) -> dict[str, Any]:
        """A page's metadata: its title and description, then og_type, jsonld, sitemap, lastmod."""
        return {
            **(self.meta.get(src_uri) or page_meta(self.project.pages.get(src_uri, {}))),
            **seo.for_page(self.extras, src_uri),
        }

    def page_markdown(self, src_uri: str, markdown: str, meta: dict[str, Any]) -> str:
        """A page's Markdown with its placeholders filled in; its metadata (`meta`) completed."""
        meta.update(self.metadata(src_uri))
        if src_uri in self.meta:  # a generated page: it holds contributors' text, where placeholders stay text
            return markdown
        return blocks.render(markdown, self.project.data, self.today, src_uri)

    def page_html(self, src_uri: str, html: str, page: EnginePage) -> str:
        """A rendered page body, sanitised, with generated pages' ready-made HTML put in.

        Also its layout (breadcrumbs, the header tab to mark, which sidebars to hide), into its `meta`.
        """
        html = sanitize.clean_body(html)  # every page: content is Markdown from many hands, never trusted HTML
        for marker, ready in (self.fills.get(src_uri) or {}).items():
            html = html.replace(marker, ready, 1)
        self.page_layout(page.url, page.toc, page.is_homepage, page.meta)
        if page.is_homepage:  # the landing layout: actions, figures, dates, news, case studies
            html = landing.home(self.project, self.today) + html
        return layout.scrollable_tables(html)

    def page_layout(self, url: str, toc: Iterable[Heading], is_homepage: bool, meta: dict[str, Any]) -> None:
        sections = sum(len(item.children) if item.level == 1 else 1 for item in toc)  # h2s
        where = layout.place(url, self.menu)
        meta.update(ps_crumbs=where.crumbs, ps_tab=where.tab)
        if "hide" not in meta:  # a page's own front matter wins
            meta["hide"] = layout.hidden_parts(where, sections, is_homepage)

    def secure(self, dest_uri: str, html: str) -> str:
        """A written page with its Content Security Policy; its links go to the link check."""
        assert self.scripts is not None and self.scanner is not None
        secured, hashes = csp.secure_page(html, self.scripts)  # in memory, as the engine writes it
        self.page_hashes[dest_uri] = hashes
        self.scanner.add(dest_uri, secured)
        return secured

    def unrendered(self, files: Iterable[EngineFile]) -> None:
        """A preview's pages its rebuild did not render again get their metadata (the sitemap reads it)."""
        for file in files:
            if file.page is not None and file.page.markdown is None:
                file.page.meta.update(self.metadata(file.src_uri))

    def plan(self, files: Iterable[EngineFile], site_dir: str, config_file: str) -> None:
        """A preview's rebuild, before the engine renders: which pages to render again (see preview.py)."""
        if self.preview is None:
            return
        pages, others = [], []
        for file in files:
            if file.is_documentation_page():
                pages.append(SitePage(file.src_uri, file.url, file.dest_uri))
            else:
                others.append(file.dest_uri)
        others += [layout.page_url(old) + "index.html" for old in self.redirects()]  # mkdocs-redirects' pages
        written = sorted(page.src_uri for page in pages if page.src_uri not in self.page_keys)  # by hand
        config = Path(config_file).read_text(encoding="utf-8")
        site_key = preview.key(self.settings_key, preview.theme_key(self.theme_dirs), config, written)
        preview.plan(self.preview, Path(site_dir), site_key, self.page_keys, pages, others)

    def close(self) -> None:
        if self.scanner is not None:
            self.scanner.close()
        if self.data_job is not None:  # a build that failed before the data files were waited for
            self.data_job.close(wait=0)


def finish(build: Build | None) -> None:
    """After a build or a failed one: stop the link check's worker, if the build had started one."""
    if build is not None:
        build.close()


def start(
    config_file: str, docs_dir: str, theme_dirs: list[str], command: str, log: Log, last: Preview | None = None
) -> Build:
    """Load and check all content, and log every problem. With errors, the build's `failure` says so.

    `command` is the engine's (build, serve, gh-deploy): `serve` previews drafts and scheduled
    case studies, with a banner. `last` is what a preview's last rebuild left (`mkdocs serve --dirty`).
    """
    today = build_date()
    project = load(Path(config_file).parent, Path(docs_dir), today)
    project.preview = command == "serve"
    links = parts.menu(project) if project.ok else []
    build = Build(project, today, links=links, menu=layout.menu_entries(links), preview=last, theme_dirs=theme_dirs)
    for problem in sorted(project.problems):
        (log.error if problem.severity == ERROR else log.warning)(str(problem))
    if not project.ok:
        count = len(errors(project.problems))
        build.failure = f"{count} problem(s) in the content, listed above; nothing was built. Fix them and build again."
        return build
    build.scripts = csp.Known(theme_dirs)  # the only inline scripts the policy allows
    few = last is not None and last.trusted  # a preview's rebuild renders a few pages: no worker
    build.scanner = PageScanner(parallel=not few and len(project.case_studies) >= PARALLEL_FROM)
    return build


def generate(build: Build, site_url: str | None, styles: list[str], site_dir: str) -> list[Generated]:
    """Every page and file the content produces, besides the hand-written pages in docs/.

    `styles` are the site's stylesheets, which the content manager's preview uses too.
    """
    project = build.project
    build.site_url = site_url
    directory = build_directory(project)
    if build.preview is not None:
        preview.prepare(build.preview, Path(site_dir))  # emptied now if need be, before anything is written
    data = functools.partial(directory_files, project, directory, site_url or "/", build.today)
    if not project.preview and len(directory.studies) >= deferred.WORKER_FROM:  # the engine never sees them
        build.data_job = deferred.start(data, Path(site_dir), build.preview)
    out = []
    pages = generated_pages(project, directory)
    for page in pages:
        build.meta[page.src_uri] = page.meta
        build.fills[page.src_uri] = page.fills()
    build.extras = seo.page_extras(project, site_url)
    for page in pages:
        out.append(Generated(page.src_uri, page.markdown) if build.preview is None else previewed(build, page))
    out.append(Generated("robots.txt", seo.robots_txt(site_url)))
    files = generated_files(project, directory, site_url or "/", build.today)
    if build.data_job is None:
        files.update(data())  # a preview's, from its memos; or a small site's, quicker than a child
    for src, text in files.items():
        out.append(Generated(src, text) if build.preview is None else previewed_file(build, src, text))
    out += content_manager(build, styles)
    return out


def previewed(build: Build, page: GeneratedPage) -> Generated:
    """A generated page of a preview, from a file on disk, so the engine can tell whether it changed."""
    assert build.preview is not None
    src, extra = page.src_uri, seo.for_page(build.extras, page.src_uri)
    build.page_keys[src] = page_key = preview.key(page.markdown, page.meta, build.fills[src], extra, build.site_url)
    path = preview.source(build.preview, src, page.markdown, build.preview.keys.get(src) == page_key)
    return Generated(src, page.markdown) if path is None else Generated(src, path=path)


def previewed_file(build: Build, src: str, text: str) -> Generated:
    """A generated file of a preview, from a file on disk: the engine copies it again only when it changed."""
    assert build.preview is not None
    build.page_keys[src] = file_key = preview.text_key(text)
    return Generated(src, path=preview.source(build.preview, src, text, build.preview.keys.get(src) == file_key, False))


def content_manager(build: Build, styles: list[str]) -> list[Generated]:
    """/admin/ (Decap CMS), when the content names a backend or this is a local preview."""
    project = build.project
    local = int(os.environ.get("DECAP_SERVER_PORT") or LOCAL_PORT) if project.preview else None
    admin, note = admin_files(project, styles, local, samples(project))
    build.notes += [note] if note else []
    return [
        Generated(src, path=str(value)) if isinstance(value, Path) else Generated(src, content=value)
        for src, value in admin.items()
    ]
