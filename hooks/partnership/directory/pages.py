"""The directory's pages: the search page, its paginated listing, and a page per facet value.

All of it works without JavaScript: the listing and facet pages are plain HTML, and each
facet button submits the form to its facet page. `assets/directory.js` makes the same
form filter in place when JavaScript runs.
"""

from __future__ import annotations

from partnership.directory.facets import FACETS, Directory, FacetValue
from partnership.formats.markup import HTML_SLOT, h, relative_url
from partnership.formats.memo import memo

PAGE_SIZE = 200  # case studies on each page of a facet value
SEARCH_PAGE_SIZE = 50  # on /directory/ and its further pages: what opening the directory downloads
# In this order: each uses the ones before it.
SCRIPTS = ("assets/stem.js", "assets/search.js", "assets/results.js", "assets/directory.js")
SEARCH_NEEDS_SCRIPT = "directory/search/"  # where the form sends words when JavaScript is off


def plural(count: int, one: str = "case study", many: str = "case studies") -> str:
    return f"{count:,} {one if count == 1 else many}"


def result_item(directory: Directory, number: int, here: str) -> str:
    """One result, exactly as directory.js renders it."""
    study = directory.studies[number]
    facts, themes = directory.captions[number]
    return _result_html(relative_url(here, study.url), study.title, study.summary, facts, themes)


@memo(1 << 17)  # each study is listed on several facet pages, and again on every rebuild
def _result_html(href: str, title: str, summary: str, facts: str, themes: str) -> str:
    return (
        '<li class="ps-result">'
        f'<h3 class="ps-result__title"><a href="{href}">{h(title)}</a></h3>'
        f'<p class="ps-summary">{h(summary)}</p>'
        f'<p class="ps-facts">{h(facts)}</p>'
        f'<p class="ps-themes">{h(themes)}</p>'
        "</li>"
    )


def _pagination(here_base: str, page: int, pages: int, current: str) -> str:
    if pages <= 1:
        return ""

    def link(n: int) -> str:
        return relative_url(current, here_base if n == 1 else f"{here_base}page/{n}/")

    parts = ['<nav class="ps-pages" aria-label="Pages of case studies">']
    if page > 1:
        parts.append(f'<a href="{link(page - 1)}" rel="prev">Previous page</a>')
    parts.append(f'<span aria-current="page">Page {page} of {pages}</span>')
    if page < pages:
        parts.append(f'<a href="{link(page + 1)}" rel="next">Next page</a>')
    parts.append("</nav>")
    return " ".join(parts)


