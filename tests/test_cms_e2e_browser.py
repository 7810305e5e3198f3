"""End to end in Chromium: comms staff write through the content manager, and the build accepts it.

The test copies the minimal fixture project into a temporary folder, starts Decap's local backend
(`decap-server`, from package-lock.json) and `mkdocs serve` on loopback ports, as `make edit` does,
and drives the real /admin/ forms. What Decap writes must pass `partnership check` unchanged and
appear in a rebuilt site; a second edit through the form must change only the lines it touched.
/admin/ must log no console error and no CSP violation, and ask nothing of any other origin.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, build, env, make_project, partnership
from playwright.sync_api import Browser, Locator, Page, expect

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
PNG = bytes.fromhex(  # a 1x1 pixel PNG
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2283c5a0000000049454e44ae426082"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, method: str = "GET", timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            data = b'{"action":"info"}' if method == "POST" else None
            request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
            urllib.request.urlopen(request, timeout=5).close()
            return
        except OSError:
            assert time.monotonic() < deadline, f"{url} did not answer"
            time.sleep(0.3)


@contextlib.contextmanager
def editing(project: Path) -> Iterator[tuple[str, str]]:
    """decap-server and `mkdocs serve` for a project, as `make edit` runs them: (site URL, backend URL)."""
    decap_port, site_port = free_port(), free_port()
    servers = [
        subprocess.Popen(
            [str(DECAP_SERVER)],
            cwd=project,
            env={**os.environ, "PORT": str(decap_port), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "error"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{site_port}"],
            cwd=project,
            env={**env(), "DECAP_SERVER_PORT": str(decap_port)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        backend = f"http://127.0.0.1:{decap_port}"
        wait_for(f"{backend}/api/v1", method="POST")
        site = f"http://127.0.0.1:{site_port}"
        wait_for(f"{site}/admin/config.yml", timeout=90)
        yield site, backend
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not DECAP_SERVER.exists():
        pytest.fail("decap-server is not installed: run `npm ci` (make test does)")
    project = make_project(tmp_path_factory.mktemp("cms") / "project")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    return project


@pytest.fixture(scope="module")
def servers(project: Path) -> Iterator[tuple[str, str]]:
    with editing(project) as urls:
        yield urls


@pytest.fixture
def admin(browser: Browser, servers: tuple[str, str]) -> Iterator[Page]:
    """/admin/, logged in to the local backend, recording errors, CSP violations and off-site requests."""
    site, backend = servers
    context = browser.new_context()
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]

    def route(route) -> None:
        if route.request.url.startswith((site + "/", backend + "/")):
            return route.continue_()
        page.problems.append(f"request to {route.request.url}")  # type: ignore[attr-defined]
        return route.abort()

    context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: page.problems.append(f"error: {e}"))  # type: ignore[attr-defined]
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    page.goto(f"{site}/admin/")
    page.get_by_role("button", name="Login").click()
    expect(page.get_by_text("Case studies").first).to_be_visible(timeout=30_000)
    yield page
    context.close()


def field(page: Page, label: str) -> Locator:
    return page.get_by_label(label, exact=True).last


def choose(page: Page, label: str, *options: str) -> None:
    """Pick options of a select or relation widget (react-select) by typing and pressing Enter."""
    box = field(page, label)
    for option in options:
        box.click()
        box.fill(option)
        page.get_by_role("option", name=option).first.click()


def markdown(page: Page, label: str, text: str) -> None:
    """Type Markdown into a markdown widget, in its Markdown (raw) mode."""
    control = page.locator(f"[id$='-field-{label}']").last if False else None  # noqa: F841
    editor = page.locator("[data-slate-editor='true']").last
    toggle = page.get_by_role("switch").last
    if toggle.get_attribute("aria-checked") != "true":
        toggle.click()
    editor = page.locator("textarea, [data-slate-editor='true']").last
    editor.click()
    page.keyboard.insert_text(text)


def publish(page: Page) -> None:
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Publish now").click()
    expect(page.get_by_text("Entry published")).to_be_visible(timeout=30_000)


def assert_clean(page: Page) -> None:
    problems = [p for p in page.problems if "favicon" not in p]  # type: ignore[attr-defined]
    assert problems == []


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_create_and_edit_a_case_study_through_the_form(admin: Page, project: Path, tmp_path: Path) -> None:
    page = admin
    # An image first, uploaded through the media library: it goes inside docs/, where the build finds it.
    page.goto(page.url.split("#")[0] + "#/media")
    upload = tmp_path / "pupils-reading.png"
    upload.write_bytes(PNG)
    page.locator("input[type=file]").set_input_files(upload)
    expect(page.get_by_text("pupils-reading.png")).to_be_visible(timeout=30_000)
    page.keyboard.press("Escape")
    assert (project / "docs/assets/uploads/pupils-reading.png").read_bytes() == PNG

    page.goto(page.url.split("#")[0] + "#/collections/case_studies/new")
    field(page, "Title").fill("Reading together across two schools: a sample")
    field(page, "Summary").fill("Invented sample: two schools paired their reading leads for a year.")
    choose(page, "Themes", "Reading", "Leadership development")
    choose(page, "Phases", "Primary")
    choose(page, "Type", "Peer challenge project")
    choose(page, "Schools", "Oak Primary School")
    field(page, "Academic year").fill("2025-26")
    field(page, "Published").fill("2026-10-01")
    field(page, "Review by").fill("2027-10-01")
    field(page, "Contact").fill("Reading lead, Oak Primary School")
    choose(page, "Status", "published")
    body = (
        "## What we did\n\nReading leads met every half term, as [the guide](https://example.org/guide) suggests.\n\n"
        "![Two pupils reading a book together](../assets/uploads/pupils-reading.png)\n"
    )
    markdown(page, "Text of the case study", body)
    publish(page)

    path = project / "case_studies/reading-together-across-two-schools-a-sample.md"
    written = path.read_text(encoding="utf-8")
    result = partnership("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr + written
    assert path.read_text(encoding="utf-8") == written  # the check changed nothing
    assert "themes:\n  - Reading\n  - Leadership development\n" in written
    assert "published: 2026-10-01\n" in written and "schools:\n  - oak-primary\n" in written
    out = tmp_path / "out"
    built = build(project, out)
    assert built.returncode == 0, built.stderr
    listing = (out / "directory/index.html").read_text(encoding="utf-8")
    assert "Reading together across two schools: a sample" in listing
    page_html = (out / "case-studies/reading-together-across-two-schools-a-sample/index.html").read_text("utf-8")
    assert 'alt="Two pupils reading a book together"' in page_html and 'href="https://example.org/guide"' in page_html

    # Edit it again through the form: only the line changed differs.
    page.goto(
        page.url.split("#")[0] + "#/collections/case_studies/entries/reading-together-across-two-schools-a-sample"
    )
    field(page, "Contact").fill("Deputy headteacher, Oak Primary School")
    publish(page)
    again = path.read_text(encoding="utf-8")
    assert changed_lines(written, again) == [
        "-contact: Reading lead, Oak Primary School",
        "+contact: Deputy headteacher, Oak Primary School",
    ]
    assert partnership("check", cwd=project).returncode == 0
    assert_clean(page)
