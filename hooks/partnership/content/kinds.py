"""The kinds of value a field can hold: each checks a YAML node and says what it is for people and editors.

A kind turns a node from `yamlstrict` into a Python value, or reports what is wrong and
returns INVALID. The same kind also describes itself as JSON Schema and in words, so the
validator, the editor schemas and the content guide cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partnership.content.context import INVALID, Context, Vocabulary
from partnership.content.sources import is_invisible
from partnership.content.yaml11 import _NULLS, yaml11_reading
from partnership.content.yamlstrict import Mapping, Node, Scalar, Sequence
from partnership.formats import slugs


def _describe(node: Node) -> str:
    if isinstance(node, Sequence):
        return "a list"
    if isinstance(node, Mapping):
        return "a set of fields"
    return "text"


class Kind:
    """Base of all kinds. `label` is the type's name in the content guide."""

    label = "value"

    def check(self, node: Node, ctx: Context, where: str) -> Any:
        raise NotImplementedError

    def json_schema(self, vocabularies: dict[str, Vocabulary] | None = None) -> dict[str, Any]:
        """JSON Schema for editors; with vocabularies, choices list the values the taxonomy allows."""
        raise NotImplementedError


# Anything a browser could take for markup: '<' before a letter, '/', '!' or '?', and entities.
_AUTOLINK = re.compile(r"<(https?://|mailto:)[^\s<>]+>|<[^\s<>@]+@[^\s<>@]+>")  # Markdown, not HTML
# Markdown link destinations: inline [text](dest) and reference definitions [name]: dest.
_LINK = re.compile(r"\]\(\s*<?([^\s)>]*)|^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_SCHEME = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.-]*):")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_HTML = re.compile(r"<[A-Za-z/!?][^\s<>]{0,20}>?|&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z]+);")


def _at(node: Node, offset: int) -> Node:
    """Where character `offset` of a value is: in a block (| or >) the line it is on, else the value's start."""
    if not isinstance(node, Scalar) or node.style not in ("|", ">"):
        return node
    return Scalar(node.line + 1 + node.value.lstrip("\n").count("\n", 0, offset), node.column, "")


@dataclass
class Text(Kind):
    """Plain text on one line, or Markdown when `markdown` is set. Never HTML."""

    max_length: int | None = None
    markdown: bool = False
    pattern: str | None = None  # a regular expression the whole value must match
    pattern_help: str = ""

    @property
    def label(self) -> str:  # type: ignore[override]
        return "Markdown text" if self.markdown else "text"

    def scalar(self, node: Node, ctx: Context, where: str) -> str | Any:
        if not isinstance(node, Scalar):
            return ctx.error(node, where, f"should be {self.label}, not {_describe(node)}")
        value = node.value
        if node.style == '"':  # only double quotes have escapes ("\u202e"), which the file's text does not show
            hidden = next((char for char in value if is_invisible(char)), None)
            if hidden is not None:
                return ctx.error(
                    node,
                    where,
                    f"contains an invisible character U+{ord(hidden):04X} (written as an escape); remove it",
                )
        if node.plain:
            reading = None if value in _NULLS else yaml11_reading(value)
            if reading:
                return ctx.error(
                    node,
                    where,
                    f"'{value}' is read by YAML as {reading}, not text; put it in double quotes: \"{value}\"",
                )
        return value

    def check(self, node: Node, ctx: Context, where: str) -> Any:
        value = self.scalar(node, ctx, where)
        if value is INVALID:
            return INVALID
        value = value.strip()
        if not value:
            return ctx.error(node, where, "is blank; write the text, or remove the field or item")
        if not self.markdown and "\n" in value:
            return ctx.error(node, where, "should be on a single line")
        match = _HTML.search(_AUTOLINK.sub("", value) if self.markdown else value)
        if match:
            advice = "use Markdown instead" if self.markdown else "write plain text without tags"
            return ctx.error(_at(node, match.start()), where, f"contains HTML ({match.group()!r}); {advice}")
        for link in _LINK.finditer(value) if self.markdown else ():
            scheme = _SCHEME.match(link.group(1) or link.group(2) or "")
            if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                return ctx.error(
                    _at(node, link.start()),
                    where,
                    f"links to '{scheme.group(1)}:' addresses are not allowed; a link may go to a web page "
                    "(https://...), an email address (mailto:...) or a page of this site",
                )
        if self.max_length and len(value) > self.max_length:
            return ctx.error(
                node, where, f"is {len(value)} characters long; keep it to {self.max_length} characters or fewer"
            )
        if self.pattern and value and not re.fullmatch(self.pattern, value):
            return ctx.error(node, where, f"'{value}' {self.pattern_help}")
        return value

    def json_schema(self, vocabularies: dict[str, Vocabulary] | None = None) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.max_length:
            schema["maxLength"] = self.max_length
        if self.pattern:
            schema["pattern"] = f"^(?:{self.pattern})$"
        return schema


def Slug() -> Text:
    return Text(
        pattern=slugs.PATTERN,
        pattern_help="is not a valid id: use lowercase letters, digits and single hyphens, like 'northdale-primary'",
    )


