"""Kinds for media: pictures and documents that are files of the site (inside docs/)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from partnership.content.context import INVALID, Context
from partnership.content.kinds import DocsPath
from partnership.content.yamlstrict import Node

# Pictures a browser shows safely from an <img>: never SVG, which can carry script when opened on its own.
PICTURES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
DOCUMENTS = (".pdf", ".docx", ".odt", ".pptx", ".odp", ".xlsx", ".ods", ".csv", ".txt")


@dataclass
class DocsFile(DocsPath):
    """A file inside docs/ of one of the allowed kinds (by its ending)."""

    endings: tuple[str, ...] = ()
    what: str = "file"

    @property
    def label(self) -> str:  # type: ignore[override]
        return f"path of a {self.what} inside docs/ ({', '.join(self.endings)})"

    def check(self, node: Node, ctx: Context, where: str) -> Any:
        value = super().check(node, ctx, where)
        if value is INVALID:
            return value
        if PurePosixPath(value).suffix.lower() not in self.endings:
            return ctx.error(
                node, where, f"'{value}' is not a {self.what} the site can show; use {', '.join(self.endings)}"
            )
        return value