def listing(
    directory: Directory, numbers: list[int], base: str, size: int = PAGE_SIZE
) -> list[tuple[str, int, int, str]]:
    """(page URL, page number, page count, HTML of list and pagination) for each page of a listing."""
    pages = max(1, -(-len(numbers) // size))
    out = []
    for page in range(1, pages + 1):
        url = base if page == 1 else f"{base}page/{page}/"
        chunk = numbers[(page - 1) * size : page * size]
        items = "\n".join(result_item(directory, n, url) for n in chunk)
        start = (page - 1) * size + 1
        shown = f"{start:,} to {start + len(chunk) - 1:,} of {len(numbers):,}" if pages > 1 else ""
        html = (
            (f'<p class="ps-range">Showing {shown}, newest first.</p>\n' if shown else "")
            + f'<ol class="ps-results" id="ps-results" start="{start}" data-search-exclude>\n{items}\n</ol>\n'
            + _pagination(base, page, pages, url)
        )
        out.append((url, page, pages, html))
    return out


def _facet_form(directory: Directory) -> str:
    fieldsets = []
    for facet in FACETS:
        values = directory.values[facet.key]
        if not values:
            continue
        buttons = "\n".join(
            f'<button type="submit" class="ps-facet" name="{facet.key}" value="{h(v.id)}" '
            f'formaction="{h(f"{facet.key}/{v.id}/")}" data-facet="{facet.key}" data-value="{h(v.id)}">'
            f'<span class="ps-facet__label">{h(v.label)}</span> '
            f'<span class="ps-facet__count">{len(v.items):,}</span></button>'
            for v in values
        )
        fieldsets.append(
            f'<fieldset class="ps-facets" data-facet="{facet.key}"><legend>{h(facet.label)}</legend>\n'
            f"{buttons}\n</fieldset>"
        )
    return "\n".join(fieldsets)


def search_page(directory: Directory, index_url: str) -> list[tuple[str, str, str]]:
    """(src_uri, markdown, HTML for the slot) for /directory/ and its further pages."""
    total = len(directory.studies)
    pages = listing(directory, list(range(total)), "directory/", SEARCH_PAGE_SIZE)
    out = []
    for url, page, count, html in pages:
        src = "directory/index.md" if page == 1 else f"{url}index.md"
        if page > 1:
            out.append(
                (
                    src,
                    f"# Directory of good practice: page {page} of {count}\n\n"
                    f'<p><a href="{relative_url(url, "directory/")}">Search and filter the directory</a></p>\n\n'
                    f"{HTML_SLOT}\n",
                    html,
                )
            )
            continue
        out.append(
            (
                src,
                "# Directory of good practice\n\n"
                f"Case studies of school improvement from our schools and from partnerships elsewhere: "
                f"{plural(total)} in all. Search them by words, or narrow them down by theme, phase, type, "
                "school or organisation and academic year.\n\n"
                f"{HTML_SLOT}\n",
                f'<form class="ps-search" id="ps-form" method="get" action="search/" role="search" '
                f'aria-label="Case studies" data-index="{h(index_url)}" data-total="{total}">\n'
                '<label class="ps-search__label" for="ps-q">Search the case studies</label>\n'
                '<input class="ps-search__input" id="ps-q" name="q" type="search" autocomplete="off" '
                'aria-describedby="ps-q-help">\n'
                '<button type="submit" class="ps-search__submit">Search</button>\n'
                '<a class="ps-skip-results" href="#results">Skip to the results</a>\n'
                '<p id="ps-q-help" class="ps-search__help">Results change as you type. '
                "Choose any number of filters: a case study must match one choice in each group.</p>\n"
                '<noscript><p class="ps-search__help">Searching by words needs JavaScript. Without it, '
                "choose a filter below to see its case studies, or browse the full list.</p></noscript>\n"
                f"{_facet_form(directory)}\n"
                '<p class="ps-clear" hidden><button type="button" id="ps-clear">Clear search and filters</button></p>\n'
                "</form>\n\n"
                '<h2 id="results">Case studies</h2>\n\n'
                f'<p role="status" id="ps-status" class="ps-status">{plural(total)}</p>\n\n'
                f"{html}\n\n"
                f'<p class="ps-more" hidden><button type="button" id="ps-more">Show more case studies</button></p>\n\n'
                + "".join(
                    f'<script src="{relative_url("directory/", script)}" defer></script>\n' for script in SCRIPTS
                ),
            )
        )
    return out


def no_script_search_page(directory: Directory) -> tuple[str, str, str]:
    """(src_uri, markdown, HTML for the slot) for directory/search/: where the search form sends its
    words when JavaScript is off. It never pretends to have searched: it says searching by words
    needs JavaScript and offers the ways in that work without it. With JavaScript, a script takes
    the visitor straight on to the directory with the words in the address."""
    here = SEARCH_NEEDS_SCRIPT
    ways = []
    for facet in FACETS:
        values = directory.values[facet.key]
        if values and facet.key != "year":
            links = ", ".join(f'<a href="{relative_url(here, v.url)}">{h(v.label)}</a>' for v in values)
            ways.append(f"<li>By {h(facet.label.lower())}: {links}</li>")
    html = (
        '<p class="ps-nojs-note"><strong>Searching by words needs JavaScript</strong>, which is switched off or '
        "blocked in this browser, so no search was made. You can still find case studies by choosing a "
        "filter below, or browse them all, newest first.</p>\n"
        f"<ul>\n{chr(10).join(ways)}\n</ul>\n"
        f'<p><a href="{relative_url(here, "directory/")}">All {plural(len(directory.studies))}</a></p>\n'
        f'<script src="{relative_url(here, "assets/search-redirect.js")}"></script>\n'
    )
    return f"{here}index.md", f"# Search the case studies\n\n{HTML_SLOT}\n", html


def facet_pages(directory: Directory) -> list[tuple[str, str, str, FacetValue]]:
    """(src_uri, markdown, HTML for the slot, value) for every page of every facet value."""
    out = []
    for facet in FACETS:
        for value in directory.values[facet.key]:
            for url, page, count, html in listing(directory, value.items, value.url):
                title = f"{facet.label}: {value.label}"
                heading = title if page == 1 else f"{title} (page {page} of {count})"
                search = relative_url(url, "directory/") + f"?{facet.key}={value.id}"
                out.append(
                    (
                        f"{url}index.md",
                        f"<h1>{h(heading)}</h1>\n\n"
                        f"<p>{plural(len(value.items))} with the {h(facet.label.lower())} "
                        f"<strong>{h(value.label)}</strong>, newest first.</p>\n\n"
                        f'<p><a href="{h(search)}">Search within these case studies</a> · '
                        f'<a href="{relative_url(url, "directory/")}">All case studies</a></p>\n\n'
                        '<h2 id="results">Case studies</h2>\n\n'
                        f"{HTML_SLOT}\n",
                        html,
                        value,
                    )
                )
    return out
