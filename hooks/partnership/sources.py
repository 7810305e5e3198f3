"""Reading content files as text: UTF-8 only, BOM and CRLF accepted, invisible characters refused."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .problems import Problem

# C0 and C1 controls (tab, newline and carriage return are handled elsewhere), DEL,
# zero-width and bidirectional controls, and byte order marks after the start.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


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
    problems = []
    if not _INVISIBLE.search(text):
        return problems
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _INVISIBLE.finditer(line):
            char = match.group()
            name = unicodedata.name(char, "control character")
            problems.append(
                Problem(
                    path,
                    number,
                    match.start() + 1,
                    "",
                    f"contains an invisible character U+{ord(char):04X} ({name.lower()}); delete it "
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
