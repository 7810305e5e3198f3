"""Strict YAML: a tree of nodes with line numbers, and every surprise refused.

We never let YAML decide types. Every scalar stays text with its position and quoting
style; the schema decides what it may be (see `kinds.py`). Anchors, aliases, tags,
merge keys, duplicate keys and several documents in one file are refused here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from partnership.content.problems import Problem
from partnership.content.yamlevents import read_events
from partnership.formats.memo import memo


@dataclass
class Node:
    line: int  # 1-based, in the file (offset already applied)
    column: int  # 1-based


@dataclass
class Scalar(Node):
    value: str
    style: str | None = None  # None = plain; "'", '"', "|" or ">" otherwise

    @property
    def plain(self) -> bool:
        return self.style is None


@dataclass
class Sequence(Node):
    items: list[Node] = field(default_factory=list)


@dataclass
class Mapping(Node):
    # key text -> (key node, value node), in file order
    items: dict[str, tuple[Scalar, Node]] = field(default_factory=dict)


_HINTS = [
    (
        "mapping values are not allowed",
        "a colon followed by a space is not allowed here; if the value contains ': ', "
        'put the whole value in double quotes ("...")',
    ),
    (
        "could not find expected ':'",
        "this line is not a 'field: value' pair; check the colon after the field name and the indentation",
    ),
    (
        "did not find expected key",
        "the indentation is wrong, or a value that starts with a quote goes on after the closing quote; "
        "line the fields up and quote the whole value",
    ),
    (
        "expected <block end>",
        "the indentation is wrong, or a value that starts with a quote goes on after the closing quote; "
        "line the fields up and quote the whole value",
    ),
    (
        "cannot start any token",
        "a value cannot start with this character; put the whole value in double quotes",
    ),
    (
        "found unknown escape character",
        "a backslash in double quotes starts an escape; use single quotes, or write \\\\ for a backslash",
    ),
    (
        "did not find expected ',' or ']'",
        "a list in [brackets] is not closed, or an item contains a comma or colon; close it with ] "
        "or put the item in double quotes",
    ),
    (
        "did not find expected ',' or '}'",
        "a mapping in {braces} is not closed; close it with } or put the value in double quotes",
    ),
    ("found unexpected end of stream", "a quoted value is never closed; add the closing quote"),
    (
        "did not find expected node content",
        "a value is missing or starts with a character YAML reserves; put it in double quotes",
    ),
    ("found undefined alias", "aliases (*name) are not allowed; write the value out in full"),
    ("did not find expected alphabetic or numeric character", "put the whole value in double quotes"),
    (
        "did not find expected '-' indicator",
        "list items must all start with '- ' at the same indentation",
    ),
    ("found a tab character", "use spaces, not tabs"),
]


# For these, where the construct opened says more than where YAML gave up.
_OPENED_AT = ("while scanning a quoted scalar", "while parsing a flow sequence", "while parsing a flow mapping")


def _syntax_problem(path: str, exc: yaml.MarkedYAMLError, offset: int) -> Problem:
    opened = exc.context_mark is not None and (exc.context or "").strip().startswith(_OPENED_AT)
    mark = exc.context_mark if opened else (exc.problem_mark or exc.context_mark)
    line = (mark.line + 1 + offset) if mark else 1 + offset
    column = (mark.column + 1) if mark else 1
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    text = f"{context} {problem}"
    for needle, hint in _HINTS:
        if needle in text:
            return Problem(path, line, column, "", f"invalid YAML: {hint}")
    return Problem(path, line, column, "", f"invalid YAML ({problem or context}); check quoting and indentation")


_BAD_CHAR = re.compile(r"\t")
_COMMENT_AFTER = re.compile(r"[ ]+#")
MAX_DEPTH = 40  # content is a few levels deep; deeper nesting is refused, never a RecursionError
MAX_BYTES = 2_000_000  # one content file; larger is refused before it is parsed


def parse(text: str, path: str, offset: int = 0) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document into a tree. `offset` is added to every line number.

    Returns (None, problems) when the text cannot be read at all. The tree is never changed once
    made, so a text parsed before (a preview's rebuild reads every file again) is not parsed again.
    """
    node, problems = _parse(text, path, offset)
    return node, list(problems)


@memo(1 << 16)
def _parse(text: str, path: str, offset: int) -> tuple[Node | None, tuple[Problem, ...]]:
    node, problems = _parse_text(text, path, offset)
    return node, tuple(problems)


def _parse_text(text: str, path: str, offset: int) -> tuple[Node | None, list[Problem]]:
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1 + offset):
        for match in _BAD_CHAR.finditer(line):
            problems.append(
                Problem(path, number, match.start() + 1, "", "contains a tab character; YAML needs spaces, not tabs")
            )
    if problems:
        return None, problems
    if len(text) > MAX_BYTES:
        return None, [
            Problem(
                path,
                1 + offset,
                1,
                "",
                f"is {len(text):,} characters long; a content file must be "
                f"under {MAX_BYTES:,}: split it or remove what is not needed",
            )
        ]
    try:
        events = read_events(text)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(path, exc, offset)]
    except (yaml.YAMLError, RecursionError, MemoryError, ValueError) as exc:
        return None, [
            Problem(path, 1 + offset, 1, "", f"invalid YAML ({type(exc).__name__}); check quoting and indentation")
        ]
    builder = _Builder(path, offset, events, text.split("\n"))
    try:
        root = builder.document()
    except (IndexError, RecursionError):  # an event stream libyaml should never produce
        return None, [
            *builder.problems,
            Problem(path, 1 + offset, 1, "", "invalid YAML; check quoting and indentation"),
        ]
    return root, builder.problems


