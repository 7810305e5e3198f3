"""The content manager at /admin/ (Decap CMS): its configuration, written from the one schema.

Decap CMS was chosen over Sveltia CMS because Sveltia's login screen fetches fonts and version
information from other origins (jsDelivr, unpkg, githubstatus.com); Decap's makes no request
beyond the site itself. Its JavaScript comes from the npm registry (package-lock.json).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .context import Vocabulary
from .kinds import Choice, Kind, ListOf, Text
from .kinds_numeric import Date, Integer, Number
from .records import Field, Record
from .schema import CONTENT_TYPES, ContentType
from .when import DayMonthOrTerm

DIST = Path("node_modules/decap-cms/dist")
SCRIPT = "decap-cms.js"


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _widget(kind: Kind, vocabularies: dict[str, Vocabulary]) -> dict[str, Any]:
    """The Decap widget settings for one kind of value."""
    many = isinstance(kind, ListOf)
    item = kind.item if many else kind
    if isinstance(item, Choice):
        if item.vocabulary == "schools":
            return {
                "widget": "relation",
                "collection": "data",
                "file": "schools",
                "search_fields": ["schools.*.name"],
                "display_fields": ["schools.*.name"],
                "value_field": "schools.*.id",
                "multiple": many,
            }
        vocab = vocabularies.get(item.vocabulary)
        options = list(item.fixed) or (vocab.written() if vocab else [])
        return {"widget": "select", "options": options, "multiple": many}
    if many:
        if isinstance(item, Record):
            return {"widget": "list", "fields": [field_config(f, vocabularies) for f in item.fields]}
        if isinstance(item, Text):
            return {"widget": "list"}  # a list of plain text
        return {"widget": "list", "field": {"label": "Item", "name": "item", **_widget(item, vocabularies)}}
    if isinstance(item, Record):
        return {"widget": "object", "fields": [field_config(f, vocabularies) for f in item.fields]}
    if isinstance(item, DayMonthOrTerm):  # a day, or a month or term: written as text
        return {"widget": "string", "pattern": [item.json_schema()["pattern"], "a date, a month or a term"]}
    if isinstance(item, Date):
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    if isinstance(item, Integer):
        return {"widget": "number", "value_type": "int", "min": item.minimum, "max": item.maximum}
    if isinstance(item, Number):
        return {"widget": "number", "value_type": "float", "min": item.minimum, "max": item.maximum}
    if isinstance(item, Text):
        widget: dict[str, Any] = {"widget": "markdown" if item.markdown else "string"}
        if item.pattern:
            widget["pattern"] = [f"^(?:{item.pattern})$", item.pattern_help.removeprefix("is not ")]
        return widget
    raise TypeError(f"no widget for {item!r}")  # pragma: no cover


def field_config(spec: Field, vocabularies: dict[str, Vocabulary]) -> dict[str, Any]:
    config = {"label": _label(spec.name), "name": spec.name, **_widget(spec.kind, vocabularies)}
    config["required"] = spec.required
    if spec.help:
        config["hint"] = spec.help
    return {k: v for k, v in config.items() if v is not None}


def _collection_for_data(ctype: ContentType, vocabularies: dict[str, Vocabulary]) -> dict[str, Any]:
    return {
        "label": ctype.description,
        "name": ctype.name,
        "file": ctype.pattern,
        "fields": [field_config(f, vocabularies) for f in ctype.record.fields],
    }


def cms_config(vocabularies: dict[str, Vocabulary], repository: str, branch: str = "main") -> dict[str, Any]:
    study = next(t for t in CONTENT_TYPES if t.name == "case_study")
    body = {"label": "Text of the case study", "name": "body", "widget": "markdown", "required": True}
    return {
        "backend": {"name": "github", "repo": repository, "branch": branch},
        "publish_mode": "editorial_workflow",  # a save opens a pull request; the checks run on it
        "media_folder": "docs/assets/uploads",
        "public_folder": "/assets/uploads",
        "collections": [
            {
                "label": "Case studies",
                "name": "case_studies",
                "folder": "case_studies",
                "extension": "md",
                "format": "frontmatter",
                "create": True,
                "slug": "{{slug}}",
                "summary": "{{title}}",
                "fields": [field_config(f, vocabularies) for f in study.record.fields] + [body],
            },
            {
                "label": "Site data",
                "name": "data",
                "files": [_collection_for_data(t, vocabularies) for t in CONTENT_TYPES if not t.front_matter],
            },
        ],
    }


def cms_files(vocabularies: dict[str, Vocabulary], repository: str, root: Path) -> dict[str, str | Path]:
    """Site path -> text or file to copy, for /admin/; empty when `npm ci` has not been run."""
    dist = root / DIST
    if not (dist / SCRIPT).is_file():
        return {}
    files: dict[str, str | Path] = {
        "admin/config.yml": yaml.safe_dump(cms_config(vocabularies, repository), sort_keys=False, allow_unicode=True),
        "admin/index.html": (
            '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="robots" content="noindex">\n<title>Content manager</title>\n</head>\n'
            f'<body>\n<script src="{SCRIPT}"></script>\n</body>\n</html>\n'
        ),
    }
    for path in sorted(dist.glob("*decap-cms.js")):  # the bundle and the chunks it loads on demand
        files[f"admin/{path.name}"] = path
    return files
