"""Placeholders in docs pages, as content: which exist, and which file each block is made from.

`{{ partnership.name }}` inline, `{{ block:aims }}` for a whole block. Checking them is validation
(here); filling them in is page generation (partnership/pages/blocks.py).
"""

from __future__ import annotations

import re
from typing import Any

from partnership.content.problems import Problem
from partnership.content.suggest import did_you_mean

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_.:]+)\s*\}\}")
# Anything written like a placeholder, known or not: '{{ block:contact-us }}' must not be shown as written.
PLACEHOLDER_LIKE = re.compile(r"\{\{[^{}\n]{0,80}\}\}")
# The fields of content/partnership.yml a page may show inline.
INLINE_FIELDS = ("name", "short_name", "borough", "council", "email", "chair_role", "description")
# The blocks a page may hold (each drawn by partnership/pages/blocks.py).
BLOCK_NAMES = (
    "value_proposition",
    "aims",
    "principles",
    "impact_measures",
    "key_dates",
    "next_dates",
    "contact",
    "join",
)

KNOWN = [f"partnership.{name}" for name in INLINE_FIELDS] + [f"block:{name}" for name in BLOCK_NAMES]
# The content file each block is made from: a page may use the block only when the site has the file.
NEEDS = {
    "value_proposition": "aims",
    "aims": "aims",
    "principles": "aims",
    "impact_measures": "aims",
    "key_dates": "key_dates",
    "next_dates": "key_dates",
}


def unknown_placeholder(match: re.Match[str]) -> str:
    """The problem with something written like a placeholder ("" when it is a known one)."""
    inner = match.group()[2:-2].strip()
    if inner in KNOWN:
        return ""
    suggestion = did_you_mean(inner, KNOWN)
    hint = f"did you mean '{{{{ {suggestion} }}}}'?" if suggestion else "see the content guide for the list"
    return f"'{match.group()}' is not a known placeholder; {hint}"


def check(markdown: str, path: str, first_line: int, data: dict[str, Any] | None = None) -> list[Problem]:
    """Report blocks whose file is missing (unknown placeholders are bodies.check's to report)."""
    problems = []
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        for match in PLACEHOLDER_LIKE.finditer(line):
            if unknown_placeholder(match):
                continue  # reported by bodies.check, which every page's body goes through
            name = match.group()[2:-2].strip()
            needed = NEEDS.get(name[6:]) if name.startswith("block:") else None
            if data is not None and needed and needed not in data:
                problems.append(
                    Problem(
                        path,
                        number,
                        match.start() + 1,
                        "",
                        f"'{match.group()}' is made from content/{needed}.yml, which this site does not have; "
                        "add the file or take the placeholder out",
                    )
                )
    return problems
