"""The `partnership` command for people: scaffolding new content."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from helpers import build, env, partnership

STUDY = [
    "new",
    "case-study",
    "--title",
    "Maths talk: reasoning aloud in Year 4",
    "--summary",
    'Pupils explain "why" in every maths lesson.',
    "--themes",
    "Reading, Writing",
    "--phases",
    "Primary",
    "--type",
    "Network",
    "--schools",
    "oak-primary",
    "--contact",
    "Mathematics lead, Oak Primary School",
]


def test_new_case_study_passes_check_with_a_unique_slug_and_todays_date(project: Path) -> None:
    first = partnership(*STUDY, cwd=project)
    assert first.returncode == 0, first.stderr
    second = partnership(*STUDY, cwd=project)
    assert second.returncode == 0, second.stderr
    written = sorted(p.name for p in (project / "case_studies").glob("maths-*.md"))
    assert written == ["maths-talk-reasoning-aloud-in-year-4-2.md", "maths-talk-reasoning-aloud-in-year-4.md"]
    text = (project / "case_studies" / written[1]).read_text(encoding="utf-8")
    assert "published: 2026-11-22\n" in text and "review_by: 2028-11-22\n" in text
    assert "academic_year: 2026-27\n" in text and "status: draft\n" in text
    checked = partnership("check", cwd=project)
    assert checked.returncode == 0, checked.stdout
    assert "Checked 3 case studies" in checked.stderr


def test_new_case_study_refuses_bad_values_and_writes_nothing(project: Path) -> None:
    args = [*STUDY]
    args[args.index("Reading, Writing")] = "Readng"
    result = partnership(*args, cwd=project)
    assert result.returncode == 1
    assert "themes[0]: 'Readng' is not a known theme; did you mean 'Reading'?" in result.stderr
    assert not list((project / "case_studies").glob("maths-*.md"))


def test_the_installed_command_checks_a_project_and_refuses_a_bad_one(project: Path) -> None:
    """The script pip installs (the other tests call its `main` in this process)."""
    exe = str(Path(sys.executable).with_name("partnership"))
    good = subprocess.run([exe, "check"], cwd=project, capture_output=True, text=True, env=env(), check=False)
    assert good.returncode == 0 and "no problems" in good.stderr, good.stderr
    study = project / "case_studies" / "shared-reading.md"
    study.write_text(study.read_text(encoding="utf-8").replace("themes: [Reading]", "themes: [Readng]"), "utf-8")
    bad = subprocess.run([exe, "check"], cwd=project, capture_output=True, text=True, env=env(), check=False)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "'Readng' is not a known theme; did you mean 'Reading'?" in bad.stdout + bad.stderr
    assert "Traceback" not in bad.stderr


def test_new_without_a_terminal_names_the_missing_flag(project: Path) -> None:
    result = partnership("new", "case-study", "--title", "Only a title", cwd=project)
    assert result.returncode != 0
    assert "--summary is needed" in result.stderr
    assert "Traceback" not in result.stderr


def test_new_question_appends_an_entry_that_passes_check(project: Path) -> None:
    result = partnership(
        "new", "question", "--topic", "Joining", "--question", "Can academies join?", "--answer", "Yes.", cwd=project
    )
    assert result.returncode == 0, result.stderr
    text = (project / "content/questions.yml").read_text(encoding="utf-8")
    assert '  - id: can-academies-join\n    topic: "Joining"\n' in text
    assert partnership("check", cwd=project).returncode == 0
    bad = partnership("new", "question", "--topic", "Joinng", "--question", "Q?", "--answer", "A.", cwd=project)
    assert bad.returncode == 1 and "did you mean 'Joining'?" in bad.stderr
    assert (project / "content/questions.yml").read_text(encoding="utf-8") == text


def test_new_news_post_passes_check_and_is_published_with_its_feed(project: Path, tmp_path: Path) -> None:
    result = partnership(
        "new",
        "news",
        "--title",
        "Board meets: new lead schools",
        "--summary",
        "Four lead schools.",
        "--status",
        "published",
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    post = project / "news/board-meets-new-lead-schools.md"
    assert "published: 2026-11-22\n" in post.read_text(encoding="utf-8")
    assert partnership("check", cwd=project).returncode == 0
    out = tmp_path / "out"
    assert build(project, out).returncode == 0
    assert "Board meets: new lead schools</h1>" in (out / "news/board-meets-new-lead-schools/index.html").read_text()
    feed = ET.parse(out / "news/feed.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert titles == ["News from the Testborough Learning Partnership", "Board meets: new lead schools"]
