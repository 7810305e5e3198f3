"""The schema of the partnership's data pages: the board, the offer, the scorecard (schools: schema_schools.py).

Declared like every other content type (see schema.py). Each file is optional: a page exists
when its file does. Nothing here assumes one partnership's model: a board may be only planned,
and a scorecard names its own comparators.
"""

from __future__ import annotations

from typing import Any

from partnership.content.context import Context, Vocabulary
from partnership.content.kinds import AcademicYear, Choice, ListOf, Slug, Text, Url
from partnership.content.kinds_numeric import Date, Integer, Number
from partnership.content.records import Field, Record, item_at, position
from partnership.content.schema_schools import SCHOOLS, memberships, unique
from partnership.content.suggest import did_you_mean
from partnership.content.when import DayMonthOrTerm
from partnership.content.yamlstrict import Node, Sequence

__all__ = ["BOARD", "DATA_VOCABULARIES", "OFFER", "SCHOOLS", "SCORECARD", "memberships", "unique"]

BOARD_GROUPS = ("chair", "council", "headteachers", "further education", "governors", "other")
UNITS = ("percent", "score")
DATA_VOCABULARIES = {
    "board_group": Vocabulary("board group", {g: g for g in BOARD_GROUPS}, source="the content guide"),
    "unit": Vocabulary("unit", {u: u for u in UNITS}, source="the content guide"),
    "all_some": Vocabulary("answer", {"all": "all", "some": "some"}, source="the content guide"),
}
MAX_COMPARATORS = 3  # the charts tell the lines apart by pattern and marker as well as colour


BOARD_MEMBER = Record(
    noun="a board member",
    fields=[
        Field("role", Text(max_length=120), help="The role on the board (never a person's name)", example="Chair"),
        Field("group", Choice("board_group", fixed=BOARD_GROUPS), help="Which part of the board", example="council"),
        Field("seats", Integer(1, 20), required=False, help="How many people hold this role (1 if left out)"),
    ],
)
MEETING = Record(
    noun="a board meeting",
    fields=[
        Field("date", Date(), help="The day", example="2026-12-09"),
        Field("focus", Text(max_length=200), required=False, help="What the meeting mainly covers"),
    ],
)


def _board_rules(values: dict[str, Any], node: Node, ctx: Context, where: str) -> None:
    chairs = sum(m["seats"] or 1 for m in values["members"] if m["group"] == "chair")
    if chairs > 1:
        ctx.error(position(node, "members"), "members", f"names {chairs} chairs; a board has at most one chair")


BOARD = Record(
    noun="the board",
    fields=[
        Field("introduction", Text(markdown=True), help="What the board does, in a few sentences"),
        Field(
            "starts",
            Date(),
            required=False,
            help="The day a planned board first meets; before then the page says it is planned",
            example="2027-09-01",
        ),
        Field("meetings_per_year", Integer(1, 12), required=False, help="How often it meets", example=4),
        Field("members", ListOf(BOARD_MEMBER), required=False, help="Its membership, by role (none yet if planned)"),
        Field("meetings", ListOf(MEETING), required=False, help="Dates of its meetings"),
        Field("responsibilities", ListOf(Text(max_length=300)), required=False, help="What it does, one per line"),
    ],
    rules=[unique("members", "role", "board member"), unique("meetings", "date", "meeting"), _board_rules],
)

FIGURE = Record(
    noun="a headline figure",
    fields=[
        Field("label", Text(max_length=120), help="What is counted", example="Registrations on courses this year"),
        Field("value", Integer(0, 10_000_000), help="The number", example=412),
        Field("source", Text(max_length=200), required=False, help="Where it comes from; left out means illustrative"),
    ],
)
COURSE = Record(
    noun="a course or activity",
    fields=[
        Field("id", Slug(), help="Short unique id: its anchor on the page", example="new-governors"),
        Field("title", Text(max_length=120), help="Its name", example="Induction for new governors"),
        Field("audience", Text(max_length=120), help="Who it is for", example="Governors in their first year"),
        Field("summary", Text(max_length=400), help="What it covers, in one or two sentences"),
        Field(
            "dates",
            ListOf(DayMonthOrTerm()),
            required=False,
            help="The days it runs (a month or a term where no day is set)",
        ),
        Field("register", Text(max_length=200), help="How to register, in one sentence"),
        Field("link", Url(), required=False, help="The booking page"),
    ],
)
OFFER = Record(
    noun="the offer",
    fields=[
        Field("introduction", Text(markdown=True), help="What the offer is and who it is for"),
        Field("academic_year", AcademicYear(), help="The year the offer is for", example="2026-27"),
        Field("figures", ListOf(FIGURE), required=False, help="Headline figures, such as registrations"),
        Field("courses", ListOf(COURSE, 1), help="Courses and activities"),
    ],
    rules=[unique("courses", "id", "course"), unique("courses", "title", "course")],
)