# A plain address: no display name, no quotes, no '?' or '&' (no cc, bcc or body fields in a mailto: link).
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_DOMAIN = rf"{_LABEL}(?:\.{_LABEL})+"
EMAIL = rf"[A-Za-z0-9](?:[A-Za-z0-9._+-]{{0,62}}[A-Za-z0-9_+-])?@{_DOMAIN}"
_HOST = rf"{_DOMAIN}(?::[0-9]{{1,5}})?"
# Characters that need no escaping in any context a web address lands in (HTML attribute, CSS, XML, Markdown).
URL = rf"https?://{_HOST}(?:/[A-Za-z0-9._~%/=&?+,;:@-]*)?"
SITE_ADDRESS = rf"https://{_HOST}/(?:[A-Za-z0-9._~-]+/)*"


def Email() -> Text:
    return Text(
        pattern=EMAIL,
        pattern_help="is not an email address like 'name@example.org' (no '?', spaces or quotes)",
    )


def Url() -> Text:
    return Text(
        pattern=URL,
        pattern_help="is not a web address starting with https:// (no spaces, quotes, '<', '>' or '#')",
    )


def SiteAddress() -> Text:
    """The site's own public address: Material prints it unescaped in every page's canonical link."""
    return Text(
        pattern=SITE_ADDRESS,
        pattern_help="is not a web address starting with https:// and ending in / (no query or quotes)",
    )


def Colour() -> Text:
    return Text(
        pattern=r"#[0-9a-fA-F]{6}",
        pattern_help='is not a colour; write it in quotes as # and six hex digits, like "#1d4f91"',
    )


def AcademicYear() -> Text:
    return Text(
        pattern=r"(19|20)[0-9]{2}-[0-9]{2}",
        pattern_help="is not an academic year; write the year it starts and the next, like 2016-17",
    )


@dataclass
class DocsPath(Text):
    """A path to a file inside docs/ that must exist."""

    def check(self, node: Node, ctx: Context, where: str) -> Any:
        value = super().check(node, ctx, where)
        if value is INVALID or ctx.docs_dir is None:
            return value
        if value.startswith("/") or ".." in Path(value).parts or not (ctx.docs_dir / value).is_file():
            return ctx.error(node, where, f"'{value}' is not a file inside docs/; give a path like assets/logo.svg")
        return value


@dataclass
class Choice(Kind):
    """One value from a vocabulary (taxonomy, fixed list or schools). The value kept is its id."""

    vocabulary: str
    fixed: tuple[str, ...] = ()  # for closed lists defined in the schema itself

    @property
    def label(self) -> str:  # type: ignore[override]
        return f"one of the {self.vocabulary.replace('_', ' ')}"

    def check(self, node: Node, ctx: Context, where: str) -> Any:
        value = Text().check(node, ctx, where)
        if value is INVALID:
            return INVALID
        vocab = ctx.vocabularies.get(self.vocabulary)
        if vocab is None:  # the vocabulary itself failed to load; that was reported there
            return value
        found = vocab.find(value)
        if found is not None:
            return found
        suggestion = vocab.suggest(value)
        if suggestion:
            hint = f"did you mean '{suggestion}'?"
        elif len(vocab.labels) <= 8:
            hint = "choose one of: " + ", ".join(f"'{value}'" for value in vocab.written())
        else:
            hint = f"see {vocab.source} for the list"
        return ctx.error(node, where, f"'{value}' is not a known {vocab.noun}; {hint}")

    def json_schema(self, vocabularies: dict[str, Vocabulary] | None = None) -> dict[str, Any]:
        if self.fixed:
            return {"type": "string", "enum": list(self.fixed)}
        vocab = (vocabularies or {}).get(self.vocabulary)
        if vocab is None:
            return {"type": "string", "minLength": 1}
        return {"type": "string", "enum": vocab.written()}


@dataclass
class ListOf(Kind):
    item: Kind
    min_items: int = 0
    unique: bool = True

    @property
    def label(self) -> str:  # type: ignore[override]
        return f"list of {self.item.label}"

    def check(self, node: Node, ctx: Context, where: str) -> Any:
        if isinstance(node, Scalar) and node.plain and node.value in _NULLS:
            node = Sequence(node.line, node.column)
        if not isinstance(node, Sequence):
            if isinstance(node, Scalar):
                return ctx.error(node, where, f"should be a list, even with one item: write [{node.value}]")
            return ctx.error(node, where, f"should be a list, not {_describe(node)}")
        if len(node.items) < self.min_items:
            return ctx.error(node, where, f"needs at least {self.min_items} item(s)")
        values: list[Any] = []
        seen: dict[Any, int] = {}
        ok = True
        for index, child in enumerate(node.items):
            value = self.item.check(child, ctx, f"{where}[{index}]")
            if value is INVALID:
                ok = False
                continue
            key = repr(value)
            if self.unique and key in seen:
                ctx.error(child, f"{where}[{index}]", f"repeats {where}[{seen[key]}]; list each value once")
                ok = False
            seen.setdefault(key, index)
            values.append(value)
        return values if ok else INVALID

    def json_schema(self, vocabularies: dict[str, Vocabulary] | None = None) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema(vocabularies)}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.unique:
            schema["uniqueItems"] = True
        return schema
