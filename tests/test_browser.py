"""Browser tests of the built default site: real headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def server(default_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(default_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh page that records console errors and any request to another origin."""
    context = browser.new_context()
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.offsite = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))  # type: ignore[attr-defined]

    def route(route):
        if route.request.url.startswith(server):
            return route.continue_()
        page.offsite.append(route.request.url)  # type: ignore[attr-defined]
        return route.abort()

    context.route("**/*", route)
    yield page
    context.close()


def axe_violations(page: Page) -> list[str]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"]]


PAGES = [
    "/",
    "/about/",
    "/aims/",
    "/join/",
    "/questions/",
    "/directory/",
]


def test_home_page_renders_the_partnership(page: Page, server: str) -> None:
    page.goto(server + "/")
    assert "Hounslow Learning Partnership" in page.title()
    heading = page.locator("article h1").first.inner_text()
    assert "Welcome" in heading
    # the aims and measures of impact come from content/aims.yml
    assert page.locator("article li").count() >= 7
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


def test_first_tab_reaches_skip_link(page: Page, server: str) -> None:
    page.goto(server + "/about/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
