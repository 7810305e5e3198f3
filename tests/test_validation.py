"""Pure-function tests of content validation: every rejection names the file, line, column, field and the fix.

No MkDocs build here: each case writes one bad input into a copy of the minimal fixture
project, loads it with `partnership.content.load.load` and checks the single problem it reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import MINIMAL, expect, make_project, original, problems_for, replaced, shown

from partnership.content.load import load
from partnership.content.problems import WARNING, Problem, errors, format_problems
from partnership.content.yamlstrict import Mapping, Scalar, Sequence, parse

CASE = "case_studies/shared-reading.md"
STUDY = (MINIMAL / CASE).read_text(encoding="utf-8")
# Lines of the fixture case study's front matter (line 1 and line 13 are the '---' fences).
LINE = {
    "title": 2,
    "summary": 3,
    "themes": 4,
    "phases": 5,
    "type": 6,
    "schools": 7,
    "academic_year": 8,
    "published": 9,
    "review_by": 10,
    "contact": 11,
    "status": 12,
}
REQUIRED = [
    "title",
    "summary",
    "themes",
    "phases",
    "type",
    "academic_year",
    "published",
    "review_by",
    "contact",
    "status",
]


def with_field(name: str, new: str | None) -> str:
    """The fixture case study with the line of field `name` replaced by `new` (None removes it)."""
    lines = STUDY.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{name}:"))
    lines[index : index + 1] = [] if new is None else [new]
    return "\n".join(lines)


def with_extra(line: str) -> str:
    """The fixture case study with one more front-matter line, on line 13 (just before the closing '---')."""
    return STUDY.replace("status: published\n", f"status: published\n{line}\n", 1)


# --- the fixture itself ----------------------------------------------------------------------------------------------


def test_the_minimal_fixture_is_valid(tmp_path: Path) -> None:
    project = load(make_project(tmp_path / "project"))
    assert project.problems == []
    assert project.ok
    assert [study.slug for study in project.case_studies] == ["shared-reading"]


# --- invalid YAML syntax ---------------------------------------------------------------------------------------------

YAML_SYNTAX = [
    pytest.param("title", "title: a: b", 2, 9, "put the whole value in double quotes", id="colon-in-value"),
    pytest.param(
        "title", "title: Shared reading: Year 2", 2, 22, "put the whole value in double quotes", id="colon-in-title"
    ),
    pytest.param(
        "title",
        "title: 'Shared' reading",
        2,
        17,
        "a value that starts with a quote goes on after the closing quote; line the fields up and quote the whole"
        " value",
        id="single-quote-then-more",
    ),
    pytest.param(
        "title",
        'title: "Shared" reading',
        2,
        17,
        "a value that starts with a quote goes on after the closing quote",
        id="double-quote-then-more",
    ),
    pytest.param(
        "themes",
        "themes: [Reading",
        4,
        9,
        "a list in [brackets] is not closed",
        id="unclosed-list",
    ),
    pytest.param(
        "title",
        'title: "Shared reading',
        2,
        8,
        "a quoted value is never closed; add the closing quote",
        id="unclosed-quote",
    ),
    pytest.param("title", "title: @home", 2, 8, "put the whole value in double quotes", id="starts-with-at"),
    pytest.param(
        "title", "title: `code` club", 2, 8, "put the whole value in double quotes", id="starts-with-backtick"
    ),
]


@pytest.mark.parametrize(("name", "new", "line", "column", "phrase"), YAML_SYNTAX)
def test_invalid_yaml_syntax_says_what_to_quote(
    tmp_path: Path, name: str, new: str, line: int, column: int, phrase: str
) -> None:
    problem = expect(problems_for(tmp_path, {CASE: with_field(name, new)}), CASE, line, column, "", phrase)
    assert problem.message.startswith("invalid YAML")


def test_invalid_yaml_in_a_data_file(tmp_path: Path) -> None:
    text = replaced("content/key_dates.yml", "title: Launch event", "title: Launch: event")
    problems = problems_for(tmp_path, {"content/key_dates.yml": text})
    expect(problems, "content/key_dates.yml", 3, 18, "", "put the whole value in double quotes")


# --- front matter fences ---------------------------------------------------------------------------------------------

FRONT_MATTER = [
    pytest.param("\n" + STUDY, "front matter must start on line 1, but its '---' is on line 2", id="blank-line-first"),
    pytest.param(
        "# Shared reading\n\nWe read together.\n",
        "has no front matter: the file must start with a line '---'",
        id="no-front-matter",
    ),
    pytest.param(
        STUDY.replace("status: published\n---\n", "status: published\n"),
        "the front matter that opens with '---' on line 1 is never closed; add a line '---'",
        id="not-closed",
    ),
]


@pytest.mark.parametrize(("text", "phrase"), FRONT_MATTER)
def test_front_matter_fences(tmp_path: Path, text: str, phrase: str) -> None:
    expect(problems_for(tmp_path, {CASE: text}), CASE, 1, 1, "", phrase)


def test_a_body_less_case_study_is_refused(tmp_path: Path) -> None:
    text = STUDY[: STUDY.index("## What we did")].rstrip("\n") + "\n"
    problems = problems_for(tmp_path, {CASE: text})
    expect(problems, CASE, 1, 1, "", "has no text after the front matter; write the case study below the closing '---'")


# --- duplicate keys --------------------------------------------------------------------------------------------------


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {CASE: with_field("title", "title: Shared reading\ntitle: Shared reading again")})
    expect(problems, CASE, 3, 1, "title", "appears twice: first on line 2, again on line 3; keep only one")


def test_duplicate_key_in_a_data_file_names_both_lines(tmp_path: Path) -> None:
    text = replaced("content/schools.yml", "    type: Academy", "    type: Academy\n    name: Elm Again")
    problems = problems_for(tmp_path, {"content/schools.yml": text})
    expect(
        problems, "content/schools.yml", 10, 5, "schools[1].name", "appears twice: first on line 7, again on line 10"
    )


# --- YAML 1.1 surprises ----------------------------------------------------------------------------------------------

YAML11 = [
    pytest.param("contact", "contact: NO", "contact", "'NO' is read by YAML as the true/false value false", id="NO"),
    pytest.param("contact", "contact: no", "contact", "'no' is read by YAML as the true/false value false", id="no"),
    pytest.param("contact", "contact: yes", "contact", "'yes' is read by YAML as the true/false value true", id="yes"),
    pytest.param("contact", "contact: on", "contact", "'on' is read by YAML as the true/false value true", id="on"),
    pytest.param("contact", "contact: off", "contact", "'off' is read by YAML as the true/false value false", id="off"),
    pytest.param("contact", "contact: 0123", "contact", "'0123' is read by YAML as the octal number 83", id="octal"),
    pytest.param("contact", "contact: 1:30", "contact", "'1:30' is read by YAML as a number in base 60", id="base-60"),
    pytest.param("title", "title: 2024-01-01", "title", "'2024-01-01' is read by YAML as a date", id="date"),
    pytest.param("title", "title: 42", "title", "'42' is read by YAML as a number", id="integer"),
    pytest.param("title", "title: 3.5", "title", "'3.5' is read by YAML as a number", id="float"),
]


@pytest.mark.parametrize(("name", "new", "field", "phrase"), YAML11)
def test_yaml_1_1_surprises_in_text_fields(tmp_path: Path, name: str, new: str, field: str, phrase: str) -> None:
    value = new.split(": ", 1)[1]
    problem = expect(
        problems_for(tmp_path, {CASE: with_field(name, new)}), CASE, LINE[name], len(name) + 3, field, phrase
    )
    assert problem.message.endswith(f'not text; put it in double quotes: "{value}"')


def test_yaml_1_1_surprise_in_a_list_item(tmp_path: Path) -> None:
    text = with_field("schools", "schools: [oak-primary]\norganisations:\n  - Norway\n  - NO")
    problems = problems_for(tmp_path, {CASE: text})
    expect(problems, CASE, 10, 5, "organisations[1]", "'NO' is read by YAML as the true/false value false")


QUOTED = [
    pytest.param("contact", 'contact: "NO"', id="NO"),
    pytest.param("contact", "contact: 'yes'", id="yes"),
    pytest.param("contact", 'contact: "off"', id="off"),
    pytest.param("contact", 'contact: "0123"', id="octal"),
    pytest.param("contact", 'contact: "1:30"', id="base-60"),
    pytest.param("title", 'title: "2024-01-01"', id="date"),
    pytest.param("title", "title: '42'", id="integer"),
    pytest.param("schools", "schools: [oak-primary]\norganisations:\n  - Norway\n  - 'NO'", id="list-item"),
    pytest.param("summary", "summary: 3 < 4 and 5 > 2", id="less-than-is-not-html"),
    pytest.param("title", "title: Fish & chips", id="ampersand-is-not-html"),
]


@pytest.mark.parametrize(("name", "new"), QUOTED)
def test_quoted_and_harmless_values_are_accepted(tmp_path: Path, name: str, new: str) -> None:
    problems = problems_for(tmp_path, {CASE: with_field(name, new)})
    assert problems == [], shown(problems)


def test_quoted_values_are_kept_as_text(tmp_path: Path) -> None:
    text = with_field("contact", 'contact: "NO"').replace("title: Shared reading in Year 2", 'title: "0123"')
    project = load(make_project(tmp_path / "project", {CASE: text}))
    assert project.problems == []
    study = project.case_studies[0]
    assert (study.title, study.contact) == ("0123", "NO")


# --- tabs, anchors, aliases, merge keys, tags -------------------------------------------------------------------------

YAML_FEATURES = [
    pytest.param(
        with_field("title", "title:\tShared reading"), 2, 7, "", "contains a tab character", id="tab-in-value"
    ),
    pytest.param(
        with_field("schools", "schools: [oak-primary]\norganisations:\n\t- Camden"),
        9,
        1,
        "",
        "YAML needs spaces, not tabs",
        id="tab-indent",
    ),
    pytest.param(
        with_field("title", "title: &t Shared reading"), 2, 8, "title", "anchors (&t) are not allowed", id="anchor"
    ),
    pytest.param(with_field("summary", "summary: *t"), 3, 10, "summary", "aliases (*t) are not allowed", id="alias"),
    pytest.param(with_extra("<<: {contact: Head}"), 13, 1, "", "merge keys (<<) are not allowed", id="merge-key"),
    pytest.param(with_field("title", "title: !!str Shared"), 2, 8, "title", "tags (!!str) are not allowed", id="tag"),
    pytest.param(
        with_field("title", "title: !custom Shared"), 2, 8, "title", "tags (!custom) are not allowed", id="local-tag"
    ),
]


@pytest.mark.parametrize(("text", "line", "column", "field", "phrase"), YAML_FEATURES)
def test_refused_yaml_features(tmp_path: Path, text: str, line: int, column: int, field: str, phrase: str) -> None:
    expect(problems_for(tmp_path, {CASE: text}), CASE, line, column, field, phrase)


def test_an_anchor_and_its_alias_are_both_reported(tmp_path: Path) -> None:
    text = with_field("title", "title: &t Shared reading").replace(
        "summary: Two schools paired up to improve early reading.", "summary: *t"
    )
    problems = problems_for(tmp_path, {CASE: text})
    assert [(p.line, p.column) for p in problems] == [(2, 8), (3, 10)], shown(problems)
    assert "anchors (&t)" in problems[0].message and "aliases (*t)" in problems[1].message


# --- wrong types -----------------------------------------------------------------------------------------------------

WRONG_TYPES = [
    pytest.param("themes", "themes: Reading", 4, 9, "should be a list, even with one item: write [Reading]", id="text"),
    pytest.param("title", "title: [a, b]", 2, 8, "should be text, not a list", id="list-for-text"),
    pytest.param("title", "title: {a: b}", 2, 8, "should be text, not a set of fields", id="flow-mapping-for-text"),
    pytest.param(
        "title", "title:\n  text: Shared", 3, 3, "should be text, not a set of fields", id="block-mapping-for-text"
    ),
    pytest.param(
        "published", "published: [2017-07-14]", 9, 12, "should be a date like 2024-03-01, not a list", id="date"
    ),
]


@pytest.mark.parametrize(("name", "new", "line", "column", "phrase"), WRONG_TYPES)
def test_wrong_types(tmp_path: Path, name: str, new: str, line: int, column: int, phrase: str) -> None:
    expect(problems_for(tmp_path, {CASE: with_field(name, new)}), CASE, line, column, name, phrase)


# --- missing and empty required fields -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", REQUIRED)
def test_missing_required_field(tmp_path: Path, name: str) -> None:
    problems = problems_for(tmp_path, {CASE: with_field(name, None)})
    expect(problems, CASE, 2, 1, name, "is missing; add it (")


@pytest.mark.parametrize("name", REQUIRED)
def test_empty_required_field(tmp_path: Path, name: str) -> None:
    problems = problems_for(tmp_path, {CASE: with_field(name, f"{name}:")})
    expect(problems, CASE, LINE[name], 1, name, "is empty; add it (")


EMPTY = [
    pytest.param("title: ~", "title", "is empty", id="tilde"),
    pytest.param("title: null", "title", "is empty", id="null"),
    pytest.param("themes: []", "themes", "needs at least 1 item", id="empty-list"),
    pytest.param('title: ""', "title", "is empty", id="empty-double-quotes"),
    pytest.param("contact: ''", "contact", "is empty", id="empty-single-quotes"),
    pytest.param('summary: "   "', "summary", "is empty", id="only-spaces"),
]


@pytest.mark.parametrize(("new", "name", "phrase"), EMPTY)
def test_empty_values_of_required_fields(tmp_path: Path, new: str, name: str, phrase: str) -> None:
    expect(problems_for(tmp_path, {CASE: with_field(name, new)}), CASE, LINE[name], None, name, phrase)


def test_a_case_study_needs_a_school_or_organisation(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {CASE: with_field("schools", None)})
    expect(problems, CASE, 2, 1, "schools", "name at least one school (by id) or organisation")


# --- unknown fields --------------------------------------------------------------------------------------------------

UNKNOWN_FIELDS = [
    pytest.param(
        "tittle: Shared", "tittle", "'tittle' is not a field of a case study; did you mean 'title'?", id="tittle"
    ),
    pytest.param("summry: Two", "summry", "did you mean 'summary'?", id="summry"),
    pytest.param("review-by: 2030-01-01", "review-by", "did you mean 'review_by'?", id="review-by"),
    pytest.param("Title: Shared", "Title", "did you mean 'title'?", id="capital"),
    pytest.param("colour: red", "colour", "known fields are: title, summary, themes", id="no-near-name"),
]


@pytest.mark.parametrize(("line", "field", "phrase"), UNKNOWN_FIELDS)
def test_unknown_fields_suggest_the_nearest(tmp_path: Path, line: str, field: str, phrase: str) -> None:
    expect(problems_for(tmp_path, {CASE: with_extra(line)}), CASE, 13, 1, field, phrase)


def test_a_misspelt_field_also_leaves_the_real_one_missing(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {CASE: with_field("title", "tittle: Shared reading")})
    assert [(p.line, p.column, p.field) for p in problems] == [(2, 1, "tittle"), (2, 1, "title")], shown(problems)
    assert "did you mean 'title'?" in problems[0].message
    assert "is missing" in problems[1].message


# --- vocabularies ----------------------------------------------------------------------------------------------------


def test_unknown_theme_message_is_exact(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {CASE: with_field("themes", "themes: [Reading, Readng]")})
    assert [str(p) for p in problems] == [
        f"{CASE}:4:19: themes[1]: 'Readng' is not a known theme; did you mean 'Reading'?"
    ]


VOCABULARY = [
    pytest.param(
        "phases: [Primery]", "phases", 10, "phases[0]", "'Primery' is not a known phase; did you mean 'Primary'?"
    ),
    pytest.param(
        "phases: [Nursery]",
        "phases",
        10,
        "phases[0]",
        "'Nursery' is not a known phase; choose one of: 'Primary', 'Secondary'",
    ),
    pytest.param(
        "type: Peer chalenge project",
        "type",
        7,
        "type",
        "'Peer chalenge project' is not a known case study type; did you mean 'Peer challenge project'?",
    ),
    pytest.param(
        "status: publshed", "status", 9, "status", "'publshed' is not a known status; did you mean 'published'?"
    ),
    pytest.param("status: live", "status", 9, "status", "choose one of: 'published', 'draft'"),
    pytest.param(
        "schools: [oak-primry]",
        "schools",
        11,
        "schools[0]",
        "'oak-primry' is not a known school; did you mean 'oak-primary'?",
    ),
    pytest.param(
        "schools: [birch-primary]", "schools", 11, "schools[0]", "is not a known school; did you mean 'oak-primary'?"
    ),
]


@pytest.mark.parametrize(("new", "name", "column", "field", "phrase"), VOCABULARY)
def test_values_outside_a_vocabulary(tmp_path: Path, new: str, name: str, column: int, field: str, phrase: str) -> None:
    expect(problems_for(tmp_path, {CASE: with_field(name, new)}), CASE, LINE[name], column, field, phrase)


def test_vocabulary_values_match_labels_and_ids_ignoring_case(tmp_path: Path) -> None:
    project = load(make_project(tmp_path / "project", {CASE: with_field("themes", "themes: [reading, WRITING]")}))
    assert project.problems == []
    assert project.case_studies[0].themes == ("reading", "writing")


def test_repeated_list_value(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {CASE: with_field("themes", "themes: [Reading, Reading]")})
    expect(problems, CASE, 4, 19, "themes[1]", "repeats themes[0]; list each value once")


# --- dates and academic years ----------------------------------------------------------------------------------------

DATES = [
    pytest.param("published", "2023-02-30", "'2023-02-30' is not a real date: February 2023 has 28 days", id="feb-30"),
    pytest.param("published", "2023-13-01", "'2023-13-01' is not a real date: there is no month 13", id="month-13"),
    pytest.param("published", "next week", "'next week' is not a date; write it as YYYY-MM-DD", id="words"),
    pytest.param("published", "2017-7-14", "'2017-7-14' is not a date; write it as YYYY-MM-DD", id="short-month"),
    pytest.param("published", "2023-01-01 10:00", "has a time; give the date only", id="with-time"),
    pytest.param("published", "2023-01-01T10:00:00", "has a time; give the date only", id="iso-time"),
    pytest.param("review_by", "2024-02-30", "'2024-02-30' is not a real date: February 2024 has 29 days", id="leap"),
    pytest.param("review_by", "2017-07-14", "must be later than the published date", id="review-same-day"),
    pytest.param("review_by", "2016-01-01", "must be later than the published date", id="review-before"),
    pytest.param(
        "academic_year",
        "2016-18",
        "'2016-18' is not an academic year; write the year it starts and the next, like 2016-17",
        id="two-years",
    ),
    pytest.param("academic_year", "16-17", "'16-17' is not an academic year", id="short-year"),
    pytest.param("academic_year", "2016/17", "'2016/17' is not an academic year", id="slash"),
]


@pytest.mark.parametrize(("name", "value", "phrase"), DATES)
def test_impossible_dates_and_years(tmp_path: Path, name: str, value: str, phrase: str) -> None:
    problems = problems_for(tmp_path, {CASE: with_field(name, f"{name}: {value}")})
    expect(problems, CASE, LINE[name], len(name) + 3, name, phrase)


def test_dates_may_be_quoted(tmp_path: Path) -> None:
    project = load(make_project(tmp_path / "project", {CASE: with_field("published", 'published: "2017-07-14"')}))
    assert project.problems == []
    assert project.case_studies[0].published.isoformat() == "2017-07-14"


# --- slugs and file names --------------------------------------------------------------------------------------------


def test_two_case_studies_with_the_same_slug_field(tmp_path: Path) -> None:
    text = with_extra("slug: same-work")
    problems = problems_for(tmp_path, {"case_studies/a.md": text, "case_studies/b.md": text})
    expect(
        problems,
        "case_studies/b.md",
        13,
        7,
        "slug",
        "'same-work' is already the web address of case_studies/a.md; give one of them another",
    )


def test_a_slug_field_that_takes_another_files_name(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {"case_studies/other.md": with_extra("slug: shared-reading")})
    expect(problems, CASE, 1, 1, "slug", "'shared-reading' is already the web address of case_studies/other.md")


def test_a_file_name_that_is_not_a_slug(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {"case_studies/My Case.md": STUDY})
    expect(
        problems,
        "case_studies/My Case.md",
        1,
        1,
        "",
        "the file name 'My Case.md' cannot be a web address; rename it to 'my-case.md'",
    )


def test_a_slug_field_that_is_not_a_slug(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {CASE: with_extra("slug: My Work")})
    expect(
        problems, CASE, 13, 7, "slug", "'My Work' is not a valid id: use lowercase letters, digits and single hyphens"
    )


# --- encodings and invisible characters ------------------------------------------------------------------------------


def latin1_on_line(text: str, number: int, old: str, new: str) -> bytes:
    lines = text.split("\n")
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new)
    return "\n".join(lines).encode("latin-1")


NOT_UTF8 = [
    pytest.param(CASE, latin1_on_line(STUDY, 5, "Primary", "Prim\xe9ry"), 5, 14, id="front-matter-line-5"),
    pytest.param(CASE, latin1_on_line(STUDY, 17, "every day", "every d\xe9y"), 17, 25, id="body"),
    pytest.param(
        "content/schools.yml",
        latin1_on_line(original("content/schools.yml"), 7, "Elm Academy", "Elm Acad\xe9my"),
        7,
        19,
        id="data-file",
    ),
]


@pytest.mark.parametrize(("path", "data", "line", "column"), NOT_UTF8)
def test_files_that_are_not_utf8_say_the_line(tmp_path: Path, path: str, data: bytes, line: int, column: int) -> None:
    problems = problems_for(tmp_path, {path: data})
    expect(problems, path, line, column, "", "is not valid UTF-8 (byte 0xE9 on this line); save the file with UTF-8")


INVISIBLE = [
    pytest.param("title: Shared", "title: Sha\u200bred", 2, 11, "U+200B (zero width space)", id="zero-width-space"),
    pytest.param("summary: Two", "summary: Two\u0007", 3, 13, "U+0007", id="bell"),
    pytest.param("contact: Head", "contact: \u202eHead", 11, 10, "U+202E (right-to-left override)", id="rlo"),
    pytest.param("title: Shared", "title: Shared\ufeff", 2, 14, "U+FEFF", id="bom-inside"),
    pytest.param("We read", "We\u200b read", 17, 3, "U+200B", id="in-body"),
]


@pytest.mark.parametrize(("old", "new", "line", "column", "phrase"), INVISIBLE)
def test_invisible_and_control_characters(
    tmp_path: Path, old: str, new: str, line: int, column: int, phrase: str
) -> None:
    problems = problems_for(tmp_path, {CASE: STUDY.replace(old, new, 1)})
    problem = expect(problems, CASE, line, column, "", phrase)
    assert problem.message.startswith("contains an invisible character") and "delete it" in problem.message


def test_invisible_character_in_a_data_file(tmp_path: Path) -> None:
    text = replaced("content/partnership.yml", "short_name: TLP", "short_name: T\u200bLP")
    problems = problems_for(tmp_path, {"content/partnership.yml": text})
    expect(problems, "content/partnership.yml", 2, 14, "", "U+200B (zero width space)")


def test_bom_and_crlf_are_accepted_silently(tmp_path: Path) -> None:
    data = ("\ufeff" + STUDY).replace("\n", "\r\n").encode("utf-8")
    project = load(make_project(tmp_path / "project", {CASE: data}))
    assert project.problems == []
    study = project.case_studies[0]
    assert study.title == "Shared reading in Year 2"
    assert "\r" not in study.body


def test_bom_and_crlf_keep_lines_and_columns(tmp_path: Path) -> None:
    data = ("\ufeff" + with_field("themes", "themes: [Readng]")).replace("\n", "\r\n").encode("utf-8")
    problems = problems_for(tmp_path, {CASE: data})
    expect(problems, CASE, 4, 10, "themes[0]", "did you mean 'Reading'?")


# --- HTML in text fields ---------------------------------------------------------------------------------------------

HTML = [
    pytest.param(
        "summary", "summary: Read <b>this</b>", "contains HTML ('<b>'); write plain text without tags", id="bold"
    ),
    pytest.param(
        "title", 'title: "<script>alert(1)</script>"', "contains HTML ('<script>'); write plain text", id="script"
    ),
    pytest.param("title", "title: Fish &amp; chips", "contains HTML ('&amp;')", id="entity"),
    pytest.param("contact", "contact: Head&#39;s office", "contains HTML ('&#39;')", id="numeric-entity"),
]


@pytest.mark.parametrize(("name", "new", "phrase"), HTML)
def test_html_in_plain_text_fields(tmp_path: Path, name: str, new: str, phrase: str) -> None:
    expect(problems_for(tmp_path, {CASE: with_field(name, new)}), CASE, LINE[name], len(name) + 3, name, phrase)


QUESTION_HTML = [
    pytest.param(
        "answer: Email <a href=x>us</a>.",
        "questions[0].answer",
        "contains HTML ('<a'); use Markdown instead",
        id="link",
    ),
    pytest.param(
        'answer: "<script>alert(1)</script>"', "questions[0].answer", "contains HTML ('<script>')", id="script"
    ),
    pytest.param("answer: Fish &amp; chips.", "questions[0].answer", "contains HTML ('&amp;')", id="entity"),
    pytest.param("answer: Hello <!-- note -->", "questions[0].answer", "contains HTML ('<!--')", id="comment"),
]


@pytest.mark.parametrize(("new", "field", "phrase"), QUESTION_HTML)
def test_html_in_markdown_answers(tmp_path: Path, new: str, field: str, phrase: str) -> None:
    text = replaced("content/questions.yml", "answer: Email the partnership team.", new)
    expect(problems_for(tmp_path, {"content/questions.yml": text}), "content/questions.yml", 5, 13, field, phrase)


def test_markdown_in_answers_is_accepted(tmp_path: Path) -> None:
    answer = "answer: |\n      Email **us** at [our site](https://example.org).\n\n      - one\n      - two"
    text = replaced("content/questions.yml", "answer: Email the partnership team.", answer)
    project = load(make_project(tmp_path / "project", {"content/questions.yml": text}))
    assert project.problems == []
    assert project.data["questions"]["questions"][0]["answer"].startswith("Email **us**")


def test_markdown_autolinks_in_answers_are_accepted(tmp_path: Path) -> None:
    text = replaced(
        "content/questions.yml", "answer: Email the partnership team.", "answer: See <https://example.org>."
    )
    problems = problems_for(tmp_path, {"content/questions.yml": text})
    assert problems == [], shown(problems)


# --- the YAML data files ---------------------------------------------------------------------------------------------

DATA_FILES = [
    pytest.param(
        "content/schools.yml",
        "id: elm-academy",
        "id: oak-primary",
        6,
        None,
        "schools[1].id",
        "'oak-primary' is already used by schools[0]; each school needs its own id",
        id="schools-duplicate-id",
    ),
    pytest.param(
        "content/schools.yml",
        "phase: Secondary",
        "phase: Secondry",
        8,
        12,
        "schools[1].phase",
        "'Secondry' is not a known phase; did you mean 'Secondary'?",
        id="schools-unknown-phase",
    ),
    pytest.param(
        "content/schools.yml",
        "type: Academy",
        "type: Acadmy",
        9,
        11,
        "schools[1].type",
        "'Acadmy' is not a known school type; did you mean 'Academy'?",
        id="schools-unknown-type",
    ),
    pytest.param(
        "content/schools.yml",
        "type: Academy",
        "type: Academy\n    urn: 12345",
        10,
        10,
        "schools[1].urn",
        "12345 should be between 100000 and 999999",
        id="urn-five-digits",
    ),
    pytest.param(
        "content/schools.yml",
        "type: Academy",
        "type: Academy\n    urn: 1234567",
        10,
        10,
        "schools[1].urn",
        "1234567 should be between 100000 and 999999",
        id="urn-seven-digits",
    ),
    pytest.param(
        "content/schools.yml",
        "type: Academy",
        "type: Academy\n    urn: 12a456",
        10,
        10,
        "schools[1].urn",
        "'12a456' should be a whole number",
        id="urn-not-a-number",
    ),
    pytest.param(
        "content/schools.yml",
        "type: Academy",
        "type: Academy\n    urn: 012345",
        10,
        10,
        "schools[1].urn",
        "octal",
        id="urn-leading-zero",
    ),
    pytest.param(
        "content/taxonomy.yml",
        "label: Writing",
        "label: Reading",
        5,
        12,
        "themes[1].label",
        "'Reading' is already used by themes[0]; each theme needs its own label",
        id="taxonomy-duplicate-label",
    ),
    pytest.param(
        "content/taxonomy.yml",
        "label: Writing",
        "label: reading",
        None,
        None,
        "themes[1].label",
        "is already used by themes[0]",
        id="taxonomy-duplicate-label-other-case",
    ),
    pytest.param(
        "content/taxonomy.yml",
        "id: writing",
        "id: reading",
        4,
        None,
        "themes[1].id",
        "'reading' is already used by themes[0]; each theme needs its own id",
        id="taxonomy-duplicate-id",
    ),
    pytest.param(
        "content/taxonomy.yml",
        "label: Reading",
        "label: Reading\n    also: [Literacy, Writing]",
        4,
        22,
        "themes[0].also[1]",
        "'Writing' is already the label of themes[1]; give each theme names of its own",
        id="taxonomy-other-name-is-another-label",
    ),
    pytest.param(
        "content/taxonomy.yml",
        "label: Writing",
        "label: Writing\n    also: [literacy]\n  - id: phonics\n    label: Phonics\n    also: [Literacy]",
        None,
        None,
        "themes[2].also[0]",
        "'Literacy' is already the other name of themes[1]",
        id="taxonomy-other-name-twice",
    ),
    pytest.param(
        "content/taxonomy.yml",
        "label: Reading",
        "label: Reading\n    also: SEND",
        4,
        11,
        "themes[0].also",
        "should be a list, even with one item: write [SEND]",
        id="taxonomy-other-names-not-a-list",
    ),
    pytest.param(
        "content/taxonomy.yml",
        "    label: Joining",
        "    label: Joining\nsynonyms:\n  - words: [maths]",
        27,
        12,
        "synonyms[0].words",
        "needs at least 2 item(s)",
        id="synonyms-group-of-one",
    ),
    pytest.param(
        "content/taxonomy.yml",
        "    label: Joining",
        "    label: Joining\nsynonyms:\n  - words: [maths, mathematics]\n    wordz: [numeracy]",
        28,
        5,
        "synonyms[0].wordz",
        "'wordz' is not a field of a group of words that mean the same; did you mean 'words'?",
        id="synonyms-unknown-field",
    ),
    pytest.param(
        "content/taxonomy.yml",
        "label: Reading",
        "label: Reading\n    colour: red",
        4,
        5,
        "themes[0].colour",
        "'colour' is not a field of a theme",
        id="taxonomy-unknown-field",
    ),
    pytest.param(
        "content/partnership.yml",
        'primary: "#1d4f91"',
        "primary: #1d4f91",
        10,
        3,
        "colours.primary",
        "is empty; add it",
        id="colour-unquoted-hash-is-a-comment",
    ),
    pytest.param(
        "content/partnership.yml",
        'primary: "#1d4f91"',
        'primary: "blue"',
        10,
        12,
        "colours.primary",
        "'blue' is not a colour; write it in quotes as # and six hex digits",
        id="colour-name",
    ),
    pytest.param(
        "content/partnership.yml",
        "logo: assets/logo.svg",
        "logo: assets/logo.png",
        12,
        7,
        "logo",
        "'assets/logo.png' is not a file inside docs/",
        id="logo-missing",
    ),
    pytest.param(
        "content/partnership.yml",
        "logo: assets/logo.svg",
        "logo: ../mkdocs.yml",
        12,
        7,
        "logo",
        "'../mkdocs.yml' is not a file inside docs/",
        id="logo-outside-docs",
    ),
    pytest.param(
        "content/partnership.yml",
        "email: tlp@example.org",
        "email: tlp.example.org",
        5,
        8,
        "email",
        "'tlp.example.org' is not an email address",
        id="email-without-at",
    ),
    pytest.param(
        "content/partnership.yml",
        "email: tlp@example.org",
        "email: tlp@example",
        5,
        8,
        "email",
        "'tlp@example' is not an email address",
        id="email-without-domain",
    ),
    pytest.param(
        "content/partnership.yml",
        "founded: 2015",
        'founded: "2015"',
        8,
        10,
        "founded",
        "'2015' should be a whole number without quotes",
        id="quoted-year",
    ),
    pytest.param(
        "content/questions.yml",
        "answer: Email the partnership team.\n",
        "answer: Email the partnership team.\n"
        "  - id: how-to-join\n    topic: Joining\n    question: Again?\n    answer: Yes.\n",
        6,
        None,
        "questions[1].id",
        "'how-to-join' is already used by questions[0]; each question needs its own id",
        id="questions-duplicate-id",
    ),
    pytest.param(
        "content/questions.yml",
        "topic: Joining",
        "topic: Joinng",
        3,
        12,
        "questions[0].topic",
        "'Joinng' is not a known question topic; did you mean 'Joining'?",
        id="questions-unknown-topic",
    ),
    pytest.param(
        "content/questions.yml",
        "question: How does a school join?",
        "question: How does a <i>school</i> join?",
        4,
        15,
        "questions[0].question",
        "contains HTML ('<i>'); write plain text without tags",
        id="questions-html-in-question",
    ),
    pytest.param(
        "content/key_dates.yml",
        "date: 2027-03-18",
        "date: 2027-02-29",
        4,
        11,
        "dates[1].date",
        "'2027-02-29' is not a real date: February 2027 has 28 days",
        id="key-dates-impossible",
    ),
    pytest.param(
        "content/key_dates.yml",
        "date: 2027-03-18",
        "date: 18/03/2027",
        4,
        11,
        "dates[1].date",
        "'18/03/2027' is not a date; write it as YYYY-MM-DD",
        id="key-dates-british-order",
    ),
    pytest.param(
        "content/aims.yml",
        "value_proposition: Schools",
        "value_proposition: <em>Schools</em>",
        1,
        20,
        "value_proposition",
        "contains HTML ('<em>'); use Markdown instead",
        id="aims-html",
    ),
    pytest.param(
        "content/aims.yml",
        "  - Attainment against national benchmarks.\n",
        "  - Attainment against national benchmarks.\n---\nmore: here\n",
        8,
        1,
        "",
        "only one YAML document is allowed",
        id="aims-two-documents",
    ),
]


@pytest.mark.parametrize("path", ["content/taxonomy.yml", "content/partnership.yml", "content/accessibility.yml"])
def test_a_missing_content_file(tmp_path: Path, path: str) -> None:
    # Only the files every site needs; an optional one (board, schools...) may be left out (test_validation_data.py).
    expect(problems_for(tmp_path, {path: None}), path, 1, 1, "", "is missing; every site needs this file")


def test_a_broken_taxonomy_is_reported_once_not_in_every_case_study(tmp_path: Path) -> None:
    text = replaced("content/taxonomy.yml", "label: Reading", "label: Reading\n    colour: red")
    problems = problems_for(tmp_path, {"content/taxonomy.yml": text})
    assert {p.path for p in problems} == {"content/taxonomy.yml"}, shown(problems)


# --- docs pages ------------------------------------------------------------------------------------------------------

DOCS = [
    pytest.param(
        "docs/about.md",
        "title: about",
        "title: about\ntitel: About us",
        3,
        1,
        "titel",
        "'titel' is not a field of a page's front matter; did you mean 'title'?",
        id="unknown-field",
    ),
    pytest.param(
        "docs/about.md",
        "title: about",
        "hide: [navigaton]",
        2,
        8,
        "hide[0]",
        "'navigaton' is not a known thing to hide; did you mean 'navigation'?",
        id="unknown-hide",
    ),
    pytest.param(
        "docs/about.md",
        "title: about",
        "title: 2024",
        2,
        8,
        "title",
        "'2024' is read by YAML as a number",
        id="number-title",
    ),
    pytest.param(
        "docs/about.md",
        "title: about",
        "title: about: us",
        2,
        13,
        "",
        "invalid YAML: a colon followed by a space",
        id="invalid-yaml",
    ),
    pytest.param(
        "docs/aims.md",
        "Text.",
        "Intro.\n\n{{ block:aimz }}",
        9,
        1,
        "",
        "'{{ block:aimz }}' is not a known placeholder; did you mean '{{ block:aims }}'?",
        id="unknown-block",
    ),
    pytest.param(
        "docs/aims.md",
        "Text.",
        "The {{ partnership.nam }} is",
        7,
        5,
        "",
        "'{{ partnership.nam }}' is not a known placeholder; did you mean '{{ partnership.name }}'?",
        id="unknown-inline",
    ),
    pytest.param(
        "docs/about.md",
        "---\ntitle: about\n---\n",
        "About us.\n\nSee {{ block:aimz }}.\n",  # no '# About': the page keeps its one main heading
        3,
        5,
        "",
        "did you mean '{{ block:aims }}'?",
        id="placeholder-without-front-matter",
    ),
    pytest.param(
        "docs/about.md",
        "---\ntitle: about\n---\n",
        "---\ntitle: about\n\n# About\n",
        1,
        1,
        "",
        "the front matter that opens with '---' on line 1 is never closed",
        id="not-closed",
    ),
    pytest.param(
        "docs/about.md",
        "---\ntitle: about\n---\n",
        "\n---\ntitle: about\n---\n",
        1,
        1,
        "",
        "front matter must start on line 1",
        id="blank-line-first",
    ),
    pytest.param(
        "docs/about.md",
        "title: about",
        "title: =",
        2,
        8,
        "title",
        'put it in double quotes: "="',
        id="yaml-value-indicator",
    ),
    pytest.param(
        "docs/about.md",
        "title: about",
        "title: <<",
        2,
        8,
        "title",
        'put it in double quotes: "<<"',
        id="yaml-merge-value",
    ),
]


@pytest.mark.parametrize(("path", "old", "new", "line", "column", "field", "phrase"), DATA_FILES + DOCS)
def test_errors_in_data_files_and_pages(
    tmp_path: Path, path: str, old: str, new: str, line: int | None, column: int | None, field: str, phrase: str
) -> None:
    expect(problems_for(tmp_path, {path: replaced(path, old, new)}), path, line, column, field, phrase)


# --- everything in one load ------------------------------------------------------------------------------------------


def test_all_problems_in_all_files_are_reported_in_one_load(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {
        "case_studies/a-yaml.md": with_field("title", "title: a: b"),
        "case_studies/b-theme.md": with_field("themes", "themes: [Readng]"),
        "case_studies/c-encoding.md": latin1_on_line(STUDY, 5, "Primary", "Prim\xe9ry"),
        "case_studies/d-fences.md": "No front matter here.\n",
        "content/schools.yml": replaced("content/schools.yml", "id: elm-academy", "id: oak-primary"),
    }
    project = load(make_project(tmp_path / "project", files))
    assert not project.ok
    found = {(p.path, p.line, p.field) for p in project.problems}
    assert found == {
        ("case_studies/a-yaml.md", 2, ""),
        ("case_studies/b-theme.md", 4, "themes[0]"),
        ("case_studies/c-encoding.md", 5, ""),
        ("case_studies/d-fences.md", 1, ""),
        ("content/schools.yml", 6, "schools[1].id"),
    }, shown(project.problems)
    # the one good case study still loads
    assert [study.slug for study in project.case_studies] == ["shared-reading"]


def test_every_data_file_broken_at_once(tmp_path: Path) -> None:
    # A broken taxonomy switches off the vocabulary checks elsewhere, so the other files break in other ways.
    files: dict[str, str | bytes | None] = {
        "content/taxonomy.yml": replaced("content/taxonomy.yml", "label: Writing", "label: Reading"),
        "content/schools.yml": replaced("content/schools.yml", "id: elm-academy", "id: oak-primary"),
        "content/partnership.yml": replaced("content/partnership.yml", "email: tlp@example.org", "email: nobody"),
        "content/aims.yml": replaced("content/aims.yml", "aims:", "aimz:"),
        "content/questions.yml": replaced("content/questions.yml", "question: How", "question: <i>How</i>"),
        "content/key_dates.yml": replaced("content/key_dates.yml", "date: 2027-03-18", "date: soon"),
        "docs/about.md": replaced("docs/about.md", "title: about", "titel: about"),
    }
    problems = problems_for(tmp_path, files)
    assert {p.path for p in problems} == set(files), shown(problems)


# --- problems.format_problems and Problem -----------------------------------------------------------------------------

THEME = Problem(CASE, 4, 19, "themes[1]", "'Readng' is not a known theme; did you mean 'Reading'?")
FENCE = Problem("case_studies/b.md", 1, 1, "", "has no front matter")
ODD = Problem("docs/a,b:c.md", 2, 3, "title", "100% wrong\nsecond line", WARNING)


def test_problem_as_text() -> None:
    assert str(THEME) == f"{CASE}:4:19: themes[1]: 'Readng' is not a known theme; did you mean 'Reading'?"
    assert str(FENCE) == "case_studies/b.md:1:1: has no front matter"
    assert str(ODD) == "docs/a,b:c.md:2:3: warning: title: 100% wrong\nsecond line"


def test_format_problems_text_is_sorted_by_file_then_line() -> None:
    late = Problem(CASE, 9, 1, "published", "x")
    assert format_problems([late, FENCE, THEME]) == "\n".join([str(FENCE), str(THEME), str(late)])
    assert format_problems([]) == ""


def test_format_problems_github() -> None:
    lines = format_problems([THEME, FENCE], "github").split("\n")
    assert lines == [
        "::error file=case_studies/b.md,line=1,col=1,title=content::has no front matter",
        f"::error file={CASE},line=4,col=19,title=themes[1]::"
        "themes[1]: 'Readng' is not a known theme; did you mean 'Reading'?",
    ]


def test_format_problems_github_escapes_and_warnings() -> None:
    assert format_problems([ODD], "github") == (
        "::warning file=docs/a%2Cb%3Ac.md,line=2,col=3,title=title::title: 100%25 wrong%0Asecond line"
    )


def test_format_problems_json() -> None:
    accented = Problem("content/schools.yml", 7, 19, "schools[1].name", "'Acadé' is wrong")
    text = format_problems([THEME, accented, ODD], "json")
    assert "Acadé" in text  # not escaped to \u00e9
    assert json.loads(text) == [
        {
            "path": CASE,
            "line": 4,
            "column": 19,
            "field": "themes[1]",
            "message": "'Readng' is not a known theme; did you mean 'Reading'?",
            "severity": "error",
        },
        {
            "path": "content/schools.yml",
            "line": 7,
            "column": 19,
            "field": "schools[1].name",
            "message": "'Acadé' is wrong",
            "severity": "error",
        },
        {
            "path": "docs/a,b:c.md",
            "line": 2,
            "column": 3,
            "field": "title",
            "message": "100% wrong\nsecond line",
            "severity": "warning",
        },
    ]
    assert json.loads(format_problems([], "json")) == []


def test_errors_leaves_out_warnings() -> None:
    assert errors([THEME, ODD, FENCE]) == [THEME, FENCE]


# --- yamlstrict.parse ------------------------------------------------------------------------------------------------

DOCUMENT = """\
title: Hello
count: 0123
flags: [yes, 'no']
items:
  - plain
  - "double"
