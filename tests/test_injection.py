"""Nothing from content runs: the injection pack (tests/injection.py) through the generators, MkDocs and Chromium.

How to see these tests bite: make `markup.h` return its text unchanged, or make
`sanitize.clean_body` return the HTML it is given, and they fail.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import markdown
import pytest
from helpers import TODAY, block_offsite, build, make_project, static_server
from injection import HOSTILE, MARKER, REFUSED_BODY, SAFE, SCRIPT, poison_project, write_pack

from partnership.content.load import load
from partnership.directory.facets import build_directory
from partnership.outputs import brand, seo
from partnership.outputs.files import directory_files, generated_files
from partnership.pages import blocks
from partnership.pages.generated import generated_pages, page_meta
from partnership.postbuild import sanitize

if TYPE_CHECKING:  # Playwright is imported by the browser fixture only
    from playwright.sync_api import Browser

DAY = dt.date.fromisoformat(TODAY)


def test_every_generated_page_and_file_escapes_hostile_text(tmp_path: Path) -> None:
    # a news post, so that the news feed exists (a site with no posts has none)
    post = "---\ntitle: A post\nsummary: What happened.\npublished: 2026-11-02\nstatus: published\n---\n\nText.\n"
    project = poison_project(make_project(tmp_path / "project", {"news/a-post.md": post}), DAY)
    directory = build_directory(project)
    html: dict[str, str] = {}
    for page in generated_pages(project, directory):
        html[page.src_uri] = "\n".join([page.markdown, *page.fills().values(), *map(str, page.meta.values())])
    for src, front_matter in project.pages.items():
        body = (project.root / "docs" / src).read_text(encoding="utf-8")
        html[f"docs/{src}"] = blocks.render(body, project.data, DAY, src) + str(page_meta(front_matter))
    html["mkdocs settings"] = str(brand.site_settings(project.data["partnership"], DAY))
    for src, extra in seo.page_extras(project, "https://example.org/").items():
        html[f"JSON-LD of {src}"] = str(extra.get("jsonld", ""))  # printed inside <script> as it is
    files = generated_files(project, directory, "https://example.org/", DAY)
    files.update(directory_files(project, directory, "https://example.org/", DAY))
    for name, text in html.items():
        assert SCRIPT not in text and "<img src=x" not in text and "</title></textarea>" not in text, name
    escaped = [name for name, text in html.items() if "&lt;script&gt;" in text or "\\&lt;script&gt;" in text]
    assert len(escaped) > 20, escaped  # the payload did reach the pages, escaped
    for name in ("news/feed.xml", "directory/feed.xml"):
        root = ET.fromstring(files[name])  # still well-formed XML
        assert any(SCRIPT in (element.text or "") for element in root.iter()), name  # as text, not markup
    records = json.loads(files["directory/case-studies.json"])
    assert SCRIPT in records[0]["title"]  # open data keeps the text as it was written
    # the search's files hold it as JSON text too: the browser only ever sets it as text (search.js)
    assert SCRIPT in json.loads(files["directory/docs/0.json"])["t"]


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("injection")
    project = make_project(root / "project")
    write_pack(project)
    result = build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def pack_server(pack: Path) -> Iterator[str]:
    with static_server(pack) as base:
        yield base


def test_the_pack_builds_and_keeps_its_text(pack: Path) -> None:
    page = (pack / "case-studies/shared-reading/index.html").read_text(encoding="utf-8")
    assert "onfocus=alert(&quot;ps-xss&quot;)" in page or "onfocus=alert(&#34;ps-xss&#34;)" in page
    article = page[page.index("<article") : page.index("</article>")]
    for bad in ("<script", "onerror=", "onclick=", "onload=", "onmouseover=", "javascript:", "<iframe", "<style"):
        assert bad not in article, bad


HANDLERS = "[onfocus],[onerror],[onclick],[onload],[onmouseover],[autofocus],[srcdoc]"


def test_no_injected_script_runs_on_any_page_of_the_pack(browser: Browser, pack: Path, pack_server: str) -> None:
    pages = sorted(p.relative_to(pack).as_posix() for p in pack.rglob("*.html") if "admin" not in p.parts)
    assert len(pages) > 20
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    marks: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    page.on("console", lambda m: MARKER in m.text and marks.append(f"{page.url}: {m.text}"))
    block_offsite(page, pack_server)
    for path in pages:
        page.goto(f"{pack_server}/{path}")
        found = page.evaluate(
            """(handlers) => [
                ...[...document.querySelectorAll(handlers)].map(e => e.outerHTML.slice(0, 80)),
                ...[...document.querySelectorAll('a[href^="javascript:" i], form[action^="javascript:" i]')]
                    .map(e => e.outerHTML.slice(0, 80)),
                ...[...document.querySelectorAll('script:not([type="application/ld+json"])')]
                    .filter(s => s.textContent.includes('ps-xss'))
                    .map(s => 'script: ' + s.textContent.slice(0, 40)),
            ]""",
            HANDLERS,
        )
        assert found == [], path
    page.goto(f"{pack_server}/case-studies/shared-reading/")
    heading = page.locator("article h1").first.inner_text()
    assert heading == f"Shared reading in Year 2 {SAFE}"[:120].strip()  # the text, shown literally
    context.close()
    assert dialogs == [] and marks == [] and page.offsite == []  # type: ignore[attr-defined]


STUDY = "case_studies/shared-reading.md"


def test_every_refused_body_payload_is_a_problem_on_its_own_line(tmp_path: Path) -> None:
    """Validation stops these before any build: the sanitiser would cut them without a word."""
    root = make_project(tmp_path / "project")
    text = (root / STUDY).read_text(encoding="utf-8") + "\n" + "\n\n".join(REFUSED_BODY) + "\n"
    (root / STUDY).write_text(text, encoding="utf-8")
    problems = load(root).problems
    expected = {text[: text.index(payload)].count("\n") + 1: payload for payload in REFUSED_BODY}
    assert len(expected) == len(REFUSED_BODY)
    by_line: dict[int, list[str]] = {}
    for problem in problems:
        assert problem.path == STUDY, problem
        by_line.setdefault(problem.line, []).append(problem.message)
    missing = {line: payload for line, payload in expected.items() if line not in by_line}
    assert missing == {}, "\n".join(str(p) for p in problems)
    assert set(by_line) == set(expected), "\n".join(str(p) for p in problems)


def test_the_sanitiser_cuts_every_refused_payload_if_one_got_through() -> None:
    html = sanitize.clean_body(markdown.markdown("\n\n".join(REFUSED_BODY), extensions=["attr_list"]))
    for bad in ("<script", "onerror=", "onclick=", "onload=", "onmouseover=", "javascript:", "<iframe", "<style"):
        assert bad not in html, bad
    for bad in ("md-dialog", 'role="alert"', "?cc=", "style=", "<embed", "<object", "<svg"):
        assert bad not in html, bad


def test_hostile_text_is_what_the_unit_pack_uses() -> None:
    assert SCRIPT in HOSTILE and "<" not in SAFE.replace("< b >", "")
