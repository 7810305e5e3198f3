"""The schema of the partnership's data pages: schools and their groups, the board, the offer, the scorecard.

Declared like every other content type (see schema.py); the rules here are the model's own:
peer-challenge groups of three or four, a lead school for each collaborative, one chair.
"""

from __future__ import annotations

from typing import Any

from .context import Context, Vocabulary
from .kinds import AcademicYear, Choice, ListOf, Slug, Text, Url
from .kinds_numeric import Date, Integer, Number
from .records import Field, Record, position
from .suggest import did_you_mean

BOARD_GROUPS = ("chair", "council", "headteachers", "further education", "governors", "other")
UNITS = ("percent", "score")
DATA_VOCABULARIES = {
    "board_group": Vocabulary("board group", {g: g for g in BOARD_GROUPS}, source="the content guide"),
    "unit": Vocabulary("unit", {u: u for u in UNITS}, source="the content guide"),
}
SPECIAL = "special"  # the school type id of special schools, which may join a triad as extra members


def unique(list_field: str, key: str, what: str):
    """A record rule: the items of `list_field` must not share a `key` (ignoring case)."""

    def rule(values: dict[str, Any], node, ctx: Context, where: str) -> None:
        items_node = position(node, list_field)
        seen: dict[str, int] = {}
        for index, item in enumerate(values.get(list_field) or []):
            value = item[key]
            folded = str(value).casefold()
            if folded in seen:
                ctx.error(
                    position(items_node.items[index], key),
                    f"{list_field}[{index}].{key}",
                    f"'{value}' is already used by {list_field}[{seen[folded]}]; each {what} needs its own {key}",
                )
            seen.setdefault(folded, index)

    return rule


SCHOOL = Record(
    noun="a school",
    fields=[
        Field("id", Slug(), help="Short unique id, used by case studies and in web addresses", example="cedar-park"),
        Field("name", Text(max_length=120), help="The school's full name", example="Cedar Park Primary School"),
        Field("phase", Choice("phases"), help="Its phase, from the taxonomy", example="Primary"),
        Field("type", Choice("school_types"), help="Maintained, academy, free or special", example="Academy"),
        Field("joined", Integer(1990, 2100), required=False, help="Year it joined the partnership", example=2014),
        Field("urn", Integer(100000, 999999), required=False, help="Six-digit unique reference number"),
        Field("website", Url(), required=False, help="The school's website"),
    ],
)
GROUP = Record(
    noun="a peer-challenge group",
    fields=[
        Field("name", Text(max_length=60), help="The group's name", example="North A"),
        Field(
            "schools",
            ListOf(Slug(), min_items=1),
            help="Ids of its three or four schools, plus any special schools that join a triad",
            example=["cedar-park", "heathside"],
        ),
    ],
)
COLLABORATIVE = Record(
    noun="a collaborative",
    fields=[
        Field("name", Text(max_length=60), help="The collaborative's name", example="North"),
        Field("lead_school", Slug(), help="Id of the school whose headteacher leads it", example="cedar-park"),
        Field("description", Text(max_length=300), required=False, help="One plain sentence"),
        Field("groups", ListOf(GROUP, min_items=1), help="Its peer-challenge groups (triads and quads)"),
    ],
)


def _schools_rules(values: dict[str, Any], node, ctx: Context, where: str) -> None:
    """Every school is in exactly one group of three or four, and each collaborative's lead school is in it."""
    schools = {s["id"]: s for s in values["schools"]}
    if len(schools) != len(values["schools"]):
        return  # a repeated id was reported; group checks would only repeat it
    school_nodes, collaborative_nodes = position(node, "schools"), position(node, "collaboratives")
    placed: dict[str, str] = {}  # school id -> where it was first placed
    group_names: dict[str, str] = {}
    for c_index, collaborative in enumerate(values["collaboratives"]):
        c_node = collaborative_nodes.items[c_index]
        members_here: set[str] = set()
        for g_index, group in enumerate(collaborative["groups"]):
            g_node = position(c_node, "groups").items[g_index]
            at = f"collaboratives[{c_index}].groups[{g_index}]"
            folded = group["name"].casefold()
            if folded in group_names:
                ctx.error(position(g_node, "name"), f"{at}.name", f"'{group['name']}' is already {group_names[folded]}")
            group_names.setdefault(folded, f"the name of {at}")
            for s_index, school_id in enumerate(group["schools"]):
                item = position(g_node, "schools").items[s_index]
                if school_id not in schools:
                    suggestion = did_you_mean(school_id, list(schools))
                    hint = f"did you mean '{suggestion}'?" if suggestion else "add the school to the schools list first"
                    ctx.error(item, f"{at}.schools[{s_index}]", f"'{school_id}' is not a school's id; {hint}")
                elif school_id in placed:
                    ctx.error(
                        item,
                        f"{at}.schools[{s_index}]",
                        f"'{school_id}' is already in {placed[school_id]}; every school belongs to exactly one group",
                    )
                else:
                    placed[school_id] = f"group '{group['name']}'"
                    members_here.add(school_id)
            _group_size(group, [schools[i] for i in group["schools"] if i in schools], g_node, at, ctx)
        lead = collaborative["lead_school"]
        if lead not in schools:
            suggestion = did_you_mean(lead, sorted(members_here) or list(schools))
            hint = f"did you mean '{suggestion}'?" if suggestion else "give the id of one of its schools"
            ctx.error(
                position(c_node, "lead_school"),
                f"collaboratives[{c_index}].lead_school",
                f"'{lead}' is not a school's id; {hint}",
            )
        elif lead not in members_here:
            ctx.error(
                position(c_node, "lead_school"),
                f"collaboratives[{c_index}].lead_school",
                f"'{lead}' is not in any of this collaborative's groups; the lead school must be one of its members",
            )
    for index, school in enumerate(values["schools"]):
        if school["id"] not in placed:
            ctx.error(
                position(school_nodes.items[index], "id"),
                f"schools[{index}].id",
                f"'{school['id']}' is in no peer-challenge group; add its id to a group under collaboratives",
            )


