"""Full-text index of case studies for the directory: stemmed, ranked, in shards by first letters.

Words are folded (lowercase, no accents) and stemmed with Snowball English, so "readers",
"reading" and "read" meet; `static/stem.js` runs the same algorithm in the browser (a test
compares the two on every word of the built vocabulary). Ranking is BM25F: a document's fields
are weighted (title, then the labels of its facet values, then summary, then body) before the
term frequency is saturated. For each stem and document the build stores that saturated weight,
quantised to 1..255; the browser multiplies it by the stem's inverse document frequency (from the
length of its postings) and adds up the query's words.

A shard holds, for every stem beginning with its two letters, the words as written that have
that stem (for matching the word still being typed, and for highlighting) and the postings as
flat pairs: gap to the previous document number, then the weight.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import snowballstemmer

from partnership.formats.memo import kept, memo, state

# Kept short: words so common they would only slow matching. The browser gets this list too.
STOPWORDS = frozenset(
    "a an and are as at be but by for from has have in into is it its of on or our so that the their them "
    "there they this to was we were which will with".split()
)
PREFIX = 2  # letters in a shard's name; also the shortest word indexed
FIELDS = {"title": 5.0, "facets": 3.0, "summary": 2.0, "body": 1.0}  # BM25F field weights
K1, B = 1.2, 0.75
SHARD_LIMIT = 20_000  # numbers in one shard's postings (about 40 KB of JSON) before it is split
_WORD = re.compile(r"[a-z0-9]+")
_COMBINING = re.compile("[\u0300-\u036f]")
_STEMMER = snowballstemmer.stemmer("english")
_STEMS: dict[str, str] = {}


def fold(text: str) -> str:
    """Lowercase without accents ("Café" -> "cafe"), as the browser folds what is typed."""
    folded = text.lower()
    if folded.isascii():
        return folded
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded))


def words(text: str) -> list[str]:
    """The indexed words of a text, as written (folded); the browser's tokenizer does the same."""
    return [w for w in _WORD.findall(fold(text)) if len(w) >= PREFIX and w not in STOPWORDS]


def stem(word: str) -> str:
    found = _STEMS.get(word)
    if found is None:
        found = _STEMS[word] = _STEMMER.stemWord(word)
    return found


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


@dataclass
class TextIndex:
    shards: dict[str, dict[str, list[Any]]]  # shard name -> stem -> [forms, postings]
    vocabulary: list[str]  # every word as written, most frequent first (for "did you mean")


def quantise(weight: float) -> int:
    """A saturated term weight in (0, 1) as 1..255 (never 0: the document does contain the word)."""
    return max(1, min(255, math.ceil(weight * 255)))


Terms = tuple[tuple[str, str, int], ...]  # (stem, word as written, times), in the order the words first appear


@memo(1 << 17)  # a preview's rebuild indexes the same texts again
def terms(text: str) -> tuple[int, Terms]:
    """A text's number of indexed words, and each distinct word with its stem and how often it occurs."""
    tokens = words(text)
    return len(tokens), tuple((stem(word), sys.intern(word), count) for word, count in Counter(tokens).items())


def mean_length(total: float, count: int) -> float:
    """A field's mean length in words, to three significant figures (1 when empty).

    BM25 weighs a document by its length against the mean. Rounded, the mean rarely moves when a
    preview's edit changes one text, so every other document keeps its weights (document_weights).
    """
    mean = total / (count or 1)
    return float(f"{mean:.3g}") if mean else 1.0


Weighted = tuple[tuple[tuple[str, int], ...], tuple[tuple[str, str], ...]]  # (stem, level), (stem, word)


