"""Shared test helpers: tiny fixture projects, real MkDocs builds, and Debian's Chromium."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from partnership.content import parts
from partnership.content.load import load

# axe-core from npm (package.json pins its newest version), WCAG 2.2 A and AA and best practice.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
TODAY = "2026-11-22"


def content_pages(root: Path = ROOT) -> tuple[list[str], list[str]]:
    """The pages of every type that the content at `root` produces, read from that content, not assumed:
    (each hand-written and data page, one news post and one school page if there are any;
    the same plus a case study and a directory facet page)."""
    project = load(root, today=dt.date.fromisoformat(TODAY))
    every = parts.page_list(project)
    many = ("/case-studies/", "/schools/", "/news/")
    pages = [p for p in every if not p.startswith(many) or p in many]
    for prefix in ("/news/", "/schools/"):
        pages += [p for p in every if p.startswith(prefix) and p != prefix][:1]
    types = list(pages)
    studies = project.published_case_studies()
    if studies:
        types += [f"/{studies[0].url}", f"/directory/theme/{studies[0].meta['themes'][0]}/"]
    return pages, types


# Every page type of the default site: browser tests (axe, off-site requests, CSP) run on each.
PAGES, PAGE_TYPES = content_pages()


def make_project(dest: Path, files: dict[str, str | bytes | None] | None = None, source: Path = MINIMAL) -> Path:
    """Copy a fixture project next to the real mkdocs.yml, hooks and theme, then apply `files`.

    `files` maps project-relative paths to new contents (None deletes the file).
    """
    shutil.copytree(source, dest, dirs_exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - hooks/site.py", f"  - {ROOT / 'hooks' / 'site.py'}")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    (dest / "hooks").mkdir(exist_ok=True)  # watched by `mkdocs serve`
    for sub in ("overrides", "assets/site.css", "assets/data.css", "assets/layout.css", "assets/menu.js"):
        target = dest / "docs" / sub
        if not target.exists():
            copy = shutil.copytree if (ROOT / "docs" / sub).is_dir() else shutil.copy
            target.parent.mkdir(parents=True, exist_ok=True)
            copy(ROOT / "docs" / sub, target)
    for relative, content in (files or {}).items():
        path = dest / relative
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return dest


def env() -> dict[str, str]:
    return {**os.environ, "PARTNERSHIP_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}


def build(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict` of a project into `out`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )


def partnership(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed `partnership` command."""
    exe = Path(sys.executable).with_name("partnership")
    return subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, text=True, env=env(), check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def static_server(directory: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """A built site served over HTTP on a free port, as its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@contextlib.contextmanager
def mkdocs_serve(project: Path) -> Iterator[str]:
    """`mkdocs serve` of a project on a free port, once it answers, as its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}", "-f", "mkdocs.yml"],
        cwd=project,
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/", timeout=5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "mkdocs serve did not start"
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def block_offsite(page: Page, origin: str) -> None:
    """Abort every request of the page's context to anywhere but `origin`, recording it in page.offsite."""
    page.offsite = []  # type: ignore[attr-defined]

    def route(route) -> None:
        if route.request.url.startswith(origin):
            return route.continue_()
        page.offsite.append(route.request.url)  # type: ignore[attr-defined]
        return route.abort()

    page.context.route("**/*", route)


@pytest.fixture(scope="session")
def server(default_site: Path) -> Iterator[str]:
    with static_server(default_site) as base:
        yield base


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


@functools.cache
def axe_script() -> str:
    path = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if not path.exists():
        pytest.fail("axe-core is not installed: run `make node` (npm ci), which installs the version package.json pins")
    return path.read_text(encoding="utf-8")


def axe_violations(page: Page) -> list[str]:
    """axe-core's violations on the page as it is now, one line each with the first offending element.

    The script is evaluated in the page (as DevTools would), so the site's Content Security Policy,
    which allows no script from elsewhere, does not stop it.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_script())
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes, first {v['nodes'][0]['target']})"
        for v in results["violations"]
    ]
