"""The Markdown bodies people write: checked before the build for what the sanitiser would only cut quietly.

The sanitiser (sanitize.py) is the last line: whatever it removes, it removes without a word.
So every body (case studies, news posts and pages of docs/) is read here first, and anything
that would change what a reader sees, or make the site request another site, is a problem with
its line: images from elsewhere or without alt text, embedded frames and scripts, a second main
heading, HTML that borrows the site's own interface (its classes, ids, roles and styles), links
with unsafe schemes and placeholders where they are not filled in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from partnership.content.files import refusal
from partnership.content.placeholders import PLACEHOLDER_LIKE, unknown_placeholder
from partnership.content.problems import Problem

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
DECORATIVE = "decorative"  # ![](assets/rule.svg){ .decorative }: an image with nothing to say

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.DOTALL)
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^\s)>]*)>?(?:\s+\"[^\"]*\")?\s*\)(\{[^}\n]*\})?")
_REF_IMAGE = re.compile(r"!\[([^\]]*)\]\[([^\]]*)\](\{[^}\n]*\})?")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^\s)>]*)")
_ATTR_LIST = re.compile(r"\{:?\s*([^{}\n]*?)\s*\}")
_ATX_H1 = re.compile(r"^ {0,3}#(?:[ \t]|$)")
_SETEXT_H1 = re.compile(r"^ {0,3}=+\s*$")
_SCHEME = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.-]*):")
_SLOT = re.compile(r"<!--\s*ps:")  # where the build puts its own HTML (markup.slot): never in a body

EMBEDS = frozenset(
    {"iframe", "frame", "frameset", "embed", "object", "applet", "portal", "video", "audio", "source", "track"}
    | {"picture", "canvas", "svg", "math"}
)
ACTIVE = frozenset({"script", "style", "link", "meta", "base", "form", "input", "button", "textarea", "select"})
URL_ATTRIBUTES = frozenset(
    {"href", "src", "cite", "action", "formaction", "poster", "data", "background", "longdesc", "srcset"}
    | {"xlink:href", "ping", "manifest", "codebase", "usemap", "icon", "dynsrc", "lowsrc"}
)
INTERFACE_ATTRIBUTES = frozenset({"class", "id", "role", "style"})


def _lines(body: str) -> Iterator[tuple[int, str]]:
    """(index, text) of each line outside fenced code, with code spans blanked (same length)."""
    fence = ""
    for index, line in enumerate(body.split("\n")):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        yield index, _CODE_SPAN.sub(lambda m: " " * len(m.group()), line)


def url_refusal(url: str) -> str:
    """Why a link may not go to `url` ("" when it may)."""
    url = url.strip()
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return (
            f"links to '{scheme.group(1)}:' addresses are not allowed; a link may go to a web page "
            "(https://...), an email address (mailto:...) or a page of this site"
        )
    if scheme and scheme.group(1).lower() == "mailto" and ("?" in url or "&" in url):
        return "a mailto: link may hold only the address: remove the '?' and what follows (no cc, bcc, subject or body)"
    return ""


class _Body:
    def __init__(self, body: str, path: str, first_line: int, page_dir: str, docs_dir: Path | None, own: bool):
        self.body, self.path, self.first_line = body, path, first_line
        self.page_dir, self.docs_dir = page_dir, docs_dir  # the page's folder in docs/, for relative images
        self.own = own  # a page of docs/ (one main heading allowed) rather than a contributor's file
        self.problems: list[Problem] = []
        self.headings = 0  # main headings so far: a page of docs/ has one (its title), a contributor's none
        self.refs = {m.group(1).strip().casefold(): m.group(2) for m in _REF_DEF.finditer(body)}

    def error(self, index: int, column: int, message: str) -> None:
        self.problems.append(Problem(self.path, self.first_line + index, column + 1, "", message))

    def image(self, index: int, column: int, alt: str, src: str, attrs: str, html: bool) -> None:
        if src.startswith("//") or _SCHEME.match(src):
            self.error(
                index,
                column,
                f"shows an image from another site ('{src[:80]}'); images must be files of this site, so that "
                "no visitor's browser contacts another site: save the image in docs/assets/ and use its path",
            )
            return
        if not src:
            self.error(index, column, "has an image with no path; give the path of an image in docs/assets/")
            return
        if not alt.strip() and not (html or DECORATIVE in attrs.split() or f".{DECORATIVE}" in attrs.split()):
            self.error(
                index,
                column,
                f"has an image ('{src}') without alt text: describe it between the brackets, like ![What the photo "
                "shows](...), or if it adds nothing mark it as decoration with { .decorative } after it",
            )
        if self.docs_dir is not None:
            self.local_file(index, column, src, self.docs_dir)

    def local_file(self, index: int, column: int, src: str, docs_dir: Path) -> None:
        path = src.split("#", 1)[0].split("?", 1)[0]
        parts: list[str] = [] if path.startswith("/") else [p for p in self.page_dir.split("/") if p]
        for part in path.split("/"):
            if part == "..":
                if not parts:
                    self.error(index, column, f"the image '{src}' points outside docs/; use a path inside docs/assets/")
                    return
                parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        target = docs_dir.joinpath(*parts)
        reason = refusal(target, docs_dir)
        if reason or not target.is_file():
            shown = "docs/" + "/".join(parts)
            why = f"{shown} {reason}" if reason else f"there is no file {shown}"
            hint = "check the path"
            if not reason and not path.startswith(("/", "..")) and (docs_dir / path).is_file():
                hint = f"did you mean '{'../' * self.page_dir.count('/')}../{path}'?" if self.page_dir else hint
            self.error(index, column, f"the image '{src}' is not a file of this site ({why}); {hint}")

    def tag(self, index: int, column: int, closing: str, name: str, attrs: str) -> None:
        name = name.lower()
        if closing:
            return
        if name in EMBEDS:
            self.error(
                index,
                column,
                f"<{name}> is not allowed: embedded content would be removed from the page, or load another "
                "site; link to it instead",
            )
            return
        if name in ACTIVE:
            self.error(index, column, f"<{name}> is not allowed in a page; it would be removed when the site is built")
            return
        if name == "h1":
            self.main_heading(index, column, "<h1>")
        values: dict[str, str] = {}
        for match in _ATTR.finditer(attrs):
            attribute = match.group(1).lower()
            value = next((v for v in match.groups()[1:] if v is not None), "")
            values[attribute] = value
            if attribute.startswith("on"):
                self.error(index, column, f"the attribute {attribute} runs a script and is not allowed; remove it")
            elif attribute in INTERFACE_ATTRIBUTES and (not self.own or _interface(attribute, value)):
                self.error(
                    index,
                    column,
                    f'the attribute {attribute}="{value[:40]}" is not allowed in a {"page" if self.own else "body"}: '
                    "it could make text look like part of the site itself (a dialog, banner or menu); remove it",
                )
            elif attribute in URL_ATTRIBUTES:
                for url in value.split(",") if attribute == "srcset" else [value]:
                    reason = url_refusal(url)
                    if reason:
                        self.error(index, column, f"{attribute}: {reason}")
        if name == "img":
            if "alt" not in values:
                self.error(index, column, "has an image (<img>) without an alt attribute; describe the image in alt")
            self.image(index, column, "x", values.get("src", ""), "", html=True)

    def main_heading(self, index: int, column: int, written: str) -> None:
        self.headings += 1
        if not self.own:
            self.error(
                index, column, f"has a main heading ({written}); the title is the page's only one: use ## headings"
            )
        elif self.headings > 1:
            self.error(index, column, f"has a second main heading ({written}); a page has one: use ## for sections")

    def attr_list(self, index: int, column: int, text: str, after_image: bool) -> None:
        for token in text.split():
            if token in (DECORATIVE, f".{DECORATIVE}") and after_image:
                continue
            name, _, value = token.partition("=")
            if token.startswith("."):
                name, value = "class", token[1:]
            elif token.startswith("#"):
                name, value = "id", token[1:]
            name = name.lower()
            if name in INTERFACE_ATTRIBUTES and (not self.own or _interface(name, value)) or name.startswith("on"):
                self.error(
                    index,
                    column,
                    f"'{token[:40]}' in {{ }} is not allowed here: it could make text look like part of the site "
                    "itself; remove it",
                )

    def run(self, placeholders: str) -> list[Problem]:
        for index, line in _lines(self.body):
            if _ATX_H1.match(line):
                self.main_heading(index, 0, "'# ...'")
            if _SETEXT_H1.match(line) and index and self.body.split("\n")[index - 1].strip():
                self.main_heading(index, 0, "a line of '='")
            images = []
            for match in _IMAGE.finditer(line):
                images.append(match.span(3) if match.group(3) else None)
                self.image(index, match.start(), match.group(1), match.group(2), match.group(3) or "", html=False)
            for match in _REF_IMAGE.finditer(line):
                images.append(match.span(3) if match.group(3) else None)
                src = self.refs.get((match.group(2) or match.group(1)).strip().casefold())
                if src is not None:
                    self.image(index, match.start(), match.group(1), src, match.group(3) or "", html=False)
            for match in _LINK.finditer(line):
                reason = url_refusal(match.group(1))
                if reason:
                    self.error(index, match.start(), reason)
            for match in _SLOT.finditer(line):
                self.error(index, match.start(), "'<!-- ps:' is reserved for the site's own use; remove this comment")
            for match in _TAG.finditer(line):
                self.tag(index, match.start(), *match.groups())
            for match in _ATTR_LIST.finditer(line):
                self.attr_list(index, match.start(), match.group(1), match.span() in images)
            for match in PLACEHOLDER_LIKE.finditer(line):
                if placeholders == "none":
                    self.error(
                        index,
                        match.start(),
                        f"'{match.group()}' is a placeholder, and placeholders are filled in only on the pages of "
                        "docs/; write the text itself",
                    )
                elif placeholders == "known":
                    message = unknown_placeholder(match)
                    if message:
                        self.error(index, match.start(), message)
        for match in _REF_DEF.finditer(self.body):
            reason = url_refusal(match.group(2))
            if reason:
                self.error(self.body.count("\n", 0, match.start()), 0, reason)
        return self.problems


def _interface(attribute: str, value: str) -> bool:
    """Whether a class, id or role would take on the site's own interface (Material's md-, ours ps-, __ ids)."""
    if attribute in ("style", "role"):
        return True
    return any(token.startswith(("md-", "ps-", "__")) for token in value.split())


def check(
    body: str, path: str, first_line: int, *, page_dir: str, docs_dir: Path | None, own: bool = False
) -> list[Problem]:
    """Problems in one body. `own`: a page of docs/ (its own # title; placeholders filled in)."""
    return _Body(body, path, first_line, page_dir, docs_dir, own).run("known" if own else "none")
