"""Bad input in the data pages' files (schools and groups, board, offer, scorecard): one clear problem each.

Pure-function tests like test_validation.py: each case edits one fixture file and loads the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import expect, make_project, original, problems_for, replaced

from partnership.content.load import load

SCHOOLS = "content/schools.yml"
BOARD = "content/board.yml"
OFFER = "content/offer.yml"
SCORECARD = "content/scorecard.yml"
GROUP = "        schools: [oak-primary, elm-academy, maple-school]"  # line 36 of the fixture's schools file
SPECIAL_TYPE = "  - id: academy\n    label: Academy\n"


def extra_school(school_id: str, school_type: str = "Maintained school") -> str:
    """The fixture's schools file with one more school (on lines 14-17), in no group yet."""
    return replaced(
        SCHOOLS,
        "groupings:\n",
        f"  - id: {school_id}\n    name: {school_id.title()}\n    phase: Primary\n    type: {school_type}\n"
        "groupings:\n",
    )


CASES = [
    # --- schools and the groupings the content declares ---
    pytest.param(
        SCHOOLS,
        "maple-school]",
        "maple-school, oak-primary]",
        36,
        45 + 14,
        "groupings[1].groups[0].schools[3]",
        "repeats groupings[1].groups[0].schools[0]; list each value once",
        id="school-twice",
    ),
    pytest.param(
        SCHOOLS,
        "        lead_school: oak-primary",
        "        lead_school: oak-primery",
        22,
        22,
        "groupings[0].groups[0].lead_school",
        "'oak-primery' is not a school's id; did you mean 'oak-primary'?",
        id="unknown-lead-school",
    ),
    pytest.param(
        SCHOOLS,
        "    name: Maple School",
        "    name: Maple School\n    urn: 12345",
        12,
        10,
        "schools[2].urn",
        "12345 should be between 100000 and 999999",
        id="urn-five-digits",
    ),
    pytest.param(
        SCHOOLS,
        "    name: Maple School",
        "    name: Maple School\n    urn: '123456'",
        12,
        10,
        "schools[2].urn",
        "should be a whole number without quotes",
        id="urn-quoted",
    ),
    pytest.param(
        SCHOOLS,
        "    name: Maple School",
        "    name: Maple School\n    group: Central A",
        12,
        5,
        "schools[2].group",
        "'group' is not a field of a school",
        id="group-written-on-the-school",
    ),
    # --- links in Markdown fields go to web pages, email addresses or this site's pages ---
    pytest.param(
        "content/questions.yml",
        "answer: Email the partnership team.",
        "answer: Email [the team](javascript:alert(1)).",
        5,
        13,
        "questions[0].answer",
        "links to 'javascript:' addresses are not allowed; a link may go to a web page (https://...)",
        id="javascript-link",
    ),
    pytest.param(
        "content/questions.yml",
        "answer: Email the partnership team.",
        'answer: "Email [the team][t].\\n\\n[t]: data:text/html,hi"',
        5,
        13,
        "questions[0].answer",
        "links to 'data:' addresses are not allowed",
        id="data-link-reference",
    ),
    pytest.param(
        "content/questions.yml",
        "answer: Email the partnership team.",
        "answer: |\n      Email the partnership team,\n      or [write](vbscript:msgbox) to us.",
        7,
        13,
        "questions[0].answer",
        "links to 'vbscript:' addresses are not allowed",
        id="link-on-a-later-line-of-a-block",
    ),
    # --- the board ---
    pytest.param(
        BOARD,
        "    group: council",
        "    group: chair",
        4,
        3,
        "members",
        "names 2 chairs; a board has at most one chair",
        id="two-chairs",
    ),
    pytest.param(
        BOARD,
        "    group: council",
        "    group: counsil",
        7,
        12,
        "members[1].group",
        "did you mean 'council'?",
        id="group",
    ),
    pytest.param(
        BOARD,
        "  - date: 2026-09-15",
        "  - date: 2026-12-09",
        14,
        11,
        "meetings[1].date",
        "'2026-12-09' is already used by meetings[0]",
        id="meeting-twice",
    ),
    pytest.param(
        BOARD, "meetings_per_year: 4", "meetings_per_year: four", 2, 20, "meetings_per_year", "whole number", id="freq"
    ),
    pytest.param(
        BOARD,
        "    seats: 3",
        "    seats: 0",
        10,
        12,
        "members[2].seats",
        "0 should be between 1 and 20",
        id="no-seats",
    ),
    # --- the offer ---
    pytest.param(
        OFFER,
        "    value: 1234",
        "    value: 1,234",
        5,
        12,
        "figures[0].value",
        "should be a whole number",
        id="figure-with-comma",
    ),
    pytest.param(
        OFFER,
        "    dates: [2026-11-04, 2027-01-13]",
        "    dates: [2026-11-04, 2027-13-01]",
        14,
        25,
        "courses[0].dates[1]",
        "there is no month 13",
        id="course-date",
    ),
    pytest.param(
        OFFER,
        "    link: https://example.org/book",
        "    link: example.org/book",
        16,
        11,
        "courses[0].link",
        "is not a web address starting with https://",
        id="course-link",
    ),
    pytest.param(
        OFFER,
        "    register: Ask your clerk.\n",
        "",
        10,
        5,
        "courses[0].register",
        "is missing; add it (how to register, in one sentence)",
        id="no-register",
    ),
    # --- the scorecard ---
    pytest.param(
        SCORECARD,
        "partnership: 78,",
        "partnership: -5,",
        12,
        38,
        "measures[0].results[1].partnership",
        "a percentage is between 0 and 100",
        id="percent-over-100",
    ),
    pytest.param(
        SCORECARD,
        "partnership: 78,",
        "partnership: 78%,",
        12,
        38,
        "measures[0].results[1].partnership",
        "'78%' should be a number, like 64.5 (no % sign or commas)",
        id="percent-sign",
    ),
    pytest.param(
        SCORECARD,
        "partnership: 78,",
        "partnership: 78.25,",
        12,
        38,
        "measures[0].results[1].partnership",
        "has too many decimal places; give at most 1",
        id="decimals",
    ),
    pytest.param(
        SCORECARD,
        "{year: 2024-25, partnership: 78",
        "{year: 2023-24, partnership: 78",
        12,
        16,
        "measures[0].results[1].year",
        "2023-24 is listed twice",
        id="year-twice",
    ),
    pytest.param(
        SCORECARD,
        "partnership: 78, compared: [{to: london",
        "partnership: 78, compared: [{to: londn",
        12,
        58,
        "measures[0].results[1].compared[0].to",
        "'londn' is not a comparator; did you mean 'london'?",
        id="unknown-comparator",
    ),
    pytest.param(
        SCORECARD,
        "partnership: 78, compared: [{to: london, value: 76}, ",
        "partnership: 78, compared: [",
        12,
        52,
        "measures[0].results[1].compared",
        "has no figure for 'london'",
        id="comparator-without-a-figure",
    ),
    pytest.param(
        SCORECARD,
        "value: 76}",
        "value: -6}",
        12,
        73,
        "measures[0].results[1].compared[0].value",
        "a percentage is between 0 and 100",
        id="comparator-percent-over-100",
    ),
    pytest.param(
        SCORECARD,
        "    unit: score",
        "    unit: points",
        16,
        11,
        "measures[1].unit",
        "choose one of: 'percent', 'score'",
        id="unit",
    ),
    pytest.param(
        SCORECARD,
        "  - id: progress",
        "  - id: reading",
        13,
        9,
        "measures[1].id",
        "'reading' is already used by measures[0]",
        id="measure-id-twice",
    ),
]


