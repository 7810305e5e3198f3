"""Plain-text passages of a case study body, for the directory to show why a result matched.

The browser picks the passage with most of the query's words and marks them; these are only
the candidates, cut from the Markdown at build time so the browser never parses HTML.
"""

from __future__ import annotations

import re

from partnership.formats.memo import memo

MAX_PASSAGES = 40
MAX_CHARACTERS = 4000  # per case study: what one result may download
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
_TAG = re.compile(r"<[^>]*>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
_ATTRS = re.compile(r"\{:?\s*[#.][^}]*\}")
_MARKS = re.compile(r"[*_`]+|^\s{0,3}(?:[-+*]|\d+[.)]|>)\s+", re.M)
_SPACE_BEFORE_STOP = re.compile(r"\s+([.,;:!?])")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])")


@memo(1 << 16)
def plain_text(markdown: str) -> str:
    """Markdown as the words a reader sees: no markup, links by their text, no images or code."""
    text = _FENCE.sub(" ", markdown)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _TAG.sub(" ", text)
    text = _ATTRS.sub(" ", text)
    return _MARKS.sub("", text)


def passages(markdown: str) -> list[str]:
    """Sentences of the body's paragraphs and list items (not its headings), in order, within the limits."""
    return list(_passages(markdown))


@memo(1 << 16)  # a preview's rebuild reads the same bodies again; a tuple, which no caller can change
def _passages(markdown: str) -> tuple[str, ...]:
    out: list[str] = []
    size = 0
    for block in re.split(r"\n\s*\n", plain_text(markdown)):
        lines = [line for line in block.splitlines() if not line.lstrip().startswith(("#", "|"))]
        text = _SPACE_BEFORE_STOP.sub(r"\1", " ".join(" ".join(lines).split()))
        for sentence in _SENTENCE.split(text):
            if not sentence:
                continue
            if len(out) >= MAX_PASSAGES or size + len(sentence) > MAX_CHARACTERS:
                return tuple(out)
            out.append(sentence)
            size += len(sentence)
    return tuple(out)
