"""New content files that pass `check` from the start: the text only, no prompting or writing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from partnership.formats import slugs

BODY = """## The challenge

What needed to change, and how you knew.

## What we did

The steps you took, who was involved and over what time.

## What changed

What is different now for pupils and staff.

## Find out more

Whom to contact, and what other schools can borrow.
"""


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), safe whatever the text holds."""
    return json.dumps(text, ensure_ascii=False)


def _list(values: list[str]) -> str:
    return "[" + ", ".join(_quoted(v) for v in values) + "]"


def unique_slug(title: str, folder: Path) -> str:
    base = slugs.slug(title, fallback="case-study")
    slug, n = base, 2
    while (folder / f"{slug}.md").exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def academic_year(day: dt.date) -> str:
    """The academic year a day falls in: September to August."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def case_study_text(
    *,
    title: str,
    summary: str,
    themes: list[str],
    phases: list[str],
    type_: str,
    schools: list[str],
    organisations: list[str],
    contact: str,
    contact_email: str | None,
    today: dt.date,
    status: str = "draft",
    year: str | None = None,
) -> str:
    review = (
        today.replace(year=today.year + 2) if not (today.month == 2 and today.day == 29) else today + dt.timedelta(730)
    )
    lines = [
        "---",
        f"title: {_quoted(title)}",
        f"summary: {_quoted(summary)}",
        f"themes: {_list(themes)}",
        f"phases: {_list(phases)}",
        f"type: {_quoted(type_)}",
        f"schools: {_list(schools)}",
    ]
    if organisations:
        lines.append(f"organisations: {_list(organisations)}")
    lines += [
        f"academic_year: {year or academic_year(today)}",
        f"published: {today.isoformat()}",
        f"review_by: {review.isoformat()}",
        f"contact: {_quoted(contact)}",
    ]
    if contact_email:
        lines.append(f"contact_email: {contact_email}")
    lines += [f"status: {status}", "---", "", BODY]
    return "\n".join(lines)


def question_text(*, id_: str, topic: str, question: str, answer: str) -> str:
    """An entry to append to content/questions.yml."""
    answer_lines = "\n".join(f"      {line}" if line else "" for line in answer.strip().splitlines())
    return (
        f"  - id: {id_}\n"
        f"    topic: {_quoted(topic)}\n"
        f"    question: {_quoted(question)}\n"
        f"    answer: |\n{answer_lines}\n"
    )


def news_text(*, title: str, summary: str, today: dt.date, status: str = "draft") -> str:
    return (
        f"---\ntitle: {_quoted(title)}\nsummary: {_quoted(summary)}\npublished: {today.isoformat()}\n"
        f"status: {status}\n---\n\nWhat happened, who was involved and what it means for our schools.\n"
    )