def weigh(per_field: Sequence[tuple[int, Terms]], means: Sequence[float]) -> Weighted:
    """One document's quantised BM25F weight per stem, and a (stem, word as written) pair for each
    field a word appears in; per_field and means follow FIELDS."""
    weights: dict[str, float] = defaultdict(float)
    written = []
    for factor, mean, (length, found) in zip(FIELDS.values(), means, per_field, strict=True):
        norm = factor / (1 - B + B * length / mean)
        for root, word, count in found:
            weights[root] += count * norm
            written.append((root, word))
    levels = []
    for root, tf in weights.items():  # quantise(), written out: this loop runs once per word of every study
        level = math.ceil(tf / (K1 + tf) * 255)
        levels.append((root, 1 if level < 1 else 255 if level > 255 else level))
    return tuple(levels), tuple(written)


@memo(1 << 17)  # a preview's rebuild: the documents not edited, when the means did not move
def document_weights(texts: tuple[str, ...], means: tuple[float, ...]) -> Weighted:
    return weigh([terms(text) for text in texts], means)


def build_index(documents: Sequence[Mapping[str, str]]) -> TextIndex:
    """Index documents numbered in list order; each maps a field name in FIELDS to its text."""
    texts = [tuple(document.get(name, "") for name in FIELDS) for document in documents]
    counted = [[terms(text) for text in fields] for fields in texts]
    means = tuple(mean_length(sum(fields[i][0] for fields in counted), len(documents)) for i in range(len(FIELDS)))
    remembered = kept()
    weighted = [
        document_weights(fields, means) if remembered else weigh(per_field, means)
        for fields, per_field in zip(texts, counted, strict=True)
    ]
    last = state("text index")  # a preview's: the last build's, patched where documents changed ({} otherwise)
    found = (last and patched(last["assembled"], last["weighted"], weighted)) or assembled(weighted)
    last.update(weighted=weighted, assembled=found)
    shards: dict[str, dict[str, list[Any]]] = defaultdict(dict)
    for root in sorted(found.entries):
        shards[root[:PREFIX]][root] = found.entries[root]
    df = Counter({w: c for root in found.forms for w, c in found.forms[root].items()})
    vocabulary = [w for w, _ in sorted(df.items(), key=lambda item: (-item[1], item[0]))]
    return TextIndex(split_big_shards(dict(shards)), vocabulary)


@dataclass
class Assembled:
    """Every document's weights gathered by stem: what the shards are written from."""

    postings: dict[str, list[int]]  # stem -> [document, weight, document, weight, ...], in document order
    forms: dict[str, Counter[str]]  # stem -> word as written -> in how many fields of all documents
    entries: dict[str, list[Any]]  # stem -> its shard entry: [words as written, encoded postings]


def assembled(weighted: Sequence[Weighted]) -> Assembled:
    postings: dict[str, list[int]] = defaultdict(list)
    pairs: Counter[tuple[str, str]] = Counter()  # (stem, word as written), counted in C
    for number, (levels, written) in enumerate(weighted):
        for root, level in levels:  # runs once per word of every study: two appends beat a tuple
            flat = postings[root]
            flat.append(number)
            flat.append(level)
        pairs.update(written)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for (root, word), times in pairs.items():
        forms[root][word] = times
    entries = {root: _entry(root, forms[root], flat) for root, flat in postings.items()}
    return Assembled(dict(postings), dict(forms), entries)


PATCH_LIMIT = 100  # changed documents: more, and the postings are gathered again from all


