"""Case studies checked before, found again by their bytes: a preview's rebuild (`mkdocs serve --dirty`)
reads every file again but checks only those that changed.

Checking a case study reads its file, the vocabularies (taxonomy and schools) and which files docs/
holds (pictures and documents it links to); nothing else. So a file whose bytes are the same, checked
against the same vocabularies and the same docs/, gives the same problems and the same case study.
When the vocabularies or docs/ change, every case study is checked again.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partnership.content.context import Vocabulary
from partnership.content.model import CaseStudy
from partnership.content.problems import Problem


@dataclass(frozen=True)
class Outcome:
    """What checking one file found: its problems and, when it can be published, its case study."""

    problems: tuple[Problem, ...]
    study: CaseStudy | None
    slug_written: bool  # its front matter gives a slug (rather than the file name giving one)


@dataclass
class CheckedFiles:
    context: str = ""  # the key of what checking reads besides the file
    outcomes: dict[tuple[str, str], Outcome] = field(default_factory=dict)  # by (shown path, hash of bytes)
    seen: set[tuple[str, str]] = field(default_factory=set)  # the keys the last load looked up or added
    saved: dict[tuple[str, str], Any] = field(default_factory=dict)  # outcomes as a build cache read them

    def begin(self, vocabularies: dict[str, Vocabulary], docs_dir: Path | None) -> None:
        """Before a load: forget every outcome when the vocabularies or docs/ changed, and those of files
        the last load did not see as they were (edited since, or gone)."""
        context = digest(repr(sorted(vocabularies.items())).encode("utf-8") + docs_listing(docs_dir))
        if context != self.context:
            self.context, self.outcomes, self.saved = context, {}, {}
        elif self.seen:
            self.outcomes = {found: outcome for found, outcome in self.outcomes.items() if found in self.seen}
        self.seen = set()

    def get(self, shown: str, data: bytes | None) -> Outcome | None:
        if data is None:
            return None
        found = (shown, digest(data))
        self.seen.add(found)
        return self.outcomes.get(found)

    def put(self, shown: str, data: bytes | None, outcome: Outcome) -> Outcome:
        if data is not None:
            found = (shown, digest(data))
            self.outcomes[found] = outcome
            self.saved.pop(found, None)
            self.seen.add(found)
        return outcome


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def docs_listing(docs_dir: Path | None) -> bytes:
    """Every path under docs/, marking links and folders, as the checks of links and pictures see them."""
    if docs_dir is None or not docs_dir.is_dir():
        return b""
    seen = []
    for top, dirs, names in os.walk(docs_dir):
        dirs.sort()
        for name in [*dirs, *sorted(names)]:
            path = os.path.join(top, name)
            seen.append(f"{os.path.relpath(path, docs_dir)}|{os.path.islink(path)}|{os.path.isdir(path)}")
    return "\n".join(seen).encode("utf-8", "surrogateescape")


def read_bytes(path: Path, limit: int) -> bytes | None:
    """The file's bytes for its key, or None: it is then checked, and the check says why it cannot be read.

    None for a link or a file over `limit` bytes, which the check refuses without reading it.
    """
    try:
        if not path.is_file() or path.is_symlink() or path.stat().st_size > limit:
            return None
        return path.read_bytes()
    except OSError:
        return None


CASE_STUDIES = CheckedFiles()  # for as long as the process runs: `mkdocs serve` keeps it between rebuilds
