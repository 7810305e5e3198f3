"""Shared test helpers, a plain module any test may import: tiny fixture projects, real MkDocs builds,
local servers, and the helpers browser tests use on a Playwright page.

No test imports another test module or conftest; Playwright is imported only for type hints here,
so the tests that need no browser never load it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import io
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import traceback
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from click.testing import CliRunner
from mkdocs.__main__ import cli as mkdocs_cli

from partnership.cli.main import main as partnership_main
from partnership.content import parts
from partnership.content.load import load
from partnership.content.model import CaseStudy
from partnership.content.problems import Problem

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

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
        types += [f"/{studies[0].url}", f"/directory/theme/{studies[0].themes[0]}/"]
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
    """A real `mkdocs build --strict` of a project into `out`: MkDocs' own command line, run in this
    process (as `mkdocs serve` runs every rebuild in one process), which saves a Python start and the
    imports on each of the suite's hundreds of builds. Its exit code, standard output and standard
    error are returned as a subprocess would give them; an uncaught exception is written to
    standard error as the traceback a subprocess would print, so a test that looks for one finds it.
    """
    args = ["build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)]
    logger, build_log = logging.getLogger("mkdocs"), logging.getLogger("mkdocs.commands.build")
    handlers, level, filters = list(logger.handlers), logger.level, list(build_log.filters)
    before = os.getcwd()
    os.chdir(project)
    try:
        result = CliRunner().invoke(mkdocs_cli, args, env=env(), prog_name="mkdocs")
    finally:
        os.chdir(before)
        for handler in logger.handlers[:]:  # each run of the command line adds its own
            if handler not in handlers:
                logger.removeHandler(handler)
        logger.setLevel(level)
        build_log.filters[:] = filters  # and a filter that would hide a message seen in an earlier build
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback (most recent call last):\n" + "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(["mkdocs", *args], result.exit_code, result.stdout, stderr)


def partnership(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the `partnership` command (its `main`, as the installed script does) in this process, in
    `cwd`, with the tests' environment; its exit code and what it printed come back as a subprocess
    would give them (an uncaught exception as its traceback on standard error).
    `build` (which runs the engine as a child process, writing to this process's own standard error)
    and `new` (which asks at a terminal) run as the installed script, as does tests/test_cli.py's
    own test of it.
    """
    if {"build", "new"} & set(args):
        exe = Path(sys.executable).with_name("partnership")
        return subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, text=True, env=env(), check=False)
    stdout, stderr = io.StringIO(), io.StringIO()
    before, saved = os.getcwd(), dict(os.environ)
    os.chdir(cwd)
    os.environ.update(env())
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = partnership_main(list(args))
            except SystemExit as exit_:  # argparse refusing the arguments
                code = exit_.code if isinstance(exit_.code, int) else 1
            except Exception as error:  # noqa: BLE001 - shown as the traceback a subprocess would print
                code = 1
                stderr.write("Traceback (most recent call last):\n" + "".join(traceback.format_exception(error)))
    finally:
        os.chdir(before)
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(["partnership", *args], code, stdout.getvalue(), stderr.getvalue())


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
def mkdocs_serve(project: Path, *flags: str) -> Iterator[str]:
    """`mkdocs serve` of a project on a free port, once it answers, as its base URL. Without `flags`, as
    `make serve` runs it but with no watching (`--dirty --no-livereload`)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *(flags or ("--dirty", "--no-livereload"))]
        + ["-a", f"127.0.0.1:{port}", "-f", "mkdocs.yml"],
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


# --- content validation: one changed fixture file, loaded, and the one problem it gives ----------


def original(relative: str) -> str:
    return (MINIMAL / relative).read_text(encoding="utf-8")


def replaced(relative: str, old: str, new: str) -> str:
    """A fixture file with one exact piece of text replaced (which must be there)."""
    text = original(relative)
    assert old in text, f"{old!r} is not in {relative}"
    return text.replace(old, new, 1)


def problems_for(tmp_path: Path, files: dict[str, str | bytes | None]) -> list[Problem]:
    return load(make_project(tmp_path / "project", files)).problems


def shown(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems) or "(no problems)"


def expect(
    problems: list[Problem], path: str, line: int | None, column: int | None, field: str, phrase: str
) -> Problem:
    """Exactly one problem, in `path` at `line`:`column` (None: not checked), about `field`, saying `phrase`."""
    assert len(problems) == 1, shown(problems)
    problem = problems[0]
    assert problem.path == path, shown(problems)
    assert problem.field == field, shown(problems)
    assert phrase in problem.message, shown(problems)
    assert problem.severity == "error"
    if line is not None:
        assert problem.line == line, shown(problems)
    if column is not None:
        assert problem.column == column, shown(problems)
    return problem


# --- the default partnership's own words (tests/test_no_partnership_words.py, the example site) ---


def _data(name: str) -> dict:
    path = ROOT / "content" / f"{name}.yml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}


def default_words() -> set[str]:
    identity = _data("partnership")
    words = {identity["name"], identity["short_name"], identity["borough"], identity["council"]}
    # the proper names inside the borough's and council's names ("London Borough of X": London, X)
    generic = {"borough", "council", "city", "county", "district", "royal", "london borough"}
    names = re.findall(r"\b[A-Z][\w'-]{3,}", identity["borough"] + " " + identity["council"])
    words |= {w for w in names if w.casefold() not in generic}
    for grouping in _data("schools").get("groupings") or []:
        words |= {grouping["called"], grouping["plural"]}
        words |= {size["called"] for size in grouping.get("sizes") or [] if size.get("called")}
    words |= {c["label"] for c in _data("scorecard").get("comparators") or []}
    words |= {"peer challenge", "peer-challenge"}  # the model itself, however it is spelt
    return {w for w in words if w}


# --- pages that record Content Security Policy violations (browser tests) --------------------

# Runs before any script of the page (Playwright's init scripts are not subject to the policy).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${where}`);
});
"""


def open_page(browser: Browser, origin: str) -> Page:
    """A page that records policy violations, errors and requests to other origins (which it blocks)."""
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]

    def console(message) -> None:
        if message.type == "error" or "Content Security Policy" in message.text:
            page.problems.append(message.text)  # type: ignore[attr-defined]

    page.on("console", console)
    page.on("pageerror", lambda e: page.problems.append(str(e)))  # type: ignore[attr-defined]
    block_offsite(page, origin)
    return page


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__cspViolations") + page.problems  # type: ignore[attr-defined]


def a_case_study(**changes: object) -> CaseStudy:
    """A valid, typed case study for unit tests of what reads one (fields as the loader would give them)."""
    fields: dict[str, object] = {
        "slug": "x",
        "path": "case_studies/x.md",
        "title": "Shared reading",
        "summary": "Two schools paired up.",
        "themes": ("reading",),
        "phases": ("primary",),
        "type": "project",
        "schools": (),
        "organisations": (),
        "academic_year": "2016-17",
        "published": dt.date(2017, 7, 14),
        "review_by": dt.date(2027, 7, 14),
        "reviewed": None,
        "contact": "Headteacher",
        "contact_email": None,
        "status": "published",
        "redirect_from": (),
        "image": None,
        "body": "Text.",
    }
    return CaseStudy(**{**fields, **changes})  # type: ignore[arg-type]
