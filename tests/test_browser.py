"""Browser tests of the built default site: real headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from helpers import PAGE_TYPES, PAGES, ROOT, axe_violations
from playwright.sync_api import Page
from sitefacts import BACKEND, LOGIN_BUTTON, NO_ADMIN


def test_home_page_renders_the_partnership(page: Page, server: str) -> None:
    page.goto(server + "/")
    identity = yaml.safe_load((ROOT / "content" / "partnership.yml").read_text(encoding="utf-8"))
    assert identity["name"] in page.title()  # whatever the partnership is called
    heading = page.locator("article h1").first.inner_text()
    name = yaml.safe_load((ROOT / "content" / "partnership.yml").read_text(encoding="utf-8"))["name"]
    assert heading == name  # the landing layout's title is the partnership's name
    aims = ROOT / "content" / "aims.yml"
    if aims.is_file():  # the aims and measures of impact come from content/aims.yml, when the page uses them
        listed = yaml.safe_load(aims.read_text(encoding="utf-8"))
        home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
        expected = sum(len(listed[b]) for b in ("aims", "impact_measures") if f"block:{b}" in home)
        assert page.locator("article li").count() >= expected
    assert page.errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations_and_no_offsite_requests(page: Page, server: str, path: str) -> None:
    response = page.goto(server + path)
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []
    assert page.offsite == []  # type: ignore[attr-defined]
    assert page.errors == []  # type: ignore[attr-defined]


def test_case_study_page_shows_metadata_and_passes_axe(page: Page, server: str, default_site: Path) -> None:
    slug = sorted(p.name for p in (default_site / "case-studies").iterdir())[0]
    page.goto(f"{server}/case-studies/{slug}/")
    labels = page.locator("dl.ps-meta dt").all_inner_texts()
    for label in ("Themes", "Phases", "Type", "Academic year", "Published", "Contact"):
        assert label in labels
    assert axe_violations(page) == []
    assert page.offsite == []  # type: ignore[attr-defined]


ABOUT = "/about/" if "/about/" in PAGES else "/"  # a page written by hand


def test_first_tab_reaches_skip_link(page: Page, server: str) -> None:
    page.goto(server + ABOUT)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"


# A case study the content publishes, found by the words of its title.
STUDY = next((p for p in PAGE_TYPES[len(PAGES) :] if p.startswith("/case-studies/")), None)


@pytest.mark.skipif(STUDY is None, reason="the content publishes no case study")
def test_site_search_finds_case_studies_by_title_by_keyboard(page: Page, server: str, default_site: Path) -> None:
    title = page_title(default_site, STUDY)
    page.goto(server + ABOUT)
    page.keyboard.press("/")  # Material's shortcut opens the site search
    page.keyboard.type(title)
    # case studies come from the directory's engine, listed above the page results (sitesearch.js)
    page.wait_for_function("(q) => document.querySelector('.ps-site-cases')?.dataset.query === q", arg=title)
    results = page.locator(".ps-site-cases li a")
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert hrefs and hrefs[0] == STUDY, (title, hrefs)
    results.first.focus()  # reachable by keyboard, and it opens the case study
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{STUDY}")
    assert page.errors == []  # type: ignore[attr-defined]


def page_title(site: Path, path: str) -> str:
    html = (site / path.strip("/") / "index.html").read_text(encoding="utf-8")
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert match
    return unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()


@pytest.mark.skipif(BACKEND is None, reason=NO_ADMIN)
def test_admin_loads_without_errors_or_requests_elsewhere(page: Page, server: str) -> None:
    page.goto(server + "/admin/")
    page.get_by_text(LOGIN_BUTTON).wait_for(timeout=15000)
    page.wait_for_load_state("networkidle")
    assert page.errors == []  # type: ignore[attr-defined]
    assert page.offsite == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path",
    PAGE_TYPES,
)
def test_dark_palette_has_no_axe_violations(page: Page, server: str, path: str) -> None:
    page.goto(server + path)
    page.click('label[for="__palette_1"]')  # Material's light/dark toggle
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert axe_violations(page) == []


def test_no_page_sets_a_cookie(page: Page, server: str) -> None:
    for path in PAGES:
        page.goto(server + path)
        assert page.evaluate("() => document.cookie") == "", path
    assert page.context.cookies() == []
