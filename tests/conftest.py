"""Shared test helpers: tiny fixture projects, real MkDocs builds, and Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
TODAY = "2026-11-22"


def make_project(dest: Path, files: dict[str, str | bytes | None] | None = None, source: Path = MINIMAL) -> Path:
    """Copy a fixture project next to the real mkdocs.yml, hooks and theme, then apply `files`.

    `files` maps project-relative paths to new contents (None deletes the file).
    """
    shutil.copytree(source, dest, dirs_exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - hooks/site.py", f"  - {ROOT / 'hooks' / 'site.py'}")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    (dest / "hooks").mkdir(exist_ok=True)  # watched by `mkdocs serve`
    for sub in ("overrides", "assets/site.css"):
        target = dest / "docs" / sub
        if not target.exists():
            copy = shutil.copytree if (ROOT / "docs" / sub).is_dir() else shutil.copy
            target.parent.mkdir(parents=True, exist_ok=True)
            copy(ROOT / "docs" / sub, target)
    for relative, content in (files or {}).items():
        path = dest / relative
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return dest


def env() -> dict[str, str]:
    return {**os.environ, "PARTNERSHIP_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}


def build(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict` of a project into `out`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )


def partnership(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed `partnership` command."""
    exe = Path(sys.executable).with_name("partnership")
    return subprocess.run([str(exe), *args], cwd=cwd, capture_output=True, text=True, env=env(), check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default site from this repository, built once per test run."""
    out = tmp_path_factory.mktemp("default-site")
    result = build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(path).exists():
        pytest.fail(f"Chromium not found at {path}; run `make test`, which installs Debian's chromium package")
    return path
