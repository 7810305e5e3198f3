"""The slug module: one pattern for every id and file name, one way to make a slug from a title."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnership.content.kinds import Slug
from partnership.formats import slugs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shared reading across the trio", "shared-reading-across-the-trio"),
        ("Écoles: l'été à Hounslow", "ecoles-l-ete-a-hounslow"),  # accents folded
        ("  --Maths!!  ", "maths"),
        ("日本語", "ri-ben-yu"),  # transliterated, never empty when letters are there
        ("!!!", "case-study"),  # nothing to make a slug of: the fallback
        ("word " * 40, ("word-" * 12).rstrip("-")),  # cut at a word boundary, at most 60 characters
    ],
)
def test_slugs_made_from_titles(text: str, expected: str) -> None:
    assert slugs.slug(text, fallback="case-study") == expected


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("cedar-park-primary", True),
        ("a1", True),
        ("Cedar", False),
        ("a--b", False),
        ("-a", False),
        ("a-", False),
        ("", False),
    ],
)
def test_the_one_pattern(text: str, ok: bool) -> None:
    assert slugs.is_slug(text) is ok
    assert (Slug().pattern == slugs.PATTERN) and ok == bool(__import__("re").fullmatch(Slug().pattern, text))


@given(st.text(max_size=200))
def test_every_slug_made_passes_the_check(text: str) -> None:
    made = slugs.slug(text, fallback="case-study")
    assert slugs.is_slug(made) and len(made) <= slugs.MAX_LENGTH


@given(st.text(max_size=80))
def test_anchors_are_never_empty_and_have_no_spaces(text: str) -> None:
    made = slugs.anchor(text)
    assert made and " " not in made and not made.startswith("-")
