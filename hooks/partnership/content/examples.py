"""Example values for the content guide and the content manager, taken from the site's own content.

A field's example is the value this site's content gives it (its first case study's themes, its first
school's id), written as a person writes it (a taxonomy label, not its id). Where the content has no value
for the field, a field that chooses from a list shows the list's first value; only then is the schema's
own neutral example shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnership.content.context import Vocabulary
from partnership.content.kinds import Choice, Kind, ListOf
from partnership.content.records import Field, Record

MAX_LENGTH = 60  # a longer value (a summary, a paragraph) is no example: the schema's is shown instead
MAX_ITEMS = 3


def samples(project: Any) -> dict[str, Any]:
    """Content type name -> one checked instance of it in this site's content (absent: the content has none).

    A YAML file's instance is its checked values; a case study's or a post's is the typed record.
    """
    out = {name: value for name, value in project.data.items() if value is not None}
    studies = sorted(project.published_case_studies(), key=lambda s: s.slug)
    if studies:
        out["case_study"] = studies[0]
    news = project.published_news()
    if news:
        out["news"] = news[0]
    if project.pages:
        out["page"] = project.pages[sorted(project.pages)[0]]
    return out


def value_of(sample: Any, name: str) -> Any:
    """A field's value in a checked instance: a dict's entry or a typed record's attribute."""
    if sample is None:
        return None
    if isinstance(sample, dict):
        return sample.get(name)
    return getattr(sample, name, None)


def nested_sample(sample: Any, name: str) -> Any:
    """The instance a nested record's fields are read from: the field's value, or the first of its entries."""
    value = value_of(sample, name)
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    return value


def example(spec: Field, sample: Any, vocabularies: dict[str, Vocabulary]) -> Any:
    """The example for one field: the content's value, else the first of its list's values, else the schema's."""
    item = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
    if isinstance(item, Record):
        return spec.example  # its own fields have their examples
    shown = _written(value_of(sample, spec.name), item, vocabularies)
    if shown is not None:
        return shown
    if isinstance(item, Choice) and not item.fixed:
        vocab = vocabularies.get(item.vocabulary)
        if vocab and vocab.labels:
            first = vocab.written()[0]
            return [first] if isinstance(spec.kind, ListOf) else first
    return spec.example


def _written(value: Any, item: Kind, vocabularies: dict[str, Vocabulary]) -> Any:
    if value is None or value == "" or value == () or value == []:
        return None
    if isinstance(value, (list, tuple)):
        items = [_one(v, item, vocabularies) for v in value[:MAX_ITEMS]]
        return None if any(i is None for i in items) else items
    return _one(value, item, vocabularies)


def _one(value: Any, item: Kind, vocabularies: dict[str, Vocabulary]) -> Any:
    if isinstance(item, Choice) and not item.fixed:
        vocab = vocabularies.get(item.vocabulary)
        if vocab is None or not isinstance(value, str):
            return None
        return value if vocab.written_as_id else vocab.labels.get(value, value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str) and len(value) <= MAX_LENGTH and "\n" not in value:
        return value
    return None  # a long text, or a value of its own type (a term or a month): the schema's example instead
