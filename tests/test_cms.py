"""The content manager's configuration matches the schema, field for field."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import ROOT, build

from partnership.cms import cms_config
from partnership.kinds import Choice, ListOf, Text
from partnership.kinds_numeric import Date, Integer, Number
from partnership.load import load
from partnership.records import Record
from partnership.schema import CASE_STUDY, CONTENT_TYPES
from partnership.when import DayMonthOrTerm


def check_fields(fields: list[dict], record: Record, vocabularies) -> None:
    assert [f["name"] for f in fields] == [spec.name for spec in record.fields]
    for config, spec in zip(fields, record.fields, strict=True):
        assert config["required"] is spec.required, spec.name
        kind = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
        if isinstance(kind, Choice) and kind.vocabulary == "schools":
            assert config["widget"] == "relation" and config["value_field"] == "schools.*.id"
        elif isinstance(kind, Choice):
            assert config["widget"] == "select"
            expected = list(kind.fixed) or list(vocabularies[kind.vocabulary].labels.values())
            assert config["options"] == expected, spec.name
            assert config["multiple"] is isinstance(spec.kind, ListOf)
        elif isinstance(kind, Record):
            assert config["widget"] == ("list" if isinstance(spec.kind, ListOf) else "object")
            check_fields(config["fields"], kind, vocabularies)
        elif isinstance(kind, DayMonthOrTerm):  # a day, a month or a term: text with a pattern
            widget = config["field"] if isinstance(spec.kind, ListOf) else config
            assert widget["widget"] == "string" and widget["pattern"][0] == kind.json_schema()["pattern"]
        elif isinstance(kind, Date) and isinstance(spec.kind, ListOf):
            assert config["widget"] == "list" and config["field"]["widget"] == "datetime"
        elif isinstance(kind, Date):
            assert config["widget"] == "datetime" and config["time_format"] is False
        elif isinstance(kind, Number):
            assert config["widget"] == "number" and config["value_type"] == "float"
        elif isinstance(kind, Integer):
            assert config["widget"] == "number" and config["value_type"] == "int"
        elif isinstance(spec.kind, ListOf):
            assert config["widget"] == "list"
        elif isinstance(kind, Text):
            assert config["widget"] == ("markdown" if kind.markdown else "string")
            if kind.pattern:
                assert config["pattern"][0] == f"^(?:{kind.pattern})$"


def test_cms_config_matches_the_schema_field_for_field() -> None:
    project = load(ROOT)
    config = cms_config(project.vocabularies, "owner/site")
    assert config["publish_mode"] == "editorial_workflow"
    studies, data = config["collections"]
    assert studies["folder"] == "case_studies" and studies["format"] == "frontmatter"
    check_fields(studies["fields"][:-1], CASE_STUDY, project.vocabularies)
    assert studies["fields"][-1] == {
        "label": "Text of the case study",
        "name": "body",
        "widget": "markdown",
        "required": True,
    }
    files = {entry["name"]: entry for entry in data["files"]}
    for ctype in CONTENT_TYPES:
        if ctype.front_matter:
            continue
        assert files[ctype.name]["file"] == ctype.pattern
        check_fields(files[ctype.name]["fields"], ctype.record, project.vocabularies)


def test_built_admin_config_is_the_generated_one(default_site: Path) -> None:
    built = yaml.safe_load((default_site / "admin/config.yml").read_text(encoding="utf-8"))
    project = load(ROOT)
    repository = project.data["partnership"].get("repository") or "OWNER/REPOSITORY"  # as hooks/site.py gives it
    assert built == cms_config(project.vocabularies, repository)
    assert (default_site / "admin/decap-cms.js").stat().st_size > 1_000_000


def test_without_node_the_build_works_and_says_the_admin_was_skipped(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(project, out)  # fixture projects have no node_modules
    assert result.returncode == 0, result.stderr
    assert "The content manager (/admin/) was skipped" in result.stderr
    assert not (out / "admin").exists() and (out / "index.html").exists()
