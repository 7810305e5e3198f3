"""The offer page (/offer/): headline figures, then each course or activity and how to register."""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnership.content.when import When, when_tag
from partnership.formats.markup import h, md


def _figure(figure: dict[str, Any]) -> str:
    source = f"Source: {h(figure['source'])}" if figure["source"] else "Illustrative figure"
    return (
        f'<li><span class="ps-figure__value">{figure["value"]:,}</span> '
        f'<span class="ps-figure__label">{h(figure["label"])}</span> '
        f'<span class="ps-figure__source">{source}</span></li>'
    )


def _dates(days: list[When], today: dt.date) -> str:
    shown = []
    for day in sorted(days):
        shown.append(when_tag(day) + (" (past)" if day.past(today) else ""))
    return "; ".join(shown) if shown else "Throughout the year; ask the partnership team"


def offer_markdown(offer: dict[str, Any], today: dt.date) -> str:
    lines = [f"# What we offer schools in {offer['academic_year']}", "", offer["introduction"].strip(), ""]
    if offer["figures"]:
        lines += ["## Headline figures { #figures }", ""]
        lines += ['<ul class="ps-figures">' + "".join(_figure(f) for f in offer["figures"]) + "</ul>", ""]
        if any(not f["source"] for f in offer["figures"]):
            lines += ["Figures marked illustrative are examples, not published results.", ""]
    lines += ["## Courses and activities { #courses }", ""]
    for course in offer["courses"]:
        register = h(course["register"])
        if course["link"]:
            register += f' <a href="{h(course["link"])}">Book a place<span class="md-visually-hidden"> on '
            register += f"{h(course['title'])}</span></a>"
        rows = [("Who it is for", h(course["audience"])), ("Dates", _dates(course["dates"], today))]
        rows.append(("How to register", register))
        details = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
        lines += [
            f"### {md(course['title'])} {{ #{course['id']} }}",
            "",
            md(course["summary"]),
            "",
            f'<dl class="ps-meta">{details}</dl>',
            "",
        ]
    return "\n".join(lines)