def _group_size(group: dict[str, Any], members: list[dict[str, Any]], g_node, at: str, ctx: Context) -> None:
    """A triad or a quad; special schools may join a triad as extra members."""
    core = [s for s in members if s["type"] != SPECIAL]
    if len(members) != len(group["schools"]) or 3 <= len(members) <= 4 or len(core) == 3:
        return  # unknown ids were reported already
    if len(members) < 3:
        problem = f"has {len(members)} school(s); a peer-challenge group needs three or four"
    else:
        problem = (
            f"has {len(members)} schools; a group is a triad or a quad, "
            "and only a triad may take special schools as extra members"
        )
    ctx.error(position(g_node, "schools"), f"{at}.schools", f"group '{group['name']}' {problem}")


SCHOOLS = Record(
    noun="the schools file",
    fields=[
        Field(
            "notice",
            Text(max_length=300),
            required=False,
            help="A note shown at the top of the schools pages, such as that the entries are samples",
        ),
        Field("schools", ListOf(SCHOOL, 1), help="Member schools"),
        Field("collaboratives", ListOf(COLLABORATIVE, 1), help="The collaboratives and their peer-challenge groups"),
    ],
    rules=[unique("schools", "id", "school"), unique("collaboratives", "name", "collaborative"), _schools_rules],
)


def memberships(schools_data: dict[str, Any]) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """School id -> (its collaborative, its group), from a valid schools file."""
    return {
        school_id: (collaborative, group)
        for collaborative in schools_data["collaboratives"]
        for group in collaborative["groups"]
        for school_id in group["schools"]
    }


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


def _board_rules(values: dict[str, Any], node, ctx: Context, where: str) -> None:
    chairs = sum(m["seats"] or 1 for m in values["members"] if m["group"] == "chair")
    if chairs != 1:
        ctx.error(position(node, "members"), "members", f"names {chairs} chairs; the board has exactly one chair")


BOARD = Record(
    noun="the board",
    fields=[
        Field("introduction", Text(markdown=True), help="What the board does, in a few sentences"),
        Field("meetings_per_year", Integer(1, 12), help="How often it meets", example=4),
        Field("members", ListOf(BOARD_MEMBER, 1), help="Its membership, by role"),
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
        Field("dates", ListOf(Date()), required=False, help="The days it runs"),
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

RESULT = Record(
    noun="a year's results",
    fields=[
        Field("year", AcademicYear(), help="The academic year", example="2025-26"),
        Field("partnership", Number(-100, 100), help="The partnership's figure", example=68),
        Field("london", Number(-100, 100), help="The London figure", example=67),
        Field("national", Number(-100, 100), help="The figure for England", example=61),
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
        Field("results", ListOf(RESULT, 2), help="One entry per year, at least two"),
    ],
)


def _scorecard_rules(values: dict[str, Any], node, ctx: Context, where: str) -> None:
    measures_node = position(node, "measures")
    for index, measure in enumerate(values["measures"]):
        results_node = position(measures_node.items[index], "results")
        seen: set[str] = set()
        for number, result in enumerate(measure["results"]):
            result_node = results_node.items[number]
            at = f"measures[{index}].results[{number}]"
            if result["year"] in seen:
                ctx.error(position(result_node, "year"), f"{at}.year", f"{result['year']} is listed twice")
            seen.add(result["year"])
            if measure["unit"] == "percent":
                for key in ("partnership", "london", "national"):
                    if not 0 <= result[key] <= 100:
                        ctx.error(position(result_node, key), f"{at}.{key}", "a percentage is between 0 and 100")


SCORECARD = Record(
    noun="the scorecard",
    fields=[
        Field("introduction", Text(markdown=True), help="What the scorecard is and how the board uses it"),
        Field("measures", ListOf(MEASURE, 1), help="The measures, each with results by year"),
    ],
    rules=[unique("measures", "id", "measure"), _scorecard_rules],
)
