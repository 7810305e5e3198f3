"""Where a page sits in the site, and what its layout shows: breadcrumbs, the marked header tab,
whether the navigation column and the table of contents are worth their room.

Plain data in, plain data out: `menu_entries` turns the content's menu into `NavEntry` values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from partnership.content.parts import Menu
from partnership.formats.markup import h

# Generated pages outside the navigation that belong under a page of it (by address).
PARENTS = {"case-studies/": "directory/"}


@dataclass(frozen=True)
class NavEntry:
    title: str
    url: str  # site-relative, "" for the home page
    trail: tuple[tuple[str, str], ...]  # the sections above it: (title, URL of the section's first page)


@dataclass(frozen=True)
class Place:
    crumbs: list[tuple[str, str]]  # (title, site-relative URL), from Home down to the page's parent
    tab: str | None  # URL of the header tab to mark ("" is the home page's), None for none
    siblings: int  # pages in the navigation column beside this page (0 when it is not in the navigation)


def place(url: str, entries: list[NavEntry]) -> Place:
    """Where the page at `url` sits: the page itself when it is in the navigation, else its nearest parent."""
    home_crumb = [("Home", "")]
    own = next((e for e in entries if e.url == url), None)
    if own is not None:
        crumbs = [c for c in own.trail if c[1] != url]
        siblings = sum(1 for e in entries if e.trail == own.trail) if own.trail else 0
        tab = own.trail[0][1] if own.trail else own.url
        return Place(home_crumb + crumbs if url else [], tab, siblings)
    lookup = next((PARENTS[p] for p in PARENTS if url.startswith(p)), url)
    parents = [e for e in entries if e.url and lookup.startswith(e.url)]
    if not parents:
        return Place(home_crumb, None, 0)
    parent = max(parents, key=lambda e: len(e.url))
    crumbs = [c for c in parent.trail if c[1] != parent.url] + [(parent.title, parent.url)]
    return Place(home_crumb + crumbs, parent.trail[0][1] if parent.trail else parent.url, 0)


def hidden_parts(where: Place, toc_sections: int, is_home: bool) -> list[str]:
    """Material's `hide` list: no navigation column holding one page or none, no contents for one section."""
    hide = []
    if is_home or where.siblings <= 1:
        hide.append("navigation")
    if is_home or toc_sections < 3:
        hide.append("toc")
    return hide


_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def scrollable_tables(html: str) -> str:
    """Wrap each table in a region that takes keyboard focus, so a table wider than a phone can be
    scrolled sideways with the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable)."""
    count = 0

    def wrap(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        caption = _CAPTION.search(match.group())
        name = _TAGS.sub("", caption.group(1)).strip() if caption else ""
        label = f"Table: {name}" if name else f"Table {count}"
        label = label.replace('"', "&quot;")
        return f'<div class="ps-table" role="region" tabindex="0" aria-label="{label}">{match.group()}</div>'

    return _TABLE.sub(wrap, html)


def menu_entries(links: Menu) -> list[NavEntry]:
    """The menu's pages with their addresses and the sections above them, for breadcrumbs."""
    entries = []
    for label, target in links:
        if isinstance(target, str):
            entries.append(NavEntry(h(label), page_url(target), ()))
        elif target:
            trail = ((h(label), page_url(target[0][1])),)
            entries += [NavEntry(h(text), page_url(page), trail) for text, page in target]
    return entries


def page_url(src_uri: str) -> str:
    """The site-relative address of a page in docs/ (directory URLs): about.md -> about/."""
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return src_uri.removesuffix("index.md")
    return src_uri.removesuffix(".md") + "/"
