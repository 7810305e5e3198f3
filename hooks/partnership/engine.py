"""What the package needs of the engine's objects (MkDocs' or ProperDocs'), as protocols: it never imports them.

Imports nothing of the package: every stage may use it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any, Protocol

Log = logging.Logger | logging.LoggerAdapter[logging.Logger]  # the engine's logger for this package


class Heading(Protocol):
    """An entry of a page's table of contents, as the engine gives it: h1 entries hold the h2s."""

    level: int
    children: list[Any]


class EnginePage(Protocol):
    """A page as the engine gives it to the events that render it."""

    url: str
    toc: Iterable[Heading]
    is_homepage: bool
    meta: dict[str, Any]
    markdown: str | None  # None when a preview's rebuild did not render it again


class EngineFile(Protocol):
    """A file of the site as the engine lists it."""

    src_uri: str
    url: str
    dest_uri: str
    page: EnginePage | None

    def is_documentation_page(self) -> bool: ...
