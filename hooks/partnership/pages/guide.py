"""The content guide at /guide/, written from the one schema so it cannot drift from the checks.

Its examples are the site's own values where the content has them (content/examples.py).
"""

from __future__ import annotations

from typing import Any

from partnership.content.context import Vocabulary
from partnership.content.examples import example, nested_sample
from partnership.content.kinds import Choice, Kind, ListOf
from partnership.content.kinds_numeric import Date
from partnership.content.records import Record
from partnership.content.schema import CONTENT_TYPES
from partnership.content.when import DayMonthOrTerm
from partnership.formats.markup import h

MAX_VALUES = 12


def _cell(text: str) -> str:
    return h(text).replace("|", "&#124;").replace("\n", " ")


def _allowed(kind: Kind, vocabularies: dict[str, Vocabulary]) -> str:
    if isinstance(kind, ListOf):
        return _allowed(kind.item, vocabularies)
    if isinstance(kind, Choice):
        vocab = vocabularies.get(kind.vocabulary)
        values = list(kind.fixed) or (vocab.written() if vocab else [])
        shown = ", ".join(f"<code>{_cell(v)}</code>" for v in values[:MAX_VALUES])  # vocabulary values are content
        more = (
            f" and {len(values) - MAX_VALUES} more (see {vocab.source})" if vocab and len(values) > MAX_VALUES else ""
        )
        return shown + more
    if isinstance(kind, DayMonthOrTerm):
        return "a real date (YYYY-MM-DD), or a month (YYYY-MM) or a term (spring term 2027) when no day is set"
    if isinstance(kind, Date):
        return "a real date, YYYY-MM-DD"
    pattern_help = getattr(kind, "pattern_help", "")
    if pattern_help:
        return _cell(pattern_help.removeprefix("is not ").replace("; ", ": ", 1))
    max_length = getattr(kind, "max_length", None)
    return f"up to {max_length} characters" if max_length else ""


def _table(
    record: Record, vocabularies: dict[str, Vocabulary], heading: str, level: int, sample: Any = None
) -> list[str]:
    lines = [
        f"{'#' * level} {heading}",
        "",
        "| Field | Required | Type | Allowed values | What it is | Example |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    nested = []
    for spec in record.fields:
        item = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
        label = spec.kind.label
        if isinstance(item, Record):
            nested.append((spec.name, item, isinstance(spec.kind, ListOf)))
            label = "list of entries, see below" if isinstance(spec.kind, ListOf) else "fields, see below"
        lines.append(
            f"| `{spec.name}` | {'yes' if spec.required else 'no'} | {_cell(label)} "
            f"| {_allowed(spec.kind, vocabularies)} | {_cell(spec.help)} "
            f"| {_example(example(spec, sample, vocabularies))} |"
        )
    lines.append("")
    for name, item, is_list in nested:
        heading = f"{'Each entry of' if is_list else 'The fields of'} `{name}`"
        lines += _table(item, vocabularies, heading, level + 1, nested_sample(sample, name))
    return lines


def _example(value: object) -> str:
    """An example as it would be written in YAML, as code: escaped, since it may be the site's own text."""
    if value is None:
        return ""
    text = "[" + ", ".join(map(str, value)) + "]" if isinstance(value, list) else str(value)
    return f"<code>{_cell(text)}</code>"


def guide_markdown(vocabularies: dict[str, Vocabulary], samples: dict[str, Any] | None = None) -> str:
    """The guide; `samples` (content/examples.py) gives the site's own values as the examples."""
    samples = samples or {}
    lines = [
        "# Content guide",
        "",
        "Every file the site is built from, and every field each may hold. This page is written from the",
        "same schema the build checks against, so it is always up to date. Text fields are plain text:",
        "no HTML. Put text in double quotes if it starts with a special character or contains `: `.",
        "",
    ]
    for ctype in CONTENT_TYPES:
        where = "Markdown files with front matter" if ctype.front_matter else "A YAML file"
        if ctype.front_matter:
            need = ""
        elif ctype.required:
            need = " Every site needs this file."
        else:
            need = " Optional: leave the file out and the site has no page for it, and no link to one."
        lines += [
            f"## {ctype.description} {{ #{ctype.name.replace('_', '-')} }}",
            "",
            f"{where}: `{ctype.pattern}`.{need}",
            "",
        ]
        heading = f"Fields of {ctype.description[:1].lower()}{ctype.description[1:]}"
        lines += _table(ctype.record, vocabularies, heading, 3, samples.get(ctype.name))
    return "\n".join(lines)