@pytest.mark.parametrize(("path", "old", "new", "line", "column", "field", "phrase"), CASES)
def test_errors_in_data_page_files(
    tmp_path: Path, path: str, old: str, new: str, line: int, column: int, field: str, phrase: str
) -> None:
    expect(problems_for(tmp_path, {path: replaced(path, old, new)}), path, line, column, field, phrase)


def test_a_school_in_no_group_is_named(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {SCHOOLS: extra_school("yew-primary")})
    expect(
        problems,
        SCHOOLS,
        14,
        9,
        "schools[3].id",
        "'yew-primary' is in no peer-challenge group; groupings[1] says every school is in one",
    )


def with_schools(extra: list[tuple[str, str]], group: list[str], extra_members: bool = False) -> str:
    """The fixture's schools file with more schools (id, type) and group Central A made of `group`."""
    added = "".join(f"  - id: {i}\n    name: {i.title()}\n    phase: Primary\n    type: {t}\n" for i, t in extra)
    text = original(SCHOOLS).replace("groupings:\n", added + "groupings:\n")
    if extra_members:
        text = text.replace("{schools: 3, called: triad}", "{schools: 3, called: triad, extra_members: Special}")
    return text.replace(GROUP, f"        schools: [{', '.join(group)}]")


WITH_SPECIAL = replaced("content/taxonomy.yml", SPECIAL_TYPE, SPECIAL_TYPE + "  - id: special\n    label: Special\n")
CORE = ["oak-primary", "elm-academy", "maple-school"]


