"""What the content manager writes is what the checks accept, widget by widget.

Decap CMS's own formatters (decap-cms-core's frontmatter and YAML writers, run in Node from
node_modules) write the values each widget of the generated config.yml produces; the files must
then pass our strict validation. Where our YAML rules are stricter than Decap's YAML 1.2 writer
(`yes`, `on`, `1:30`, `2024-03-01` written bare), the config's pattern must refuse the value in the
form, tested with JavaScript's RegExp as Decap runs it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import MINIMAL, ROOT, make_project

from partnership.content.load import load
from partnership.outputs.cms import NO_EMPTY_ALT, cms_config
from partnership.outputs.cms_fields import GUARD_HELP

FORMAT = ROOT / "tests" / "decap" / "format.mjs"
GITHUB = {"name": "github", "repo": "o/r", "branch": "main", "base_url": "https://auth.example.org"}


def decap(jobs: list[dict[str, Any]]) -> list[Any]:
    if not (ROOT / "node_modules/decap-cms-core").is_dir():
        pytest.fail("Decap CMS is not installed: run `npm ci` (make test does)")
    result = subprocess.run(
        ["node", str(FORMAT), str(ROOT)], input=json.dumps(jobs), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def as_widgets_give(value: Any) -> Any:
    """Values as Decap's widgets hold them: dates as the datetime widget's YYYY-MM-DD text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: as_widgets_give(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_widgets_give(v) for v in value]
    return value


def fields_of(name: str) -> list[str]:
    config = cms_config(load(MINIMAL).vocabularies, GITHUB)
    collection = next(c for c in config["collections"] if c["name"] == name)
    return [f["name"] for f in collection["fields"]]


def front_matter_job(path: Path, keys: list[str]) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    front = text.split("---\n", 2)
    data = as_widgets_give(yaml.safe_load(front[1]))
    return {"format": "frontmatter", "data": {**data, "body": front[2]}, "keys": keys}


def test_every_file_of_the_site_saved_by_decap_still_passes(tmp_path: Path) -> None:
    """The real content, as Decap would write it back on save: every data file, case study and post."""
    project = tmp_path / "project"
    for part in ("content", "case_studies", "news", "docs"):
        if (ROOT / part).is_dir():  # a site may have no news
            shutil.copytree(ROOT / part, project / part)
    data = sorted((project / "content").glob("*.yml"))
    pages = sorted((project / "case_studies").glob("*.md")) + sorted((project / "news").glob("*.md"))
    jobs = [{"format": "yaml", "data": as_widgets_give(yaml.safe_load(p.read_text("utf-8"))), "keys": []} for p in data]
    jobs += [front_matter_job(p, fields_of(p.parent.name)) for p in pages]
    for path, text in zip(data + pages, decap(jobs), strict=True):
        path.write_text(text, encoding="utf-8")
    problems = load(project).problems
    assert [str(p) for p in problems] == []
    assert data and pages  # every site has data files and at least one case study


def test_each_widget_output_and_empty_optional_fields_pass(tmp_path: Path) -> None:
    values = {
        "title": "Reading: what worked, and what didn't #1",  # ': ' and ' #' make Decap quote it
        "summary": "'Quoted' at the start, [brackets], {braces}, * and & inside",
        "themes": ["Reading", "Leadership development"],  # select, multiple
        "phases": ["Primary"],
        "type": "Network",  # select, single
        "schools": [],  # relation, multiple, cleared
        "organisations": ["Invented Trust", "Another body, with a comma"],  # list of one text field
        "academic_year": "2025-26",
        "published": "2026-10-01",  # datetime with format YYYY-MM-DD, no time
        "review_by": "2027-10-01",
        "reviewed": "",  # datetime cleared
        "contact": "- a dash, then text",
        "contact_email": "",  # string cleared
        "status": "draft",
        "slug": "",
        "redirect_from": [],  # list, empty
        "body": "## Heading\n\nA [link](https://example.org/).\n",
    }
    keys = fields_of("case_studies")
    (written,) = decap([{"format": "frontmatter", "data": values, "keys": keys}])
    assert "published: 2026-10-01\n" in written and "schools: []\n" in written and 'contact_email: ""\n' in written
    project = make_project(tmp_path / "p", {"case_studies/shared-reading.md": written})
    assert [str(p) for p in load(project).problems] == []
    study = load(project).case_studies[0]
    assert study.title == values["title"] and list(study.organisations) == values["organisations"]
    assert study.reviewed is None and study.published == dt.date(2026, 10, 1)


def test_numbers_lists_of_records_and_multiline_markdown_pass(tmp_path: Path) -> None:
    accessibility = yaml.safe_load((MINIMAL / "content/accessibility.yml").read_text("utf-8"))
    accessibility = as_widgets_give(accessibility) | {"response_days": 5, "known_problems": []}
    questions = {
        "questions": [
            {"id": "how-to-join", "topic": "Joining", "question": "How does a school join?", "answer": "Email us."},
            {"id": "two", "topic": "Joining", "question": "Who: and why?", "answer": "# Not a comment\n\n- a\n- b\n"},
        ]
    }
    jobs = [{"format": "yaml", "data": d, "keys": []} for d in (accessibility, questions)]
    written = decap(jobs)
    assert "response_days: 5\n" in written[0]
    assert "answer: |\n" in written[1]  # multi-line Markdown as a block
    project = make_project(
        tmp_path / "p", {"content/accessibility.yml": written[0], "content/questions.yml": written[1]}
    )
    assert [str(p) for p in load(project).problems] == []


