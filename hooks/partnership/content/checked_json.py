"""Case studies checked before, as JSON: what a build cache keeps between runs (buildcache.py).

A cached build in a new process finds each unchanged case study by its bytes, as a preview's rebuild
does (checked.py), instead of checking it again. JSON, never pickle: a cache restored from elsewhere
can hold wrong data, but never run code. `outcomes` raises KeyError, TypeError or ValueError on data
that is not what `as_json` writes; the cache is then not used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from partnership.content.checked import CheckedFiles, Outcome
from partnership.content.model import CaseStudy, Image
from partnership.content.problems import Problem
from partnership.content.yamlstrict import Mapping, Node, Scalar, Sequence

_DATES = ("published", "review_by", "reviewed")
_TUPLES = ("themes", "phases", "schools", "organisations", "redirect_from")
_TEXTS = ("slug", "path", "title", "summary", "type", "academic_year", "contact", "status", "body")
# Together with contact_email, image, body_line and node: every field (tests/test_preview.py checks it).
# The fields whose places a message names after a case study was checked (case_studies.py and load.py
# look them up with records.position): the only YAML nodes kept (tests/test_preview.py checks it).
POSITIONED = ("slug", "redirect_from", "organisations", "review_by")


def as_json(files: CheckedFiles) -> dict[str, Any]:
    return {
        "context": files.context,
        "outcomes": [
            [shown, digest, files.saved.get((shown, digest)) or _outcome(outcome)]  # as read, when read from JSON
            for (shown, digest), outcome in files.outcomes.items()
        ],
    }


def outcomes(data: Any) -> CheckedFiles:
    found = CheckedFiles(context=str(data["context"]))
    for shown, digest, outcome in data["outcomes"]:
        key = (str(shown), str(digest))
        found.outcomes[key] = _read_outcome(outcome)
        found.saved[key] = outcome  # written out again as it is, if this outcome is still used
    return found


def _outcome(outcome: Outcome) -> dict[str, Any]:
    return {
        "problems": [dataclasses.astuple(problem) for problem in outcome.problems],
        "study": None if outcome.study is None else _study(outcome.study),
        "slug_written": outcome.slug_written,
    }


def _read_outcome(data: dict[str, Any]) -> Outcome:
    problems = tuple(
        Problem(str(p), int(line), int(col), str(f), str(m), str(s)) for p, line, col, f, m, s in data["problems"]
    )
    study = None if data["study"] is None else _read_study(data["study"])
    return Outcome(problems, study, bool(data["slug_written"]))


def _study(study: CaseStudy) -> dict[str, Any]:
    data: dict[str, Any] = {name: getattr(study, name) for name in _TEXTS}
    data.update({name: list(getattr(study, name)) for name in _TUPLES})
    data.update({name: None if getattr(study, name) is None else getattr(study, name).isoformat() for name in _DATES})
    data["contact_email"] = study.contact_email
    data["image"] = None if study.image is None else dataclasses.asdict(study.image)
    data["body_line"] = study.body_line
    data["node"] = None if study.node is None else _node(_positioned(study.node))
    return data


def _read_study(data: dict[str, Any]) -> CaseStudy:
    image, reviewed = data["image"], data["reviewed"]
    return CaseStudy(
        slug=str(data["slug"]),
        path=str(data["path"]),
        title=str(data["title"]),
        summary=str(data["summary"]),
        themes=_texts(data["themes"]),
        phases=_texts(data["phases"]),
        type=str(data["type"]),
        schools=_texts(data["schools"]),
        organisations=_texts(data["organisations"]),
        academic_year=str(data["academic_year"]),
        published=dt.date.fromisoformat(data["published"]),
        review_by=dt.date.fromisoformat(data["review_by"]),
        reviewed=None if reviewed is None else dt.date.fromisoformat(reviewed),
        contact=str(data["contact"]),
        contact_email=_maybe(data["contact_email"]),
        status=str(data["status"]),
        redirect_from=_texts(data["redirect_from"]),
        image=None
        if image is None
        else Image(str(image["file"]), str(image["alt"]), _maybe(image["caption"]), str(image["consent"])),
        body=str(data["body"]),
        body_line=int(data["body_line"]),
        node=None if data["node"] is None else _read_node(data["node"]),
    )


def _texts(values: list[Any]) -> tuple[str, ...]:
    return tuple(str(value) for value in values)


def _positioned(node: Node) -> Node:
    """The front matter's node with only the fields in POSITIONED: a tenth of the tree to keep and read."""
    if not isinstance(node, Mapping):
        return node
    return Mapping(node.line, node.column, {name: pair for name, pair in node.items.items() if name in POSITIONED})


def _maybe(value: Any) -> str | None:
    return None if value is None else str(value)


def _node(node: Node) -> list[Any]:
    """A YAML node as [kind, line, column, ...]: a scalar's value and style, a list's items, a mapping's pairs."""
    if isinstance(node, Scalar):
        return ["s", node.line, node.column, node.value, node.style]
    if isinstance(node, Sequence):
        return ["l", node.line, node.column, [_node(item) for item in node.items]]
    if isinstance(node, Mapping):
        pairs = [[name, _node(key), _node(value)] for name, (key, value) in node.items.items()]
        return ["m", node.line, node.column, pairs]
    return ["n", node.line, node.column]


def _read_node(data: list[Any]) -> Node:
    kind, line, column = data[0], int(data[1]), int(data[2])
    if kind == "s":
        return Scalar(line, column, str(data[3]), _maybe(data[4]))
    if kind == "l":
        return Sequence(line, column, [_read_node(item) for item in data[3]])
    if kind == "m":
        items: dict[str, tuple[Scalar, Node]] = {}
        for name, key, value in data[3]:
            scalar = _read_node(key)
            if not isinstance(scalar, Scalar):
                raise ValueError("a mapping's key is not a scalar")
            items[str(name)] = (scalar, _read_node(value))
        return Mapping(line, column, items)
    if kind == "n":
        return Node(line, column)
    raise ValueError(f"unknown node kind {kind!r}")
