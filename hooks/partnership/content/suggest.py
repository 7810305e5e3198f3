"""'Did you mean …?' for misspelt field names and vocabulary values."""

from __future__ import annotations

import difflib


def did_you_mean(value: str, candidates: list[str], cutoff: float = 0.6) -> str | None:
    """The candidate closest to `value`, ignoring case, if any is close enough."""
    folded = {candidate.casefold(): candidate for candidate in candidates}
    matches = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=cutoff)
    return folded[matches[0]] if matches else None
