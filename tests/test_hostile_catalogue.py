"""The catalogue of hostile and broken content: every case is refused with file, line, field and message.

Table-driven and in memory where it can be: one copy of the minimal fixture project is made per
module, each case writes its files into it, loads it with `partnership.content.load.load` (no MkDocs),
and puts the files back. A case passes when a problem names the expected file, line, field and
phrase, every problem is in a file the case touched, and nothing raised.

Run `python tests/test_hostile_catalogue.py` for the counts: rejected well, rejected without the
expected file/line/field/message, tracebacks, silent passes.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from helpers import MINIMAL, make_project  # noqa: E402

from partnership.content.load import load  # noqa: E402
from partnership.content.problems import Problem  # noqa: E402

CASE = "case_studies/shared-reading.md"
NEWS = "news/first-post.md"
STUDY = (MINIMAL / CASE).read_text(encoding="utf-8")
POST = """---
title: Our first post
summary: What happened this term.
published: 2026-10-01
status: published
---

The term went well.
"""
PAGE = "docs/about.md"
Setup = Callable[[Path], None]


@dataclass
class Case:
    id: str
    files: dict[str, str | bytes | Setup | None]
    path: str
    line: int
    field: str
    phrase: str
    also: tuple[str, ...] = ()  # other files problems may name (a link's target, the logo's field)
    extra: dict[str, str] = field(default_factory=dict)


def original(relative: str) -> str:
    return (MINIMAL / relative).read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def replace(relative: str, old: str, new: str) -> str:
    text = original(relative) if relative != NEWS else POST
    assert old in text, (relative, old)
    return text.replace(old, new, 1)


def yml(id_: str, relative: str, old: str, new: str, field_: str, phrase: str, at: str = "") -> Case:
    """A case that replaces `old` by `new` in a fixture file; the problem is on the last line of `new`
    (or on the line of `at`)."""
    text = replace(relative, old, new)
    start = text.index(new)
    line = text[: start + new.rindex(at) if at else start + len(new.rstrip("\n"))].count("\n") + 1
    return Case(id_, {relative: text}, relative, line, field_, phrase)


def study(id_: str, old: str, new: str, field_: str, phrase: str, at: str = "") -> Case:
    return yml(id_, CASE, old, new, field_, phrase, at)


def body(id_: str, text: str, phrase: str, where: str = CASE, at: str = "") -> Case:
    """A case that adds `text` to the body of the fixture case study (or the news post, or a docs page).

    The problem is on the first line of `text`, or on the line of `at`."""
    base = {CASE: STUDY, NEWS: POST}.get(where) or original(where)
    full = base.rstrip("\n") + "\n\n" + text + "\n"
    start = full.rindex(text)
    line = full[: start + (text.index(at) if at else 0)].count("\n") + 1
    return Case(id_, {where: full}, where, line, "", phrase)


def link(target: str | Callable[[Path], str]) -> Setup:
    """A setup that makes a symbolic link to `target` (a path, or a function of the project root)."""

    def make(path: Path) -> None:
        root = path
        while not (root / "mkdocs.yml").exists():
            root = root.parent
        goal = target(root) if callable(target) else target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(goal)

    return make


OUTSIDE = Path(tempfile.gettempdir()) / "ps-catalogue-outside.md"  # a file outside every project


def folder(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    (path / "photo.md").write_text(STUDY, encoding="utf-8")


# --- 1. only the repository's own files -----------------------------------------------------------------------------

FILES = [
    Case(
        "docs-asset-link-to-etc-passwd",
        {"docs/assets/passwd": link("/etc/passwd")},
        "docs/assets/passwd",
        1,
        "",
        "symbolic link",
    ),
    Case("docs-asset-folder-link", {"docs/assets/etc": link("/etc")}, "docs/assets/etc/", 1, "", "symbolic link"),
    Case(
        "logo-link",
        {"docs/assets/logo.svg": link("/etc/passwd")},
        "docs/assets/logo.svg",
        1,
        "",
        "symbolic link",
        also=("content/partnership.yml",),
    ),
    Case(
        "case-study-link-outside",
        {"case_studies/outside.md": link(str(OUTSIDE))},
        "case_studies/outside.md",
        1,
        "",
        "symbolic link",
    ),
    Case(
        "case-study-link-inside",
        {"case_studies/twin.md": link(lambda root: str(root / CASE))},
        "case_studies/twin.md",
        1,
        "",
        "symbolic link",
    ),
    Case("news-link-outside", {"news/outside.md": link(str(OUTSIDE))}, "news/outside.md", 1, "", "symbolic link"),
    Case(
        "content-file-link",
        {"content/aims.yml": link(str(MINIMAL / "content" / "aims.yml"))},
        "content/aims.yml",
        1,
        "",
        "symbolic link",
    ),
    Case(
        "docs-page-link-to-proc",
        {"docs/environ.md": link("/proc/self/environ")},
        "docs/environ.md",
        1,
        "",
        "symbolic link",
    ),
    Case(
        "docs-git-config-link",
        {"docs/assets/config": link(lambda root: str(root / "mkdocs.yml"))},
        "docs/assets/config",
        1,
        "",
        "symbolic link",
    ),
    Case(
        "case-study-capital-MD",
        {"case_studies/loud.MD": STUDY},
        "case_studies/loud.MD",
        1,
        "",
        "would never be published",
    ),
    Case(
        "case-study-markdown-extension",
        {"case_studies/long.markdown": STUDY},
        "case_studies/long.markdown",
        1,
        "",
        "rename it to 'long.md'",
    ),
    Case(
        "case-study-only-extension", {"case_studies/.md": STUDY}, "case_studies/.md", 1, "", "would never be published"
    ),
    Case(
        "case-study-txt",
        {"case_studies/notes.txt": "notes"},
        "case_studies/notes.txt",
        1,
        "",
        "would never be published",
    ),
    Case(
        "case-study-image-in-folder",
        {"case_studies/photo.jpg": b"\xff\xd8\xff"},
        "case_studies/photo.jpg",
        1,
        "",
        "only case study files ending in '.md'",
    ),
    Case("case-study-subfolder", {"case_studies/drafts": folder}, "case_studies/drafts/", 1, "", "is a folder"),
    Case("case-studies-index", {"case_studies/index.md": STUDY}, "case_studies/index.md", 1, "", "reserved"),
    Case("news-index", {"news/index.md": POST}, "news/index.md", 1, "", "reserved"),
    Case("news-capital", {"news/Post.Md": POST}, "news/Post.Md", 1, "", "would never be published"),
    Case(
        "docs-shadows-news",
        {"docs/news/index.md": "# News\n"},
        "docs/news/index.md",
        1,
        "",
        "replaced by a page the site makes",
    ),
    Case(
        "docs-shadows-questions",
        {"docs/questions.md": "# Questions\n"},
        "docs/questions.md",
        1,
        "",
        "replaced by a page the site makes",
    ),
    Case(
        "docs-shadows-directory",
        {"docs/directory/index.md": "# Directory\n"},
        "docs/directory/index.md",
        1,
        "",
        "replaced by a page the site makes",
    ),
    Case(
        "docs-shadows-case-study",
        {"docs/case-studies/shared-reading.md": "# Mine\n"},
        "docs/case-studies/shared-reading.md",
        1,
        "",
        "replaced by a page the site makes",
    ),
    Case(
        "docs-shadows-robots",
        {"docs/robots.txt": "User-agent: *\n"},
        "docs/robots.txt",
        1,
        "",
        "replaced by a page the site makes",
    ),
    Case(
        "docs-shadows-brand-css",
        {"docs/assets/partnership.css": "body{}\n"},
        "docs/assets/partnership.css",
        1,
        "",
        "replaced by a page the site makes",
    ),
    Case("docs-page-capital-MD", {"docs/team.MD": "# Team\n"}, "docs/team.MD", 1, "", "rename it to 'team.md'"),
    Case(
        "content-unknown-yaml",
        {"content/partnership.yaml": "name: x\n"},
        "content/partnership.yaml",
        1,
        "",
        "did you mean 'partnership.yml'?",
    ),
    Case(
        "svg-with-script",
        {"docs/assets/badge.svg": '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>'},
        "docs/assets/badge.svg",
        2,
        "",
        "this SVG image holds '<script'",
    ),
    Case(
        "svg-with-handler",
        {"docs/assets/badge.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'},
        "docs/assets/badge.svg",
        1,
        "",
        "this SVG image holds",
    ),
    Case(
        "svg-remote-image",
        {
            "docs/assets/badge.svg": '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>'
        },
        "docs/assets/badge.svg",
        1,
        "",
        "this SVG image holds",
    ),
    Case(
        "content-stray-file", {"content/notes.txt": "x\n"}, "content/notes.txt", 1, "", "is not a file the site reads"
    ),
]

# --- 2. never a traceback -------------------------------------------------------------------------------------------

DEEP = "[" * 5000 + "]" * 5000
LIMITS = [
    study("year-zero", "published: 2017-07-14", "published: 0000-07-14", "published", "out of range"),
    study("year-9999", "review_by: 2027-07-14", "review_by: 9999-12-31", "review_by", "out of range"),
    study("year-1899", "published: 2017-07-14", "published: 1899-12-31", "published", "out of range"),
    yml(
        "key-date-9999-12-31",
        "content/key_dates.yml",
        "date: 2027-03-18",
        "date: 9999-12-31",
        "dates[1].date",
        "out of range",
    ),
    yml(
        "board-meeting-year-0",
        "content/board.yml",
        "date: 2026-12-09",
        "date: 0000-12-09",
        "meetings[0].date",
        "out of range",
    ),
    yml(
        "accessibility-date-year-0",
        "content/accessibility.yml",
        "prepared: 2026-11-22",
        "prepared: 0000-01-01",
        "prepared",
        "out of range",
    ),
    yml(
        "huge-integer-founded",
        "content/partnership.yml",
        "founded: 2015",
        "founded: " + "9" * 5000,
        "founded",
        "digits",
    ),
    yml(
        "huge-integer-response-days",
        "content/accessibility.yml",
        "response_days: 5",
        "response_days: " + "1" * 400,
        "response_days",
        "digits",
    ),
    yml("huge-integer-seats", "content/board.yml", "seats: 3", "seats: " + "7" * 5000, "members[2].seats", "digits"),
    yml(
        "huge-number-scorecard",
        "content/scorecard.yml",
        "partnership: 70,",
        "partnership: " + "8" * 5000 + ",",
        "measures[0].results[0].partnership",
        "digits",
    ),
    yml("huge-figure", "content/offer.yml", "value: 1234", "value: " + "5" * 5000, "figures[0].value", "digits"),
    yml(
        "deep-nesting-partnership",
        "content/partnership.yml",
        "short_name: TLP",
        "short_name: " + DEEP,
        "short_name",
        "nested more than",
    ),
    study("deep-nesting-case-study", "themes: [Reading]", "themes: " + DEEP, "themes", "nested more than"),
    yml(
        "deep-mapping-nesting",
        "content/aims.yml",
        "value_proposition: Schools help each other improve.",
        "value_proposition: " + "{a: " * 200 + "b" + "}" * 200,
        "value_proposition",
        "nested more than",
    ),
    Case(
        "huge-file",
        {"content/aims.yml": "aims:\n" + "  - Raise standards for every pupil.\n" * 70_000},
        "content/aims.yml",
        1,
        "",
        "larger than",
    ),
    Case(
        "binary-file",
        {"content/questions.yml": bytes(range(256))},
        "content/questions.yml",
        2,
        "",
        "byte 0x80 on this line",
    ),
    Case(
        "nul-bytes",
        {"content/questions.yml": b"questions:\x00\n"},
        "content/questions.yml",
        1,
        "",
        "invisible character U+0000",
    ),
    study("date-as-list", "published: 2017-07-14", "published: [2017, 7, 14]", "published", "should be a date"),
    study(
        "nested-mapping-title",
        "title: Shared reading in Year 2",
        "title: {a: {b: c}}",
        "title",
        "should be text, not a set of fields",
    ),
]

# --- 3. no silent change of meaning ---------------------------------------------------------------------------------

COMMENTS = [
    study(
        "comment-in-title",
        "title: Shared reading in Year 2",
        "title: Year 6 #1 priority for reading",
        "title",
        "quote the value",
    ),
    study(
        "comment-in-summary",
        "summary: Two schools paired up to improve early reading.",
        "summary: Two schools #together improved reading.",
        "summary",
        "quote the value",
    ),
    study(
        "comment-in-contact",
        "contact: Headteacher, Oak Primary School",
        "contact: Room #4, Oak Primary",
        "contact",
        "quote the value",
    ),
    yml(
        "comment-in-name",
        "content/partnership.yml",
        "name: Testborough Learning Partnership",
        "name: Testborough #1 Partnership",
        "name",
        "quote the value",
    ),
    yml(
        "comment-in-label",
        "content/taxonomy.yml",
        "label: Writing",
        "label: Writing # and spelling",
        "themes[1].label",
        "quote the value",
    ),
    yml(
        "comment-in-key-date",
        "content/key_dates.yml",
        "title: Launch event",
        "title: Launch #event",
        "dates[0].title",
        "quote the value",
    ),
    yml(
        "comment-in-question",
        "content/questions.yml",
        "question: How does a school join?",
        "question: How does school #2 join?",
        "questions[0].question",
        "quote the value",
    ),
    yml(
        "comment-in-list-item",
        "content/aims.yml",
        "  - Raise standards for every pupil.",
        "  - Raise standards #everywhere",
        "aims[0]",
        "quote the value",
    ),
    yml(
        "comment-in-school-name",
        "content/schools.yml",
        "name: Oak Primary School",
        "name: Oak #1 Primary",
        "schools[0].name",
        "quote the value",
    ),
    yml("comment-in-news-title", NEWS, "title: Our first post", "title: Our #1 post", "title", "quote the value"),
    yml("comment-in-page-title", PAGE, "title: about", "title: About #us", "title", "quote the value"),
    yml(
        "comment-in-board",
        "content/board.yml",
        "role: Director of education",
        "role: Director #2",
        "members[1].role",
        "quote the value",
    ),
]

INVISIBLE = [
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u202e",
    "\u202a",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\ufeff",
    "\u00ad",
    "\u061c",
    "\u180e",
    "\U000e0041",
    "\U000e007f",
    "\U000e0001",
    "\ue000",
    "\U000f0000",
    "\u2028",
    "\u2029",
    "\u3164",
    "\u115f",
    "\u1160",
    "\uffa0",
    "\u2800",
    "\u034f",
    "\x07",
    "\x1b",
    "\x85",
    "\x9b",
    "\ufff9",
    "\U0001d173",
    "\u2060",
    "\u2064",
    "\ufffe",
]
INVISIBLES = [
    study(
        f"invisible-U+{ord(c):04X}",
        "title: Shared reading in Year 2",
        f"title: Shared reading{c} in Year 2",
        "",
        f"invisible character U+{ord(c):04X}",
    )
    for c in INVISIBLE
] + [
    yml(
        "invisible-in-taxonomy",
        "content/taxonomy.yml",
        "label: Writing",
        "label: Wri\u2067ting",
        "",
        "invisible character U+2067",
    ),
    yml(
        "invisible-in-schools",
        "content/schools.yml",
        "name: Elm Academy",
        "name: Elm\u200b Academy",
        "",
        "invisible character U+200B",
    ),
    yml(
        "invisible-escape-rlo",
        CASE,
        "title: Shared reading in Year 2",
        'title: "Shared \\u202e reading"',
        "title",
        "invisible character U+202E",
    ),
    yml(
        "invisible-escape-hangul-filler-label",
        "content/taxonomy.yml",
        "label: Writing",
        'label: "\\u3164"',
        "themes[1].label",
        "invisible character U+3164",
    ),
    yml(
        "invisible-escape-tag",
        "content/aims.yml",
        "  - Raise standards for every pupil.",
        '  - "Raise\\U000E0041"',
        "aims[0]",
        "invisible character U+E0041",
    ),
    body("invisible-in-body", "Read \u2066every\u2069 day.", "invisible character U+2066"),
    body("invisible-in-news-body", "The \u202eterm.", "invisible character U+202E", where=NEWS),
    body("invisible-in-page", "About \u200dus.", "invisible character U+200D", where=PAGE),
]

BLANKS = [
    yml("blank-label", "content/taxonomy.yml", "label: Writing", 'label: "   "', "themes[1].label", "is empty"),
    study(
        "blank-organisation",
        "schools: [oak-primary]",
        'schools: [oak-primary]\norganisations: ["  "]',
        "organisations[0]",
        "is blank",
    ),
    yml(
        "blank-aim", "content/aims.yml", "  - Raise standards for every pupil.", '  - "\\u3000"', "aims[0]", "is blank"
    ),
    yml(
        "blank-ideographic-space-title", CASE, "title: Shared reading in Year 2", 'title: "\u3000"', "title", "is empty"
    ),
    yml("blank-choice", CASE, "themes: [Reading]", 'themes: [" "]', "themes[0]", "is blank"),
]

ORGANISATIONS = [
    Case(
        "organisations-differ-by-case",
        {
            CASE: STUDY.replace("schools: [oak-primary]", "schools: [oak-primary]\norganisations: [Brent Council]"),
            "case_studies/second.md": STUDY.replace("schools: [oak-primary]", "organisations: [brent council]"),
        },
        CASE,
        8,
        "organisations[0]",
        "'Brent Council' is written 'brent council' in case_studies/second.md",
        also=("case_studies/second.md",),
    ),
    study(
        "organisations-differ-by-case-in-one-file",
        "schools: [oak-primary]",
        "schools: [oak-primary]\norganisations: [Brent Council, BRENT COUNCIL]",
        "organisations[1]",
        "is written 'Brent Council' in the same file",
    ),
]

# --- 4. bodies ------------------------------------------------------------------------------------------------------

BODY_CASES = [
    ("remote-markdown-image", "![A pixel](https://tracker.example/p.png)", "image from another site"),
    ("protocol-relative-html-image", '<img src="//tracker.example/p.png" alt="pixel">', "image from another site"),
    ("data-image", '<img src="data:image/png;base64,AAAA" alt="x">', "image from another site"),
    ("image-without-alt", "![](../assets/logo.svg)", "without alt text"),
    ("html-image-without-alt", '<img src="../assets/logo.svg">', "without an alt attribute"),
    ("image-missing-file", "![The logo](../assets/missing.png)", "is not a file of this site"),
    ("image-wrong-relative-path", "![The logo](assets/logo.svg)", "did you mean '../assets/logo.svg'?"),
    ("image-outside-docs", "![The logo](../../../etc/passwd)", "points outside docs/"),
    ("reference-image-remote", "![A pixel][p]\n\n[p]: https://tracker.example/p.png", "image from another site"),
    ("iframe", '<iframe src="https://video.example/embed/1"></iframe>', "<iframe> is not allowed"),
    ("embed", '<embed src="https://example.org/x.swf">', "<embed> is not allowed"),
    ("object", '<object data="https://example.org/x.pdf"></object>', "<object> is not allowed"),
    ("video", '<video src="https://example.org/v.mp4"></video>', "<video> is not allowed"),
    ("audio", '<audio src="https://example.org/a.mp3"></audio>', "<audio> is not allowed"),
    ("svg", '<svg onload="alert(1)"></svg>', "<svg> is not allowed"),
    ("script", "<script>alert(1)</script>", "<script> is not allowed"),
    ("style", "<style>body{display:none}</style>", "<style> is not allowed"),
    ("form", '<form action="https://evil.example/"><input name="password"></form>', "<form> is not allowed"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta> is not allowed"),
    ("base", '<base href="https://evil.example/">', "<base> is not allowed"),
    ("link-stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">', "<link> is not allowed"),
    ("html-h1", "<h1>Another title</h1>", "main heading (<h1>)"),
    ("markdown-h1", "# Another title", "main heading ('# ...')"),
    ("setext-h1", "Another title\n=============", "main heading (a line of '=')", "==="),
    ("class-md-dialog", '<div class="md-dialog md-dialog--active">Sign in again</div>', 'class="md-dialog'),
    ("class-ps-banner", '<p class="ps-banner">Draft</p>', 'class="ps-banner"'),
    ("class-any-in-case-study", '<p class="note">x</p>', 'class="note"'),
    ("id-drawer", '<span id="__drawer">x</span>', 'id="__drawer"'),
    ("role-dialog", '<div role="dialog">x</div>', 'role="dialog"'),
    ("style-attribute", '<p style="position:fixed;inset:0">cover</p>', 'style="position:fixed'),
    ("onclick", '<p onclick="alert(1)">x</p>', "onclick runs a script"),
    ("onerror-uppercase", '<P ONMOUSEOVER="alert(1)">x</P>', "onmouseover runs a script"),
    ("attr-list-md-class", "A paragraph.\n{ .md-banner }", "'.md-banner' in { }", "{"),
    ("attr-list-style", 'A paragraph.\n{ style="color:red" }', "in { } is not allowed", "{"),
    ("attr-list-id", "## Section { #__search }", "'#__search' in { }"),
    ("q-cite-javascript", '<q cite="javascript:alert(1)">x</q>', "cite: links to 'javascript:'"),
    ("blockquote-cite-javascript", '<blockquote cite="javascript:alert(1)">x</blockquote>', "cite: links to"),
    ("href-javascript", '<a href="javascript:alert(1)">x</a>', "href: links to 'javascript:'"),
    ("href-javascript-spaces", '<a href=" JaVaScRiPt:alert(1)">x</a>', "links to 'JaVaScRiPt:'"),
    ("href-vbscript", '<a href="vbscript:msgbox(1)">x</a>', "links to 'vbscript:'"),
    ("href-data", '<a href="data:text/html,<b>x</b>">x</a>', "links to 'data:'"),
    ("markdown-javascript-link", "[x](javascript:alert(1))", "links to 'javascript:'"),
    ("reference-javascript-link", "[x][y]\n\n[y]: javascript:alert(1)", "links to 'javascript:'", "[y]:"),
    ("mailto-cc-html", '<a href="mailto:a@example.org?cc=b@example.org">x</a>', "mailto: link may hold only"),
    ("mailto-body-markdown", "[x](mailto:a@example.org?subject=hi&body=there)", "mailto: link may hold only"),
    ("placeholder-contact", "{{ block:contact }}", "placeholders are filled in only on the pages of docs/"),
    ("placeholder-email", "Write to {{ partnership.email }}.", "placeholders are filled in only"),
    ("placeholder-unknown", "{{ block:contact-us }}", "placeholders are filled in only"),
    ("placeholder-spaces", "{{block:aims}}", "placeholders are filled in only"),
]
BODIES = [
    body(f"case-study-{id_}", text, phrase, at=rest[0] if rest else "") for id_, text, phrase, *rest in BODY_CASES
]
BODIES += [
    body(f"news-{id_}", text, phrase, where=NEWS, at=rest[0] if rest else "")
    for id_, text, phrase, *rest in BODY_CASES
    if id_
    in {
        "remote-markdown-image",
        "iframe",
        "html-h1",
        "class-md-dialog",
        "q-cite-javascript",
        "placeholder-contact",
        "mailto-cc-html",
        "image-without-alt",
        "role-dialog",
    }
]
BODIES += [
    body("page-unknown-placeholder", "{{ block:contact-us }}", "is not a known placeholder", where=PAGE),
    body(
        "page-unknown-placeholder-typo", "{{ partnership.nmae }}", "did you mean '{{ partnership.name }}'?", where=PAGE
    ),
    body("page-second-h1", "# A second title", "second main heading", where=PAGE),
    body("page-remote-image", "![x](https://tracker.example/p.png)", "image from another site", where=PAGE),
    body("page-md-dialog", '<div class="md-dialog">x</div>', 'class="md-dialog"', where=PAGE),
    body("page-iframe", '<iframe src="https://example.org/"></iframe>', "<iframe> is not allowed", where=PAGE),
    body("page-q-cite", '<q cite="javascript:x">q</q>', "cite: links to 'javascript:'", where=PAGE),
    body("page-image-missing", "![The logo](assets/nothing.svg)", "is not a file of this site", where=PAGE),
    body("page-image-no-alt", "![](assets/logo.svg)", "without alt text", where=PAGE),
]

# --- 5. identity fields ---------------------------------------------------------------------------------------------


def partnership(id_: str, old: str, new: str, field_: str, phrase: str) -> Case:
    return yml(id_, "content/partnership.yml", old, new, field_, phrase)


LOGO = "logo: assets/logo.svg"
IDENTITY = [
    partnership(
        "website-quote",
        LOGO,
        f'{LOGO}\nwebsite: "https://x.example/\\"onload=alert(1)/"',
        "website",
        "is not a web address starting with https://",
    ),
    partnership("website-http", LOGO, f"{LOGO}\nwebsite: http://x.example/", "website", "is not a web address"),
    partnership("website-no-slash", LOGO, f"{LOGO}\nwebsite: https://x.example", "website", "ending in /"),
    partnership("website-angle", LOGO, f"{LOGO}\nwebsite: https://x.example/<b>/", "website", "contains HTML"),
    partnership(
        "website-javascript", LOGO, f"{LOGO}\nwebsite: javascript:alert(1)//", "website", "is not a web address"
    ),
    partnership("website-space", LOGO, f'{LOGO}\nwebsite: "https://x.example/a b/"', "website", "is not a web address"),
    partnership("website-query", LOGO, f"{LOGO}\nwebsite: https://x.example/?a=1/", "website", "is not a web address"),
    partnership(
        "website-userinfo", LOGO, f"{LOGO}\nwebsite: https://user@x.example/", "website", "is not a web address"
    ),
    partnership(
        "email-cc",
        "email: tlp@example.org",
        "email: tlp@example.org?cc=all@example.org",
        "email",
        "is not an email address",
    ),
    partnership(
        "email-markdown-link",
        "email: tlp@example.org",
        'email: "a@b.org](https://evil.example)"',
        "email",
        "is not an email address",
    ),
    partnership(
        "email-display-name",
        "email: tlp@example.org",
        'email: "Office a@example.org"',
        "email",
        "is not an email address",
    ),
    partnership(
        "email-quote", "email: tlp@example.org", 'email: x"onfocus=1@example.org', "email", "is not an email address"
    ),
    partnership(
        "email-header-injection",
        "email: tlp@example.org",
        'email: "a@example.org\\nBcc: b@example.org"',
        "email",
        "single line",
    ),
    study(
        "contact-email-query",
        "status: published",
        "status: published\ncontact_email: a@example.org?subject=x",
        "contact_email",
        "is not an email address",
    ),
    yml(
        "school-website-quote",
        "content/schools.yml",
        "name: Maple School",
        'name: Maple School\n    website: "https://maple.example/\\"><b>x"',
        "schools[2].website",
        "contains HTML",
    ),
    yml(
        "school-website-javascript",
        "content/schools.yml",
        "name: Maple School",
        "name: Maple School\n    website: javascript:alert(1)",
        "schools[2].website",
        "is not a web address",
    ),
    yml(
        "offer-link-javascript",
        "content/offer.yml",
        "link: https://example.org/book",
        "link: javascript:alert(1)",
        "courses[0].link",
        "is not a web address",
    ),
    yml(
        "offer-link-data",
        "content/offer.yml",
        "link: https://example.org/book",
        "link: data:text/html,x",
        "courses[0].link",
        "is not a web address",
    ),
    partnership("primary-yellow", 'primary: "#1d4f91"', 'primary: "#ffff00"', "colours.primary", "1.07:1"),
    partnership("primary-mid-grey", 'primary: "#1d4f91"', 'primary: "#777777"', "colours.primary", "4.48:1"),
    partnership("accent-pale", 'accent: "#b5123e"', 'accent: "#ffcc00"', "colours.accent", "contrast of"),
    partnership("accent-light-grey", 'accent: "#b5123e"', 'accent: "#aaaaaa"', "colours.accent", "2.32:1"),
    partnership("colour-name", 'primary: "#1d4f91"', "primary: red", "colours.primary", "is not a colour"),
    partnership("logo-outside", LOGO, "logo: ../../etc/passwd", "logo", "is not a file inside docs/"),
    partnership("logo-absolute", LOGO, "logo: /etc/passwd", "logo", "is not a file inside docs/"),
]

# --- 6. every kind and the YAML reader ------------------------------------------------------------------------------

KINDS = [
    study("text-html", "title: Shared reading in Year 2", "title: Shared <b>reading</b>", "title", "contains HTML"),
    study("text-too-long", "title: Shared reading in Year 2", "title: " + "x" * 200, "title", "characters long"),
    study(
        "text-yaml11-boolean", "contact: Headteacher, Oak Primary School", "contact: yes", "contact", "read by YAML as"
    ),
    study("date-with-time", "published: 2017-07-14", "published: 2017-07-14 10:00", "published", "has a time"),
    study("date-not-real", "published: 2017-07-14", "published: 2017-02-30", "published", "has 28 days"),
    study("date-month-13", "published: 2017-07-14", "published: 2017-13-01", "published", "no month 13"),
    study("date-words", "published: 2017-07-14", "published: last July", "published", "is not a date"),
    yml("integer-quoted", "content/partnership.yml", "founded: 2015", 'founded: "2015"', "founded", "without quotes"),
    yml("integer-octal", "content/partnership.yml", "founded: 2015", "founded: 02015", "founded", "octal"),
    yml("integer-float", "content/partnership.yml", "founded: 2015", "founded: 2015.5", "founded", "whole number"),
    yml("integer-range", "content/partnership.yml", "founded: 2015", "founded: 1066", "founded", "between"),
    yml(
        "number-percent",
        "content/scorecard.yml",
        "partnership: 70,",
        "partnership: 70%,",
        "measures[0].results[0].partnership",
        "no % sign",
    ),
    yml(
        "number-places",
        "content/scorecard.yml",
        "partnership: 70,",
        "partnership: 70.123,",
        "measures[0].results[0].partnership",
        "decimal places",
    ),
    yml(
        "number-nan",
        "content/scorecard.yml",
        "partnership: 70,",
        "partnership: .nan,",
        "measures[0].results[0].partnership",
        "should be a number",
    ),
    yml(
        "number-infinity",
        "content/scorecard.yml",
        "partnership: 70,",
        "partnership: .inf,",
        "measures[0].results[0].partnership",
        "should be a number",
    ),
    study("choice-typo", "themes: [Reading]", "themes: [Readng]", "themes[0]", "did you mean 'Reading'?"),
    study("list-scalar", "themes: [Reading]", "themes: Reading", "themes", "should be a list"),
    study("list-repeat", "themes: [Reading]", "themes: [Reading, Reading]", "themes[1]", "repeats"),
    study("unknown-field", "status: published", "status: published\ntittle: x", "tittle", "did you mean 'title'?"),
    study("anchor", "themes: [Reading]", "themes: &t [Reading]", "themes", "anchors"),
    study("tag", "title: Shared reading in Year 2", "title: !!python/object:os.system x", "title", "tags"),
    study("duplicate-key", "status: published", "status: published\nstatus: draft", "status", "appears twice"),
    study("tab", "title: Shared reading in Year 2", "title:\tShared reading", "", "tab character"),
    yml(
        "merge-key",
        "content/aims.yml",
        "value_proposition: Schools help each other improve.",
        "value_proposition: Schools help each other improve.\n<<: {aims: [x]}",
        "",
        "merge keys",
    ),
    yml(
        "second-document",
        "content/aims.yml",
        "value_proposition: Schools help each other improve.",
        "value_proposition: Schools help each other improve.\n---\nx: 1",
        "",
        "only one YAML document",
        at="---",
    ),
    yml(
        "colon-in-value",
        "content/questions.yml",
        "answer: Email the partnership team.",
        "answer: Note: email the team.",
        "",
        "put the whole value in double quotes",
    ),
    yml(
        "unclosed-quote",
        "content/questions.yml",
        "answer: Email the partnership team.",
        'answer: "Email the team.',
        "",
        "never closed",
    ),
    yml(
        "board-group-unknown",
        "content/board.yml",
        "group: council",
        "group: councillors",
        "members[1].group",
        "not a known board group",
    ),
    yml(
        "scorecard-unit-unknown",
        "content/scorecard.yml",
        "unit: percent",
        "unit: percentage",
        "measures[0].unit",
        "did you mean 'percent'?",
    ),
    yml("news-status-unknown", NEWS, "status: published", "status: live", "status", "not a known status"),
    yml(
        "page-hide-unknown",
        PAGE,
        "title: about",
        "title: about\nhide: [sidebar]",
        "hide[0]",
        "not a known thing to hide",
    ),
    yml(
        "question-topic-unknown",
        "content/questions.yml",
        "topic: Joining",
        "topic: Leaving",
        "questions[0].topic",
        "not a known question topic",
    ),
    yml(
        "school-urn-short",
        "content/schools.yml",
        "name: Maple School",
        "name: Maple School\n    urn: 12",
        "schools[2].urn",
        "between",
    ),
    yml(
        "aims-empty-list",
        "content/aims.yml",
        "principles:\n  - Every school can take part.",
        "principles: []",
        "principles",
        "at least 1",
    ),
    yml(
        "accessibility-compliance",
        "content/accessibility.yml",
        "compliance: partially compliant",
        "compliance: mostly",
        "compliance",
        "not a known compliance status",
    ),
]

CATALOGUE = FILES + LIMITS + COMMENTS + INVISIBLES + BLANKS + ORGANISATIONS + BODIES + IDENTITY + KINDS
NEEDS_NEWS = {c.id for c in CATALOGUE if NEWS in c.files or c.path == NEWS}


# --- running a case -------------------------------------------------------------------------------------------------


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def _put(path: Path, content: str | bytes | Setup | None) -> None:
    _remove(path)
    if content is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if callable(content):
        content(path)
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def run(case: Case, root: Path) -> tuple[str, list[Problem], str]:
    """('rejected well' | 'rejected badly' | 'traceback' | 'silent pass', problems, explanation)."""
    files = dict(case.files)
    if case.id in NEEDS_NEWS and NEWS not in files:
        files[NEWS] = POST
    saved = {
        name: (root / name).read_bytes() if (root / name).is_file() and not (root / name).is_symlink() else None
        for name in files
    }
    try:
        for name, content in files.items():
            _put(root / name, content)
        try:
            problems = load(root).problems
        except Exception as exc:  # noqa: BLE001 - the point: nothing may raise
            return "traceback", [], f"{type(exc).__name__}: {exc}"[:300]
    finally:
        for name, content in saved.items():
            _put(root / name, content)
    if not problems:
        return "silent pass", [], "no problem reported"
    touched = {*files, *case.also, case.path}
    stray = [p for p in problems if p.path not in touched and not any(p.path.startswith(f"{t}/") for t in touched)]
    found = [
        p
        for p in problems
        if p.path == case.path
        and p.line == case.line
        and p.field == case.field
        and case.phrase in p.message
        and p.severity == "error"
    ]
    if found and not stray:
        return "rejected well", problems, ""
    return "rejected badly", problems, "\n".join(str(p) for p in problems)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    OUTSIDE.write_text(STUDY, encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("catalogue") / "project")
    assert load(project).problems == []
    return project


@pytest.mark.parametrize("case", CATALOGUE, ids=[c.id for c in CATALOGUE])
def test_each_bad_input_is_refused_with_file_line_field_and_message(case: Case, root: Path) -> None:
    outcome, _problems, why = run(case, root)
    assert outcome == "rejected well", f"{outcome}: expected {case.path}:{case.line} {case.field}: {case.phrase}\n{why}"


def test_the_catalogue_is_large_and_covers_every_content_type() -> None:
    assert len(CATALOGUE) >= 120
    assert len({c.id for c in CATALOGUE}) == len(CATALOGUE)
    paths = {c.path.split("/")[0] if c.path.startswith(("case_studies", "news", "docs")) else c.path for c in CATALOGUE}
    from partnership.content.schema import CONTENT_TYPES

    for ctype in CONTENT_TYPES:
        if not ctype.front_matter and not (MINIMAL / ctype.pattern).is_file():
            continue  # an optional file the minimal fixture does not have (see _yaml_types)
        wanted = ctype.pattern.split("/")[0] if ctype.front_matter else ctype.pattern
        assert wanted in paths, ctype.name


def main() -> int:
    OUTSIDE.write_text(STUDY, encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        project = make_project(Path(folder) / "project")
        counts: dict[str, int] = {}
        for case in CATALOGUE:
            outcome, _problems, why = run(case, project)
            counts[outcome] = counts.get(outcome, 0) + 1
            if outcome != "rejected well":
                print(f"{case.id}: {outcome}\n  expected {case.path}:{case.line} {case.field}: {case.phrase}\n  {why}")
    print(f"{len(CATALOGUE)} cases: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
    return 0 if counts.get("rejected well") == len(CATALOGUE) else 1


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    sys.exit(main())


# --- 7. a hostile payload in every field of every content type -----------------------------------------------------

PAYLOADS = {
    "plain": ("<script>alert(1)</script>", "contains HTML"),
    "markdown": ("[x](javascript:alert(1))", "links to 'javascript:'"),
    "url": ('https://x.example/"onmouseover=alert(1)', "is not a web address"),
    "email": ("a@example.org?cc=all@example.org", "is not an email address"),
}


def poisoned(value, kind, where: str, fields: list[tuple[str, str]]):
    """`value` with the payload of its kind in every free-text field; `fields` gets (path, phrase) of each."""
    from injection import _text_kind

    from partnership.content import kinds
    from partnership.content.records import Record

    if value is None:
        return None
    if isinstance(kind, Record):
        prefix = f"{where}." if where else ""
        return {
            name: poisoned(item, next(f.kind for f in kind.fields if f.name == name), f"{prefix}{name}", fields)
            if any(f.name == name for f in kind.fields)
            else item
            for name, item in value.items()
        }
    if isinstance(kind, kinds.ListOf):
        return [poisoned(item, kind.item, f"{where}[{n}]", fields) for n, item in enumerate(value)]
    which = _text_kind(kind)
    if not which or isinstance(kind, kinds.Choice):
        return value
    payload, phrase = PAYLOADS[which]
    fields.append((where, phrase))
    return payload


def _yaml_types():
    from partnership.content.schema import CONTENT_TYPES

    # The optional files the minimal fixture has (content/navigation.yml and content/resources.yml,
    # added by the menu and documents work, are not in it yet: see the closing note).
    return [t for t in CONTENT_TYPES if not t.front_matter and (MINIMAL / t.pattern).is_file()]


@pytest.mark.parametrize("ctype", _yaml_types(), ids=lambda t: t.name)
def test_a_hostile_payload_in_every_field_is_refused_at_that_field(ctype, root: Path) -> None:
    import yaml
    from injection import _dump

    raw = yaml.safe_load(original(ctype.pattern))
    fields: list[tuple[str, str]] = []
    text = _dump(poisoned(raw, ctype.record, "", fields))
    assert fields, f"{ctype.pattern} has no free-text field in the fixture"
    saved = (root / ctype.pattern).read_bytes()
    try:
        (root / ctype.pattern).write_text(text, encoding="utf-8")
        problems = load(root).problems
    finally:
        (root / ctype.pattern).write_bytes(saved)
    lines = text.split("\n")
    found = {p.field: p for p in problems if p.path == ctype.pattern}
    assert set(found) == {path for path, _ in fields}, "\n".join(map(str, problems))
    for path, phrase in fields:
        problem = found[path]
        assert phrase in problem.message, problem
        key = re.sub(r"\[[0-9]+\]$", "", path).rsplit(".", 1)[-1]
        assert key in lines[problem.line - 1] or lines[problem.line - 1].lstrip().startswith("- "), problem
    assert all(p.path == ctype.pattern for p in problems), "\n".join(map(str, problems))


FRONT_MATTER = {
    "case_study": (CASE, STUDY, {"organisations": ["Brent Council"], "contact_email": "head@example.org"}),
    "news": (NEWS, POST, {}),
    "page": (PAGE, original(PAGE), {"description": "About the partnership."}),
}


@pytest.mark.parametrize("name", list(FRONT_MATTER))
def test_a_hostile_payload_in_every_front_matter_field_is_refused_at_that_field(name: str, root: Path) -> None:
    import yaml
    from injection import _dump

    from partnership.content.schema import content_type

    relative, text, more = FRONT_MATTER[name]
    _, front, body = text.split("---\n", 2)
    fields: list[tuple[str, str]] = []
    meta = poisoned({**yaml.safe_load(front), **more}, content_type(name).record, "", fields)
    written = f"---\n{_dump(meta)}---\n{body}"
    assert len(fields) >= 2
    saved = (root / relative).read_bytes() if (root / relative).exists() else None
    try:
        _put(root / relative, written)
        problems = load(root).problems
    finally:
        _put(root / relative, saved)
    lines = written.split("\n")
    found = {p.field: p for p in problems if p.path == relative}
    assert set(found) == {path for path, _ in fields}, "\n".join(map(str, problems))
    for path, phrase in fields:
        assert phrase in found[path].message, found[path]
        key = re.sub(r"\[[0-9]+\]$", "", path)
        assert lines[found[path].line - 1].startswith((f"{key}:", "- ")), found[path]
