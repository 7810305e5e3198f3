"""The content manager's configuration: from the schema field for field, and its backend from `cms:`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from helpers import MINIMAL, ROOT, build, make_project
from sitefacts import BACKEND

from partnership.content.examples import samples
from partnership.content.kinds import Choice, ListOf, Text
from partnership.content.kinds_numeric import Date, Integer, Number
from partnership.content.load import load
from partnership.content.records import Record
from partnership.content.schema import CONTENT_TYPES, content_type
from partnership.content.schema_cms import backend_config
from partnership.content.when import DayMonthOrTerm
from partnership.content.yaml11 import yaml11_reading
from partnership.outputs.cms import admin_policy, cms_config
from partnership.outputs.cms_fields import GUARD

GITHUB = {"name": "github", "repo": "owner/site", "branch": "main", "base_url": "https://auth.example.org"}
PARTNERSHIP = (MINIMAL / "content/partnership.yml").read_text(encoding="utf-8")


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
            if config["widget"] == "object" and not spec.required:  # an optional object's fields may all be empty
                assert all(field["required"] is False for field in config["fields"]), spec.name
                loosened = [{**f, "required": s.required} for f, s in zip(config["fields"], kind.fields, strict=True)]
                check_fields(loosened, kind, vocabularies)
            else:
                check_fields(config["fields"], kind, vocabularies)
        elif isinstance(kind, DayMonthOrTerm):  # a day, a month or a term: text with a pattern
            widget = config["field"] if isinstance(spec.kind, ListOf) else config
            assert widget["widget"] == "string" and widget["pattern"][0] == kind.json_schema()["pattern"]
        elif isinstance(spec.kind, ListOf):  # one input per item, never Decap's comma-separated list
            assert config["widget"] == "list" and "fields" not in config, spec.name
            check_fields([config["field"] | {"name": spec.name, "required": spec.required}], _one(spec), vocabularies)
        elif isinstance(kind, Date):
            assert config["widget"] == "datetime" and config["time_format"] is False
            assert config["format"] == "YYYY-MM-DD" and "default" not in config
        elif isinstance(kind, Number):
            assert config["widget"] == "number" and config["value_type"] == "float"
        elif isinstance(kind, Integer):
            assert config["widget"] == "number" and config["value_type"] == "int"
        elif isinstance(kind, Text):
            assert config["widget"] == ("markdown" if kind.markdown else "string")
            assert config["pattern"][0].startswith(f"^{GUARD}"), spec.name
            if kind.pattern:
                assert config["pattern"][0] == f"^{GUARD}(?:{kind.pattern})$"


def _one(spec) -> Record:
    from partnership.content.records import Field

    return Record(noun="one item", fields=[Field(spec.name, spec.kind.item, required=spec.required)])


def test_cms_config_matches_the_schema_field_for_field() -> None:
    project = load(ROOT)
    config = cms_config(project.vocabularies, GITHUB)
    assert config["backend"] == GITHUB and config["publish_mode"] == "editorial_workflow"
    studies, news, data = config["collections"]
    for collection, ctype in ((studies, "case_study"), (news, "news")):
        assert collection["folder"] + "/*.md" == content_type(ctype).pattern and collection["format"] == "frontmatter"
        check_fields(collection["fields"][:-1], content_type(ctype).record, project.vocabularies)
        body = collection["fields"][-1]
        assert body["name"] == "body" and body["widget"] == "markdown" and body["required"] is True
        # Uploads go inside docs/, linked from the page one folder down, as the strict build checks them.
        assert collection["media_folder"] == "/docs/assets/uploads"
        assert collection["public_folder"] == "../assets/uploads"
    files = {entry["name"]: entry for entry in data["files"]}
    for ctype in CONTENT_TYPES:
        if ctype.front_matter:
            continue
        assert files[ctype.name]["file"] == ctype.pattern
        check_fields(files[ctype.name]["fields"], ctype.record, project.vocabularies)


def widgets(fields: list[dict]) -> set[str]:
    found = set()
    for field in fields:
        found.add(field["widget"])
        found |= widgets(field.get("fields", []) + ([field["field"]] if "field" in field else []))
    return found


def test_the_generated_config_uses_only_the_widgets_whose_output_is_tested() -> None:
    """tests/test_cms_output.py checks Decap's output for each of these; no boolean widget is used."""
    config = cms_config(load(ROOT).vocabularies, GITHUB)
    used = set()
    for collection in config["collections"]:
        for entry in [collection, *collection.get("files", [])]:
            used |= widgets(entry.get("fields", []))
    assert used == {"string", "markdown", "select", "relation", "list", "object", "datetime", "number"}


@pytest.mark.parametrize(
    "value",
    ["yes", "No", "ON", "off", "y", "~", "1:30", "1_000", "0777", "0b101", "12", "1.5", ".inf", "2024-03-01", "="],
)
def test_the_text_guard_refuses_what_yaml_1_1_misreads(value: str) -> None:
    assert yaml11_reading(value) or value == "~"
    if value != "~":  # YAML 1.2 quotes ~ itself (null); the others it writes bare
        assert not re.fullmatch(f"{GUARD}[\\s\\S]*", value)


@pytest.mark.parametrize("value", ["Yes, we did", "Reading at 1:30 pm", "2016-17", "Cedar Park", "No.", "ON TRACK"])
def test_the_text_guard_lets_ordinary_text_through(value: str) -> None:
    assert re.fullmatch(f"{GUARD}[\\s\\S]*", value)


