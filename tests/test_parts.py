"""Optional parts, the menu from content/navigation.yml, `partnership init` and `check --go-live`:
tiny fixture sites built with --strict in temporary folders, then their output read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import MINIMAL, build, expect, make_project, original, partnership, problems_for

from partnership.content.load import load

NO_PARTS: dict[str, str | bytes | None] = {
    "content/board.yml": None,
    "content/scorecard.yml": None,
    "content/offer.yml": None,
    # schools, but no groupings: the case study may still name its school
    "content/schools.yml": original("content/schools.yml").split("groupings:")[0],
}


def tabs(html: str) -> list[str]:
    return [t.strip() for t in re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*<', html)]


def links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"#]+)', html))


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site with no board, no scorecard, no offer and no groups of schools."""
    root = tmp_path_factory.mktemp("no-parts")
    project = make_project(root / "project", NO_PARTS)
    result = build(project, root / "out")
    assert result.returncode == 0, result.stderr
    return root / "out"


def test_a_site_without_board_scorecard_or_groups_has_none_of_those_pages(bare: Path) -> None:
    for gone in ("board", "impact", "offer"):
        assert not (bare / gone).exists(), gone
    assert not list(bare.glob("impact/*.csv"))
    assert (bare / "schools" / "index.html").exists() and (bare / "directory" / "index.html").exists()
    schools = (bare / "schools" / "index.html").read_text(encoding="utf-8")
    assert "collaborative" not in schools.lower() and "group" not in schools.lower()


def test_nothing_links_to_a_page_the_site_does_not_have(bare: Path) -> None:
    for page in bare.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for href in links(html):
            assert not re.search(r"(^|/)(board|impact|offer)/", href), (page, href)
    sitemap = (bare / "sitemap.xml").read_text(encoding="utf-8")
    assert "/board/" not in sitemap and "/impact/" not in sitemap


def test_the_default_menu_lists_only_pages_that_exist(bare: Path) -> None:
    home = (bare / "index.html").read_text(encoding="utf-8")
    assert tabs(home) == ["Welcome", "About", "Join", "Good practice"]  # no news posts: no News tab
    nav = home[home.index("md-nav--primary") :]
    assert "The board" not in nav and "Impact" not in nav and "Member schools" in nav