def patched(last: Assembled, before: Sequence[Weighted], after: Sequence[Weighted]) -> Assembled | None:
    """The last build's postings with the documents whose weights changed taken out and put back in,
    or None when the documents were renumbered (one added or taken away) or too many changed."""
    if len(before) != len(after):
        return None
    changed = [n for n, (old, new) in enumerate(zip(before, after, strict=True)) if old is not new and old != new]
    if len(changed) > PATCH_LIMIT:
        return None
    postings, forms, entries = dict(last.postings), dict(last.forms), dict(last.entries)
    touched: dict[str, Counter[str]] = {}  # stem -> its forms, copied before they are changed
    for number in changed:
        (old_levels, old_written), (new_levels, new_written) = before[number], after[number]
        for root, _ in old_levels:
            postings[root] = _without(postings[root], number)
        for root, level in new_levels:
            postings[root] = _with(postings.get(root, []), number, level)
        for root, _ in (*old_levels, *new_levels):  # every stem a document writes, it weighs
            if root not in touched:
                touched[root] = Counter(forms.get(root, ()))
        for root, word in old_written:
            touched[root][word] -= 1
        for root, word in new_written:
            touched[root][word] += 1
    for root, counts in touched.items():
        if postings.get(root):
            forms[root] = +counts  # without the words no field has any more
            entries[root] = _entry(root, forms[root], postings[root])
        else:
            postings.pop(root, None)
            forms.pop(root, None)
            entries.pop(root, None)
    return Assembled(postings, forms, entries)


def _without(flat: list[int], number: int) -> list[int]:
    """A new list of postings without the document `number`."""
    at = bisect.bisect_left(flat[0::2], number)
    return flat[: 2 * at] + flat[2 * at + 2 :] if 2 * at < len(flat) and flat[2 * at] == number else flat[:]


def _with(flat: list[int], number: int, level: int) -> list[int]:
    """A new list of postings with the document `number` at its place."""
    at = bisect.bisect_left(flat[0::2], number)
    return [*flat[: 2 * at], number, level, *flat[2 * at :]]


def _entry(root: str, forms: Counter[str], flat: list[int]) -> list[Any]:
    written = sorted(forms, key=lambda w: (-forms[w], w))
    return ["" if written == [root] else " ".join(written), encode_postings(flat)]


def split_big_shards(
    shards: dict[str, dict[str, list[Any]]], limit: int = SHARD_LIMIT
) -> dict[str, dict[str, list[Any]]]:
    """A shard over `limit` postings is split by the third letter: stems of three letters or more go
    to `rea`, `ref`, ...; the browser looks for the three-letter shard first (search.js, shardOf)."""
    out: dict[str, dict[str, list[Any]]] = {}
    for name, entries in shards.items():
        if sum(len(entry[1]) for entry in entries.values()) <= limit:
            out[name] = entries
            continue
        for root, entry in entries.items():
            out.setdefault(root[: PREFIX + 1], {})[root] = entry
    return out


def encode_postings(flat: list[int]) -> list[int]:
    """Postings as flat [document, weight, document, weight, ...] in document order, as a new list
    [gap, weight, gap, weight, ...]: the gap is to the document before (the first's, to 0)."""
    encoded = flat[:]
    numbers = flat[0::2]
    encoded[2::2] = [later - earlier for earlier, later in itertools.pairwise(numbers)]
    return encoded


def decode_postings(flat: list[int]) -> list[tuple[int, int]]:
    """The inverse of encode_postings (used by tests; the browser has its own)."""
    pairs, current = [], 0
    for i in range(0, len(flat), 2):
        current += flat[i]
        pairs.append((current, flat[i + 1]))
    return pairs


def idf(document_frequency: int, total: int) -> float:
    """BM25's inverse document frequency, exactly as the browser computes it."""
    return math.log(1 + (total - document_frequency + 0.5) / (document_frequency + 0.5))


def synonym_groups(groups: Iterable[Iterable[str]]) -> list[list[list[str]]]:
    """Each group of names that mean the same, as lists of stems; groups of one name are dropped."""
    out = []
    for group in groups:
        phrases: list[list[str]] = []
        for name in group:
            phrase = stems(name)
            if phrase and phrase not in phrases:
                phrases.append(phrase)
        if len(phrases) > 1:
            out.append(phrases)
    return out


@memo(1 << 17)  # a preview's rebuild compares the same titles and summaries again
def document_words(*parts: str) -> frozenset[str]:
    """The distinct indexed words of some texts, unstemmed (related.py compares titles and summaries)."""
    return frozenset(words(" ".join(parts)))
