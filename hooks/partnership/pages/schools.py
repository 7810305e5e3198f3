"""The schools pages: /schools/ (every school, under the groupings the content declares) and /schools/<id>/.

Every word about how schools are grouped comes from content/schools.yml: what a group is called,
its sizes' names, who leads it. Nothing here knows one partnership's model.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from partnership.content.model import School
from partnership.content.schema_schools import grouping_members, memberships, size_of
from partnership.directory.facets import Directory
from partnership.formats import slugs
from partnership.formats.markup import h, md, relative_url

LATEST = 10  # case studies listed on a school's page; its directory page lists them all
GIAS = "https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/"


def group_kind(grouping: dict[str, Any], members: list[School], types: dict[str, str]) -> str:
    """What a group is, in the content's own words: "a trio", "a trio with 1 special school as an extra member"."""
    found = size_of(grouping["sizes"], members) if grouping["sizes"] else None
    if found is None or not found[0]["called"]:
        return ""
    size, extra = found
    text = f"{_article(size['called'])} {size['called']}"
    if extra:
        kind = types[size["extra_members"]].lower()
        text += f" with {_count(extra, kind, _plural(kind))} as {'an extra member' if extra == 1 else 'extra members'}"
    return text


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _lead(group: dict[str, Any], names: dict[str, str]) -> str:
    """Markdown naming a group's lead, on /schools/: its lead school, or the role the content gives."""
    if group["lead_school"]:
        return f"Lead school: [{md(names[group['lead_school']])}]({group['lead_school']}/index.md)"
    if group["lead"]:
        return f"Lead: {md(group['lead'])}"
    return ""


def _notice(schools_data: dict[str, Any]) -> str:
    notice = schools_data.get("notice")
    return f'<p class="ps-banner" role="note"><strong>Sample data.</strong> {h(notice)}</p>\n\n' if notice else ""


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def schools_index(project: Any) -> str:
    """Markdown of /schools/: every school, under the groups of each grouping the content declares."""
    data = project.data["schools"]
    schools, types = data["schools"], project.vocabularies["school_types"].labels
    by_type: dict[str, int] = defaultdict(int)
    for school in schools:
        by_type[school.type] += 1
    mix = ", ".join(md(_count(n, types[t].lower(), _plural(types[t].lower()))) for t, n in by_type.items())
    lines = [
        "# Member schools",
        "",
        _notice(data) + f"{_count(len(schools), 'school')} belong to the partnership ({mix}).",
        "",
    ]
    if data["introduction"]:
        lines += [data["introduction"].strip(), ""]
    groupings = data["groupings"]
    for grouping in groupings:
        if grouping["within"]:
            continue  # shown inside the groups of the wider grouping
        lines += _grouping_section(grouping, groupings, project, level=2)
    placed = {s for members in _all_members(groupings) for s in members}
    rest = [s for s in schools if s.id not in placed]
    if rest:
        lines += (["## Other member schools { #other-schools }", ""] if groupings else []) + _school_list(rest, types)
    return "\n".join(lines)


def _all_members(groupings: list[dict[str, Any]]) -> list[list[str]]:
    return [members for g in groupings for members in grouping_members(g, groupings).values()]


def _school_list(schools: list[School], types: dict[str, str]) -> list[str]:
    lines = []
    for school in schools:
        joined = f", joined {school.joined}" if school.joined else ""
        lines.append(f"- [{md(school.name)}]({school.id}/index.md) ({h(types[school.type])}{joined})")
    return [*lines, ""]