def test_a_quad_may_not_take_a_special_school(tmp_path: Path) -> None:
    schools = with_schools(
        [("yew-primary", "Maintained school"), ("ash-school", "Special")],
        [*CORE, "yew-primary", "ash-school"],
        extra_members=True,
    )
    problems = problems_for(tmp_path, {"content/taxonomy.yml": WITH_SPECIAL, SCHOOLS: schools})
    expect(
        problems,
        SCHOOLS,
        44,
        18,
        "groupings[1].groups[0].schools",
        "peer-challenge group 'Central A' has 5 school(s); a peer-challenge group has 3 or 4 "
        "(special schools may join a group of 3 as extra members)",
    )


def test_a_triad_may_take_special_schools_as_extra_members(tmp_path: Path) -> None:
    schools = with_schools(
        [("ash-school", "Special"), ("yew-school", "Special")], [*CORE, "ash-school", "yew-school"], extra_members=True
    )
    project = load(make_project(tmp_path / "project", {"content/taxonomy.yml": WITH_SPECIAL, SCHOOLS: schools}))
    assert project.problems == []


def test_without_extra_members_declared_a_special_school_counts_like_any_other(tmp_path: Path) -> None:
    schools = with_schools([("ash-school", "Special")], [*CORE, "ash-school"])
    assert load(make_project(tmp_path / "project", {"content/taxonomy.yml": WITH_SPECIAL, SCHOOLS: schools})).ok


def test_a_quad_is_a_group(tmp_path: Path) -> None:
    schools = with_schools([("yew-primary", "Maintained school")], [*CORE, "yew-primary"])
    assert load(make_project(tmp_path / "project", {SCHOOLS: schools})).problems == []


def test_the_lead_school_must_belong_to_its_group(tmp_path: Path) -> None:
    others = [(i, "Maintained school") for i in ("yew-primary", "fir-primary", "bay-primary")]
    text = with_schools(others, CORE)
    text = text.replace(
        "        lead_school: oak-primary\n",
        "        lead_school: oak-primary\n      - name: East\n        lead_school: maple-school\n",
    )
    text += "      - name: East A\n        within: East\n        schools: [yew-primary, fir-primary, bay-primary]\n"
    problems = problems_for(tmp_path, {SCHOOLS: text})
    expect(
        problems,
        SCHOOLS,
        None,
        None,
        "groupings[0].groups[1].lead_school",
        "'maple-school' is not one of this collaborative's schools; the lead school must be a member",
    )


def test_a_group_of_two_and_the_school_left_out_are_both_reported(tmp_path: Path) -> None:
    schools = replaced(SCHOOLS, GROUP, "        schools: [oak-primary, elm-academy]")
    found = {str(p) for p in problems_for(tmp_path, {SCHOOLS: schools})}
    assert found == {
        "content/schools.yml:36:18: groupings[1].groups[0].schools: peer-challenge group 'Central A' has 2 school(s); "
        "a peer-challenge group has 3 or 4",
        "content/schools.yml:10:9: schools[2].id: 'maple-school' is in no peer-challenge group; "
        "groupings[1] says every school is in one, so add its id to one of its groups",
    }


def test_a_misspelt_school_in_a_group_gets_a_suggestion(tmp_path: Path) -> None:
    schools = replaced(SCHOOLS, "elm-academy, maple", "elm-acadmy, maple")
    found = [str(p) for p in problems_for(tmp_path, {SCHOOLS: schools})]
    assert (
        "content/schools.yml:36:32: groupings[1].groups[0].schools[1]: 'elm-acadmy' is not a school's id; "
        "did you mean 'elm-academy'?"
    ) in found


