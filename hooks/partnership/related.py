"""Three related case studies for each one: shared facets first, then similar words.

Candidates come from case studies that share a theme, newest first and capped, so the
work grows linearly with the number of case studies rather than with its square. Facets
are compared as bitmasks; words only break ties among the best few.
"""

from __future__ import annotations

import heapq

from .facets import Directory
from .textindex import document_words

CANDIDATES_PER_THEME = 120
SHORTLIST = 12
WEIGHTS = {"theme": 4, "school": 3, "phase": 2, "type": 1}


def _mask(positions: list[int]) -> int:
    mask = 0
    for position in positions:
        mask |= 1 << position
    return mask


def related(directory: Directory, count: int = 3) -> list[list[int]]:
    """For each item number, the item numbers of its most related case studies."""
    masks = [{facet: _mask(values[facet]) for facet in WEIGHTS} for values in directory.item_values]
    by_theme = [value.items[:CANDIDATES_PER_THEME] for value in directory.values["theme"]]
    words: dict[int, set[str]] = {}

    def text(number: int) -> set[str]:
        if number not in words:
            study = directory.studies[number]
            words[number] = document_words(study.meta["title"], study.meta["summary"])
        return words[number]

    results = []
    for number, facets in enumerate(directory.item_values):
        mine = masks[number]
        candidates: set[int] = set()
        for theme in facets["theme"]:
            candidates.update(by_theme[theme])
        candidates.discard(number)

        def shared(other: int, mine=mine) -> tuple[int, int]:
            theirs = masks[other]
            score = sum(weight * (mine[f] & theirs[f]).bit_count() for f, weight in WEIGHTS.items())
            return score, -other

        shortlist = heapq.nlargest(SHORTLIST, candidates, key=shared)
        own = text(number)

        def similar(other: int, own=own) -> tuple[int, float, int]:
            theirs = text(other)
            return shared(other)[0], len(own & theirs) / (len(own | theirs) or 1), -other

        results.append(sorted(shortlist, key=similar, reverse=True)[:count])
    return results