AMBIGUOUS = ["yes", "No", "ON", "off", "y", "1:30", "1_000", "0b101", "2024-03-01", "2024-3-1 10:00"]
ORDINARY = ["Yes, we did", "On track", "1:30 pm start", "2016-17 review", "12 schools"]
BODIES = [
    ("![](../assets/uploads/a.png)", False),
    ("Text\n\n![ ](a.png)\n", False),
    ("![A pupil reading](a.png)", True),
]


@pytest.fixture(scope="module")
def title() -> dict[str, Any]:
    """The title field of the case studies' form in the generated config.yml."""
    config = cms_config(load(MINIMAL).vocabularies, GITHUB)
    return next(f for f in config["collections"][0]["fields"] if f["name"] == "title")


@pytest.fixture(scope="module")
def decapped(title: dict[str, Any]) -> dict[tuple[str, str], list[Any]]:
    """What Decap writes and which patterns it accepts for every parametrised case below, each case's
    own jobs exactly as it would send them alone, in one run of Node rather than one run per case."""
    pattern = title["pattern"][0]
    cases: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for value in AMBIGUOUS:
        cases["ambiguous", value] = [
            {"format": "frontmatter", "data": {"title": value, "body": "Text.\n"}, "keys": ["title"]},
            {"pattern": pattern, "value": value},
        ]
    for value in ORDINARY:
        cases["ordinary", value] = [
            {"format": "frontmatter", "data": {"title": value}, "keys": []},
            {"pattern": pattern, "value": value},
        ]
    for body, _ in BODIES:
        cases["body", body] = [{"pattern": NO_EMPTY_ALT, "value": body}]
    every = [job for jobs in cases.values() for job in jobs]
    results = decap(every)
    assert len(results) == len(every), "one result for each job"
    given = iter(results)
    return {case: [next(given) for _ in jobs] for case, jobs in cases.items()}


@pytest.mark.parametrize("value", AMBIGUOUS)
def test_where_decap_writes_text_bare_that_yaml_1_1_misreads_the_form_refuses_it(
    tmp_path: Path, value: str, title: dict[str, Any], decapped: dict[tuple[str, str], list[Any]]
) -> None:
    written, pattern_accepts = decapped["ambiguous", value]
    assert f"title: {value}\n" in written  # Decap (YAML 1.2) leaves it unquoted ...
    front, _ = split_front_matter_text(written)
    assert "is read by YAML as" in check_title(tmp_path, front)  # ... which our checks refuse ...
    assert pattern_accepts is False and title["pattern"][1] == GUARD_HELP  # ... so the form refuses it first


@pytest.mark.parametrize("value", ORDINARY)
def test_the_form_accepts_ordinary_text_and_the_checks_do_too(
    tmp_path: Path, value: str, decapped: dict[tuple[str, str], list[Any]]
) -> None:
    written, accepts = decapped["ordinary", value]
    assert accepts is True
    assert check_title(tmp_path, split_front_matter_text(written)[0]) == ""


@pytest.mark.parametrize(("body", "accepted"), BODIES)
def test_the_body_pattern_refuses_an_image_without_alt_text(
    body: str, accepted: bool, decapped: dict[tuple[str, str], list[Any]]
) -> None:
    assert decapped["body", body] == [accepted]


def split_front_matter_text(text: str) -> tuple[str, str]:
    _, front, body = text.split("---\n", 2)
    return front, body


def check_title(tmp_path: Path, front: str) -> str:
    """The problems our checks find with a case study's title when written as `front` says."""
    study = (MINIMAL / "case_studies/shared-reading.md").read_text(encoding="utf-8")
    line = next(line for line in front.splitlines() if line.startswith("title:"))
    study = "\n".join(line if old.startswith("title:") else old for old in study.splitlines()) + "\n"
    folder = tmp_path / str(abs(hash(front)))
    project = make_project(folder, {"case_studies/shared-reading.md": study})
    return "\n".join(str(p) for p in load(project).problems if "title" in p.field)


def test_the_checks_refuse_an_image_without_alt_text_written_by_hand(tmp_path: Path) -> None:
    study = (MINIMAL / "case_studies/shared-reading.md").read_text(encoding="utf-8")
    body = "\n\nText.\n\n![](../assets/uploads/a.png)\n\n```\n![](in-code.png)\n```\n\n`![](inline.png)` ![ok](b.png)\n"
    project = make_project(tmp_path / "p", {"case_studies/shared-reading.md": study.rstrip("\n") + body})
    problems = [str(p) for p in load(project).problems if "alt text" in p.message]
    lines = study.rstrip("\n").count("\n") + 1
    assert len(problems) == 1  # not the image in code, nor the one with alt text
    assert problems[0].startswith(f"case_studies/shared-reading.md:{lines + 4}:")
