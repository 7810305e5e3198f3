"""Three related case studies for each one: shared facets first, then similar words.

Candidates come from case studies that share a theme, newest first and capped, so the
work grows linearly with the number of case studies rather than with its square. Facets
are compared as bitmasks; words only break ties among the best few.
"""

from __future__ import annotations

import heapq

from partnership.directory.facets import Directory
from partnership.directory.textindex import document_words
from partnership.formats.memo import unchanged

CANDIDATES_PER_THEME = 60
SHORTLIST = 12
FACETS_COMPARED = ("theme", "school", "phase", "type")  # weighted 4, 3, 2 and 1 in shared()


def _mask(positions: list[int]) -> int:
    mask = 0
    for position in positions:
        mask |= 1 << position
    return mask


def related(directory: Directory, count: int = 3) -> list[list[int]]:
    """For each item number, the item numbers of its most related case studies."""
    # Facets as bitmasks, in the order of FACETS_COMPARED.
    masks = [tuple(_mask(values[facet]) for facet in FACETS_COMPARED) for values in directory.item_values]
    by_theme = [value.items[:CANDIDATES_PER_THEME] for value in directory.values["theme"]]
    lists = shortlists(masks, by_theme, directory.item_values)
    texts = [document_words(study.title, study.summary) for study in directory.studies]
    # A preview's edit to a body, or to words that are not compared: the lists of the last build.
    return unchanged("related", (lists, texts, count), lambda _: ranked(lists, texts, count))


def ranked(lists: list[list[tuple[int, int]]], texts: list[frozenset[str]], count: int) -> list[list[int]]:
    """Each item's shortlist, ranked by shared facets and then by words shared with the item."""
    results = []
    for number, scored in enumerate(lists):
        own = texts[number]

        def similar(entry: tuple[int, int], own: frozenset[str] = own) -> tuple[int, float, int]:
            theirs = texts[-entry[1]]
            return entry[0], len(own & theirs) / (len(own | theirs) or 1), entry[1]

        results.append([-entry[1] for entry in sorted(scored, key=similar, reverse=True)[:count]])
    return results


def shortlists(
    masks: list[tuple[int, ...]], by_theme: list[list[int]], item_values: list[dict[str, list[int]]]
) -> list[list[tuple[int, int]]]:
    """Each item's best candidates by shared facets, as (score, -number), best first.

    They depend on the facets alone, so a preview's rebuild after an edit to a case study's words
    (its title, summary or body) reuses the last ones.
    """
    return unchanged("shortlists", (masks, by_theme), lambda _: best_by_facets(masks, by_theme, item_values))


def best_by_facets(
    masks: list[tuple[int, ...]], by_theme: list[list[int]], item_values: list[dict[str, list[int]]]
) -> list[list[tuple[int, int]]]:
    out = []
    for number, facets in enumerate(item_values):
        theme, school, phase, kind = masks[number]
        candidates: set[int] = set()
        for position in facets["theme"]:
            candidates.update(by_theme[position])
        candidates.discard(number)

        def shared(other: int, theme: int = theme, school: int = school, phase: int = phase, kind: int = kind) -> int:
            t, s, p, k = masks[other]
            return (
                4 * (theme & t).bit_count() + 3 * (school & s).bit_count() + 2 * (phase & p).bit_count() + (kind == k)
            )

        out.append(heapq.nlargest(SHORTLIST, ((shared(other), -other) for other in candidates)))
    return out
