"""partnership-site: content model, validation and page generation for a learning partnership's site.

The packages follow the build, each importing only those before it (an import-linter
contract in pyproject.toml, run by `make lint`):

    formats -> content -> directory -> pages -> outputs, postbuild -> pipeline -> cli

pipeline.py is the build as plain functions (start, generate, postbuild); hooks/site.py adapts
it to MkDocs' events. Nothing in this package imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import os

__version__ = "0.1.0"


def build_date() -> dt.date:
    """Today, or PARTNERSHIP_TODAY (YYYY-MM-DD) so that builds and tests can fix the date."""
    value = os.environ.get("PARTNERSHIP_TODAY")
    return dt.date.fromisoformat(value) if value else dt.date.today()
