"""The directory's search as a head teacher uses it, in Chromium: type, read why it matched, click, land.

Every link the directory's JavaScript builds is followed here and must open the case study it
names, on the default content and on a fixture whose file names differ from the titles.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import quote_plus, urljoin, urlparse

import pytest
from helpers import MINIMAL, block_offsite, build, make_project, static_server
from playwright.sync_api import Browser, Page
from sitefacts import PROJECT, SCHOOLS, STUDIES, THERE, a_typo, a_word_of, url_of

from partnership.directory.textindex import stem

# Queries a head teacher types, and the case study that should come first: written for the default
# content's case studies, and asked only of those the content publishes (see RELEVANCE below).
CURATED = [
    ("reading", "reading-by-age-seven"),
    ("Reading", "reading-by-age-seven"),
    ("readers", "reading-by-age-seven"),  # another form of the word
    ("readng", "reading-by-age-seven"),  # a typo
    ("SEND", "lead-school-network"),  # the label "Inclusion and SEND", not a body that "sends"
    ("special educational needs", "lead-school-network"),
    ("head teacher", "new-headteacher-support-programme"),  # a synonym from content/taxonomy.yml
    ("new headteachers", "new-headteacher-support-programme"),
    ("pupil premium", "closing-the-gap-pupil-premium"),
    ("PP", "closing-the-gap-pupil-premium"),  # another name of a theme
    ("disadvantaged pupils", "closing-the-gap-pupil-premium"),
    ("governors", "governance-training"),
    ("climate", "climate-education"),
    ("transition", "primary-to-secondary-transition"),
    ("primary secondary", "primary-to-secondary-transition"),
    ("EYFS", "early-years-outdoor-learning"),
    ("outdoor learning", "early-years-outdoor-learning"),
    ("gifted and talented", "stretching-more-able-pupils"),
    ("more able", "stretching-more-able-pupils"),
    ("quality assurance", "quality-assuring-peer-challenge"),
    ("humanities curriculum", "opening-worlds-humanities-curriculum"),
    ("asessment", "assessment-framework-after-levels"),
    ("training headteachers peer challenge", "training-headteachers-for-peer-challenge"),
]

SLUGS = {study.slug for study in STUDIES}
# For any content: each of a few case studies is found first by its own title.
RELEVANCE = [(query, slug) for query, slug in CURATED if slug in SLUGS]
RELEVANCE += [(study.title, study.slug) for study in STUDIES[:5] if (study.title, study.slug) not in RELEVANCE]
FIRST = STUDIES[0]
WORD = a_word_of(FIRST)  # a word of its title, which the content certainly has
# Views of the directory: a word, a theme and a phase the content has, and some of the queries above.
STATES = [f"?q={quote_plus(WORD)}", f"?theme={FIRST.themes[0]}", f"?phase={FIRST.phases[0]}"]
STATES += [f"?q={quote_plus(query)}" for query, _slug in RELEVANCE[:5]]
COMBINED = f"?theme={FIRST.themes[0]}&phase={FIRST.phases[0]}&q={quote_plus(WORD)}"


def open_directory(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#ps-form[data-ready=true]")
    page.wait_for_function("() => Number(document.querySelector('#ps-form').dataset.rendered || 0) > 0")


def show_all(page: Page) -> None:
    """Presses "Show more" until every result is shown, each time waiting for the results it adds
    (their titles and addresses arrive with their own files)."""
    while page.locator("#ps-more").is_visible():
        shown = page.locator("#ps-results li").count()
        page.click("#ps-more")
        page.wait_for_function("(n) => document.querySelectorAll('#ps-results li').length > n", arg=shown)


def all_results(page: Page) -> list[tuple[str, str]]:
    """(title, href) of every result, pressing "Show more" until all are shown."""
    show_all(page)
    links = page.locator("#ps-results li h3 a")
    return [(links.nth(i).inner_text(), links.nth(i).get_attribute("href") or "") for i in range(links.count())]


def first_slug(page: Page) -> str:
    href = page.locator("#ps-results li h3 a").first.get_attribute("href") or ""
    return href.rstrip("/").rsplit("/", 1)[-1]


def assert_opens(page: Page, base: str, href: str, title: str) -> None:
    """The link answers 200 and is the case study of that title."""
    response = page.request.get(urljoin(base + "/directory/", href))
    assert response.status == 200, href
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", response.text(), re.S)
    assert heading, href
    assert html.unescape(re.sub(r"<[^>]+>", "", heading.group(1))).strip() == title, href


@pytest.mark.parametrize("state", STATES)
def test_every_result_link_opens_its_case_study(page: Page, server: str, state: str) -> None:
    open_directory(page, f"{server}/directory/{state}")
    results = all_results(page)
    assert results, state
    for title, href in results:
        assert_opens(page, server, href, title)
    # and a person clicking the first lands on it
    title = results[0][0]
    page.locator("#ps-results li h3 a").first.click()
    page.wait_for_load_state()
    assert urlparse(page.url).path.startswith("/case-studies/")
    assert page.locator("h1").first.inner_text() == title
    assert page.errors == []  # type: ignore[attr-defined]


def test_see_all_links_on_school_pages_lead_to_working_results(page: Page, server: str, default_site: Path) -> None:
    """School page -> "See all ... in the directory" -> "Search within these" -> every result opens."""
    checked = 0
    with_studies = {school for study in STUDIES for school in study.schools}
    for school in sorted(SCHOOLS, key=lambda s: s.id):  # none when the content has no schools
        page.goto(f"{server}/{school.url}")
        see_all = page.locator("main a", has_text=re.compile(r"^See .* in the directory$"))
        if not see_all.count():
            assert school.id not in with_studies, f"{school.id} has case studies but no link to them"
            continue
        see_all.first.click()
        page.wait_for_load_state()
        assert urlparse(page.url).path == f"/directory/school/{school.id}/"
        listed = page.locator("ol.ps-results li h3 a")
        for i in range(listed.count()):
            assert_opens(
                page, server, urljoin(page.url, listed.nth(i).get_attribute("href") or ""), listed.nth(i).inner_text()
            )
        page.locator("main a", has_text="Search within these case studies").click()
        page.wait_for_selector("#ps-form[data-ready=true]")
        page.wait_for_function("() => Number(document.querySelector('#ps-form').dataset.rendered || 0) > 0")
        results = all_results(page)
        assert len(results) == listed.count() or len(results) >= 1
        for title, link in results:
            assert_opens(page, server, link, title)
        checked += 1
        if checked >= 3:
            break
    assert checked == min(3, len(with_studies)), "a school page with case studies does not link to them"


@pytest.mark.parametrize(("query", "expected"), RELEVANCE)
def test_relevance_the_expected_case_study_comes_first(page: Page, server: str, query: str, expected: str) -> None:
    open_directory(page, f"{server}/directory/?q={query}")
    assert first_slug(page) == expected
    first = page.locator("#ps-results li").first
    assert first.locator("mark").count() > 0, "the first result shows the words that matched"


def test_typing_matches_the_word_being_typed_and_marks_it(page: Page, server: str) -> None:
    open_directory(page, f"{server}/directory/")
    page.focus("#ps-q")
    typed = WORD[: max(3, len(WORD) - 2)]  # the start of a word the content has
    page.keyboard.type(typed)
    page.wait_for_function("(t) => document.querySelector('#ps-form').dataset.renderedQuery === t", arg=typed)
    marks = page.locator("#ps-results li").first.locator("mark").all_inner_texts()
    assert marks and all(m.lower().startswith(typed) for m in marks)


def test_a_typo_says_what_was_searched_and_offers_the_exact_word(page: Page, server: str, default_site: Path) -> None:
    typo, word = a_typo(json.loads((default_site / "directory/words.json").read_text(encoding="utf-8")))
    open_directory(page, f"{server}/directory/?q={typo}")
    status = page.inner_text("#ps-status")
    assert f"Showing results for {word}" in status
    page.click("a.ps-exact")
    page.wait_for_url(re.compile(r"exact=1"))
    page.wait_for_selector("#ps-form[data-ready=true]")
    page.wait_for_function("(t) => document.querySelector('#ps-form')?.dataset.renderedQuery === t", arg=typo)
    assert page.inner_text("#ps-status").startswith("No case studies match")
    assert "exact=1" in page.url


def test_words_no_case_study_has_together_are_said_so(page: Page, server: str) -> None:
    title = quote_plus(FIRST.title)
    open_directory(page, f"{server}/directory/?q={title}+zebrafish+quokka")
    assert "No case study has all of these words" in page.inner_text("#ps-status")
    assert first_slug(page) == FIRST.slug  # the one with the most of them


def test_results_are_built_as_text_with_marks_not_html(page: Page, server: str) -> None:
    open_directory(page, f"{server}/directory/?q={quote_plus(WORD)}")
    html = page.inner_html("#ps-results")
    assert "<mark>" in html and "<script" not in html
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags <= {"li", "h3", "a", "p", "mark"}


def test_the_browser_stems_every_indexed_word_as_the_build_does(page: Page, server: str, default_site: Path) -> None:
    vocabulary = json.loads((default_site / "directory/words.json").read_text(encoding="utf-8"))
    assert WORD in vocabulary and len(vocabulary) >= len(set(re.findall(r"[a-z]{4,}", FIRST.title.lower())))
    open_directory(page, f"{server}/directory/")
    stems = page.evaluate("(words) => words.map(psStem)", vocabulary)
    mismatches = [(w, s, stem(w)) for w, s in zip(vocabulary, stems, strict=True) if s != stem(w)]
    assert mismatches == []


@pytest.mark.no_javascript
def test_without_javascript_a_text_search_says_it_needs_javascript(page: Page, server: str) -> None:
    page.goto(f"{server}/directory/")
    page.fill("#ps-q", "reading")
    page.press("#ps-q", "Enter")
    page.wait_for_load_state()
    assert urlparse(page.url).path == "/directory/search/"
    body = page.inner_text("main")
    assert "needs JavaScript" in body and "no search was made" in body
    theme = page.locator("main a[href*='directory/theme/']").first
    theme.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Theme: ")


def test_with_javascript_the_no_script_page_goes_on_to_the_search(page: Page, server: str) -> None:
    query, slug = RELEVANCE[0]
    page.goto(f"{server}/directory/search/?q={quote_plus(query)}")
    page.wait_for_url(re.compile(rf"/directory/\?q={re.escape(quote_plus(query))}"))
    page.wait_for_selector("#ps-form[data-ready=true]")
    page.wait_for_function("(q) => document.querySelector('#ps-form').dataset.renderedQuery === q", arg=query)
    assert first_slug(page) == slug


# --- content unlike ours: file names that differ from titles, accents and markup in titles ---

UNLIKE = {
    "case_studies/shared-reading.md": None,
    "case_studies/x1.md": (MINIMAL / "case_studies/shared-reading.md")
    .read_text(encoding="utf-8")
    .replace("title: Shared reading in Year 2", 'title: "Café & co: ‘quoted’ reading, Year 2"'),
    "case_studies/old-name-2019.md": (MINIMAL / "case_studies/shared-reading.md")
    .read_text(encoding="utf-8")
    .replace("title: Shared reading in Year 2", "title: Phonics for every child")
    .replace("We read together every day.", "Daily phonics sessions for every reader."),
}


@pytest.fixture(scope="module")
def unlike_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("unlike")
    project = make_project(root / "project", UNLIKE)
    result = build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_links_are_the_built_addresses_even_when_unlike_the_titles(browser: Browser, unlike_site: Path) -> None:
    with static_server(unlike_site) as base:
        context = browser.new_context()
        page = context.new_page()
        block_offsite(page, base)
        for query, title in [("cafe", "Café & co: ‘quoted’ reading, Year 2"), ("phonic", "Phonics for every child")]:
            open_directory(page, f"{base}/directory/?q={query}")
            results = all_results(page)
            assert results[0][0] == title
            for found, href in results:
                assert_opens(page, base, href, found)
        assert page.offsite == []  # type: ignore[attr-defined]
        context.close()


# --- the site-wide search box ---


def site_search(page: Page, url: str, query: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url)
    page.click("[data-md-component=search-query]")
    page.keyboard.type(query)
    page.wait_for_function("(q) => document.querySelector('.ps-site-cases')?.dataset.query === q", arg=query)


# A page written by hand (About on the default content) and the site-wide search box on it.
WRITTEN = next((url_of(src) for src in sorted(PROJECT.pages) if src != "index.md"), "/")


def test_site_search_finds_case_studies_and_each_result_opens(page: Page, server: str) -> None:
    query, slug = RELEVANCE[0]
    site_search(page, f"{server}{WRITTEN}", query)
    box = page.locator(".ps-site-cases")
    links = box.locator("li a")
    assert 0 < links.count() <= 5
    assert links.first.get_attribute("href") == f"/case-studies/{slug}/"
    assert box.locator("mark").count() > 0
    for i in range(links.count()):
        assert_opens(page, server, links.nth(i).get_attribute("href") or "", links.nth(i).inner_text())
    title = links.first.inner_text()
    links.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == title
    assert page.errors == []  # type: ignore[attr-defined]
    assert page.offsite == []  # type: ignore[attr-defined]


def test_site_search_leads_on_to_the_directory(page: Page, server: str) -> None:
    query, slug = RELEVANCE[-1]
    site_search(page, f"{server}{'/news/' if 'news' in THERE else WRITTEN}", query)
    page.locator(".ps-site-cases__more a").click()
    page.wait_for_selector("#ps-form[data-ready=true]")
    page.wait_for_function("(q) => document.querySelector('#ps-form').dataset.renderedQuery === q", arg=query)
    assert first_slug(page) == slug


def test_site_search_index_leaves_out_staff_pages_chart_text_and_case_studies(default_site: Path) -> None:
    index = json.loads((default_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    written = {url_of(src).lstrip("/") for src in PROJECT.pages}  # the pages written by hand, whichever they are
    assert written and written <= locations
    assert ("impact/" in locations) == ("impact" in THERE)
    assert not any(loc.startswith(("guide/", "admin/", "case-studies/")) for loc in locations)
    impact = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("impact/"))
    assert not re.search(r"\d%\d", impact), "chart labels run together in the site search"


# --- every link the JavaScript builds resolves, in the rendered pages ---


def rendered_links(page: Page) -> list[str]:
    return page.eval_on_selector_all("main a[href], .md-search a[href]", "(links) => links.map((a) => a.href)")


def resolves(site: Path, base: str, href: str) -> bool:
    path = urlparse(href).path
    target = site / path.lstrip("/")
    return (target / "index.html").is_file() if path.endswith("/") else target.is_file()


@pytest.mark.parametrize("state", ["", *STATES, "?q=zzzqqxx", COMBINED])
def test_links_in_the_rendered_directory_resolve(page: Page, server: str, default_site: Path, state: str) -> None:
    open_directory(page, f"{server}/directory/{state}")
    show_all(page)
    hrefs = [h for h in rendered_links(page) if h.startswith(server)]
    assert hrefs
    broken = [h for h in hrefs if not resolves(default_site, server, h)]
    assert broken == []


@pytest.mark.parametrize("where", list(dict.fromkeys(["/", WRITTEN, f"/{FIRST.url}", "/404.html"])))
def test_links_in_the_rendered_site_search_resolve(page: Page, server: str, default_site: Path, where: str) -> None:
    site_search(page, f"{server}{where}", WORD)
    hrefs = [h for h in rendered_links(page) if h.startswith(server)]
    assert any("/case-studies/" in h for h in hrefs)
    broken = [h for h in hrefs if not resolves(default_site, server, h)]
    assert broken == []


# --- the directory in pieces: what opening it loads, and the first results picked without sorting ---


def test_opening_the_directory_loads_no_title_and_every_result_shown_comes_from_its_own_file(
    page: Page, server: str, default_site: Path
) -> None:
    titles = [json.loads(p.read_text(encoding="utf-8"))["t"] for p in (default_site / "directory/docs").glob("*.json")]
    assert len(titles) == len(STUDIES) > 0
    # a query with more than one batch of results where the content has them, else a word of its first study
    query = (
        "school" if sum("school" in f"{s.title} {s.summary}".lower() for s in STUDIES) > 10 else a_word_of(STUDIES[0])
    )
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlparse(request.url).path))
    open_directory(page, f"{server}/directory/")
    page.wait_for_load_state("networkidle")
    data = [path for path in fetched if path.endswith(".json")]
    assert data == ["/directory/index.json"]  # the list itself is the page's own HTML
    index = (default_site / "directory/index.json").read_text(encoding="utf-8")
    assert not [title for title in titles if json.dumps(title, ensure_ascii=False)[1:-1] in index]
    fetched.clear()
    page.fill("#ps-q", query)
    page.wait_for_function("(q) => document.querySelector('#ps-form').dataset.renderedQuery === q", arg=query)
    found = int(page.inner_text("#ps-status").split()[0])
    assert found > (10 if query == "school" else 0), "a query that finds results (more than one batch of them)"
    shown = page.locator("#ps-results li h3 a")
    assert shown.count() == min(10, found)  # the first ten, then "Show more"
    docs = sorted(path for path in fetched if path.startswith("/directory/docs/"))
    assert len(docs) == min(10, found)
    for i in range(shown.count()):  # each result is the file fetched for it: its title and address
        href = shown.nth(i).get_attribute("href") or ""
        assert any(
            json.loads((default_site / path.lstrip("/")).read_text(encoding="utf-8"))["u"] == href.lstrip("/")
            for path in docs
        ), href
    assert len(all_results(page)) == found


# Queries of many kinds, and a word of the content's own first case study, which must find something.
OWN_WORD = a_word_of(STUDIES[0]) if STUDIES else "reading"
SORT_QUERIES = ["pupils", "school", "reading", "head teacher", "peer challenge", "readng", "eyfs", OWN_WORD]


@pytest.mark.parametrize("query", SORT_QUERIES)
def test_the_first_results_are_those_a_full_sort_puts_first(page: Page, server: str, query: str) -> None:
    open_directory(page, f"{server}/directory/")
    same = page.evaluate(
        """async (query) => {
            const engine = await psSearch.open("/directory/index.json");
            const found = await engine.search(query, { typing: true });
            const numbers = [];
            for (let i = 0; i < found.matched.length; i++) if (found.matched[i]) numbers.push(i);
            const sorted = engine.rank(numbers.slice(), found);
            return [1, 3, 10, 50].map((k) => [engine.best(numbers, found, k), sorted.slice(0, k)]);
        }""",
        query,
    )
    for best, sorted_ in same:
        assert best == sorted_
    assert same[2][0] or query != OWN_WORD, query  # the content's own word finds its study
