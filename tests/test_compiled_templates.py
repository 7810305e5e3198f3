"""Compiled templates are kept for the process (hooks/partnership/compiled_templates.py), but never stale."""

from __future__ import annotations

from pathlib import Path

from helpers import build, make_project
from jinja2 import DictLoader, Environment

from partnership.compiled_templates import compiled_templates


def test_an_edited_template_is_compiled_again_and_an_unchanged_one_is_reused() -> None:
    sources = {"page.html": "first {{ x }}"}
    first = Environment(loader=DictLoader(sources))
    cache = first.bytecode_cache = compiled_templates(first)
    assert first.get_template("page.html").render(x=1) == "first 1"
    stored = dict(cache.code)
    assert len(stored) == 1

    again = Environment(loader=DictLoader(sources))
    again.bytecode_cache = compiled_templates(again)
    assert again.bytecode_cache is cache
    assert again.get_template("page.html").render(x=2) == "first 2"
    assert cache.code == stored  # reused, not compiled again

    sources["page.html"] = "second {{ x }}"
    edited = Environment(loader=DictLoader(sources))
    edited.bytecode_cache = compiled_templates(edited)
    assert edited.get_template("page.html").render(x=3) == "second 3"
    assert cache.code != stored


def test_environments_that_compile_differently_never_share_code() -> None:
    plain = Environment(loader=DictLoader({}))
    trimmed = Environment(loader=DictLoader({}), trim_blocks=True)
    other_syntax = Environment(loader=DictLoader({}), variable_start_string="[[", variable_end_string="]]")
    caches = {id(compiled_templates(env)) for env in (plain, trimmed, other_syntax)}
    assert len(caches) == 3


def test_a_rebuild_in_the_same_process_shows_an_edited_theme_template(tmp_path: Path) -> None:
    """As under `mkdocs serve`: build, edit the site's own template override, build again in this process."""
    project = make_project(tmp_path / "project")
    main = project / "docs" / "overrides" / "main.html"
    assert build(project, tmp_path / "one").returncode == 0
    assert "EDITED-TEMPLATE-MARK" not in (tmp_path / "one" / "index.html").read_text(encoding="utf-8")
    text = main.read_text(encoding="utf-8")
    assert "{% block content %}" in text
    main.write_text(text.replace("{% block content %}", "{% block content %}<p>EDITED-TEMPLATE-MARK</p>", 1))
    assert build(project, tmp_path / "two").returncode == 0
    assert "EDITED-TEMPLATE-MARK" in (tmp_path / "two" / "index.html").read_text(encoding="utf-8")