def test_a_school_in_two_groups_is_reported_once(tmp_path: Path) -> None:
    others = [(i, "Maintained school") for i in ("yew-primary", "fir-primary", "bay-primary")]
    second = (
        "      - name: Central B\n        within: Central\n"
        "        schools: [yew-primary, fir-primary, bay-primary, oak-primary]\n"
    )
    problems = problems_for(tmp_path, {SCHOOLS: with_schools(others, CORE) + second})
    expect(
        problems,
        SCHOOLS,
        None,
        None,
        "groupings[1].groups[1].schools[3]",
        "'oak-primary' is already in peer-challenge group 'Central A'; a school belongs to one peer-challenge group",
    )


def test_a_group_within_an_unknown_group_gets_a_suggestion(tmp_path: Path) -> None:
    schools = replaced(SCHOOLS, "        within: Central\n", "        within: Centrl\n")
    expect(
        problems_for(tmp_path, {SCHOOLS: schools}),
        SCHOOLS,
        35,
        17,
        "groupings[1].groups[0].within",
        "'Centrl' is not one of the collaboratives; did you mean 'Central'?",
    )


def test_a_grouping_within_an_unknown_grouping_gets_a_suggestion(tmp_path: Path) -> None:
    schools = replaced(SCHOOLS, "    within: collaboratives\n", "    within: colaboratives\n")
    problems = problems_for(tmp_path, {SCHOOLS: schools})
    assert any(p.field == "groupings[1].within" and "did you mean 'collaboratives'?" in p.message for p in problems), (
        problems
    )


LEAD_SCHOOLS = """schools:
  - {id: oak-primary, name: Oak Primary School, phase: Primary, type: Maintained school}
  - {id: elm-academy, name: Elm Academy, phase: Secondary, type: Academy}
  - {id: maple-school, name: Maple School, phase: Primary, type: Maintained school}
groupings:
  - called: lead-school area
    plural: lead-school areas
    groups:
      - {name: West, lead_school: oak-primary, schools: [oak-primary, elm-academy]}
      - {name: East, lead: to be appointed}
"""


def test_groupings_of_another_shape_need_no_group_for_every_school(tmp_path: Path) -> None:
    assert load(make_project(tmp_path / "project", {SCHOOLS: LEAD_SCHOOLS})).problems == []


def test_a_group_has_a_lead_school_or_a_lead_by_role_not_both(tmp_path: Path) -> None:
    schools = LEAD_SCHOOLS.replace(
        "{name: East, lead: to be appointed}", "{name: East, lead: x, lead_school: elm-academy}"
    )
    problems = problems_for(tmp_path, {SCHOOLS: schools})
    assert [p.field for p in problems] == ["groupings[0].groups[1].lead"], problems


def test_schools_without_any_grouping_are_fine(tmp_path: Path) -> None:
    schools = LEAD_SCHOOLS[: LEAD_SCHOOLS.index("groupings:")]
    assert load(make_project(tmp_path / "project", {SCHOOLS: schools})).problems == []


@pytest.mark.parametrize("name", ["board", "offer", "scorecard", "schools", "questions"])
def test_an_optional_data_file_may_be_left_out(tmp_path: Path, name: str) -> None:
    files: dict[str, str | bytes | None] = {f"content/{name}.yml": None}
    if name == "schools":  # the case study names a school, and the welcome page a board
        files["case_studies/shared-reading.md"] = replaced(
            "case_studies/shared-reading.md", "schools: [oak-primary]", "organisations: [Oak Primary School]"
        )
    assert load(make_project(tmp_path / "project", files)).problems == []


def test_a_block_made_from_a_missing_file_is_reported_where_it_is_used(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {"content/key_dates.yml": None})
    expect(
        problems,
        "docs/index.md",
        12,
        1,
        "",
        "'{{ block:key_dates }}' is made from content/key_dates.yml, which this site does not have",
    )


@pytest.mark.parametrize(
    ("path", "what"),
    [
        ("content/partnership.yml", "identity and branding"),
        ("content/accessibility.yml", "accessibility statement"),
        ("content/taxonomy.yml", "controlled vocabularies"),
        ("docs/privacy.md", "the privacy notice"),
        ("docs/index.md", "the home page"),
    ],
)
def test_a_missing_required_file_is_reported(tmp_path: Path, path: str, what: str) -> None:
    problems = problems_for(tmp_path, {path: None})
    assert any(
        p.path == path and p.line == 1 and "is missing; every site needs" in p.message and what in p.message
        for p in problems
    ), problems
