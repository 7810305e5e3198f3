"""The build as plain functions: load the content, generate every page and file, then secure the site.

`start` loads and checks the content and returns one `Build`, the state of a single build (reset
on every rebuild); `generate` returns every generated file; the `Build` methods fill in each page
as the engine renders it; `postbuild` checks and secures the written site. hooks/site.py adapts
these to MkDocs' events; nothing here knows MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pathspec.gitignore import GitIgnoreSpec

from partnership import build_date
from partnership.compiled_templates import compiled_templates
from partnership.content import parts
from partnership.content.examples import samples
from partnership.content.load import Project, load, redirect_maps
from partnership.content.problems import ERROR, errors
from partnership.content.schema_cms import backend_config
from partnership.directory.facets import build_directory
from partnership.formats.markup import h
from partnership.outputs import brand, seo
from partnership.outputs.cms import LOCAL_PORT, cms_files
from partnership.outputs.files import BRAND_CSS, SEARCH_CSS, SITE_SEARCH, generated_files
from partnership.pages import blocks, landing, layout
from partnership.pages.generated import generated_pages, page_meta
from partnership.postbuild import csp, linkcheck, sanitize, searchindex
from partnership.postbuild.scanner import PARALLEL_FROM, PageScanner

__all__ = ["compiled_templates", "finish", "generate", "postbuild", "start"]  # what hooks/site.py uses

Log = logging.Logger | logging.LoggerAdapter[logging.Logger]  # the engine's logger for this package


class Heading(Protocol):
    """An entry of a page's table of contents, as the engine gives it: h1 entries hold the h2s."""

    level: int
    children: list[Any]


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
    hashes: set[str] = field(default_factory=set)  # of the inline scripts the pages run
    scripts: csp.Known | None = None
    scanner: PageScanner | None = None
    notes: list[str] = field(default_factory=list)  # what the build tells the person running it
    failure: str = ""  # why nothing is built (the content has errors), or ""
    links: parts.Menu = field(default_factory=list)  # the menu, from content: computed once, in `start`
    menu: list[layout.NavEntry] = field(default_factory=list)  # its pages with their addresses, for breadcrumbs

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

    def page_markdown(self, src_uri: str, markdown: str, meta: dict[str, Any]) -> str:
        """A page's Markdown with its placeholders filled in; its metadata (`meta`) completed."""
        meta.update(self.meta.get(src_uri) or page_meta(self.project.pages.get(src_uri, {})))
        meta.update(seo.for_page(self.extras, src_uri))  # og_type, jsonld, sitemap, lastmod
        if src_uri in self.meta:  # a generated page: it holds contributors' text, where placeholders stay text
            return markdown
        return blocks.render(markdown, self.project.data, self.today, src_uri)

    def page_html(self, src_uri: str, html: str, is_homepage: bool) -> str:
        """A rendered page body, sanitised, with generated pages' ready-made HTML put in."""
        html = sanitize.clean_body(html)  # every page: content is Markdown from many hands, never trusted HTML
        for marker, ready in (self.fills.get(src_uri) or {}).items():
            html = html.replace(marker, ready, 1)
        if is_homepage:  # the landing layout: actions, figures, dates, news, case studies
            html = landing.home(self.project, self.today) + html
        return layout.scrollable_tables(html)

    def page_layout(self, url: str, toc: Iterable[Heading], is_homepage: bool, meta: dict[str, Any]) -> None:
        """Breadcrumbs, the header tab to mark and which sidebars to hide, into the page's `meta`."""
        sections = sum(len(item.children) if item.level == 1 else 1 for item in toc)  # h2s
        where = layout.place(url, self.menu)
        meta.update(ps_crumbs=where.crumbs, ps_tab=where.tab)
        if "hide" not in meta:  # a page's own front matter wins
            meta["hide"] = layout.hidden_parts(where, sections, is_homepage)

    def secure(self, dest_uri: str, html: str) -> str:
        """A written page with its Content Security Policy; its links go to the link check."""
        assert self.scripts is not None and self.scanner is not None
        secured, hashes = csp.secure_page(html, self.scripts)  # in memory, as the engine writes it
        self.hashes.update(hashes)
        self.scanner.add(dest_uri, secured)
        return secured

    def close(self) -> None:
        if self.scanner is not None:
            self.scanner.close()


def finish(build: Build | None) -> None:
    """After a build or a failed one: stop the link check's worker, if the build had started one."""
    if build is not None:
        build.close()