def test_without_news_posts_or_case_studies_their_pages_and_feeds_are_left_out(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", {**NO_PARTS, "case_studies/shared-reading.md": None})
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    assert not (out / "directory").exists() and not (out / "news").exists()
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "feed.xml" not in home and "Good practice" not in tabs(home)
    assert "directory/" not in (out / "404.html").read_text(encoding="utf-8")


NAVIGATION = """menu:
  - label: Start here
    page: /
  - label: Who we are
    pages:
      - {label: Our story, page: about.md}
      - {label: Our schools, page: schools/}
  - label: Case studies
    page: directory
"""


def test_the_menu_comes_from_content_navigation(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", {"content/navigation.yml": NAVIGATION})
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert tabs(home) == ["Start here", "Who we are", "Case studies"]
    assert "Our story" in home and "Our schools" in home
    # pages left out of the menu are still built, and still found by their links
    assert (tmp_path / "out" / "board" / "index.html").exists() and (tmp_path / "out" / "join" / "index.html").exists()


def test_an_unknown_page_in_the_menu_gets_file_line_field_and_a_suggestion(tmp_path: Path) -> None:
    text = NAVIGATION.replace("page: about.md", "page: abuot.md")
    expect(
        problems_for(tmp_path, {"content/navigation.yml": text}),
        "content/navigation.yml",
        6,
        34,
        "menu[1].pages[0].page",
        "'abuot.md' is not a page of this site; did you mean 'about.md'?",
    )


def test_a_menu_entry_for_a_part_the_site_does_not_have_says_which_file_makes_it(tmp_path: Path) -> None:
    text = NAVIGATION.replace("page: schools/", "page: board/")
    problems = problems_for(tmp_path, {"content/navigation.yml": text, "content/board.yml": None})
    expect(
        problems,
        "content/navigation.yml",
        7,
        36,
        "menu[1].pages[1].page",
        "'board/' is the board page, which this site does not have: it exists when content/board.yml does",
    )


def test_a_menu_entry_is_a_link_or_a_section(tmp_path: Path) -> None:
    text = NAVIGATION.replace("    page: directory\n", "")
    expect(
        problems_for(tmp_path, {"content/navigation.yml": text}),
        "content/navigation.yml",
        8,
        5,
        "menu[2]",
        "give either page (a link) or pages (a section), not both or neither",
    )


def test_check_lists_the_pages_the_content_produces(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", NO_PARTS)
    result = partnership("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "/schools/, " in result.stderr and "/board/" not in result.stderr.split("Optional pages")[0]
    assert "Optional pages this site does not have: board/ (no content/board.yml)" in result.stderr
    assert "impact/ (no content/scorecard.yml)" in result.stderr


# --- partnership init and check --go-live -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init")
    result = partnership("init", str(root / "new-site"), cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "new-site"


def test_init_writes_a_minimal_site_that_builds_strictly(started: Path, tmp_path: Path) -> None:
    for needed in ("content/partnership.yml", "content/accessibility.yml", "docs/index.md", "docs/privacy.md"):
        assert (started / needed).is_file(), needed
    assert len(list((started / "case_studies").glob("*.md"))) == 1
    assert not (started / "content" / "board.yml").exists() and not (started / "content" / "schools.yml").exists()
    assert (started / "mkdocs.yml").is_file() and (started / "hooks" / "site.py").is_file()
    assert partnership("check", cwd=started).returncode == 0
    result = build(started, tmp_path / "out")
    assert result.returncode == 0, result.stderr  # --strict: the link check found nothing broken
    out = tmp_path / "out"
    assert tabs((out / "index.html").read_text(encoding="utf-8")) == ["Welcome", "Good practice"]
    assert not (out / "board").exists() and not (out / "schools").exists() and not (out / "news").exists()


def test_init_refuses_a_folder_that_is_not_empty(started: Path) -> None:
    result = partnership("init", str(started), cwd=started.parent)
    assert result.returncode == 1 and "is not empty" in result.stderr


def test_go_live_refuses_the_starters_placeholders(started: Path) -> None:
    result = partnership("check", "--go-live", cwd=started)
    assert result.returncode == 1
    assert "content/partnership.yml:6:8: 'team@example.org' is a placeholder address" in result.stdout
    assert "name: 'Example Learning Partnership' is the starter's" in result.stdout
    assert "website: is missing" in result.stdout
    assert re.search(r"case_studies/sample-case-study\.md:\d+:\d+: says 'sample'", result.stdout)


def test_go_live_refuses_sample_notices_illustrative_figures_and_the_default_name(tmp_path: Path) -> None:
    from partnership.cli.init import default_identity, go_live_problems

    engine = default_identity()  # this repository's own content, whoever's it is
    assert engine is not None and engine["name"] != load(MINIMAL).identity["name"]
    files: dict[str, str | bytes | None] = {
        "content/schools.yml": "notice: These are invented.\n" + original("content/schools.yml"),
        "docs/about.md": original("docs/about.md") + f"\nWe learnt a lot from the {engine['name']}.\n",
    }
    project = load(make_project(tmp_path / "project", files))
    found = [str(p) for p in go_live_problems(project, engine)]
    assert any("content/schools.yml:1:1: notice: is a sample-data notice" in p for p in found), found
    assert any("content/scorecard.yml" in p and "illustrative" in p for p in found), found
    assert any(p.startswith("docs/about.md:9:") and "the default partnership" in p for p in found), found


def test_a_board_may_be_planned_with_no_members_and_no_chair(tmp_path: Path) -> None:
    board = "introduction: A board is planned.\nstarts: 2027-09-01\nmeetings_per_year: 3\n"
    project = make_project(tmp_path / "project", {"content/board.yml": board})
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "board" / "index.html").read_text(encoding="utf-8")
    assert "The board is planned: it will start work on" in html and "Wednesday 1 September 2027" in html
    assert "The board's members have not been appointed yet." in html
    assert "The board will meet 3 times a year." in html


def test_a_scorecard_names_its_own_comparators_and_may_have_one_year(tmp_path: Path) -> None:
    scorecard = """introduction: How our schools compare.
comparators:
  - {id: neighbours, label: Statistical neighbours}
measures:
  - id: reading
    title: Reading at the expected standard
    description: Pupils reaching the expected standard in reading.
    unit: percent
    source: The partnership's own analysis
    results:
      - {year: 2025-26, partnership: 71, compared: [{to: neighbours, value: 69}]}
"""
    project = make_project(tmp_path / "project", {"content/scorecard.yml": scorecard})
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "impact" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">Statistical neighbours</th>' in html and "London" not in html
    assert "Statistical neighbours: 69% in 2025-26" in html
    csv = (tmp_path / "out" / "impact" / "scorecard.csv").read_text(encoding="utf-8")
    assert csv.splitlines()[0] == "measure_id,measure,unit,year,partnership,neighbours,source"


def test_a_scorecard_with_no_comparators_shows_the_partnership_alone(tmp_path: Path) -> None:
    text = original("content/scorecard.yml")
    text = re.sub(r", compared: \[[^\]]*\]", "", text).replace(
        "comparators:\n  - {id: london, label: London}\n  - {id: england, label: England}\n", ""
    )
    project = make_project(tmp_path / "project", {"content/scorecard.yml": text})
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "impact" / "index.html").read_text(encoding="utf-8")
    assert "London" not in html and "England" not in html and html.count('<th scope="col">') == 4  # 2 measures


# --- dates as precise as the facts --------------------------------------------------------------------------------

KEY_DATES = """dates:
  - date: 2027-03-18
    title: Deadline to commit
  - date: 2027-05
    title: Briefing for governors
  - date: summer term 2027
    title: Celebration of the year's work
  - date: spring term 2026
    title: First hub meetings
"""


def test_a_key_date_may_be_a_month_or_a_term_and_is_shown_as_such(tmp_path: Path) -> None:
    offer = original("content/offer.yml").replace("dates: [2026-11-04, 2027-01-13]", "dates: [spring term 2027]")
    project = make_project(tmp_path / "project", {"content/key_dates.yml": KEY_DATES, "content/offer.yml": offer})
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    coming, past = home.split('id="coming-up"')[1].split('id="past-dates"')
    assert '<time datetime="2027-05">May 2027</time>: <strong>Briefing for governors</strong>' in coming
    assert "Summer term 2027: <strong>Celebration" in coming
    # in order of the first day each may fall on: the summer term starts in April
    assert coming.index("Deadline to commit") < coming.index("Summer term 2027") < coming.index("May 2027")
    assert "Spring term 2026" in past  # it ended before the build date, 2026-11-22
    offer_page = (tmp_path / "out" / "offer" / "index.html").read_text(encoding="utf-8")
    assert "Spring term 2027" in offer_page
    ics = (tmp_path / "out" / "calendar.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:20270501" in ics and "DTEND;VALUE=DATE:20270601" in ics  # all May
    assert "the day is not set yet" in ics
    assert "Celebration" not in ics and "First hub meetings" not in ics  # a term has no day to give


def test_a_date_that_is_not_a_day_month_or_term_says_what_is_allowed(tmp_path: Path) -> None:
    text = KEY_DATES.replace("date: 2027-05", "date: May 2027")
    expect(
        problems_for(tmp_path, {"content/key_dates.yml": text}),
        "content/key_dates.yml",
        4,
        11,
        "dates[1].date",
        "'May 2027' is not a date; write it as YYYY-MM-DD, like 2024-03-01, or a month like 2024-03, "
        "or a term like 'spring term 2025'",
    )


def test_menu_labels_are_text_not_html(tmp_path: Path) -> None:
    # HTML tags are refused by validation; what is left (<, &) must still land as text
    hostile = NAVIGATION.replace("label: Our story", "label: Fish & chips <3 us")
    project = make_project(tmp_path / "project", {"content/navigation.yml": hostile})
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Fish &amp; chips &lt;3 us" in home and "chips <3" not in home


def test_the_contact_block_promises_a_reply_time_only_when_the_content_gives_one(tmp_path: Path) -> None:
    page = "# Contact\n\n{{ block:contact }}\n"
    identity = original("content/partnership.yml")
    assert "reply_within" not in identity
    bare_project = make_project(tmp_path / "bare", {"docs/contact.md": page})
    result = build(bare_project, tmp_path / "bare-out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "bare-out" / "contact" / "index.html").read_text(encoding="utf-8")
    assert "mailto:" in html and "reply within" not in html
    promised = identity.replace("\nemail:", "\nreply_within: ten school days\nemail:", 1)
    project = make_project(tmp_path / "promised", {"docs/contact.md": page, "content/partnership.yml": promised})
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "contact" / "index.html").read_text(encoding="utf-8")
    assert "We aim to reply within ten school days." in html
