"""What validation needs to know while it walks a file: where it is, the vocabularies, the problems so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partnership.content.problems import Problem
from partnership.content.suggest import did_you_mean
from partnership.content.yamlstrict import Node

INVALID: Any = object()  # what a kind returns for a value it reported as wrong


@dataclass
class Vocabulary:
    """A controlled list of values: a taxonomy vocabulary, a fixed choice, or the schools."""

    noun: str  # "theme": used in "'x' is not a known theme"
    labels: dict[str, str]  # id -> label
    source: str = "content/taxonomy.yml"
    written_as_id: bool = False  # schools are written by id; taxonomy values by label

    def __post_init__(self) -> None:
        self._lookup = {label.casefold(): id_ for id_, label in self.labels.items()}
        self._lookup.update({id_.casefold(): id_ for id_ in self.labels})

    def written(self) -> list[str]:
        """The values people write: ids for schools, labels for taxonomy vocabularies."""
        return list(self.labels) if self.written_as_id else list(self.labels.values())

    def find(self, text: str) -> str | None:
        return self._lookup.get(text.casefold())

    def suggest(self, text: str) -> str | None:
        match = did_you_mean(text, list(self.labels.values()) + list(self.labels))
        if match is None:
            return None
        id_ = self.find(match)
        return id_ if self.written_as_id else self.labels[id_]  # type: ignore[index]


@dataclass
class Context:
    path: str
    problems: list[Problem] = field(default_factory=list)
    vocabularies: dict[str, Vocabulary] = field(default_factory=dict)
    docs_dir: Path | None = None

    def error(self, node: Node | None, where: str, message: str) -> Any:
        line, column = (node.line, node.column) if node is not None else (1, 1)
        self.problems.append(Problem(self.path, line, column, where, message))
        return INVALID