class _Builder:
    def __init__(self, path: str, offset: int, events: list[yaml.Event], lines: list[str]) -> None:
        self.path = path
        self.offset = offset
        self.events = events
        self.lines = lines
        self.index = 0
        self.depth = 0
        self.opened: list[tuple[str, yaml.Event]] = []  # (path, start event) of each open collection
        self.fresh = 0  # collections opened in a row, with nothing in between: '[[[[...'
        self.problems: list[Problem] = []

    def _pos(self, event: yaml.Event) -> tuple[int, int]:
        mark = event.start_mark
        return mark.line + 1 + self.offset, mark.column + 1

    def _problem(self, event: yaml.Event, message: str, field: str = "") -> None:
        line, column = self._pos(event)
        self.problems.append(Problem(self.path, line, column, field, message))

    def _next(self) -> yaml.Event:
        event = self.events[self.index]
        self.index += 1
        return event

    def document(self) -> Node | None:
        root: Node | None = None
        documents = 0
        while self.index < len(self.events):
            event = self._next()
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    self._problem(event, "only one YAML document is allowed; remove the second '---'")
                if isinstance(self.events[self.index], yaml.DocumentEndEvent):
                    continue
                node = self._node("")
                if documents == 1:
                    root = node
        return root

    def _check_anchor_and_tag(self, event: yaml.Event, path: str) -> None:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self._problem(event, f"anchors (&{anchor}) are not allowed; write the value out in full", path)
        tag = getattr(event, "tag", None)
        if tag is not None and not (isinstance(event, yaml.ScalarEvent) and tag == "!" and event.implicit[1]):
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            self._problem(event, f"tags ({tag}) are not allowed; remove the tag and quote the value if needed", path)

    def _comment_after(self, event: yaml.ScalarEvent, path: str) -> None:
        """A plain value with ' #' after it: YAML cut the value there, which the author rarely means."""
        end = event.end_mark
        rest = self.lines[end.line][end.column :] if end.line < len(self.lines) else ""
        if event.value and _COMMENT_AFTER.match(rest):
            self._problem(
                event,
                f"YAML reads ' #' as the start of a comment, so this value stops at '{event.value}'; "
                "quote the value (put it all in double quotes) or move the comment to a line of its own",
                path,
            )

    def _skip(self) -> None:
        """Skip the rest of a collection whose start event was just read."""
        level = 1
        while level:
            event = self._next()
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                level += 1
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                level -= 1

    def _node(self, path: str) -> Node:
        """The next node; `path` names it in messages, like `schools[2].name`."""
        event = self._next()
        line, column = self._pos(event)
        if isinstance(event, yaml.AliasEvent):
            self._problem(event, f"aliases (*{event.anchor}) are not allowed; write the value out in full", path)
            return Scalar(line, column, "", '"')
        self._check_anchor_and_tag(event, path)
        if isinstance(event, yaml.ScalarEvent):
            self.fresh = 0
            if not event.style:  # plain: libyaml gives '' or None
                self._comment_after(event, path)
            return Scalar(line, column, event.value, event.style or None)
        if self.depth >= MAX_DEPTH:
            first = 1 if len(self.opened) > 1 else 0  # a field of the file, not the file itself
            where, start = self.opened[max(first, len(self.opened) - max(1, self.fresh))]  # where the nesting began
            self._problem(start, f"is nested more than {MAX_DEPTH} levels deep; no content needs that many", where)
            self._skip()
            return Scalar(line, column, "", '"')
        self.depth += 1
        self.fresh += 1
        self.opened.append((path, event))
        try:
            return self._collection(event, path, line, column)
        finally:
            self.depth -= 1
            self.opened.pop()
            self.fresh = 0

    def _collection(self, event: yaml.Event, path: str, line: int, column: int) -> Node:
        if isinstance(event, yaml.SequenceStartEvent):
            seq = Sequence(line, column)
            while not isinstance(self.events[self.index], yaml.SequenceEndEvent):
                seq.items.append(self._node(f"{path}[{len(seq.items)}]"))
            self._next()
            return seq
        if isinstance(event, yaml.MappingStartEvent):
            mapping = Mapping(line, column)
            while not isinstance(self.events[self.index], yaml.MappingEndEvent):
                key_event = self.events[self.index]
                fresh = self.fresh  # a key adds no sibling: '{a: {a: {...' is still one run of nesting
                key = self._node(path)
                self.fresh = fresh
                name = f"{path}.{key.value}" if path and isinstance(key, Scalar) else getattr(key, "value", path)
                value = self._node(name)
                if not isinstance(key, Scalar):
                    self._problem(key_event, "field names must be plain words, not lists or mappings")
                    continue
                if key.plain and key.value == "<<":
                    self._problem(key_event, "merge keys (<<) are not allowed; write the fields out in full")
                    continue
                if key.value in mapping.items:
                    first = mapping.items[key.value][0]
                    self.problems.append(
                        Problem(
                            self.path,
                            key.line,
                            key.column,
                            name,
                            f"appears twice: first on line {first.line}, again on line {key.line}; keep only one",
                        )
                    )
                    continue
                mapping.items[key.value] = (key, value)
            self._next()
            return mapping
        raise AssertionError(f"unexpected YAML event {event!r}")  # pragma: no cover
