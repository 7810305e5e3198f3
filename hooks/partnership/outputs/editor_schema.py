"""JSON Schema files for editors, from the one schema (and the current taxonomy and schools)."""

from __future__ import annotations

import json
from typing import Any

from partnership.content.context import Vocabulary
from partnership.content.schema import CONTENT_TYPES, ContentType

SCHEMA_DIR = "schemas"


def schema_for(ctype: ContentType, vocabularies: dict[str, Vocabulary]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{ctype.name}.schema.json",
        "title": f"{ctype.description} ({ctype.pattern})",
        **ctype.record.json_schema(vocabularies),
    }


def schema_files(vocabularies: dict[str, Vocabulary]) -> dict[str, str]:
    """Path (relative to the project root) -> JSON text, for every content type."""
    return {
        f"{SCHEMA_DIR}/{ctype.name}.schema.json": json.dumps(schema_for(ctype, vocabularies), indent=2) + "\n"
        for ctype in CONTENT_TYPES
    }


def editor_settings() -> dict[str, Any]:
    """yaml-language-server settings (VS Code: .vscode/settings.json) mapping schemas to files."""
    return {
        "yaml.schemas": {
            f"./{SCHEMA_DIR}/{ctype.name}.schema.json": ctype.pattern
            for ctype in CONTENT_TYPES
            if not ctype.front_matter
        }
    }