COMPARATOR = Record(
    noun="a comparator",
    fields=[
        Field("id", Slug(), help="Short id, used in each year's results and the CSV files", example="region"),
        Field("label", Text(max_length=40), help="Its name on charts and tables", example="Region"),
    ],
)
COMPARED = Record(
    noun="a comparator's figure",
    fields=[
        Field("to", Slug(), help="The comparator's id", example="region"),
        Field("value", Number(-100, 100), help="Its figure", example=67),
    ],
)
RESULT = Record(
    noun="a year's results",
    fields=[
        Field("year", AcademicYear(), help="The academic year", example="2025-26"),
        Field("partnership", Number(-100, 100), help="The partnership's figure", example=68),
        Field("compared", ListOf(COMPARED), required=False, help="The comparators' figures, one each"),
    ],
)
MEASURE = Record(
    noun="a measure",
    fields=[
        Field("id", Slug(), help="Short unique id: its anchor and CSV file name", example="ks2-rwm"),
        Field("title", Text(max_length=120), help="What is measured", example="Reading, writing and maths"),
        Field("description", Text(max_length=300), help="One sentence explaining the measure"),
        Field("unit", Choice("unit", fixed=UNITS), help="percent or score", example="percent"),
        Field("source", Text(max_length=200), required=False, help="Where the figures come from; else illustrative"),
        Field("results", ListOf(RESULT, 1), help="One entry per year"),
    ],
)


def _scorecard_rules(values: dict[str, Any], node: Node, ctx: Context, where: str) -> None:
    comparators = [c["id"] for c in values["comparators"]]
    for index, comparator in enumerate(values["comparators"]):
        if comparator["id"] in ("year", "partnership"):
            id_node = position(item_at(position(node, "comparators"), index), "id")
            message = f"'{comparator['id']}' is a column already; choose another id"
            ctx.error(id_node, f"comparators[{index}].id", message)
    if len(comparators) > MAX_COMPARATORS:
        ctx.error(position(node, "comparators"), "comparators", f"a chart can compare with {MAX_COMPARATORS} at most")
    measures_node = position(node, "measures")
    for index, measure in enumerate(values["measures"]):
        results_node = position(item_at(measures_node, index), "results")
        seen: set[str] = set()
        for number, result in enumerate(measure["results"]):
            result_node = item_at(results_node, number)
            at = f"measures[{index}].results[{number}]"
            if result["year"] in seen:
                ctx.error(position(result_node, "year"), f"{at}.year", f"{result['year']} is listed twice")
            seen.add(result["year"])
            _compared(measure, result, comparators, result_node, at, ctx)


def _compared(
    measure: dict[str, Any], result: dict[str, Any], comparators: list[str], result_node: Node, at: str, ctx: Context
) -> None:
    """Each comparator's figure once, for a comparator the scorecard names; percentages within 0 to 100."""
    given = position(result_node, "compared")
    figures: dict[str, float] = {}
    for number, figure in enumerate(result["compared"]):
        item = given.items[number] if isinstance(given, Sequence) else result_node
        if figure["to"] not in comparators:
            suggestion = did_you_mean(figure["to"], comparators)
            hint = f"did you mean '{suggestion}'?" if suggestion else "name it under comparators first"
            ctx.error(
                position(item, "to"), f"{at}.compared[{number}].to", f"'{figure['to']}' is not a comparator; {hint}"
            )
        elif figure["to"] in figures:
            ctx.error(position(item, "to"), f"{at}.compared[{number}].to", f"'{figure['to']}' is given twice")
        figures[figure["to"]] = figure["value"]
    missing = [c for c in comparators if c not in figures]
    if missing and all(figure["to"] in comparators for figure in result["compared"]):  # else a misspelling
        ctx.error(given, f"{at}.compared", "has no figure for " + ", ".join(f"'{c}'" for c in missing))
    if measure["unit"] == "percent":
        if not 0 <= result["partnership"] <= 100:
            ctx.error(position(result_node, "partnership"), f"{at}.partnership", "a percentage is between 0 and 100")
        for number, figure in enumerate(result["compared"]):
            if not 0 <= figure["value"] <= 100:
                item = given.items[number] if isinstance(given, Sequence) else result_node
                ctx.error(
                    position(item, "value"), f"{at}.compared[{number}].value", "a percentage is between 0 and 100"
                )


SCORECARD = Record(
    noun="the scorecard",
    fields=[
        Field("introduction", Text(markdown=True), help="What the scorecard is and how it is used"),
        Field(
            "comparators",
            ListOf(COMPARATOR),
            required=False,
            help="What the partnership's figures are compared with (up to three), if anything",
        ),
        Field("measures", ListOf(MEASURE, 1), help="The measures, each with results by year"),
    ],
    rules=[unique("measures", "id", "measure"), unique("comparators", "id", "comparator"), _scorecard_rules],
)