def start(config_file: str, docs_dir: str, theme_dirs: list[str], command: str, log: Log) -> Build:
    """Load and check all content, and log every problem. With errors, the build's `failure` says so.

    `command` is the engine's (build, serve, gh-deploy): `serve` previews drafts and scheduled
    case studies, with a banner.
    """
    today = build_date()
    project = load(Path(config_file).parent, Path(docs_dir), today)
    project.preview = command == "serve"
    links = parts.menu(project) if project.ok else []
    build = Build(project, today, links=links, menu=menu_entries(links))
    for problem in sorted(project.problems):
        (log.error if problem.severity == ERROR else log.warning)(str(problem))
    if not project.ok:
        count = len(errors(project.problems))
        build.failure = f"{count} problem(s) in the content, listed above; nothing was built. Fix them and build again."
        return build
    build.scripts = csp.Known(theme_dirs)  # the only inline scripts the policy allows
    build.scanner = PageScanner(parallel=len(project.case_studies) >= PARALLEL_FROM)  # for the link check
    return build


def menu_entries(links: parts.Menu) -> list[layout.NavEntry]:
    """The menu's pages with their addresses and the sections above them, for breadcrumbs."""
    entries = []
    for label, target in links:
        if isinstance(target, str):
            entries.append(layout.NavEntry(h(label), page_url(target), ()))
        elif target:
            trail = ((h(label), page_url(target[0][1])),)
            entries += [layout.NavEntry(h(text), page_url(page), trail) for text, page in target]
    return entries


def page_url(src_uri: str) -> str:
    """The site-relative address of a page in docs/ (directory URLs): about.md -> about/."""
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri.removesuffix("index.md")
    return src_uri.removesuffix(".md") + "/"


def generate(build: Build, site_url: str | None, styles: list[str]) -> list[Generated]:
    """Every page and file the content produces, besides the hand-written pages in docs/.

    `styles` are the site's stylesheets, which the content manager's preview uses too.
    """
    project = build.project
    build.site_url = site_url
    directory = build_directory(project)
    out = []
    for page in generated_pages(project, directory):
        out.append(Generated(page.src_uri, page.markdown))
        build.meta[page.src_uri] = page.meta
        build.fills[page.src_uri] = page.fills()
    build.extras = seo.page_extras(project, site_url)
    out.append(Generated("robots.txt", seo.robots_txt(site_url)))
    out += [
        Generated(src, text) for src, text in generated_files(project, directory, site_url or "/", build.today).items()
    ]
    out += content_manager(build, styles)
    return out


def content_manager(build: Build, styles: list[str]) -> list[Generated]:
    """/admin/ (Decap CMS), when the content names a backend or this is a local preview."""
    project = build.project
    identity = project.identity
    backend = backend_config(identity.get("cms"), identity.get("repository") or "OWNER/REPOSITORY")
    local = int(os.environ.get("DECAP_SERVER_PORT") or LOCAL_PORT) if project.preview else None
    admin = cms_files(project.vocabularies, backend, project.root, styles, local, identity["logo"], samples(project))
    if backend is None and local is None:
        build.notes.append(
            "The content manager (/admin/) was not built: content/partnership.yml has cms: backend: none, or no cms:."
        )
    elif not admin:
        build.notes.append("The content manager (/admin/) was skipped: its JavaScript is not installed (run `npm ci`).")
    elif local is not None:
        build.notes.append(f"The content manager (/admin/) saves to this folder through decap-server on port {local}.")
    return [
        Generated(src, path=str(value)) if isinstance(value, Path) else Generated(src, content=value)
        for src, value in admin.items()
    ]


def postbuild(build: Build, site_dir: str, log: Log) -> None:
    """After the engine has written the site: trim the search index, check links, write the policy.

    Logs the build's notes, and any broken links as a warning (which fails a --strict build).
    """
    site = Path(site_dir)
    path = site / "search" / "search_index.json"
    if path.exists():
        index = searchindex.trim(json.loads(path.read_text(encoding="utf-8")))
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    assert build.scanner is not None and build.scripts is not None
    scanned = build.scanner.results()  # every page that went through `secure`
    broken = linkcheck.check_site(site, build.site_url, scanned=scanned)
    # The last step: pages written after `secure` (mkdocs-redirects', the 404 page) get their policy.
    rest = csp.secure_files(site, [p for p in csp.html_files(site) if p not in scanned], build.scripts)
    csp.write_headers(site, build.hashes | rest.hashes)
    for note in build.notes:
        log.info(note)
    if broken:
        log.warning(linkcheck.report(broken))
