"""Fixtures: a fixture project, the default site built once, and Debian's Chromium through Playwright.

Helpers live in tests/helpers.py (a plain module; tests import from there, never from here).
Playwright is imported inside the browser fixture, and every test that uses a browser fixture is
marked `browser`, so `pytest -m "not browser"` runs the rest without loading it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from helpers import ROOT, block_offsite, build, make_project, static_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# Fixtures that launch Chromium: a test using any of them (directly or through another fixture) is a browser test.
BROWSER_FIXTURES = {"browser", "page", "chromium_path"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal fixture project, unchanged, built once per test run: for tests that only read its output."""
    root = tmp_path_factory.mktemp("minimal")
    out = root / "site"
    result = build(make_project(root / "project"), out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default site from this repository, built once per test run.

    PARTNERSHIP_TEST_SITE=path runs the browser tests against a site built elsewhere (e.g. a benchmark's).
    """
    if os.environ.get("PARTNERSHIP_TEST_SITE"):
        return Path(os.environ["PARTNERSHIP_TEST_SITE"])
    out = tmp_path_factory.mktemp("default-site")
    result = build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(path).exists():
        pytest.fail(f"Chromium not found at {path}; run `make test`, which installs Debian's chromium package")
    return path


@pytest.fixture(scope="session")
def server(default_site: Path) -> Iterator[str]:
    with static_server(default_site) as base:
        yield base


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright  # here, so tests that need no browser never load it

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
def page(browser: Browser, server: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh page that records console errors and any request to another origin.

    Mark a test `@pytest.mark.no_javascript` to load pages with JavaScript disabled.
    """
    context = browser.new_context(java_script_enabled=request.node.get_closest_marker("no_javascript") is None)
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.errors.append(str(e)))  # type: ignore[attr-defined]
    block_offsite(page, server)
    yield page
    context.close()
