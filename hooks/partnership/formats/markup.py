"""Putting content text into Markdown and HTML safely."""

from __future__ import annotations

import datetime as dt
import html
import re


def slot(name: str) -> str:
    """Where a generated page's ready-made HTML goes, after the Markdown is rendered and sanitised.

    Big listings skip the Markdown parser this way, and HTML the sanitiser would cut (SVG charts,
    ARIA attributes) reaches the page intact. Only our own, escaped HTML fills a slot.
    """
    return f"<!-- ps:{name} -->"


SLOT = re.compile(r"(<!-- ps:[a-z0-9-]+ -->)")
HTML_SLOT = slot("html")
HTML_SLOT_AFTER = slot("html-after")

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def h(text: object) -> str:
    """Escape text for HTML content and attribute values."""
    return html.escape(str(text), quote=True)


def md(text: str) -> str:
    """Escape plain text so Markdown shows it literally (and HTML-escape it too)."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def long_date(day: dt.date) -> str:
    """'Tuesday 24 February 2026', as GOV.UK writes dates."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def time_tag(day: dt.date, long: bool = False) -> str:
    """A <time> element: '14 July 2017', or with `long` 'Friday 14 July 2017'."""
    return f'<time datetime="{day.isoformat()}">{long_date(day) if long else f"{day.day} {day:%B %Y}"}</time>'


def relative_url(from_dir: str, to: str) -> str:
    """A link from the page at directory URL `from_dir` ("directory/") to `to` ("case-studies/x/").

    Every page has a directory URL, so climbing to the site root and back down is always right
    (and far quicker than working out the shortest path, which matters at 10,000 pages).
    """
    return "../" * from_dir.count("/") + to or "./"
