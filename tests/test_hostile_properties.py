"""Property-based tests (Hypothesis): whatever bytes, YAML or Unicode a file holds, only problems come out.

Every content type is fed random bytes, random YAML (made from YAML's own punctuation, dates,
huge numbers and invisible characters) and random Unicode, in memory, through the same
functions `load` uses. Nothing may raise, and a file that is refused always says why, with a
file, a line and a column. The output-side defences get properties too: the CSV guard, the
sanitiser, the colour contrast of the dark palette and the site's address.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from helpers import MINIMAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnership.content import bodies, colours, kinds
from partnership.content.context import INVALID, Context
from partnership.content.load import load
from partnership.content.problems import Problem
from partnership.content.reading import check_front_matter_text, check_yaml_text
from partnership.content.schema import CONTENT_TYPES
from partnership.content.sources import BLANK_LETTERS, INVISIBLE_CATEGORIES, decode, is_invisible
from partnership.content.yamlevents import READ_DEPTH, read_events
from partnership.content.yamlstrict import MAX_BYTES, MAX_DEPTH
from partnership.formats import csvfile
from partnership.postbuild import sanitize

PROJECT = load(MINIMAL)
assert PROJECT.ok, PROJECT.problems
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

YAML_PIECES = [
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    " #",
    "# ",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "'",
    '"',
    "\n",
    "  ",
    "    ",
    "---\n",
    "...\n",
    "title",
    "name",
    "dates",
    "id",
    "2024-01-01",
    "9999-12-31",
    "0000-01-01",
    "2024-02-30",
    "1" * 30,
    "-0",
    "0x1F",
    ".inf",
    "~",
    "null",
    "yes",
    "on",
    "|\n",
    ">-\n",
    "? ",
    "%YAML 1.1\n",
    "\t",
    "<<: ",
    "\u202e",
    "\u3164",
    "\ufeff",
    "\\u202e",
    "\\x00",
    "<script>",
    "{{ block:contact }}",
    "é",
    "👩‍🏫",
    "\r\n",
]


def sample(relative: str) -> str:
    return (MINIMAL / relative).read_text(encoding="utf-8") if (MINIMAL / relative).exists() else ""


TYPES = [(t.name, t) for t in CONTENT_TYPES]
SAMPLES = {
    "case_study": sample("case_studies/shared-reading.md"),
    "news": "---\ntitle: A post\nsummary: What happened.\npublished: 2026-10-01\nstatus: published\n---\n\nText.\n",
    "page": sample("docs/about.md"),
}


def shown_for(ctype) -> str:
    return {"case_study": "case_studies/x.md", "news": "news/x.md", "page": "docs/x.md"}.get(ctype.name, ctype.pattern)


def check_bytes(ctype, data: bytes) -> list[Problem]:
    """What `load` does with one file's bytes, in memory: decode, parse, check (and the body, for Markdown)."""
    shown = shown_for(ctype)
    ctx = Context(path=shown, vocabularies=PROJECT.vocabularies, docs_dir=MINIMAL / "docs")
    source, found = decode(data, shown)
    ctx.problems.extend(found)
    if source is None or found:
        assert found, "an unreadable file must say why"
        return ctx.problems
    if ctype.front_matter:
        checked = check_front_matter_text(source, shown, ctype.record, ctx, required=ctype.name != "page")
        if checked.values is not INVALID:
            page_dir = {"case_study": "case-studies", "news": "news"}.get(ctype.name, "")
            ctx.problems.extend(
                bodies.check(
                    checked.body,
                    shown,
                    checked.body_line,
                    page_dir=page_dir,
                    docs_dir=ctx.docs_dir,
                    own=ctype.name == "page",
                )
            )
        elif not ctx.problems:
            pytest.fail(f"{shown} was refused without a problem")
    else:
        value = check_yaml_text(source.text, shown, ctype.record, ctx)
        assert value is not INVALID or ctx.problems, f"{shown} was refused without a problem"
    return ctx.problems


def assert_only_problems(problems: list[Problem], ctype) -> None:
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == shown_for(ctype)
        assert problem.line >= 1 and problem.column >= 1, problem
        assert isinstance(problem.message, str) and problem.message.strip(), problem
        assert "Traceback" not in problem.message