nested:
  key: |
    block text
"""


def test_parse_keeps_every_scalar_as_text_with_its_position() -> None:
    root, problems = parse(DOCUMENT, "x.yml")
    assert problems == []
    assert isinstance(root, Mapping)
    assert (root.line, root.column) == (1, 1)
    assert list(root.items) == ["title", "count", "flags", "items", "nested"]
    key, title = root.items["title"]
    assert (key.line, key.column, key.value) == (1, 1, "title")
    assert title == Scalar(1, 8, "Hello", None) and title.plain
    assert root.items["count"][1] == Scalar(2, 8, "0123", None)  # never turned into a number
    flags = root.items["flags"][1]
    assert isinstance(flags, Sequence) and (flags.line, flags.column) == (3, 8)
    assert flags.items == [Scalar(3, 9, "yes", None), Scalar(3, 14, "no", "'")]
    items = root.items["items"][1]
    assert isinstance(items, Sequence) and (items.line, items.column) == (5, 3)
    assert items.items == [Scalar(5, 5, "plain", None), Scalar(6, 5, "double", '"')]
    nested = root.items["nested"][1]
    assert isinstance(nested, Mapping) and (nested.line, nested.column) == (8, 3)
    block = nested.items["key"][1]
    assert block == Scalar(8, 8, "block text\n", "|") and not block.plain


def test_parse_adds_the_offset_to_every_line() -> None:
    root, problems = parse("title: Hello\nthemes:\n  - Reading\n", "a.md", offset=1)
    assert problems == []
    assert isinstance(root, Mapping)
    assert root.items["title"][1] == Scalar(2, 8, "Hello", None)
    themes = root.items["themes"][1]
    assert isinstance(themes, Sequence)
    assert themes.items == [Scalar(4, 5, "Reading", None)]


PARSE_PROBLEMS = [
    pytest.param("a: 1\nb: 2\na: 3\n", 3, 1, "a", "appears twice: first on line 2, again on line 4", id="duplicate"),
    pytest.param("a: b: c\n", 1, 5, "", "invalid YAML: a colon followed by a space", id="syntax"),
    pytest.param("a:\tb\n", 1, 3, "", "contains a tab character", id="tab"),
    pytest.param("a: &x 1\n", 1, 4, "a", "anchors (&x) are not allowed", id="anchor"),
    pytest.param("a: !!int 1\n", 1, 4, "a", "tags (!!int) are not allowed", id="tag"),
    pytest.param("<<: {b: 1}\n", 1, 1, "", "merge keys (<<) are not allowed", id="merge"),
    pytest.param("? [a, b]\n: c\n", 1, 3, "", "field names must be plain words", id="complex-key"),
    pytest.param("a: 1\n---\nb: 2\n", 2, 1, "", "only one YAML document is allowed", id="two-documents"),
]


@pytest.mark.parametrize(("text", "line", "column", "field", "phrase"), PARSE_PROBLEMS)
def test_parse_problem_positions_include_the_offset(text: str, line: int, column: int, field: str, phrase: str) -> None:
    _root, problems = parse(text, "f.md", offset=1)
    expect(problems, "f.md", line + 1, column, field, phrase)


def test_parse_of_nothing_is_no_document() -> None:
    assert parse("", "empty.yml") == (None, [])
    assert parse("# only a comment\n", "empty.yml") == (None, [])


def test_html_on_a_later_line_of_a_block_is_reported_on_that_line() -> None:
    from partnership.content.context import Context
    from partnership.content.kinds import Text

    node, problems = parse("answer: |\n  line one\n  line <b>two</b>\n", "content/questions.yml")
    assert problems == []
    ctx = Context("content/questions.yml")
    Text(markdown=True).check(node.items["answer"][1], ctx, "answer")
    assert [(p.line, p.field) for p in ctx.problems] == [(3, "answer")]
