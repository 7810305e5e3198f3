"""Slugs: the lowercase names that become web addresses and ids (`northdale-primary`).

One pattern for every check (the id kind, case study and news file names), and one way of
making a slug from a title, through python-slugify (accents folded, word boundaries kept).
"""

from __future__ import annotations

import re

from slugify import slugify

PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"  # lowercase letters and digits, single hyphens between
_SLUG = re.compile(PATTERN)
MAX_LENGTH = 60  # for slugs made from titles: long enough to say what it is, short enough to type


def is_slug(text: str) -> bool:
    return _SLUG.fullmatch(text) is not None


def slug(text: str, fallback: str, max_length: int = MAX_LENGTH) -> str:
    """A slug for `text` (cut at a word boundary to `max_length`, 0 for no limit), or `fallback` if it has none."""
    return slugify(text, max_length=max_length, word_boundary=True) or fallback


def anchor(text: str, fallback: str = "group") -> str:
    """An id for a heading (`#north-collaborative`): letters of any script kept, as people read them."""
    return "".join(c if c.isalnum() else "-" for c in text.casefold()).strip("-") or fallback
