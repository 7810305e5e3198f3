"""The content guide's and the content manager's examples come from the site's own content (issue 12, item 7):
a real theme label, school id and contact of this site, and the schema's neutral example only where it has none."""

from __future__ import annotations

import html
import re
from pathlib import Path

from helpers import MINIMAL, build, make_project

from partnership.content.examples import samples
from partnership.content.load import Project, load
from partnership.outputs.cms import cms_config

GITHUB = {"name": "github", "repo": "o/r", "branch": "main", "base_url": "https://auth.example.org"}


def renamed(old: str, new: str) -> dict[str, str | bytes | None]:
    """The fixture with one value changed in every file that has it."""
    return {
        path.relative_to(MINIMAL).as_posix(): path.read_text(encoding="utf-8").replace(old, new)
        for path in MINIMAL.rglob("*")
        if path.suffix in (".yml", ".md") and old in path.read_text(encoding="utf-8")
    }


def another_pack() -> dict[str, str | bytes | None]:
    """A second content pack: another theme label, school id and contact than the fixture's."""
    files = renamed("oak-primary", "birch-lane")
    taxonomy = (MINIMAL / "content" / "taxonomy.yml").read_text(encoding="utf-8")
    assert "label: Reading\n" in taxonomy
    files["content/taxonomy.yml"] = taxonomy.replace("label: Reading\n", "label: Early reading\n", 1)
    study = str(files["case_studies/shared-reading.md"])
    assert "contact: Headteacher, Oak Primary School" in study
    files["case_studies/shared-reading.md"] = study.replace("Headteacher, Oak Primary School", "Deputy head, Birch")
    return files


def hints(project: Project) -> dict[str, str]:
    config = cms_config(project.vocabularies, GITHUB, samples=samples(project))
    collection = next(c for c in config["collections"] if c["name"] == "case_studies")
    return {f["name"]: f.get("hint", "") for f in collection["fields"]}


def school_hints(project: Project) -> dict[str, str]:
    config = cms_config(project.vocabularies, GITHUB, samples=samples(project))
    data = next(c for c in config["collections"] if c["name"] == "data")
    schools = next(f for f in data["files"] if f["name"] == "schools")
    entry = next(f for f in schools["fields"] if f["name"] == "schools")
    return {f["name"]: f.get("hint", "") for f in entry["fields"]}


def test_the_content_managers_examples_are_each_sites_own(tmp_path: Path) -> None:
    first = load(make_project(tmp_path / "first"))
    second = load(make_project(tmp_path / "second", another_pack()))
    assert first.ok and second.ok, [*first.problems, *second.problems]
    a, b = hints(first), hints(second)
    assert a["themes"] == "Themes from the taxonomy (for example: Reading)"
    assert b["themes"] == "Themes from the taxonomy (for example: Early reading)"
    assert a["schools"].endswith("(for example: oak-primary)") and b["schools"].endswith("(for example: birch-lane)")
    assert a["contact"].endswith("(for example: Headteacher, Oak Primary School)")
    assert b["contact"].endswith("(for example: Deputy head, Birch)")
    assert school_hints(first)["id"].endswith("(for example: oak-primary)")
    assert school_hints(second)["id"].endswith("(for example: birch-lane)")


def test_with_no_value_in_the_content_the_schemas_neutral_example_is_shown(tmp_path: Path) -> None:
    study = (MINIMAL / "case_studies" / "shared-reading.md").read_text(encoding="utf-8")
    files: dict[str, str | bytes | None] = {
        "content/schools.yml": None,  # no schools: no school of this site to show
        "case_studies/shared-reading.md": study.replace("schools: [oak-primary]\n", "organisations: [A charity]\n"),
    }
    project = load(make_project(tmp_path / "project", files))
    assert project.ok, project.problems
    config = cms_config(project.vocabularies, GITHUB, samples=samples(project))
    data = next(c for c in config["collections"] if c["name"] == "data")
    schools = next(f for f in data["files"] if f["name"] == "schools")
    entry = {
        f["name"]: f.get("hint", "") for f in next(f for f in schools["fields"] if f["name"] == "schools")["fields"]
    }
    assert entry["id"].endswith("(for example: northdale)")  # the schema's own, which names no real school
    assert "for example" not in hints(project)["schools"]  # no school, and the schema gives none


def guide_example(site: Path, field: str, table: str) -> str:
    """The example cell of a field's row in the built guide's table of the given heading."""
    page = (site / "guide" / "index.html").read_text(encoding="utf-8")
    section = page.split(f">{table}<", 1)[1].split("</table>", 1)[0]
    row = re.search(rf"<tr>\s*<td><code>{field}</code></td>(.*?)</tr>", section, re.S)
    assert row, (field, table)
    return html.unescape(re.sub(r"<[^>]+>", "", re.findall(r"<td>(.*?)</td>", row.group(1), re.S)[-1])).strip()


def test_the_built_guides_examples_are_each_sites_own(tmp_path: Path) -> None:
    for name, files, theme, school in [
        ("first", None, "[Reading]", "oak-primary"),
        ("second", another_pack(), "[Early reading]", "birch-lane"),
    ]:
        project = make_project(tmp_path / name, files)
        result = build(project, tmp_path / f"{name}-site")
        assert result.returncode == 0, result.stderr
        assert guide_example(tmp_path / f"{name}-site", "themes", "Fields of case studies") == theme
        assert guide_example(tmp_path / f"{name}-site", "id", "Each entry of <code>schools</code>") == school