@pytest.mark.parametrize(
    ("cms", "expected"),
    [
        (
            {"backend": "github", "base_url": "https://auth.example.org/", "auth_endpoint": "auth"},
            {"name": "github", "base_url": "https://auth.example.org", "auth_endpoint": "auth"},
        ),
        (
            {"backend": "gitlab", "app_id": "abc123"},
            {"name": "gitlab", "base_url": "https://gitlab.com", "auth_type": "pkce", "app_id": "abc123"}
            | {"api_root": "https://gitlab.com/api/v4"},
        ),
        (
            {"backend": "forgejo", "app_id": "id-1", "base_url": "https://codeberg.org"},
            {"name": "forgejo", "base_url": "https://codeberg.org", "auth_type": "pkce", "app_id": "id-1"}
            | {"api_root": "https://codeberg.org/api/v1", "auth_endpoint": "login/oauth/authorize"},
        ),
        ({"backend": "none"}, None),
    ],
)
def test_backend_config(cms: dict, expected: dict | None) -> None:
    values = dict.fromkeys(("base_url", "auth_endpoint", "app_id", "api_root", "repo", "branch")) | cms
    result = backend_config(values, "owner/site")
    if expected is None:
        assert result is None
    else:
        assert result == {"repo": "owner/site", "branch": "main", **expected}


def check(tmp_path: Path, cms: str) -> list[str]:
    project = make_project(tmp_path / "p", {"content/partnership.yml": PARTNERSHIP + cms})
    return [str(p) for p in load(project).problems]


@pytest.mark.parametrize(
    ("cms", "message"),
    [
        ("cms:\n  backend: github\n", "14:3: cms.base_url: is missing; GitHub needs the address of your OAuth client"),
        ("cms:\n  backend: gitlab\n", "cms.app_id: is missing; add the Application ID of the OAuth application"),
        ("cms:\n  backend: gitea\n  app_id: x\n", "cms.base_url: is missing; add the address of your gitea server"),
        ("cms:\n  backend: githb\n", "14:12: cms.backend: 'githb' is not a backend; choose one of: github, gitlab"),
        ("cms:\n  backend: none\n  app_id: x\n", "15:11: cms.app_id: is not used when backend is none; remove it"),
        (
            "cms:\n  backend: github\n  base_url: https://a.example\n  auth_endpoint: /auth\n",
            "cms.auth_endpoint: '/auth' should be a path on base_url without a leading /",
        ),
        ("cms:\n  backend: github\n  base_url: auth.example\n", "cms.base_url: 'auth.example' is not a web address"),
        ("cms:\n  backend: github\n  bas_url: https://a.example\n", "'bas_url' is not a field of the content manager"),
    ],
)
def test_bad_cms_settings_are_reported_with_the_fix(tmp_path: Path, cms: str, message: str) -> None:
    problems = check(tmp_path, cms)
    assert any(message in p for p in problems), problems


def test_the_built_admin_carries_the_configured_backend(default_site: Path) -> None:
    if BACKEND is None:  # no content manager online: no /admin/ at all
        assert not (default_site / "admin").exists()
        return
    built = yaml.safe_load((default_site / "admin/config.yml").read_text(encoding="utf-8"))
    project = load(ROOT)
    identity = project.identity
    backend = backend_config(identity["cms"], identity["repository"])
    # the fields' examples are this site's own values
    assert backend == BACKEND and built == cms_config(project.vocabularies, backend, samples=samples(project))
    assert built["backend"]["base_url"] == identity["cms"]["base_url"]  # the OAuth client, not Netlify
    assert (default_site / "admin/decap-cms.js").stat().st_size > 1_000_000
    index = (default_site / "admin/index.html").read_text(encoding="utf-8")
    assert admin_policy(built["backend"]).replace("'", "'") in index
    headers = (default_site / "_headers").read_text(encoding="utf-8")
    assert f"/admin/*\n  Content-Security-Policy: {admin_policy(built['backend'], header=True)}\n" in headers
    setup = (default_site / "admin/cms-setup.js").read_text(encoding="utf-8")
    for style in re.findall(r'"\.\./([^"]+\.css)"', setup):
        assert (default_site / style).is_file(), style  # the preview's stylesheets are the site's own
    assert "assets/site.css" in setup and "assets/stylesheets/main." in setup


def test_admin_policy_allows_only_the_backend() -> None:
    gitlab = backend_config(
        dict.fromkeys(("base_url", "auth_endpoint", "api_root", "repo", "branch"))
        | {"backend": "gitlab", "app_id": "a", "base_url": "https://git.example.gov.uk"},
        "o/r",
    )
    policy = admin_policy(gitlab)
    assert "connect-src 'self' blob: https://git.example.gov.uk;" in policy
    assert "github" not in policy and "netlify" not in policy


def test_without_node_the_build_works_and_says_the_admin_was_skipped(tmp_path: Path) -> None:
    cms = "cms:\n  backend: gitlab\n  app_id: abc\n"
    project = make_project(tmp_path / "p", {"content/partnership.yml": PARTNERSHIP + cms})
    out = tmp_path / "out"
    result = build(project, out)  # fixture projects have no node_modules
    assert result.returncode == 0, result.stderr
    assert "The content manager (/admin/) was skipped" in result.stderr
    assert not (out / "admin").exists() and (out / "index.html").exists()


def test_with_backend_none_the_admin_is_not_built_and_the_build_says_so(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"content/partnership.yml": PARTNERSHIP + "cms:\n  backend: none\n"})
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # Decap is installed, and still left out
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    assert "The content manager (/admin/) was not built: content/partnership.yml has cms: backend: none" in (
        result.stderr
    )
    assert not (out / "admin").exists()
    assert "/admin/" not in (out / "_headers").read_text(encoding="utf-8").split("content manager")[0]
