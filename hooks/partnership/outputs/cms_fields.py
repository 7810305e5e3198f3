"""Decap CMS widgets for the schema's kinds, set up so that what the form writes passes the checks.

Decap writes YAML 1.2: it quotes text that YAML 1.2 would read as a number or true/false, but not
`yes`, `no`, `on`, `off`, `1:30`, `1_000` or `2024-03-01`, which YAML 1.1 (PyYAML, MkDocs) reads
as true/false, numbers or dates and which our checks refuse unquoted. So every text widget gets a
pattern that refuses exactly those values (`GUARD`), with a plain-English message, before saving.

Each field's hint ends with an example: the site's own value where its content has one (content/examples.py).
"""

from __future__ import annotations

from typing import Any

from partnership.content.context import Vocabulary
from partnership.content.examples import example, nested_sample
from partnership.content.kinds import Choice, Kind, ListOf, Text
from partnership.content.kinds_numeric import Date, Integer, Number
from partnership.content.records import Field, Record
from partnership.content.when import DayMonthOrTerm
from partnership.content.yaml11 import _BOOLS, _FLOAT, _INT, _OCTAL, _SEXAGESIMAL, _TIMESTAMP

# The values yaml11.yaml11_reading flags, as one JavaScript (and Python) regular expression.
_AMBIGUOUS = "|".join(
    [*sorted(_BOOLS), "=", "<<", *(r.pattern for r in (_OCTAL, _SEXAGESIMAL, _INT, _FLOAT, _TIMESTAMP))]
)
GUARD = f"(?!(?:{_AMBIGUOUS})$)"
GUARD_HELP = "is read as a number, a date or yes/no, not as text; add a word to it"


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def text_pattern(kind: Text) -> list[str]:
    """Decap's [regex, message] for a text field: its own pattern, never an ambiguous value."""
    if kind.pattern:
        help_text = kind.pattern_help.removeprefix("is not ")
        return [f"^{GUARD}(?:{kind.pattern})$", f"should be {help_text}"]
    return [f"^{GUARD}[\\s\\S]*$", GUARD_HELP]


def _widget(kind: Kind, vocabularies: dict[str, Vocabulary], sample: Any = None) -> dict[str, Any]:
    """The Decap widget settings for one kind of value (`sample`: the content's instance of a nested record)."""
    many = isinstance(kind, ListOf)
    item = kind.item if isinstance(kind, ListOf) else kind
    if isinstance(item, Choice):
        if item.vocabulary == "schools":
            return {
                "widget": "relation",
                "collection": "data",
                "file": "schools",
                "search_fields": ["schools.*.name"],
                "display_fields": ["schools.*.name"],
                "value_field": "schools.*.id",
                "multiple": many,
            }
        vocab = vocabularies.get(item.vocabulary)
        options = list(item.fixed) or (vocab.written() if vocab else [])
        return {"widget": "select", "options": options, "multiple": many}
    if many:
        if isinstance(item, Record):
            return {"widget": "list", "fields": [field_config(f, vocabularies, sample) for f in item.fields]}
        # One item per input: Decap's plain list splits what is typed at every comma.
        return {"widget": "list", "field": {"label": "Item", "name": "item", **_widget(item, vocabularies)}}
    if isinstance(item, Record):
        return {"widget": "object", "fields": [field_config(f, vocabularies, sample) for f in item.fields]}
    if isinstance(item, DayMonthOrTerm):  # a day, or a month or term: written as text
        return {"widget": "string", "pattern": [item.json_schema()["pattern"], "a date, a month or a term"]}
    if isinstance(item, Date):
        # A date input (no time); the value written is YYYY-MM-DD, which the checks read as a date.
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    if isinstance(item, Integer):
        return {"widget": "number", "value_type": "int", "min": item.minimum, "max": item.maximum}
    if isinstance(item, Number):
        return {"widget": "number", "value_type": "float", "min": item.minimum, "max": item.maximum}
    if isinstance(item, Text):
        return {"widget": "markdown" if item.markdown else "string", "pattern": text_pattern(item)}
    raise TypeError(f"no widget for {item!r}")  # pragma: no cover


def field_config(spec: Field, vocabularies: dict[str, Vocabulary], sample: Any = None) -> dict[str, Any]:
    """Decap's settings for one field; `sample` is the content's instance of the record it belongs to."""
    widget = _widget(spec.kind, vocabularies, nested_sample(sample, spec.name))
    config = {"label": _label(spec.name), "name": spec.name, **widget}
    config["required"] = spec.required
    if not spec.required and config.get("widget") == "object":
        # Decap checks an object's required fields even when the object is left out, which would
        # make an optional picture compulsory; the build still requires them once one is given.
        config["fields"] = [{**field, "required": False} for field in config["fields"]]
    item = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
    shown = None if isinstance(item, Record) else example(spec, sample, vocabularies)  # a record: its fields have
    if shown is not None:
        text = ", ".join(map(str, shown)) if isinstance(shown, list) else str(shown)
        config["hint"] = f"{spec.help} (for example: {text})" if spec.help else f"For example: {text}"
    elif spec.help:
        config["hint"] = spec.help
    return {k: v for k, v in config.items() if v is not None}
