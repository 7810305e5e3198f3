"""The schema of the schools file: member schools and the groupings a partnership declares for them.

No model is written here, and no partnership's word for a grouping: a partnership names its own
groupings, says whether every school must be in one, which sizes a group may have, which type of
school may join as an extra member, and who leads each group.
"""

from __future__ import annotations

from typing import Any

from partnership.content.context import Context
from partnership.content.kinds import Choice, ListOf, Slug, Text, Url
from partnership.content.kinds_numeric import Integer
from partnership.content.model import School
from partnership.content.records import Field, Record, Rule, item_at, position
from partnership.content.suggest import did_you_mean
from partnership.content.yamlstrict import Node


def unique(list_field: str, key: str, what: str) -> Rule:
    """A record rule: the items of `list_field` must not share a `key` (ignoring case)."""

    def rule(values: dict[str, Any], node: Node, ctx: Context, where: str) -> None:
        items_node = position(node, list_field)
        seen: dict[str, int] = {}
        for index, item in enumerate(values.get(list_field) or []):
            value = item[key] if isinstance(item, dict) else getattr(item, key)
            folded = str(value).casefold()
            if folded in seen:
                ctx.error(
                    position(item_at(items_node, index), key),
                    f"{list_field}[{index}].{key}",
                    f"'{value}' is already used by {list_field}[{seen[folded]}]; each {what} needs its own {key}",
                )
            seen.setdefault(folded, index)

    return rule


SCHOOL = Record(
    noun="a school",
    fields=[
        Field("id", Slug(), help="Short unique id, used by case studies and in web addresses", example="northdale"),
        Field("name", Text(max_length=120), help="The school's full name", example="Northdale Primary School"),
        Field("phase", Choice("phases"), help="Its phase, from the taxonomy", example="Primary"),
        Field("type", Choice("school_types"), help="Its type, from the taxonomy", example="Academy"),
        Field("joined", Integer(1990, 2100), required=False, help="Year it joined the partnership", example=2014),
        Field("urn", Integer(100000, 999999), required=False, help="Six-digit unique reference number"),
        Field("website", Url(), required=False, help="The school's website"),
    ],
    model=School,
)
SIZE = Record(
    noun="a size of group",
    fields=[
        Field("schools", Integer(1, 100), help="How many schools a group of this size has", example=3),
        Field(
            "called", Text(max_length=40), required=False, help="What a group of this size is called", example="trio"
        ),
        Field(
            "extra_members",
            Choice("school_types"),
            required=False,
            help="A type of school that may join a group of this size beyond its number",
            example="Special school",
        ),
    ],
)
GROUP = Record(
    noun="a group",
    fields=[
        Field("name", Text(max_length=60), help="The group's name", example="North"),
        Field("description", Text(max_length=300), required=False, help="One plain sentence"),
        Field("within", Text(max_length=60), required=False, help="The group of the wider grouping it is part of"),
        Field("schools", ListOf(Slug()), required=False, help="Ids of its member schools", example=["northdale"]),
        Field("lead_school", Slug(), required=False, help="Id of the school that leads it", example="northdale"),
        Field(
            "lead",
            Text(max_length=120),
            required=False,
            help="Who leads it, by role, when no lead school is named (or 'to be appointed')",
            example="to be appointed",
        ),
    ],
)
GROUPING = Record(
    noun="a grouping of schools",
    fields=[
        Field("called", Text(max_length=40), help="What one group is called, in lower case", example="cluster"),
        Field("plural", Text(max_length=40), help="What several are called", example="clusters"),
        Field("introduction", Text(markdown=True), required=False, help="What these groups are for, shown on the page"),
        Field(
            "every_school",
            Choice("all_some", fixed=("all", "some")),
            required=False,
            help="all: every school is in one; some: not every school needs one",
        ),
        Field("sizes", ListOf(SIZE), required=False, help="The sizes a group may have; left out, any size"),
        Field("within", Text(max_length=40), required=False, help="The plural of a wider grouping these make up"),
        Field("groups", ListOf(GROUP, 1), help="The groups"),
    ],
    rules=[unique("groups", "name", "group")],
)


