"""Which pages the content produces, and the menu built from content/navigation.yml.

Each optional part of a site (the board, the scorecard, the schools...) is a page exactly when its
content exists; links, the menu, the footer and the feeds ask here. No MkDocs objects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from partnership.content.problems import Problem
from partnership.content.records import position
from partnership.content.suggest import did_you_mean
from partnership.content.yamlstrict import Sequence, parse
from partnership.formats.markup import h

NAVIGATION = "content/navigation.yml"

# Generated pages that exist when their content does: part -> (page, its usual label).
OPTIONAL = {
    "schools": ("schools/index.md", "Member schools"),
    "board": ("board/index.md", "The board"),
    "impact": ("impact/index.md", "Impact"),
    "offer": ("offer/index.md", "What we offer"),
    "questions": ("questions/index.md", "Questions"),
    "resources": ("resources/index.md", "Documents"),
    "directory": ("directory/index.md", "Good practice"),
    "news": ("news/index.md", "News"),
}
ALWAYS = {"guide/index.md": "Content guide", "accessibility/index.md": "Accessibility statement"}
DATA_OF = {
    "schools": "schools",
    "board": "board",
    "impact": "scorecard",
    "offer": "offer",
    "questions": "questions",
    "resources": "resources",
}

# The menu when content/navigation.yml is left out: whatever of it the content produces.
DEFAULT_MENU: list[tuple[str, list[tuple[str, str]]]] = [
    ("Welcome", [("Welcome", "index.md")]),
    (
        "About",
        [
            ("About the partnership", "about.md"),
            ("Aims", "aims.md"),
            ("Member schools", "schools/index.md"),
            ("The board", "board/index.md"),
            ("Impact", "impact/index.md"),
        ],
    ),
    (
        "Join",
        [
            ("Joining", "join.md"),
            ("What we offer", "offer/index.md"),
            ("Questions", "questions/index.md"),
            ("Documents", "resources/index.md"),
        ],
    ),
    ("Good practice", [("Good practice", "directory/index.md")]),
    ("News", [("News", "news/index.md")]),
]
OUTSIDE_MENU = ("privacy.md",)  # linked from every page's footer instead


def present(project: Any) -> dict[str, str]:
    """The optional parts this content produces: part -> its page."""
    out = {}
    for part, (page, _label) in OPTIONAL.items():
        if part in DATA_OF:
            there = project.data.get(DATA_OF[part]) is not None
        elif part == "directory":
            there = bool(project.case_studies)
        else:
            there = bool(project.news)
        if there:
            out[part] = page
    return out


def site_pages(project: Any) -> dict[str, str]:
    """Every page a menu may point to: docs-relative path -> how to write it in navigation.yml."""
    pages = {src: src for src in project.pages}
    for src in [*present(project).values(), *ALWAYS]:
        pages[src] = src.removesuffix("index.md")
    return pages


def page_list(project: Any) -> list[str]:
    """The addresses of the pages the content will produce, for `partnership check`."""
    out = []
    for src in sorted(site_pages(project)):
        url = src.removesuffix(".md") + "/" if not src.endswith("index.md") else src.removesuffix("index.md")
        out.append("/" + url.removeprefix("/"))
    schools = project.data.get("schools")
    if schools:
        out += [f"/{s.url}" for s in schools["schools"]]
    out += [f"/{s.url}" for s in project.published_case_studies()]
    out += [f"/{p.url}" for p in project.published_news()]
    return sorted(set(out))


def _resolve(written: str, pages: dict[str, str]) -> str | None:
    """The docs-relative page a menu entry names: 'about.md', 'board/', 'board' or '/' for the home page."""
    text = written.strip().lstrip("/")
    candidates = [text] if text.endswith(".md") else []
    if not text or text.endswith("/"):
        candidates += [text + "index.md", text.removesuffix("/") + ".md"]
    elif not text.endswith(".md"):
        candidates += [text + ".md", text + "/index.md"]
    return next((c for c in candidates if c in pages), None)


def check(project: Any) -> list[Problem]:
    """Problems with content/navigation.yml: every page it names must be one the content produces."""
    navigation = project.data.get("navigation")
    if not navigation:
        return []
    pages = site_pages(project)
    node, _found = parse((project.root / NAVIGATION).read_text(encoding="utf-8"), NAVIGATION)
    if node is None:
        return []  # an empty file: reported when it was loaded
    menu = position(node, "menu")
    problems = []
    for index, entry in enumerate(navigation["menu"]):
        entry_node = menu.items[index] if isinstance(menu, Sequence) else node
        links = [(f"menu[{index}].page", entry["page"], position(entry_node, "page"))] if entry["page"] else []
        section = position(entry_node, "pages")
        for number, link in enumerate(entry["pages"]):
            link_node = section.items[number] if isinstance(section, Sequence) else entry_node
            links.append((f"menu[{index}].pages[{number}].page", link["page"], position(link_node, "page")))
        for where, written, at in links:
            if _resolve(written, pages) is None:
                problems.append(Problem(NAVIGATION, at.line, at.column, where, _unknown(project, written, pages)))
    return problems


def _unknown(project: Any, written: str, pages: dict[str, str]) -> str:
    suggestion = did_you_mean(written.strip().lstrip("/"), sorted(pages.values()))
    for part, (page, _label) in OPTIONAL.items():
        if written.strip().strip("/") in (part, page.removesuffix("/index.md")) and part in DATA_OF:
            return (
                f"'{written}' is the {part} page, which this site does not have: it exists when "
                f"content/{DATA_OF[part]}.yml does; add the file or take the entry out"
            )
    hint = f"did you mean '{suggestion}'?" if suggestion else "name a file in docs/ or a page such as 'directory/'"
    return f"'{written}' is not a page of this site; {hint}"


Menu = list[tuple[str, list[tuple[str, str]] | str]]  # (label, page) links and (label, [(label, page)]) sections


def menu(project: Any) -> Menu:
    """The menu as (label, page) links and (label, [(label, page)]) sections, pages docs-relative."""
    pages = site_pages(project)
    navigation = project.data.get("navigation")
    if navigation:
        out: Menu = []
        for entry in navigation["menu"]:
            if entry["page"]:
                out.append((entry["label"], _resolve(entry["page"], pages) or entry["page"]))
            else:
                out.append(
                    (entry["label"], [(link["label"], _resolve(link["page"], pages) or "") for link in entry["pages"]])
                )
        return out
    out = []
    for label, links in DEFAULT_MENU:
        there = [(text, page) for text, page in links if page in pages]
        if len(links) == 1 and there:
            out.append((label, there[0][1]))
        elif there:
            out.append((label, there))
    named = {page for _label, links in DEFAULT_MENU for _text, page in links}
    for src, front in sorted(project.pages.items()):
        if "/" not in src and src not in named and src not in OUTSIDE_MENU:
            out.append((front.get("title") or Path(src).stem.replace("-", " ").capitalize(), src))
    return out


def mkdocs_nav(links: Menu) -> list[dict[str, Any]]:
    """The menu in the shape of mkdocs.yml's `nav`, its labels HTML-escaped (themes print them as they are)."""
    return [
        {h(label): target if isinstance(target, str) else [{h(text): page} for text, page in target]}
        for label, target in links
    ]


def in_menu(links: Menu) -> set[str]:
    """The pages the menu names: every other page is built but left out of the menu."""
    out = set()
    for _label, target in links:
        out.update([target] if isinstance(target, str) else [page for _text, page in target])
    return out


def template_parts(project: Any) -> dict[str, bool]:
    """For templates: which optional parts the site has (the footer and the 404 page link only to those)."""
    there = present(project)
    return {part: part in there for part in OPTIONAL} | {"calendar": project.data.get("key_dates") is not None}
