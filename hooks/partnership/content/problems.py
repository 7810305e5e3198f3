"""Problems found in content, and the ways of printing them.

A problem names the file, the line and column (1-based), the field and what is wrong,
in plain English. Problems are collected, never raised, so one run reports them all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        field = f" {self.field}:" if self.field else ""
        prefix = " warning:" if self.severity == WARNING else ""
        return f"{where}:{prefix}{field} {self.message}"


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_problems(problems: Iterable[Problem], fmt: str = "text") -> str:
    """Render problems as plain lines, GitHub Actions annotations or JSON."""
    problems = sorted(problems)
    if fmt == "json":
        return json.dumps([asdict(p) for p in problems], indent=2, ensure_ascii=False)
    if fmt == "github":
        lines = []
        for p in problems:
            kind = "warning" if p.severity == WARNING else "error"
            title = f"{p.field}" if p.field else "content"
            props = ",".join(
                f"{k}={_github_escape(str(v), prop=True)}"
                for k, v in (("file", p.path), ("line", p.line), ("col", p.column), ("title", title))
            )
            message = f"{p.field}: {p.message}" if p.field else p.message
            lines.append(f"::{kind} {props}::{_github_escape(message)}")
        return "\n".join(lines)
    return "\n".join(str(p) for p in problems)
