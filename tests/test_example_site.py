"""The invented second example (examples/kestrel-vale): a partnership of another shape, built from its own
content with no change to code, mkdocs.yml or tests, and checked like the default site in a browser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from helpers import (
    ROOT,
    axe_violations,
    build,
    content_pages,
    default_words,
    make_project,
    open_page,
    static_server,
    violations,
)

if TYPE_CHECKING:  # Playwright is imported by the browser fixture only
    from playwright.sync_api import Browser

EXAMPLE = ROOT / "examples" / "kestrel-vale"
PAGES, PAGE_TYPES = content_pages(EXAMPLE)
# The engine's repository has the example; a site made by `partnership init` does not copy it.
pytestmark = pytest.mark.skipif(not EXAMPLE.is_dir(), reason="examples/kestrel-vale is not in this repository")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example")
    project = make_project(root / "project", source=EXAMPLE)
    result = build(project, root / "out")  # --strict: the link check and MkDocs' own checks pass
    assert result.returncode == 0, result.stderr
    return root / "out"


@pytest.fixture(scope="module")
def example_server(example: Path) -> Iterator[str]:
    with static_server(example) as base:
        yield base


def text(example: Path, page: str) -> str:
    html = (example / page).read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


def test_the_example_has_exactly_the_pages_its_content_makes(example: Path) -> None:
    for gone in ("impact", "offer", "news", "calendar.ics", "aims", "join"):
        assert not (example / gone).exists(), gone
    for there in ("schools", "board", "questions", "directory", "about"):
        assert (example / there / "index.html").exists(), there
    assert not any(p.startswith(("/impact/", "/offer/", "/news/")) for p in PAGE_TYPES)  # nor in the browser tests


def test_its_pages_say_only_what_its_content_says(example: Path) -> None:
    words = sorted(default_words(), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)
    found = []
    for path in sorted(example.rglob("*")):
        if path.suffix in (".html", ".xml", ".json", ".csv", ".txt") and path.is_file():
            for match in pattern.finditer(path.read_text(encoding="utf-8")):
                found.append(f"{path.relative_to(example)}: '{match.group()}'")
    assert not found, found


def test_lead_schools_and_a_lead_to_be_appointed_are_shown(example: Path) -> None:
    schools = text(example, "schools/index.html")
    assert "Subject hubs" in schools and "Lead school: Saltmarsh Academy" in schools
    assert "Science hub" in schools and "Lead: to be appointed" in schools
    school = text(example, "schools/saltmarsh-academy/index.html")
    assert "Subject hub Mathematics hub (this school leads the subject hub)" in school


def test_the_planned_board_has_no_members_and_no_dates(example: Path) -> None:
    board = text(example, "board/index.html")
    assert "The board is planned: it will start work on" in board
    assert "The board's members have not been appointed yet." in board
    assert "Chair" not in board


def test_the_menu_is_the_examples_own(example: Path) -> None:
    home = (example / "index.html").read_text(encoding="utf-8")
    tabs = [t.strip() for t in re.findall(r'class="md-tabs__link[^"]*"[^>]*>\s*([^<]+?)\s*<', home)]
    assert tabs == ["Home", "Who we are", "Case studies", "Questions"]
    assert "The planned board" in home


@pytest.mark.parametrize(
    ("path", "width"),
    [(p, w) for p in PAGE_TYPES for w in (1280, 375)],  # the guide's tables scroll by keyboard (layout.py)
)
def test_every_page_type_passes_axe_with_no_offsite_request_and_no_policy_violation(
    browser: Browser, example_server: str, path: str, width: int
) -> None:
    page = open_page(browser, example_server)
    try:
        page.set_viewport_size({"width": width, "height": 900})
        response = page.goto(example_server + path)
        assert response is not None and response.status == 200
        assert "Content-Security-Policy" in page.content()
        page.wait_for_load_state("networkidle")
        assert axe_violations(page) == []
        if width == 1280:  # the dark palette too
            page.click('label[for="__palette_1"]')
            page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
            assert axe_violations(page) == []
        assert page.offsite == []  # type: ignore[attr-defined]
        assert violations(page) == []
    finally:
        page.context.close()
