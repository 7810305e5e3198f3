"""The Content Security Policy in a real browser: every page type runs under it with no violation,
the site search and redirects still work, and the `_headers` file a host would apply breaks nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import PAGE_TYPES, PAGES, QuietHandler, build, make_project, open_page, static_server, violations
from playwright.sync_api import Browser, Page
from sitefacts import BACKEND, LOGIN_BUTTON, NO_ADMIN

from partnership.postbuild import csp

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def serve(directory: Path, headers: list[tuple[re.Pattern[str], dict[str, str]]]) -> Iterator[str]:
    """A static server for `directory` that sends the headers of every `_headers` rule matching a path,
    joining a header given by two rules with a comma, as Netlify and Cloudflare Pages do."""

    class Handler(QuietHandler):
        def end_headers(self) -> None:
            sent: dict[str, str] = {}
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            for pattern, values in headers:
                if pattern.fullmatch(path):
                    for name, value in values.items():
                        sent[name] = f"{sent[name]}, {value}" if name in sent else value
            for name, value in sent.items():
                self.send_header(name, value)
            super().end_headers()

    with static_server(directory, Handler) as base:
        yield base


def read_headers(text: str) -> list[tuple[re.Pattern[str], dict[str, str]]]:
    rules: list[tuple[re.Pattern[str], dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("/"):
            rules.append((re.compile(re.escape(line).replace(r"\*", ".*")), {}))
        else:
            name, value = line.strip().split(": ", 1)
            rules[-1][1][name] = value
    return rules


@pytest.fixture(scope="module")
def headers_server(default_site: Path) -> Iterator[str]:
    """The default site, served with the headers its `_headers` file asks for."""
    yield from serve(default_site, read_headers((default_site / csp.HEADERS).read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def redirect_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site whose case study moved from /case-studies/paired-reading/ (mkdocs-redirects' page)."""
    root = tmp_path_factory.mktemp("redirects")
    study = (Path(__file__).parent / "fixtures" / "minimal" / "case_studies" / "shared-reading.md").read_text()
    moved = study.replace("status: published", "status: published\nredirect_from: [paired-reading]")
    project = make_project(root / "project", {"case_studies/shared-reading.md": moved})
    result = build(project, root / "site")
    assert result.returncode == 0, result.stderr
    yield from serve(root / "site", read_headers((root / "site" / csp.HEADERS).read_text(encoding="utf-8")))


@pytest.fixture
def csp_page(browser: Browser, server: str) -> Iterator[Page]:
    page = open_page(browser, server)
    yield page
    page.context.close()


@pytest.fixture
def headers_page(browser: Browser, headers_server: str) -> Iterator[Page]:
    page = open_page(browser, headers_server)
    yield page
    page.context.close()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_runs_under_its_meta_policy_without_violations(csp_page: Page, server: str, path: str) -> None:
    response = csp_page.goto(server + path)
    assert response is not None and response.status == 200
    csp_page.wait_for_load_state("networkidle")
    assert csp_page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert violations(csp_page) == []
    assert csp_page.offsite == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", [*PAGE_TYPES, "/404.html"])
def test_page_runs_under_the_headers_policy_too(headers_page: Page, headers_server: str, path: str) -> None:
    response = headers_page.goto(headers_server + path)
    assert response is not None and response.status == 200
    assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    headers_page.wait_for_load_state("networkidle")
    assert violations(headers_page) == []


@pytest.mark.skipif(BACKEND is None, reason=NO_ADMIN)
def test_admin_runs_under_its_own_relaxed_policy(headers_page: Page, headers_server: str, default_site: Path) -> None:
    response = headers_page.goto(headers_server + "/admin/")
    assert response is not None
    # The policy for its configured backend (cms.py), and not the strict one as well.
    assert response.headers["content-security-policy"] == csp.admin_policy(default_site)
    headers_page.get_by_text(LOGIN_BUTTON).wait_for(timeout=15000)
    headers_page.wait_for_load_state("networkidle")
    assert violations(headers_page) == []
    assert headers_page.offsite == []  # type: ignore[attr-defined]


def test_every_built_page_carries_a_policy_that_allows_exactly_its_inline_scripts(default_site: Path) -> None:
    pages = [p for p in default_site.rglob("*.html") if p.relative_to(default_site).parts[0] not in csp.EXEMPT]
    assert len(pages) >= len(PAGE_TYPES)
    every: set[str] = set()
    for path in pages:
        html = path.read_text(encoding="utf-8")
        metas = META.findall(html)
        assert len(metas) == 1, path
        assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script"), path
        sources = dict(d.strip().split(" ", 1) for d in metas[0].replace("&#x27;", "'").split(";"))
        hashes = csp.script_hashes(html)
        assert sources["script-src"].split() == ["'self'", *sorted(hashes)], path
        assert "'unsafe-inline'" not in sources["script-src"]
        every.update(hashes)
    if BACKEND:  # /admin/ has its own policy, not the pages'
        admin = META.findall((default_site / "admin" / "index.html").read_text())
        assert (
            len(admin) == 1
            and "'unsafe-eval'" in admin[0]
            and f"{admin[0]}; frame-ancestors 'none'" == (csp.admin_policy(default_site))
        )
    else:
        assert not (default_site / "admin").exists()
    assert f"Content-Security-Policy: {csp.policy(every, header=True)}\n" in (default_site / csp.HEADERS).read_text()


def test_site_search_works_under_the_policy(csp_page: Page, server: str) -> None:
    csp_page.goto(server + ("/about/" if "/about/" in PAGES else "/"))  # a page the content has
    csp_page.keyboard.press("/")  # Material's shortcut opens the site search (its index is built in a worker)
    csp_page.keyboard.type("reading")
    results = csp_page.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() > 0
    assert violations(csp_page) == []


def test_a_redirect_page_still_redirects_under_the_policy(browser: Browser, redirect_site: str) -> None:
    page = open_page(browser, redirect_site)
    try:
        page.goto(redirect_site + "/case-studies/paired-reading/#contact")
        page.wait_for_url(redirect_site + "/case-studies/shared-reading/#contact")
        page.wait_for_load_state("networkidle")
        assert violations(page) == []
    finally:
        page.context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_redirect_page_carries_the_policy_and_redirects_without_javascript_too(
    browser: Browser, redirect_site: str, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        response = page.request.get(redirect_site + "/case-studies/paired-reading/")
        html = response.text()
        assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script>")
        page.goto(redirect_site + "/case-studies/paired-reading/")
        page.wait_for_url(redirect_site + "/case-studies/shared-reading/")
    finally:
        context.close()
