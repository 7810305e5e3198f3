"""Records: a set of named fields, each of a kind; the unit of every content type's schema."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from partnership.content.context import INVALID, Context, Vocabulary
from partnership.content.kinds import Kind, ListOf
from partnership.content.suggest import did_you_mean
from partnership.content.yaml11 import _NULLS
from partnership.content.yamlstrict import Mapping, Node, Scalar, Sequence

Rule = Callable[[dict[str, Any], Mapping, Context, str], None]


@dataclass
class Field:
    name: str
    kind: Kind
    required: bool = True
    help: str = ""  # one plain sentence for people: shown in the guide, the editor and messages
    example: Any = None


@dataclass
class Record(Kind):
    """A mapping with known fields. Unknown fields are refused with the nearest known name."""

    noun: str  # "a case study": used in "'tittle' is not a field of a case study"
    fields: list[Field]
    rules: list[Rule] = field(default_factory=list)
    model: Callable[..., Any] | None = None  # a frozen dataclass of the same fields, made from checked values
    label = "set of fields"

    def check(self, node: Node | None, ctx: Context, where: str = "") -> Any:
        prefix = f"{where}." if where else ""
        if node is None or isinstance(node, Scalar) and node.plain and node.value in _NULLS:
            node = Mapping(node.line if node else 1, node.column if node else 1)
        if not isinstance(node, Mapping):
            return ctx.error(node, where, f"should be a set of 'field: value' lines for {self.noun}")
        before = len(ctx.problems)
        names = [f.name for f in self.fields]
        for key, (key_node, _value) in node.items.items():
            if key not in names:
                suggestion = did_you_mean(key, names)
                hint = f"did you mean '{suggestion}'?" if suggestion else "known fields are: " + ", ".join(names)
                ctx.error(key_node, f"{prefix}{key}", f"'{key}' is not a field of {self.noun}; {hint}")
        values: dict[str, Any] = {}
        for spec in self.fields:
            entry = node.items.get(spec.name)
            value_node = entry[1] if entry else None
            empty = value_node is None or (
                isinstance(value_node, Scalar)
                and (value_node.value in _NULLS if value_node.plain else not value_node.value.strip())
            )
            if empty:
                if spec.required:
                    what = f" ({spec.help[0].lower()}{spec.help[1:].rstrip('.')})" if spec.help else ""
                    at = entry[0] if entry else node
                    verb = "is empty" if entry else "is missing"
                    ctx.error(at, f"{prefix}{spec.name}", f"{verb}; add it{what}")
                values[spec.name] = [] if isinstance(spec.kind, ListOf) else None
                continue
            assert value_node is not None  # an absent value is empty, handled above
            values[spec.name] = spec.kind.check(value_node, ctx, f"{prefix}{spec.name}")
        if len(ctx.problems) > before:
            return INVALID
        for rule in self.rules:
            rule(values, node, ctx, where)
        if len(ctx.problems) > before:
            return INVALID
        return self.model(**values) if self.model else values

    def json_schema(self, vocabularies: dict[str, Vocabulary] | None = None) -> dict[str, Any]:
        properties = {}
        for spec in self.fields:
            schema = spec.kind.json_schema(vocabularies)
            if spec.help:
                schema = {"description": spec.help, **schema}
            properties[spec.name] = schema
        return {
            "type": "object",
            "properties": properties,
            "required": [f.name for f in self.fields if f.required],
            "additionalProperties": False,
        }


def position(node: Node, name: str) -> Node:
    """The value node of a field, or the node itself when it has no such field."""
    entry = node.items.get(name) if isinstance(node, Mapping) else None
    return entry[1] if entry else node


def item_at(node: Node, index: int) -> Node:
    """The node of a list's item, or the node itself when it is not a list that long."""
    return node.items[index] if isinstance(node, Sequence) and index < len(node.items) else node