def with_front_matter(ctype, text: str) -> str:
    return f"---\n{text}\n---\n\nBody.\n" if ctype.front_matter else text


@pytest.mark.parametrize(("name", "ctype"), TYPES, ids=[n for n, _ in TYPES])
@SETTINGS
@given(data=st.binary(max_size=600))
def test_random_bytes_give_only_problems(name: str, ctype, data: bytes) -> None:
    assert_only_problems(check_bytes(ctype, data), ctype)


@pytest.mark.parametrize(("name", "ctype"), TYPES, ids=[n for n, _ in TYPES])
@SETTINGS
@given(pieces=st.lists(st.sampled_from(YAML_PIECES), max_size=40))
def test_random_yaml_gives_only_problems(name: str, ctype, pieces: list[str]) -> None:
    text = with_front_matter(ctype, "".join(pieces))
    assert_only_problems(check_bytes(ctype, text.encode("utf-8", "surrogatepass")), ctype)


@pytest.mark.parametrize(("name", "ctype"), TYPES, ids=[n for n, _ in TYPES])
@SETTINGS
@given(text=st.text(max_size=300))
def test_random_unicode_gives_only_problems(name: str, ctype, text: str) -> None:
    assert_only_problems(check_bytes(ctype, with_front_matter(ctype, text).encode("utf-8", "surrogatepass")), ctype)


@pytest.mark.parametrize(("name", "ctype"), TYPES, ids=[n for n, _ in TYPES])
@SETTINGS
@given(where=st.integers(min_value=0, max_value=10_000), insert=st.lists(st.sampled_from(YAML_PIECES), max_size=6))
def test_a_valid_file_with_random_text_inserted_gives_only_problems(name: str, ctype, where: int, insert) -> None:
    text = SAMPLES.get(name) or sample(ctype.pattern)
    at = where % (len(text) + 1)
    broken = text[:at] + "".join(insert) + text[at:]
    assert_only_problems(check_bytes(ctype, broken.encode("utf-8", "surrogatepass")), ctype)


