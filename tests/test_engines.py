"""The engine can change: MkDocs 1.x and ProperDocs (its maintained fork) build the same site.

Both run hooks/site.py unchanged through `partnership build --engine`; every file they write is
the same but for the generator tag each puts in the page head (decisions/0001-engine.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT, make_project, partnership

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): GENERATOR.sub(b"", p.read_bytes()) for p in site.rglob("*") if p.is_file()}


def _build_with_both(project: Path, tmp_path: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        out = tmp_path / f"site-{engine}"
        result = partnership("--root", str(project), "build", "--engine", engine, "--dest", str(out), cwd=project)
        assert result.returncode == 0, result.stderr
        generator = GENERATOR.search((out / "index.html").read_bytes())
        assert generator is not None and engine.encode() in generator.group().lower(), "the engine named in the page"
        sites[engine] = _files(out)
    return sites["mkdocs"], sites["properdocs"]


@pytest.mark.parametrize("which", ["fixture", "default content"])
def test_mkdocs_and_properdocs_write_the_same_site(which: str, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project") if which == "fixture" else ROOT
    mkdocs, properdocs = _build_with_both(project, tmp_path)
    assert sorted(mkdocs) == sorted(properdocs), "the same files"
    differ = [name for name in mkdocs if mkdocs[name] != properdocs[name]]
    assert not differ, f"{len(differ)} files differ beyond the generator tag, such as {differ[:5]}"
    assert len(mkdocs) > 20 and "case-studies" in "".join(mkdocs), "a whole site, case studies included"


def test_an_unknown_engine_is_refused_in_plain_words(tmp_path: Path) -> None:
    result = partnership("build", "--engine", "zensical", "--dest", str(tmp_path / "out"), cwd=ROOT)
    assert result.returncode == 2
    assert "invalid choice: 'zensical'" in result.stderr and "properdocs" in result.stderr
    assert not (tmp_path / "out").exists()
