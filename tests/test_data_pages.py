"""The data pages (schools, board, offer, impact): unit tests of the charts, then real builds of the fixture site.

Every assertion compares the built page with the fixture's data, so a page that merely exists fails.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from helpers import build, make_project, original

from partnership.pages.charts import _scale, description, format_value, line_chart

MEASURE = {
    "id": "reading",
    "title": "Reading <at> the expected standard",
    "unit": "percent",
    "results": [
        {
            "year": "2024-25",
            "partnership": 78.0,
            "compared": [{"to": "london", "value": 76.0}, {"to": "england", "value": 73.0}],
        },
        {
            "year": "2023-24",
            "partnership": 70.0,
            "compared": [{"to": "london", "value": 75.0}, {"to": "england", "value": 72.0}],
        },
    ],
}
COMPARATORS = [{"id": "london", "label": "London"}, {"id": "england", "label": "England"}]


def points(svg: str, series: str) -> list[tuple[float, float]]:
    match = re.search(rf'<g data-series="{series}"[^>]*><polyline points="([^"]+)"', svg)
    assert match, svg
    return [tuple(float(n) for n in pair.split(",")) for pair in match.group(1).split()]  # type: ignore[misc]


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (62.0, "percent", "62%"),
        (62.5, "percent", "62.5%"),
        (1.2, "score", "+1.2"),
        (0.0, "score", "0"),
        (-0.5, "score", "-0.5"),
    ],
)
def test_values_are_written_as_people_read_them(value: float, unit: str, shown: str) -> None:
    assert format_value(value, unit) == shown


@pytest.mark.parametrize(
    ("values", "unit", "expected"),
    [
        ([62, 69], "percent", (62.0, 70.0, 2.0)),
        ([0.4, 1.5], "score", (0.0, 1.5, 0.5)),  # a score axis always shows zero, the national average
        ([-0.5, 1.2], "score", (-0.5, 1.5, 0.5)),
        ([96, 100], "percent", (96.0, 100.0, 1.0)),  # never above 100%
        ([50, 50], "percent", (50.0, 51.0, 0.25)),  # a flat line still gets an axis
    ],
)
def test_the_value_axis_uses_round_numbers_around_every_value(values, unit, expected) -> None:
    assert _scale([float(v) for v in values], unit) == expected


def test_a_chart_is_an_accessible_svg_drawn_from_the_figures() -> None:
    svg = line_chart(MEASURE, "#1d4f91", COMPARATORS)
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'aria-labelledby="chart-reading-title chart-reading-desc"' in svg
    assert '<title id="chart-reading-title">Reading &lt;at&gt; the expected standard</title>' in svg
    assert "Partnership: 70% in 2023-24, 78% in 2024-25. London: 75% in 2023-24" in svg
    partnership, london = points(svg, "partnership"), points(svg, "london")
    assert partnership[0][0] < partnership[1][0]  # years run left to right, whatever the order in the file
    assert partnership[1][1] < partnership[0][1]  # 78% is drawn higher (smaller y) than 70%
    assert london[0][1] < partnership[0][1]  # 75% above 70%
    # three series told apart by shape and line pattern, not only colour
    assert "<circle" in svg and "<rect x=" in svg and "<path d=" in svg and svg.count("stroke-dasharray") == 4


def test_changing_a_figure_moves_its_point_and_nothing_else() -> None:
    before = line_chart(MEASURE, "#1d4f91", COMPARATORS)
    changed = {**MEASURE, "results": [dict(r) for r in MEASURE["results"]]}
    changed["results"][0]["partnership"] = 71.0  # 2024-25: 78 -> 71
    after = line_chart(changed, "#1d4f91", COMPARATORS)
    assert points(after, "partnership")[1][1] > points(before, "partnership")[1][1]  # lower value, drawn lower
    assert "71% in 2024-25" in description(changed, []) or "71% in 2024-25" in after


# --- real builds of the fixture site -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("data-pages")
    schools = original("content/schools.yml").replace(
        "    name: Maple School\n", "    name: Maple School\n    urn: 123456\n    website: https://maple.example.org/\n"
    )
    project = make_project(root / "project", {"content/schools.yml": schools})
    result = build(project, root / "out")
    assert result.returncode == 0, result.stderr
    return root / "out"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_schools_page_lists_every_school_under_its_collaborative_and_group(site: Path) -> None:
    html = read(site, "schools/index.html")
    assert "3 schools belong to the partnership (2 maintained schools, 1 academy)" in html
    assert 'id="central-collaborative"' not in html and 'id="central"' in html and 'id="central-a"' in html
    assert "A triad." in html
    assert 'Lead school: <a href="oak-primary/">Oak Primary School</a>' in html
    for school_id in ("oak-primary", "elm-academy", "maple-school"):
        assert f'href="{school_id}/"' in html


def test_a_school_page_shows_its_group_and_its_case_studies(site: Path) -> None:
    oak = read(site, "schools/oak-primary/index.html")
    assert re.search(r"<h1[^>]*>Oak Primary School", oak)
    assert "(this school leads the collaborative)" in oak  # the grouping's name, from content/schools.yml
    assert (
        '<a href="../../schools/elm-academy/">Elm Academy</a>' in oak
        and '<a href="../../schools/maple-school/">Maple School</a>' in oak
    )
    assert '<a href="../../case-studies/shared-reading/">Shared reading in Year 2</a>' in oak
    maple = read(site, "schools/maple-school/index.html")
    assert "No case study names this school yet." in maple
    assert "https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/123456" in maple
    assert '<a href="https://maple.example.org/">' in maple
    assert "this school leads" not in maple


def test_the_sample_notice_is_shown_only_when_the_file_has_one(site: Path) -> None:
    assert "Sample data." not in read(site, "schools/index.html")
    default = Path(__file__).resolve().parents[1] / "content" / "schools.yml"
    if default.is_file():  # the default site's samples are labelled
        assert "notice:" in default.read_text(encoding="utf-8")


def test_board_page_counts_members_and_splits_meetings_by_the_build_date(site: Path) -> None:
    html = read(site, "board/index.html")
    assert "The board has 5 members, named here by their role." in html
    assert "Headteachers (3 places)" in html
    assert "The board meets 4 times a year." in html
    coming, past = html.split('id="coming-up"')[1].split('id="past-meetings"')
    assert "Wednesday 9 December 2026</time>: Autumn peer challenge" in coming
    assert "Tuesday 15 September 2026" in past


def test_offer_page_shows_figures_with_their_source_or_as_illustrative(site: Path) -> None:
    html = read(site, "offer/index.html")
    assert "What we offer schools in 2026-27" in html
    assert '<span class="ps-figure__value">1,234</span>' in html
    assert "Illustrative figure</span>" in html
    assert "Source: The partnership's booking records" in html
    assert 'id="governor-induction"' in html
    assert "Wednesday 4 November 2026</time> (past); <time" in html  # before the build date, 2026-11-22
    assert 'href="https://example.org/book"' in html


def test_impact_page_has_a_chart_table_and_csv_for_each_measure(site: Path) -> None:
    html = read(site, "impact/index.html")
    # each chart drawn twice, wide and narrow (charts.responsive_chart, issue 14)
    assert html.count('<svg class="ps-chart__svg ps-chart__svg--wide"') == 2
    assert html.count('<svg class="ps-chart__svg ps-chart__svg--narrow"') == 2
    assert html.count("<table>") == 2
    assert "<caption>Reading at the expected standard (illustrative)</caption>" in html
    assert "Illustrative figures: these are examples, not published results." in html
    assert "Source: Department for Education performance tables." in html
    assert "<td>-0.5</td><td>+1.1</td><td>0</td>" in html
    rows = list(csv.DictReader(io.StringIO(read(site, "impact/scorecard.csv"))))
    assert [(r["measure_id"], r["year"], r["partnership"], r["source"]) for r in rows] == [
        ("reading", "2023-24", "70", "illustrative"),
        ("reading", "2024-25", "78", "illustrative"),
        ("progress", "2023-24", "-0.5", "Department for Education performance tables"),
        ("progress", "2024-25", "0.6", "Department for Education performance tables"),
    ]
    assert (site / "impact/progress.csv").read_bytes().count(b"\r\n") == 3  # a header and two years
    assert 'href="progress.csv"' in html and 'href="scorecard.csv"' in html


def test_changing_a_figure_in_the_scorecard_changes_the_built_chart(site: Path, tmp_path: Path) -> None:
    scorecard = original("content/scorecard.yml").replace("partnership: 78,", "partnership: 58,")
    project = make_project(tmp_path / "project", {"content/scorecard.yml": scorecard})
    assert build(project, tmp_path / "out").returncode == 0
    before, after = read(site, "impact/index.html"), read(tmp_path / "out", "impact/index.html")
    assert points(after, "partnership")[1] != points(before, "partnership")[1]
    assert points(after, "london") == points(before, "london") or "58%" in after
    assert "58% in 2024-25" in after and "78% in 2024-25" not in after


def test_a_school_page_lists_its_newest_case_studies_and_links_to_all(tmp_path: Path) -> None:
    study = original("case_studies/shared-reading.md")
    files: dict[str, str | bytes | None] = {
        f"case_studies/study-{n:02d}.md": study.replace("Shared reading in Year 2", f"Study {n:02d}").replace(
            "published: 2017-07-14", f"published: 2017-07-{n:02d}"
        )
        for n in range(1, 13)
    }
    project = make_project(tmp_path / "project", files)
    assert build(project, tmp_path / "out").returncode == 0
    html = read(tmp_path / "out", "schools/oak-primary/index.html")
    assert "<p>The newest 10 of 13:</p>" in html
    assert html.count("../../case-studies/") == 10
    assert "Study 12" in html and "Study 04" in html and "Study 03" not in html  # newest first
    assert '<a href="../../directory/school/oak-primary/">See all 13 of this school&#x27;s case studies' in html or (
        "See all 13 of this school's case studies in the directory" in html
    )