def _inner_all(grouping: dict[str, Any], groupings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The groupings within this one, and those within them."""
    inner = [g for g in groupings if g["within"] == grouping["plural"]]
    return [deep for g in inner for deep in [g, *_inner_all(g, groupings)]]


def _grouping_section(grouping: dict[str, Any], groupings: list[dict[str, Any]], project: Any, level: int) -> list[str]:
    data = project.data["schools"]
    types = project.vocabularies["school_types"].labels
    by_id = {s.id: s for s in data["schools"]}
    names = {s.id: s.name for s in data["schools"]}
    inner = [g for g in groupings if g["within"] == grouping["plural"]]
    heading = "#" * level
    lines = []
    if level == 2:
        lines += [f"## {md(grouping['plural'].capitalize())} {{ #{slugs.anchor(grouping['plural'])} }}", ""]
        for described in [grouping, *_inner_all(grouping, groupings)]:
            if described["introduction"]:
                lines += [described["introduction"].strip(), ""]
    for group in grouping["groups"]:
        lines += [f"{heading}# {md(group['name'])} {{ #{slugs.anchor(group['name'])} }}", ""]
        members = [by_id[i] for i in group["schools"]]
        kind = group_kind(grouping, members, types)
        lines += [md(f"{kind[0].upper()}{kind[1:]}."), ""] if kind else []
        if group["description"]:
            lines += [md(group["description"]), ""]
        lead = _lead(group, names)
        lines += [lead, ""] if lead else []
        for other in inner:
            within = {**other, "groups": [g for g in other["groups"] if g["within"] == group["name"]]}
            if within["groups"]:
                lines += _grouping_section(within, groupings, project, level + 1)
        if members:
            lines += _school_list(members, types)
    return lines


def school_page(project: Any, directory: Directory, school: School) -> tuple[str, str]:
    """(Markdown, HTML for the slot) of one school's page."""
    data = project.data["schools"]
    vocab = project.vocabularies
    here = school.url
    by_id = {s.id: s for s in data["schools"]}
    rows = [
        ("Phase", h(vocab["phases"].labels[school.phase])),
        ("Type", h(vocab["school_types"].labels[school.type])),
    ]
    for grouping, group in memberships(data).get(school.id, []):
        value = f'<a href="../#{slugs.anchor(group["name"])}">{h(group["name"])}</a>'
        if group["lead_school"] == school.id:
            value += f" (this school leads the {h(grouping['called'])})"
        if group["schools"]:  # a group with its own list of schools: name the others
            others = [by_id[i] for i in group["schools"] if i != school.id]
            if others:
                value += ", with " + ", ".join(f'<a href="{relative_url(here, m.url)}">{h(m.name)}</a>' for m in others)
        rows.append((h(grouping["called"].capitalize()), value))
    if school.joined:
        rows.append(("Joined the partnership", str(school.joined)))
    if school.urn:
        rows.append(("Unique reference number", f'<a href="{GIAS}{school.urn}">{school.urn}</a>'))
    if school.website:
        rows.append(("Website", f'<a href="{h(school.website)}">{h(school.website)}</a>'))
    details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    html = f'<dl class="ps-meta" aria-label="About this school">{details}</dl>\n'
    facet = next((v for v in directory.values.get("school", []) if v.id == school.id), None)
    numbers = facet.items if facet else []
    html += '<h2 id="case-studies">Case studies</h2>\n'
    if numbers:
        shown = [directory.studies[n] for n in numbers[:LATEST]]  # newest first; the directory has them all
        items = "".join(
            f'<li><a href="{relative_url(here, s.url)}">{h(s.title)}</a>: {h(s.summary)}</li>' for s in shown
        )
        intro = "" if len(numbers) <= LATEST else f"<p>The newest {LATEST} of {len(numbers)}:</p>"
        # Left out of the site search, which finds case studies through the directory's own index.
        html += f'{intro}<ul class="ps-related" data-search-exclude>{items}</ul>\n'
        every = "this school's case study" if len(numbers) == 1 else f"all {len(numbers)} of this school's case studies"
        html += f'<p><a href="{relative_url(here, facet.url)}">See {every} in the directory</a></p>\n'  # type: ignore[union-attr]
    elif project.case_studies:
        html += (
            f"<p>No case study names this school yet. "
            f'<a href="{relative_url(here, "directory/")}">Search the directory of good practice</a>.</p>\n'
        )
    else:
        html += "<p>No case study names this school yet.</p>\n"
    markdown = f"# {md(school.name)}\n\n{_notice(data)}<!-- ps:html -->\n\n[All member schools](../index.md)\n"
    return markdown, html
