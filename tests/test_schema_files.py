"""The editor schemas come from the one schema and are committed up to date."""

from __future__ import annotations

import json

from helpers import ROOT

from partnership.content.load import load
from partnership.content.schema import CONTENT_TYPES
from partnership.outputs.editor_schema import editor_settings, schema_files


def test_committed_schemas_are_up_to_date() -> None:
    project = load(ROOT)
    assert project.ok
    for relative, text in schema_files(project.vocabularies).items():
        committed = ROOT / relative
        assert committed.exists(), f"{relative} is missing: run `partnership schema`"
        assert committed.read_text(encoding="utf-8") == text, f"{relative} is out of date: run `partnership schema`"
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings == editor_settings()


def test_schemas_match_the_records_field_for_field() -> None:
    project = load(ROOT)
    files = schema_files(project.vocabularies)
    for ctype in CONTENT_TYPES:
        schema = json.loads(files[f"schemas/{ctype.name}.schema.json"])
        assert list(schema["properties"]) == [f.name for f in ctype.record.fields]
        assert schema["required"] == [f.name for f in ctype.record.fields if f.required]
        assert schema["additionalProperties"] is False
    case_study = json.loads(files["schemas/case_study.schema.json"])
    themes = [entry["label"] for entry in project.data["taxonomy"]["themes"]]
    assert case_study["properties"]["themes"]["items"]["enum"] == themes
    schools = json.loads(files["schemas/schools.schema.json"])
    assert schools["properties"]["schools"]["items"]["properties"]["urn"] == {
        "description": "Six-digit unique reference number",
        "type": "integer",
        "minimum": 100000,
        "maximum": 999999,
    }