def grouping_members(grouping: dict[str, Any], groupings: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Group name -> its schools' ids: its own list, and those of the groups within it."""
    members = {g["name"]: list(g["schools"]) for g in grouping["groups"]}
    for other in groupings:
        if other is not grouping and other["within"] == grouping["plural"]:
            for group in other["groups"]:
                if group["within"] in members:
                    members[group["within"]] += [s for s in group["schools"] if s not in members[group["within"]]]
    return members


def _schools_rules(values: dict[str, Any], node: Node, ctx: Context, where: str) -> None:
    schools = {s.id: s for s in values["schools"]}
    if len(schools) != len(values["schools"]):
        return  # a repeated id was reported; group checks would only repeat it
    groupings = values["groupings"]
    plurals = [g["plural"] for g in groupings]
    groupings_node = position(node, "groupings")
    for g_index, grouping in enumerate(groupings):
        _grouping_rules(grouping, g_index, groupings, plurals, schools, item_at(groupings_node, g_index), ctx)
    for g_index, grouping in enumerate(groupings):
        if grouping["every_school"] != "all":
            continue
        placed = {s for group in grouping["groups"] for s in group["schools"]}
        placed |= {s for members in grouping_members(grouping, groupings).values() for s in members}
        for index, school in enumerate(values["schools"]):
            if school.id not in placed:
                ctx.error(
                    position(item_at(position(node, "schools"), index), "id"),
                    f"schools[{index}].id",
                    f"'{school.id}' is in no {grouping['called']}; groupings[{g_index}] says every school is "
                    "in one, so add its id to one of its groups",
                )


def _grouping_rules(
    grouping: dict[str, Any],
    g_index: int,
    groupings: list[dict[str, Any]],
    plurals: list[str],
    schools: dict[str, School],
    g_node: Node,
    ctx: Context,
) -> None:
    at = f"groupings[{g_index}]"
    wider = None
    if grouping["within"]:
        wider = next((g for g in groupings if g["plural"] == grouping["within"] and g is not grouping), None)
        if wider is None:
            others = [p for p in plurals if p != grouping["plural"]]
            suggestion = did_you_mean(grouping["within"], others)
            hint = f"did you mean '{suggestion}'?" if suggestion else "write the plural of another grouping"
            ctx.error(position(g_node, "within"), f"{at}.within", f"'{grouping['within']}' is not a grouping; {hint}")
    wider_names = [g["name"] for g in wider["groups"]] if wider else []
    placed: dict[str, str] = {}
    for index, group in enumerate(grouping["groups"]):
        group_node = item_at(position(g_node, "groups"), index)
        here = f"{at}.groups[{index}]"
        if wider and group["within"] not in wider_names:
            suggestion = did_you_mean(group["within"] or "", wider_names)
            hint = f"did you mean '{suggestion}'?" if suggestion else f"name one of the {wider['plural']}"
            said = f"'{group['within']}' is not one of the {wider['plural']}" if group["within"] else "is missing"
            ctx.error(position(group_node, "within"), f"{here}.within", f"{said}; {hint}")
        elif group["within"] and not wider:
            ctx.error(position(group_node, "within"), f"{here}.within", f"{at} is not within another grouping")
        for s_index, school_id in enumerate(group["schools"]):
            item = item_at(position(group_node, "schools"), s_index)
            if school_id not in schools:
                suggestion = did_you_mean(school_id, list(schools))
                hint = f"did you mean '{suggestion}'?" if suggestion else "add the school to the schools list first"
                ctx.error(item, f"{here}.schools[{s_index}]", f"'{school_id}' is not a school's id; {hint}")
            elif grouping["every_school"] == "all" and school_id in placed:
                ctx.error(
                    item,
                    f"{here}.schools[{s_index}]",
                    f"'{school_id}' is already in {placed[school_id]}; a school belongs to one {grouping['called']}",
                )
            else:
                placed.setdefault(school_id, f"{grouping['called']} '{group['name']}'")
        if group["lead_school"] and group["lead"]:
            ctx.error(position(group_node, "lead"), f"{here}.lead", "give a lead school or a lead by role, not both")
        _size_rule(grouping, group, [schools[i] for i in group["schools"] if i in schools], group_node, here, ctx)
    members = grouping_members(grouping, groupings)
    for index, group in enumerate(grouping["groups"]):
        lead = group["lead_school"]
        if not lead:
            continue
        group_node = item_at(position(g_node, "groups"), index)
        where = f"{at}.groups[{index}].lead_school"
        if lead not in schools:
            suggestion = did_you_mean(lead, members[group["name"]] or list(schools))
            hint = f"did you mean '{suggestion}'?" if suggestion else "give the id of one of its schools"
            ctx.error(position(group_node, "lead_school"), where, f"'{lead}' is not a school's id; {hint}")
        elif members[group["name"]] and lead not in members[group["name"]]:
            ctx.error(
                position(group_node, "lead_school"),
                where,
                f"'{lead}' is not one of this {grouping['called']}'s schools; the lead school must be a member",
            )


def _size_rule(
    grouping: dict[str, Any], group: dict[str, Any], members: list[School], group_node: Node, at: str, ctx: Context
) -> None:
    sizes = grouping["sizes"]
    if not sizes or len(members) != len(group["schools"]):
        return  # any size, or unknown ids were reported already
    if size_of(sizes, members) is not None:
        return
    allowed = " or ".join(str(s["schools"]) for s in sizes)
    extras = [f"{s['extra_members']} schools may join a group of {s['schools']}" for s in sizes if s["extra_members"]]
    rule = f" ({'; '.join(extras)} as extra members)" if extras else ""
    ctx.error(
        position(group_node, "schools"),
        f"{at}.schools",
        f"{grouping['called']} '{group['name']}' has {len(members)} school(s); "
        f"a {grouping['called']} has {allowed}{rule}",
    )


def size_of(sizes: list[dict[str, Any]], members: list[School]) -> tuple[dict[str, Any], int] | None:
    """The size a group matches, with how many extra members it has; None when it matches none."""
    for size in sizes:  # extra members first: a trio with one extra member is not a group of four
        core = [s for s in members if s.type != size["extra_members"]] if size["extra_members"] else members
        if size["extra_members"] and len(core) == size["schools"] and len(core) < len(members):
            return size, len(members) - len(core)
    for size in sizes:
        if len(members) == size["schools"]:
            return size, 0
    return None


SCHOOLS = Record(
    noun="the schools file",
    fields=[
        Field(
            "notice",
            Text(max_length=300),
            required=False,
            help="A note shown at the top of the schools pages, such as that the entries are samples",
        ),
        Field("introduction", Text(markdown=True), required=False, help="Shown at the top of the schools page"),
        Field("schools", ListOf(SCHOOL, 1), help="Member schools"),
        Field("groupings", ListOf(GROUPING), required=False, help="How the schools are grouped, if they are"),
    ],
    rules=[unique("schools", "id", "school"), unique("groupings", "plural", "grouping"), _schools_rules],
)


def memberships(schools_data: dict[str, Any]) -> dict[str, list[tuple[dict[str, Any], dict[str, Any]]]]:
    """School id -> [(grouping, group)] for each group it belongs to, directly or through a group within it."""
    out: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    groupings = schools_data.get("groupings") or []
    for grouping in groupings:
        by_name = {g["name"]: g for g in grouping["groups"]}
        for name, members in grouping_members(grouping, groupings).items():
            for school_id in members:
                out.setdefault(school_id, []).append((grouping, by_name[name]))
    return out
