"""Full-text index of case studies, in shards by the first two letters of each word.

The browser fetches only the shards of the words typed so far. There is no stemming: a word
matches every indexed word it begins ("well" finds "wellbeing"), which suits search as you type.
Postings are item numbers: a list of gaps for rare words, a bitset in base64 for common ones.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from collections import defaultdict

# Kept short: words so common they would only slow matching. The browser gets this list too.
STOPWORDS = frozenset(
    "a an and are as at be but by for from has have in into is it its of on or our so that the their them "
    "there they this to was we were which will with".split()
)
PREFIX = 2
_WORD = re.compile(r"[a-z0-9]+")
_MARKDOWN_NOISE = re.compile(r"\]\([^)]*\)|<[^>]*>|`{3}.*?`{3}", re.S)


_COMBINING = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lowercase without accents ("Café" -> "cafe"), as directory.js folds what is typed."""
    folded = text.lower()
    if folded.isascii():
        return folded
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded))


def words(text: str) -> list[str]:
    """Lowercase words without accents; the browser's tokenizer does exactly the same."""
    folded = fold(text)
    return [w for w in _WORD.findall(folded) if len(w) >= PREFIX and w not in STOPWORDS]


def simple_slug(text: str) -> str:
    """Lowercase words joined by hyphens; the browser can recompute it from a title."""
    return "-".join(_WORD.findall(fold(text)))


def document_words(*parts: str) -> set[str]:
    """The distinct words of a document (the same filter as `words`, done on the set: faster)."""
    found = set(_WORD.findall(fold(_MARKDOWN_NOISE.sub(" ", " ".join(parts))))) - STOPWORDS
    return {w for w in found if len(w) >= PREFIX}


def encode_postings(items: list[int], total: int) -> list[int] | str:
    """Gaps between sorted item numbers, or a base64 bitset when that is smaller."""
    if len(items) * 4 > (total + 7) // 8 * 4 / 3:
        bits = bytearray(((total + 31) // 32) * 4)
        for item in items:
            bits[item >> 3] |= 1 << (item & 7)
        return base64.b64encode(bytes(bits)).decode("ascii")
    gaps, previous = [], 0
    for item in items:
        gaps.append(item - previous)
        previous = item
    return gaps


def decode_postings(postings: list[int] | str, total: int) -> list[int]:
    """The inverse of encode_postings (used by tests; the browser has its own)."""
    if isinstance(postings, str):
        bits = base64.b64decode(postings)
        return [i for i in range(total) if bits[i >> 3] >> (i & 7) & 1]
    items, current = [], 0
    for gap in postings:
        current += gap
        items.append(current)
    return items


def build_shards(documents: list[set[str]]) -> dict[str, dict[str, list[int] | str]]:
    """Shard name (first letters) -> word -> postings, for documents numbered in list order."""
    index: dict[str, list[int]] = defaultdict(list)
    for number, document in enumerate(documents):
        for word in document:
            index[word].append(number)
    total = len(documents)
    shards: dict[str, dict[str, list[int] | str]] = defaultdict(dict)
    for word in sorted(index):
        shards[word[:PREFIX]][word] = encode_postings(index[word], total)
    return dict(shards)