@SETTINGS
@given(
    nesting=st.integers(min_value=1, max_value=MAX_BYTES // 2 - 10),  # up to the largest file allowed
    opening=st.sampled_from(["[", "{a: ", "[{a: "]),
)
def test_any_depth_of_nesting_is_a_problem_or_fine_never_a_recursion_error(nesting: int, opening: str) -> None:
    ctype = dict(TYPES)["aims"]
    closing = "".join({"[": "]", "{": "}"}.get(char, "") for char in reversed(opening))
    nesting = min(nesting, (MAX_BYTES - 20) // len(opening + closing))
    text = "aims: " + opening * nesting + "x" + closing * nesting + "\n"
    problems = check_bytes(ctype, text.encode())
    assert_only_problems(problems, ctype)
    assert problems
    if nesting * (1 + opening.count("[") + opening.count("{")) > 2 * MAX_DEPTH:
        assert [p.message for p in problems] == [
            f"is nested more than {MAX_DEPTH} levels deep; no content needs that many"
        ]
        assert (problems[0].line, problems[0].column, problems[0].field) == (1, 7, "aims")


def test_nesting_past_what_is_read_is_closed_off_and_reported_as_any_too_deep_nesting() -> None:
    """Reading stops at READ_DEPTH (libyaml's time grows with the square of the nesting); the events
    up to there are closed off, so the problem is the one nesting past MAX_DEPTH gives, field and all."""
    deep = "[" * (READ_DEPTH * 3)

    def nested(depth: int) -> str:
        return "[" * depth + "x" + "]" * depth

    events = read_events("a: {b: " + deep)
    starts = sum(isinstance(e, yaml.SequenceStartEvent | yaml.MappingStartEvent) for e in events)
    ends = sum(isinstance(e, yaml.SequenceEndEvent | yaml.MappingEndEvent) for e in events)
    assert starts == ends == READ_DEPTH + 1
    assert isinstance(events[-1], yaml.StreamEndEvent)
    ctype = dict(TYPES)["aims"]
    for text in ("aims:\n  - {first: %s}\n", "value_proposition: text\naims: {a: %s}\nprinciples: [x]\n"):
        past = [str(p) for p in check_bytes(ctype, (text % nested(READ_DEPTH * 3)).encode())]
        within = [str(p) for p in check_bytes(ctype, (text % nested(MAX_DEPTH * 2)).encode())]
        assert past == within, (past, within)
        assert len(past) == 1 and f"is nested more than {MAX_DEPTH} levels deep" in past[0], past


# --- the output-side defences ---------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=40))
def test_csv_cells_never_start_a_formula_and_keep_their_text(text: str) -> None:
    written = csvfile.csv_text(["a"], [[text]])
    cell = next(csv.reader(io.StringIO(written, newline="")))
    assert cell == ["a"]
    rows = list(csv.reader(io.StringIO(written, newline="")))
    value = rows[1][0] if len(rows) > 1 and rows[1] else ""
    assert not value.lstrip(" ").startswith(csvfile.FORMULA_START) or value.startswith("'")
    assert value in (text, "'" + text)


HTML_PIECES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">',
    "</a>",
    '<div class="md-dialog md-dialog--active">',
    "</div>",
    '<q cite="javascript:x">',
    '<p role="dialog">',
    '<span id="__drawer">',
    '<a href="mailto:a@b.org?cc=c@d.org">',
    "<iframe src=//x>",
    "<style>*{}</style>",
    "<svg onload=alert(1)>",
    "text ",
    "\n\n",
    "&lt;",
    "<b>",
    "</b>",
    '<p style="position:fixed">',
    "{ .md-banner }",
]


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.sampled_from(HTML_PIECES), max_size=12))
def test_the_sanitiser_never_keeps_a_script_a_handler_or_the_sites_interface(pieces: list[str]) -> None:
    html = sanitize.clean_body(markdown.markdown("".join(pieces), extensions=["attr_list"]))
    parser = Elements()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag not in ("script", "iframe", "style", "svg", "embed", "object"), html
        for name, value in attrs:
            value = (value or "").lower()
            assert not name.startswith("on") and name != "style", html
            assert "javascript:" not in value and "?cc=" not in value, html
            assert not (name == "class" and "md-" in value), html
            assert not (name == "role" and value == "dialog") and not (name == "id" and value.startswith("__")), html


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


@settings(max_examples=300, deadline=None)
@given(rgb=st.tuples(*[st.integers(0, 255)] * 3))
def test_links_on_the_dark_palette_are_always_readable_whatever_the_brand_colour(rgb) -> None:
    """Why colours.colour_pairs checks only the light palette: the dark one's tint always passes."""
    colour = "#" + "".join(f"{c:02x}" for c in rgb)
    assert colours.contrast(colours.mix(colour, colours.WHITE, colours.SLATE_TINT), colours.SLATE) >= colours.AA


@settings(max_examples=500, deadline=None)
@given(text=st.text(min_size=1, max_size=60))
def test_an_accepted_site_address_needs_no_escaping_anywhere(text: str) -> None:
    address = f"https://{text}"
    if re.fullmatch(kinds.SITE_ADDRESS, address):
        assert not set(address) & set("\"'<>\\ `{}|^[]()!*;,&=?#%@\n\t"), address
        assert address.endswith("/")


def test_invisible_characters_are_refused_by_category_not_by_a_list() -> None:
    refused = [chr(c) for c in range(0x110000) if is_invisible(chr(c))]  # lone surrogates (Cs) included
    categories = {unicodedata.category(c) for c in refused} - {"Lo", "Mn", "So"}
    assert categories == INVISIBLE_CATEGORIES
    assert all(unicodedata.category(c) in INVISIBLE_CATEGORIES or c in BLANK_LETTERS for c in refused)
    assert len(refused) > 900_000  # unassigned code points and private use are most of them
    assert not any(is_invisible(c) for c in "abc é中👩\u200a\u00a0")  # letters, emoji, visible spaces: fine


def test_the_fixture_used_here_is_valid() -> None:
    assert Path(MINIMAL).is_dir() and PROJECT.ok
