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
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT, build, env, make_project, partnership
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
    log = (project.parent / "decap-server.log").open("w")  # beside the project, for a failed run
    servers = [
        subprocess.Popen(
            [str(DECAP_SERVER)],
            cwd=project,
            env={**os.environ, "PORT": str(decap_port), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"},
            stdout=log,
            stderr=subprocess.STDOUT,
        ),
        subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-livereload", "-a", f"127.0.0.1:{site_port}"],
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
    page.on("pageerror", lambda e: page.problems.append(f"error: {e.name}: {e.message} {e.stack} at {page.url}"))  # type: ignore[attr-defined]
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    page.goto(f"{site}/admin/")
    page.get_by_role("button", name="Login").click()  # the local backend asks for no password
    expect(page.get_by_test_id("case_studies")).to_be_visible(timeout=30_000)
    yield page
    context.close()


def field(page: Page, name: str) -> Locator:
    """A field's input by its name in config.yml (Decap gives each one the id `<name>-field-<n>`)."""
    return page.locator(f"[id^='{name}-field-']").last


def choose(page: Page, name: str, *options: str) -> None:
    """Pick options of a select or relation widget by typing, then clicking the one offered."""
    for option in options:
        box = field(page, name)
        box.click()
        box.fill(option)
        page.get_by_role("option", name=option, exact=True).first.click()


def settled(check, page: Page, tries: int = 5) -> None:
    """Retry an input step until `check()` holds: under load Decap's controlled inputs can drop keys,
    and take a while to show what they were given (each try waits up to 3 s for it)."""
    for _ in range(tries):
        mark = len(page.problems)  # type: ignore[attr-defined]
        yield
        for _wait in range(15):
            page.wait_for_timeout(200)
            if check():
                return
        # A dropped key can leave, for a moment, text that is never saved (an image path with a letter
        # missing, whose preview then fails to load): what that text caused is the harness's, not Decap's.
        del page.problems[mark:]  # type: ignore[attr-defined]
    raise AssertionError("the form did not take the value")


def fill(page: Page, values: dict[str, str]) -> None:
    """Replace the text of text inputs (select all, then type), checking that each one took."""
    for name, value in values.items():
        box = field(page, name)
        for _ in settled(lambda box=box, value=value: box.input_value() == value, page):
            box.click()
            box.press("Control+a")
            page.keyboard.insert_text(value)


def markdown(page: Page, text: str, switch: bool = True) -> None:
    """Replace the text of the (last) markdown widget, switched (unless already) to its Markdown mode."""
    if switch:
        page.get_by_role("switch").last.click()
    editor = page.locator("[data-slate-editor=true]").last
    wanted = " ".join(text.split())
    for _ in settled(lambda: " ".join(editor.inner_text().split()) == wanted, page):
        editor.click()
        page.keyboard.press("Control+a")
        page.keyboard.press("Backspace")
        page.wait_for_timeout(200)
        page.keyboard.insert_text(text)


def publish(page: Page, path: Path, before: str | None = None) -> str:
    """Press Publish now; wait until the file is written (or rewritten); return its text."""
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_role("menuitem", name="Publish now").click()
    deadline = time.monotonic() + 30
    while not path.exists() or path.read_text(encoding="utf-8") == before:
        if time.monotonic() > deadline:
            page.screenshot(path="/tmp/wt15-x/fail.png", full_page=True)
            print(sorted(p.name for p in path.parent.iterdir()), page.problems)
        assert time.monotonic() < deadline, f"{path.name} was not saved: {page.locator('body').inner_text()[:2000]}"
        page.wait_for_timeout(200)
    page.wait_for_timeout(500)  # decap-server writes the file in one go; let the form settle
    return path.read_text(encoding="utf-8")


def go(page: Page, route: str) -> None:
    page.goto(page.url.split("#")[0] + "#/" + route)
    page.locator("[id$='-field-1'], [id^='title-field-']").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)  # Decap sets up the entry's draft after the form shows (fill() checks too)


def assert_clean(page: Page) -> None:
    assert page.problems == []  # type: ignore[attr-defined]


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def without(text: str, name: str) -> str:
    """A file's text without one top-level field (its line and any folded lines after it)."""
    return re.sub(rf"(?m)^{name}: .*\n(?:  .*\n)*", "", text)


def check_passes(project: Path) -> None:
    result = partnership("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_create_and_edit_a_case_study_through_the_form(admin: Page, project: Path, tmp_path: Path) -> None:
    page = admin
    # The image first, uploaded through the media library: it lands inside docs/, where the build finds it.
    page.get_by_role("button", name="Media").click()
    upload = tmp_path / "pupils-reading.png"
    upload.write_bytes(PNG)
    page.locator("input[type=file]").set_input_files(upload)
    expect(page.get_by_text("pupils-reading.png")).to_be_visible(timeout=30_000)
    page.keyboard.press("Escape")
    assert (project / "docs/assets/uploads/pupils-reading.png").read_bytes() == PNG

    go(page, "collections/case_studies/new")
    title = {
        "title": "Reading together across two schools: a sample",
        "summary": "Invented sample: two schools paired their reading leads for a year.",
    }
    fill(page, title)
    choose(page, "themes", "Reading", "Leadership development")
    choose(page, "phases", "Primary")
    choose(page, "type", "Peer challenge project")
    choose(page, "schools", "Oak Primary School")  # the relation: by name, saved by id
    fill(page, {"academic_year": "2025-26", "contact": "Reading lead, Oak Primary School"})
    field(page, "published").fill("2026-10-01")  # the date pickers (input type=date)
    field(page, "review_by").fill("2027-10-01")
    choose(page, "status", "published")
    text = "## What we did\n\nLeads met each half term, as [the guide](https://example.org/guide) suggests.\n\n"
    markdown(page, text + "![](../assets/uploads/pupils-reading.png)")
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_role("menuitem", name="Publish now").click()
    expect(page.get_by_text("every image needs alt text")).to_be_visible()  # refused without alt text
    # Decap's persistEntry rejects with no reason when a field is invalid (decap-cms-core's
    # actions/entries.ts, `return Promise.reject()`): that one unhandled rejection, and nothing else.
    page.wait_for_timeout(500)
    assert [p.split(" at ")[0] for p in page.problems] == ["error: : undefined "]  # type: ignore[attr-defined]
    page.problems.clear()  # type: ignore[attr-defined]
    markdown(page, text + "![Two pupils reading a book together](../assets/uploads/pupils-reading.png)\n", False)
    fill(page, title)
    path = project / "case_studies/reading-together-across-two-schools-a-sample.md"
    written = publish(page, path)

    check_passes(project)
    assert path.read_text(encoding="utf-8") == written  # the check changed nothing
    assert "\nthemes:\n  - Reading\n  - Leadership development\n" in written
    assert "\npublished: 2026-10-01\n" in written and "\nschools:\n  - oak-primary\n" in written
    assert "\n## What we did\n" in written
    out = tmp_path / "out"
    built = build(project, out)
    assert built.returncode == 0, built.stderr
    listing = (out / "directory/index.html").read_text(encoding="utf-8")
    assert "Reading together across two schools: a sample" in listing
    html = (out / "case-studies/reading-together-across-two-schools-a-sample/index.html").read_text("utf-8")
    assert '<img alt="Two pupils reading a book together" src="../../assets/uploads/pupils-reading.png">' in html, (
        written
    )
    assert '<a href="https://example.org/guide">the guide</a>' in html
    assert (out / "assets/uploads/pupils-reading.png").exists()

    # Edit it again through the form: only the line changed differs.
    go(page, "collections/case_studies/entries/reading-together-across-two-schools-a-sample")
    fill(page, {"contact": "Deputy headteacher, Oak Primary School"})
    again = publish(page, path, before=written)
    assert changed_lines(written, again) == [
        "-contact: Reading lead, Oak Primary School",
        "+contact: Deputy headteacher, Oak Primary School",
    ]
    check_passes(project)
    assert_clean(page)


def test_create_and_edit_a_news_post_through_the_form(admin: Page, project: Path, tmp_path: Path) -> None:
    page = admin
    go(page, "collections/news/new")
    post = {
        "title": "Sample news: new reading network opens",
        "summary": "Invented sample: a network for reading leads meets for the first time.",
    }
    fill(page, post)
    field(page, "published").fill("2026-11-02")
    choose(page, "status", "published")
    markdown(page, "## When\n\nThe first meeting is in the spring term; see [the offer](https://example.org/offer).\n")
    fill(page, post)
    path = project / "news/sample-news-new-reading-network-opens.md"
    written = publish(page, path)
    check_passes(project)
    assert path.read_text(encoding="utf-8") == written
    out = tmp_path / "out"
    built = build(project, out)
    assert built.returncode == 0, built.stderr
    assert "Sample news: new reading network opens" in (out / "news/index.html").read_text(encoding="utf-8")

    go(page, "collections/news/entries/sample-news-new-reading-network-opens")
    fill(page, {"summary": "Invented sample: a network for reading leads meets for the first time in March."})
    again = publish(page, path, before=written)
    # Decap folds a long quoted value over two lines; all that changed is the summary's lines.
    changed = changed_lines(written, again)
    assert changed[0].startswith("-summary: ") and any(line.startswith("+summary: ") for line in changed)
    assert all(line.startswith(("-summary: ", "+summary: ", "-  ", "+  ")) for line in changed), changed
    assert without(written, "summary") == without(again, "summary")
    check_passes(project)
    assert_clean(page)


def test_add_and_edit_a_question_through_the_form(admin: Page, project: Path, tmp_path: Path) -> None:
    page = admin
    path = project / "content/questions.yml"
    original = path.read_text(encoding="utf-8")
    go(page, "collections/data/entries/questions")
    page.get_by_role("button", name="Add questions").click()
    fill(page, {"id": "who-runs-it"})
    choose(page, "topic", "Joining")
    fill(page, {"question": "Who runs the partnership?"})
    markdown(page, "A board of headteachers and council officers (an invented sample answer).")
    written = publish(page, path, before=original)
    check_passes(project)
    assert path.read_text(encoding="utf-8") == written
    assert "id: who-runs-it" in written and "id: how-to-join" in written
    out = tmp_path / "out"
    built = build(project, out)
    assert built.returncode == 0, built.stderr
    assert "Who runs the partnership?" in (out / "questions/index.html").read_text(encoding="utf-8")

    go(page, "collections/data/entries/questions")
    item = page.get_by_text("who-runs-it", exact=True).first  # a closed item shows its id
    if not item.is_visible():
        page.get_by_text(re.compile(r"^2 questions$")).click()  # open the list
    if not field(page, "question").is_visible() or field(page, "question").input_value() != "Who runs the partnership?":
        item.click()
    fill(page, {"question": "Who runs the learning partnership?"})
    again = publish(page, path, before=written)
    assert changed_lines(written, again) == [
        "-    question: Who runs the partnership?",
        "+    question: Who runs the learning partnership?",
    ]
    check_passes(project)
    assert_clean(page)
