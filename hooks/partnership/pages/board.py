"""The board page (/board/): membership by role, what it does, and its meetings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnership.formats.markup import md, time_tag

GROUP_HEADINGS = {
    "chair": "Chair",
    "council": "From the council",
    "headteachers": "Headteachers",
    "further education": "Further education",
    "governors": "Governors",
    "other": "Other members",
}


def board_markdown(board: dict[str, Any], today: dt.date) -> str:
    members = board["members"]
    seats = sum(m["seats"] or 1 for m in members)
    lines = ["# The board", ""]
    starts = board["starts"]
    if starts and starts > today:
        lines += [f"The board is planned: it will start work on {time_tag(starts, long=True)}.", ""]
    lines += [board["introduction"].strip(), ""]
    lines += ["## Membership { #membership }", ""]
    if members:
        lines += [f"The board has {seats} {'member' if seats == 1 else 'members'}, named here by their role.", ""]
    else:
        lines += ["The board's members have not been appointed yet.", ""]
    for group, heading in GROUP_HEADINGS.items():
        in_group = [m for m in members if m["group"] == group]
        if not in_group:
            continue
        lines += [f"### {heading} {{ #{group.replace(' ', '-')} }}", ""]
        for member in in_group:
            count = f" ({member['seats']} places)" if (member["seats"] or 1) > 1 else ""
            lines.append(f"- {md(member['role'])}{count}")
        lines.append("")
    if board["responsibilities"]:
        lines += ["## What the board does { #responsibilities }", ""]
        lines += [f"- {md(item)}" for item in board["responsibilities"]] + [""]
    meetings = sorted(board["meetings"], key=lambda m: m["date"])
    if not board["meetings_per_year"] and not meetings:
        return "\n".join(lines)
    lines += ["## Meetings { #meetings }", ""]
    if board["meetings_per_year"]:
        times = {1: "once", 2: "twice"}.get(board["meetings_per_year"], f"{board['meetings_per_year']} times")
        verb = "will meet" if starts and starts > today else "meets"
        lines += [f"The board {verb} {times} a year.", ""]
    upcoming = [m for m in meetings if m["date"] >= today]
    past = [m for m in meetings if m["date"] < today]
    for heading, chosen in (("Coming up", upcoming), ("Past meetings", list(reversed(past)))):
        if chosen:
            lines += [f"### {heading}", ""]
            lines += [_meeting(m) for m in chosen] + [""]
    if not meetings:
        lines += ["No meeting dates have been published yet.", ""]
    return "\n".join(lines)


def _meeting(meeting: dict[str, Any]) -> str:
    day = meeting["date"]
    focus = f": {md(meeting['focus'])}" if meeting["focus"] else ""
    return f"- {time_tag(day, long=True)}{focus}"
