"""Every CSV file the site writes, through one helper that keeps text as text in a spreadsheet.

A cell that starts with '=', '+', '-', '@', a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula (OWASP's "CSV injection"): `=HYPERLINK(...)` in a
case study title would become a link in whoever opens the open data. Such a cell is written
with a leading apostrophe, which spreadsheets show as text. Numbers (int and float values,
floats as %g) are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

# Also the full-width forms, which some spreadsheets fold to the ASCII ones.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell(value: object) -> str:
    """One cell: text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = str(value)
        return "'" + text if text.lstrip(" ").startswith(FORMULA_START) else text
    return f"{value:g}" if isinstance(value, float) else str(value)


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A whole CSV file (RFC 4180 line ends) with every text cell guarded."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([cell(name) for name in header])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue()
