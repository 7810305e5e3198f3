"""Reading content files as text: UTF-8 only, BOM and CRLF accepted, invisible characters refused."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from partnership.content.problems import Problem

# Characters that show as nothing, or change how the text around them reads, refused by Unicode
# category rather than by a hand list: controls (Cc; tab and newline are handled elsewhere),
# format characters (Cf: zero-width, bidirectional controls and isolates, tag characters, soft
# hyphen, the Mongolian vowel separator, the Arabic letter mark), private use (Co), surrogates
# (Cs), line and paragraph separators (Zl, Zp), unassigned code points (Cn), and letters that
# render as blank space (Hangul fillers, the braille blank, the combining grapheme joiner).
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp", "Cn"})
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5\u180b\u180c\u180d\u180f")
_ALLOWED = frozenset("\t\n")
_ASCII_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def is_invisible(char: str) -> bool:
    """Whether a character is refused in content (see INVISIBLE_CATEGORIES and BLANK_LETTERS)."""
    if char in _ALLOWED:
        return False
    return char in BLANK_LETTERS or unicodedata.category(char) in INVISIBLE_CATEGORIES


def _character_name(char: str) -> str:
    name = unicodedata.name(char, "")
    if name:
        return name.lower()
    category = unicodedata.category(char)
    return {"Cc": "control character", "Co": "private-use character", "Cs": "surrogate"}.get(
        category, "unassigned character"
    )


@dataclass
class Source:
    path: str  # as shown in messages: relative to the project root, with forward slashes
    text: str  # BOM removed, newlines normalised to \n


def decode(data: bytes, path: str) -> tuple[Source | None, list[Problem]]:
    """Decode a file's bytes; say which line is not UTF-8 and where invisible characters hide."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        byte = data[exc.start]
        return None, [
            Problem(
                path,
                line,
                column,
                "",
                f"is not valid UTF-8 (byte 0x{byte:02X} on this line); "
                "save the file with UTF-8 encoding (in most editors: Save As, Encoding: UTF-8)",
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Source(path, text), invisible_characters(text, path)


def invisible_characters(text: str, path: str) -> list[Problem]:
    """One problem per invisible character, at its line and column."""
    if text.isascii() and not _ASCII_CONTROL.search(text):
        return []
    bad = {c for c in set(text) if is_invisible(c)}
    if not bad:
        return []
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        for column, char in enumerate(line, start=1):
            if char in bad:
                problems.append(
                    Problem(
                        path,
                        number,
                        column,
                        "",
                        f"contains an invisible character U+{ord(char):04X} ({_character_name(char)}); delete it "
                        "(it often comes in when text is pasted from a word processor or web page)",
                    )
                )
    return problems


@dataclass
class FrontMatter:
    yaml: str  # the YAML between the fences
    offset: int  # lines before the YAML (1: the opening '---')
    body: str
    body_line: int  # line number of the body's first line


def split_front_matter(source: Source) -> tuple[FrontMatter | None, list[Problem]]:
    """Split '---' fenced YAML front matter from a Markdown body, strictly."""
    lines = source.text.split("\n")
    first = lines[0].rstrip() if lines else ""
    if first != "---":
        for number, line in enumerate(lines, start=1):
            if line.strip() == "---":
                return None, [
                    Problem(
                        source.path,
                        1,
                        1,
                        "",
                        f"front matter must start on line 1, but its '---' is on line {number}; "
                        "remove everything above it",
                    )
                ]
            if line.strip():
                break
        return None, [
            Problem(
                source.path,
                1,
                1,
                "",
                "has no front matter: the file must start with a line '---', then the fields, then a line '---'",
            )
        ]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            body = "\n".join(lines[index + 1 :])
            return FrontMatter("\n".join(lines[1:index]) + "\n", 1, body, index + 2), []
    return None, [
        Problem(
            source.path,
            1,
            1,
            "",
            "the front matter that opens with '---' on line 1 is never closed; add a line '---' after the last field",
        )
    ]
