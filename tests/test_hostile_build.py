"""Hostile content through real builds: links to files outside, a failed build leaves site/ alone,
formula cells in every CSV, placeholders left as text, and a script slipped past the sanitiser
that Chromium refuses to run.

How each test bites (checked by removing the defence, see /work/notes/issue-13.md):
- symlinks: make `files.refusal` and `files._entry_refusal` return "" and the symlink tests fail;
- CSV: make `csvfile.cell` return `str(value)` and the CSV test fails;
- placeholders: remove the generated-page guard in hooks/site.py `on_page_markdown` and the code-span test fails;
- CSP: hash every inline script (`allowed_hashes` -> `script_hashes`) and the slipped script runs.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from helpers import MINIMAL, build, make_project, partnership, static_server

if TYPE_CHECKING:  # Playwright is imported by the browser fixture only
    from playwright.sync_api import Browser

STUDY = (MINIMAL / "case_studies" / "shared-reading.md").read_text(encoding="utf-8")
SECRET = "ps-secret-outside-the-repository"


def tree(folder: Path) -> dict[str, str]:
    """Every file of a folder with the SHA-256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text(f"{SECRET}\n", encoding="utf-8")
    return path


def test_a_failed_build_leaves_the_last_good_site_unchanged(tmp_path: Path, secret: Path) -> None:
    project = make_project(tmp_path / "project")
    first = partnership("build", cwd=project)
    assert first.returncode == 0, first.stderr
    before = tree(project / "site")
    assert len(before) > 20

    (project / "docs" / "assets" / "config").symlink_to(secret)  # as a pull request could add
    (project / "case_studies" / "shared-reading.md").write_text(
        STUDY.replace("title: Shared reading in Year 2", "title: Year 6 #1 priority"), encoding="utf-8"
    )
    second = partnership("build", cwd=project)
    assert second.returncode == 1
    assert "docs/assets/config:1:1: is a symbolic link" in second.stderr
    assert "case_studies/shared-reading.md:2:8: title: YAML reads ' #' as the start of a comment" in second.stderr
    assert "site/ still holds the last good build" in second.stderr
    assert tree(project / "site") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".site-")]  # no staging folder left behind


@pytest.mark.parametrize(
    "where",
    ["docs/assets/config", "docs/assets/logo.svg", "case_studies/leak.md", "news/leak.md", "content/aims.yml"],
)
def test_a_symbolic_link_is_refused_by_check_naming_the_file(tmp_path: Path, secret: Path, where: str) -> None:
    project = make_project(tmp_path / "project")
    link = project / where
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.exists():
        link.unlink()
    link.symlink_to(secret)
    result = partnership("check", cwd=project)
    assert result.returncode == 1
    assert f"{where}:1:1: is a symbolic link to '{secret}'" in result.stdout
    assert SECRET not in result.stdout + result.stderr


def test_a_linked_folder_of_assets_is_refused_and_never_copied(tmp_path: Path, secret: Path) -> None:
    project = make_project(tmp_path / "project")
    (project / "docs" / "assets" / "outside").symlink_to(secret.parent, target_is_directory=True)
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode != 0
    assert "docs/assets/outside/:1:1: is a symbolic link" in result.stderr
    assert not out.exists() or SECRET not in "".join(
        p.read_text(errors="replace") for p in out.rglob("*") if p.is_file()
    )


SLIP_HOOK = '''
from mkdocs.plugins import event_priority


@event_priority(-50)  # after the project's own on_page_content, which sanitises the body
def on_page_content(html, page, config, files):
    """A test-only hook: a script that got past the sanitiser (as a bug in it, or in a plugin, would let one)."""
    if page.file.src_uri == "about.md":
        html += '<script>window.__slipped = "ran"; document.title = "slipped";</script><p id="slipped">here</p>'
    return html
'''

FORMULAS = {
    "title": '=HYPERLINK("https://evil.example/","Open")',
    "summary": "+cmd|' /C calc'!A0",
    "contact": "@SUM(1+1)*cmd|' /C calc'!A0",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-build")
    project = make_project(root / "project")
    study = STUDY
    for name, value in FORMULAS.items():
        old = next(line for line in study.split("\n") if line.startswith(f"{name}:"))
        study = study.replace(old, f"{name}: '{value.replace(chr(39), chr(39) * 2)}'")
    study = study.replace("We read together every day.", "Write `{{ block:contact }}` to show the contact block.")
    (project / "case_studies" / "shared-reading.md").write_text(study, encoding="utf-8")
    scorecard = (project / "content" / "scorecard.yml").read_text(encoding="utf-8")
    scorecard = scorecard.replace("title: Progress in maths", 'title: "-2+3 progress, =1+1"')
    (project / "content" / "scorecard.yml").write_text(scorecard, encoding="utf-8")
    (project / "hooks" / "slip.py").write_text(SLIP_HOOK, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks:\n", "hooks:\n  - hooks/slip.py\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    checked = partnership("check", cwd=project)
    assert checked.returncode == 0, checked.stdout  # every value above is valid text
    result = build(project, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_every_csv_the_site_writes_keeps_formulas_as_text(hostile_site: Path) -> None:
    files = sorted(hostile_site.rglob("*.csv"))
    assert {p.relative_to(hostile_site).as_posix() for p in files} >= {
        "directory/case-studies.csv",
        "impact/scorecard.csv",
    }
    cells = [
        cell
        for path in files
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
        for cell in row
    ]
    numbers = re.compile(r"-?[0-9]+(\.[0-9]+)?")  # a negative figure is a number to a spreadsheet, not a formula
    starts = [
        c for c in cells if c.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")) and not numbers.fullmatch(c)
    ]
    assert starts == [], starts
    assert '\'=HYPERLINK("https://evil.example/","Open")' in cells
    assert "'+cmd|' /C calc'!A0" in cells
    assert "'-2+3 progress, =1+1" in cells
    assert "-0.5" in cells  # a negative figure stays a number


def test_a_placeholder_in_a_case_study_is_shown_as_written(hostile_site: Path) -> None:
    page = (hostile_site / "case-studies" / "shared-reading" / "index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    email = yaml.safe_load((MINIMAL / "content" / "partnership.yml").read_text(encoding="utf-8"))["email"]
    assert "<code>{{ block:contact }}</code>" in article
    # the block was not filled in: the team's email, which the contact block links, is nowhere in the body
    assert email not in article and "mailto:" not in article


def test_chromium_refuses_to_run_a_script_slipped_past_the_sanitiser(browser: Browser, hostile_site: Path) -> None:
    page_html = (hostile_site / "about" / "index.html").read_text(encoding="utf-8")
    assert '<script>window.__slipped = "ran"' in page_html  # it did reach the page
    with static_server(hostile_site) as base:
        context = browser.new_context()
        context.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.effectiveDirective));"
        )
        page = context.new_page()
        page.goto(f"{base}/about/")
        page.wait_for_load_state("load")
        assert page.locator("#slipped").count() == 1
        assert page.evaluate("window.__slipped") is None
        assert page.title() != "slipped"
        assert "script-src-elem" in page.evaluate("window.__violations")
        assert page.evaluate("typeof __md_scope") == "object"  # Material's own scripts still ran
        context.close()
