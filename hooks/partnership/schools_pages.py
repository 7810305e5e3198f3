"""The schools pages: /schools/ (by collaborative and peer-challenge group) and /schools/<id>/."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .facets import Directory
from .markup import h, md, relative_url
from .schema_data import SPECIAL, memberships

LATEST = 10  # case studies listed on a school's page; its directory page lists them all
GIAS = "https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/"


def school_url(school: dict[str, Any]) -> str:
    return f"schools/{school['id']}/"


def _anchor(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.casefold()).strip("-") or "group"


def group_kind(members: list[dict[str, Any]]) -> str:
    core = [s for s in members if s["type"] != SPECIAL]
    extra = len(members) - len(core)
    kind = {3: "triad", 4: "quad"}.get(len(core), "group")
    if extra and kind == "triad":
        return f"triad with {extra} special school{'s' if extra > 1 else ''} as extra member{'s' if extra > 1 else ''}"
    return kind


def _notice(schools_data: dict[str, Any]) -> str:
    notice = schools_data.get("notice")
    return f'<p class="ps-banner" role="note"><strong>Sample data.</strong> {h(notice)}</p>\n\n' if notice else ""


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def schools_index(project: Any) -> str:
    """Markdown of /schools/: every school under its collaborative and group."""
    data = project.data["schools"]
    schools, types = data["schools"], project.vocabularies["school_types"].labels
    by_type: dict[str, int] = defaultdict(int)
    for school in schools:
        by_type[school["type"]] += 1
    mix = ", ".join(md(_count(n, types[t].lower(), _plural(types[t].lower()))) for t, n in by_type.items())
    names = {s["id"]: s["name"] for s in schools}
    lines = [
        "# Member schools",
        "",
        _notice(data)
        + f"{_count(len(schools), 'school')} belong to the partnership ({mix}). Each is in a peer-challenge "
        "group of three or four schools (a triad or a quad) whose headteachers visit each other's schools. "
        f"The groups make up {_count(len(data['collaboratives']), 'collaborative')}, each led by a lead headteacher "
        "who also sits on the [board](../board/index.md).",
        "",
    ]
    by_id = {s["id"]: s for s in schools}
    for collaborative in data["collaboratives"]:
        name = collaborative["name"]
        lead = collaborative["lead_school"]
        lines += [f"## {md(name)} collaborative {{ #{_anchor(name)} }}", ""]
        if collaborative["description"]:
            lines += [md(collaborative["description"]), ""]
        lines += [f"Lead school: [{md(names[lead])}]({lead}/index.md)", ""]
        for group in collaborative["groups"]:
            members = [by_id[i] for i in group["schools"]]
            lines += [f"### {md(group['name'])} {{ #{_anchor(group['name'])} }}", "", f"A {group_kind(members)}.", ""]
            for school in members:
                joined = f", joined {school['joined']}" if school["joined"] else ""
                lines.append(f"- [{md(school['name'])}]({school['id']}/index.md) ({h(types[school['type']])}{joined})")
            lines.append("")
    return "\n".join(lines)


def school_page(project: Any, directory: Directory, school: dict[str, Any]) -> tuple[str, str]:
    """(Markdown, HTML for the slot) of one school's page."""
    data = project.data["schools"]
    vocab = project.vocabularies
    here = school_url(school)
    collaborative, group = memberships(data)[school["id"]]
    by_id = {s["id"]: s for s in data["schools"]}
    members = [by_id[i] for i in group["schools"] if i != school["id"]]
    lead = collaborative["lead_school"] == school["id"]
    link = f'<a href="../#{_anchor(collaborative["name"])}">{h(collaborative["name"])}</a>'
    rows = [
        ("Phase", h(vocab["phases"].labels[school["phase"]])),
        ("Type", h(vocab["school_types"].labels[school["type"]])),
        ("Collaborative", link + (" (its headteacher is the lead headteacher)" if lead else "")),
        (
            "Peer-challenge group",
            f'<a href="../#{_anchor(group["name"])}">{h(group["name"])}</a>, with '
            + ", ".join(f'<a href="{relative_url(here, school_url(m))}">{h(m["name"])}</a>' for m in members),
        ),
    ]
    if school["joined"]:
        rows.append(("Joined the partnership", str(school["joined"])))
    if school["urn"]:
        rows.append(("Unique reference number", f'<a href="{GIAS}{school["urn"]}">{school["urn"]}</a>'))
    if school["website"]:
        rows.append(("Website", f'<a href="{h(school["website"])}">{h(school["website"])}</a>'))
    details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    html = f'<dl class="ps-meta" aria-label="About this school">{details}</dl>\n'
    facet = next((v for v in directory.values.get("school", []) if v.id == school["id"]), None)
    numbers = facet.items if facet else []
    html += '<h2 id="case-studies">Case studies</h2>\n'
    if numbers:
        shown = [directory.studies[n] for n in numbers[:LATEST]]  # newest first; the directory has them all
        items = "".join(
            f'<li><a href="{relative_url(here, s.url)}">{h(s.meta["title"])}</a>: {h(s.meta["summary"])}</li>'
            for s in shown
        )
        intro = "" if len(numbers) <= LATEST else f"<p>The newest {LATEST} of {len(numbers)}:</p>"
        # Left out of the site search, which finds case studies through the directory's own index.
        html += f'{intro}<ul class="ps-related" data-search-exclude>{items}</ul>\n'
        every = "this school's case study" if len(numbers) == 1 else f"all {len(numbers)} of this school's case studies"
        html += f'<p><a href="{relative_url(here, facet.url)}">See {every} in the directory</a></p>\n'  # type: ignore[union-attr]
    else:
        html += (
            f"<p>No case study names this school yet. "
            f'<a href="{relative_url(here, "directory/")}">Search the directory of good practice</a>.</p>\n'
        )
    markdown = f"# {md(school['name'])}\n\n{_notice(data)}<!-- ps:html -->\n\n[All member schools](../index.md)\n"
    return markdown, html
