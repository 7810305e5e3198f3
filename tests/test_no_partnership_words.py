"""Nothing partnership-specific in code or templates: the default partnership's names and model words
live in its content, so another partnership's site never shows them.

The words are read from the default content itself (its identity, its groupings, its comparators),
so the scan follows the content when it changes.
"""

from __future__ import annotations

import re

from helpers import ROOT, _data, default_words

from partnership.cli.starter import STARTER_NAME

SCANNED = [ROOT / "hooks", ROOT / "docs" / "overrides"]
SUFFIXES = {".py", ".html", ".js", ".xml", ".css", ".txt"}


def test_the_word_list_comes_from_the_default_content() -> None:
    words = {w.casefold() for w in default_words()}
    identity = _data("partnership")
    assert {identity["name"].casefold(), identity["short_name"].casefold()} <= words
    groupings = _data("schools").get("groupings") or []
    assert {g["called"].casefold() for g in groupings} <= words  # e.g. "collaborative", "peer-challenge group"


def test_no_partnership_name_or_model_word_in_code_or_templates() -> None:
    words = sorted(default_words(), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)
    found = []
    starter = _data("partnership").get("name") == STARTER_NAME  # a site just made by `partnership init`
    for folder in SCANNED:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file() or "vendor" in path.parts:
                continue
            if starter and path.name == "starter.py":
                continue  # the starter's placeholders are that site's own words until they are replaced
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                for match in pattern.finditer(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: '{match.group()}'")
    assert not found, "partnership-specific words in code or templates:\n" + "\n".join(found)
