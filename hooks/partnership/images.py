"""Images in case studies and news posts must say what they show (alt text), as the content manager asks."""

from __future__ import annotations

import re

from .problems import Problem

IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)")
FENCE = re.compile(r"^\s*(```|~~~)")


def check(markdown: str, path: str, first_line: int) -> list[Problem]:
    """Every Markdown image with empty alt text, outside code blocks and inline code."""
    problems, fenced = [], False
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        text = re.sub(r"`[^`]*`", lambda m: " " * len(m.group()), line)
        for match in IMAGE.finditer(text):
            if not match.group(1).strip():
                src = match.group(2)
                problems.append(
                    Problem(
                        path,
                        number,
                        match.start() + 1,
                        "",
                        f"the image '{src}' has no alt text; write what it shows between the brackets, "
                        f"like ![Two pupils reading together]({src}), for people who cannot see it",
                    )
                )
    return problems
