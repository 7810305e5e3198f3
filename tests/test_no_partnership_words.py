"""Nothing partnership-specific in code or templates: the default partnership's names and model words
live in its content, so another partnership's site never shows them.

The words are read from the default content itself (its identity, its groupings, its comparators),
so the scan follows the content when it changes.
"""

from __future__ import annotations

import re

import yaml
from conftest import ROOT

SCANNED = [ROOT / "hooks", ROOT / "docs" / "overrides"]
SUFFIXES = {".py", ".html", ".js", ".xml", ".css", ".txt"}


def default_words() -> set[str]:
    content = ROOT / "content"
    identity = yaml.safe_load((content / "partnership.yml").read_text(encoding="utf-8"))
    words = {identity["name"], identity["short_name"], identity["borough"], identity["council"]}
    words |= {w for w in re.split(r"\W+", identity["borough"] + " " + identity["council"]) if len(w) > 3}
    words -= {"Borough", "Council", "London Borough"}  # generic words of a borough's name; "London" stays in
    schools = yaml.safe_load((content / "schools.yml").read_text(encoding="utf-8"))
    for grouping in schools.get("groupings") or []:
        words |= {grouping["called"], grouping["plural"]}
        words |= {size["called"] for size in grouping.get("sizes") or [] if size.get("called")}
    scorecard = yaml.safe_load((content / "scorecard.yml").read_text(encoding="utf-8"))
    words |= {c["label"] for c in scorecard.get("comparators") or []}
    words |= {"peer challenge", "peer-challenge"}  # the model itself, however it is spelt
    return {w for w in words if w}


def test_the_word_list_comes_from_the_default_content() -> None:
    words = {w.casefold() for w in default_words()}
    assert {"hounslow", "collaborative", "triad", "quad", "london", "england", "hlp"} <= words


def test_no_partnership_name_or_model_word_in_code_or_templates() -> None:
    words = sorted(default_words(), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)
    found = []
    for folder in SCANNED:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file() or "vendor" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                for match in pattern.finditer(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: '{match.group()}'")
    assert not found, "partnership-specific words in code or templates:\n" + "\n".join(found)
