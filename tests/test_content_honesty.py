"""The default content is our own: no run of 8 words in a row shared with a seed document, and no
figure of another partnership shown as this one's."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from helpers import ROOT

SEEDS = Path(os.environ.get("PARTNERSHIP_SEEDS", ROOT.parent / "shared" / "seeds"))
RUN = 8
# Names are facts, not sentences: the title of a report and the title of a post may be quoted.
NAMES = [
    "Belonging and Excellence: The Importance of Local Education Partnerships",
    "Executive director for children's, housing and adults' services",
]
WORD = re.compile(r"[a-z0-9£%]+(?:['’][a-z]+)?")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def runs(text: str) -> set[tuple[str, ...]]:
    for name in NAMES:
        text = re.sub(re.escape(name).replace("'", "['’]?"), " · ", text, flags=re.I)
    w = words(text)
    return {tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


def content_files() -> list[Path]:
    found = [*ROOT.glob("content/*.yml"), *ROOT.glob("docs/*.md"), *ROOT.glob("case_studies/*.md")]
    return sorted([*found, *ROOT.glob("news/*.md")])


def test_words_and_runs_ignore_case_and_punctuation() -> None:
    assert words("The Board's scorecard, in 2014!") == ["the", "board's", "scorecard", "in", "2014"]
    assert len(runs("one two three four five six seven eight nine")) == 2


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not next to this repository")
def test_no_content_file_shares_eight_words_in_a_row_with_a_seed() -> None:
    seeds: set[tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        seeds |= runs(seed.read_text(encoding="utf-8", errors="replace"))
    assert seeds, "no seed text was read"
    shared = {}
    for path in content_files():
        common = runs(path.read_text(encoding="utf-8")) & seeds
        if common:
            shared[str(path.relative_to(ROOT))] = sorted(" ".join(r) for r in common)[:3]
    assert shared == {}


OFFER = ROOT / "content" / "offer.yml"


@pytest.mark.skipif(not OFFER.is_file(), reason="this site's content has no offer (content/offer.yml)")
def test_the_offer_shows_no_other_partnerships_figures_as_ours() -> None:
    offer = OFFER.read_text(encoding="utf-8")
    assert "1543" not in offer and "value: 400" not in offer
    assert "Hammersmith" not in offer.split("courses:")[0]
