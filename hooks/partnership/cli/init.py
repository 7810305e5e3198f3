"""`partnership init DIR` (a new site that builds) and `partnership check --go-live` (no placeholder goes public)."""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from partnership import build_date
from partnership.cli.starter import STARTER_NAME, starter_files
from partnership.content.load import Project, load
from partnership.content.problems import Problem
from partnership.outputs.editor_schema import schema_files

ENGINE = Path(__file__).resolve().parents[3]  # the repository this package was installed from
# What `init` copies from the engine: everything but one partnership's content.
LEFT_OUT = {".git", ".venv", "node_modules", ".pytest_cache", ".ruff_cache", "__pycache__"}  # anywhere
# At the top only: one partnership's content and what is built from it (tests/fixtures/ keep theirs).
TOP_LEFT_OUT = {
    "content",
    "case_studies",
    "news",
    "examples",
    "schemas",
    "bench",
    "site",
    "screenshots",
    ".build-cache",
}


def _ignore(folder: str, names: list[str]) -> set[str]:
    here = Path(folder).resolve()
    out = {n for n in names if n in LEFT_OUT or n.endswith(".egg-info") or n.startswith(".site-")}
    if here == ENGINE:
        out |= TOP_LEFT_OUT & set(names)
    if here == ENGINE / "docs":
        out |= {n for n in names if n.endswith(".md")}
    if here == ENGINE / "docs" / "assets":
        out |= {"logo.svg"}
    return out


def init(args: argparse.Namespace) -> int:
    dest = Path(args.directory).resolve()
    if dest.exists() and any(dest.iterdir()):
        print(f"partnership init: {args.directory} is not empty; give a new or empty folder.", file=sys.stderr)
        return 1
    if not (ENGINE / "mkdocs.yml").is_file():
        print("partnership init: run it from an installed copy of the partnership-site repository.", file=sys.stderr)
        return 1
    shutil.copytree(ENGINE, dest, ignore=_ignore, dirs_exist_ok=True)
    for relative, text in starter_files(build_date()).items():
        path = dest / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    project = load(dest, today=build_date())
    if project.ok:
        for relative, text in schema_files(project.vocabularies).items():
            (dest / relative).parent.mkdir(parents=True, exist_ok=True)
            (dest / relative).write_text(text, encoding="utf-8")
    print(
        f"Wrote a new site in {args.directory}/: content/partnership.yml (who you are), docs/index.md "
        "(the welcome), docs/privacy.md, content/accessibility.yml and one sample case study. "
        f"Next: cd {args.directory} && make serve. Before going live: partnership check --go-live.",
        file=sys.stderr,
    )
    return 0


_PLACEHOLDER_ADDRESS = re.compile(r"(?:https?://)?[\w.+-]*@?(?:[\w-]+\.)*example\.(?:org|com|net)\b[\w/.-]*", re.I)
_SAMPLE = re.compile(r"\b(sample|invented|illustrative|placeholder)\b", re.IGNORECASE)


def _text_files(root: Path) -> list[Path]:
    files = sorted((root / "content").glob("*.yml")) + sorted((root / "docs").rglob("*.md"))
    return files + sorted((root / "case_studies").glob("*.md")) + sorted((root / "news").glob("*.md"))


def _line_of(lines: list[str], pattern: str) -> tuple[int, int]:
    for number, line in enumerate(lines, start=1):
        at = line.find(pattern)
        if at >= 0:
            return number, at + 1
    return 1, 1


def go_live_problems(project: Project, default_identity: dict[str, Any] | None = None) -> list[Problem]:
    """What must not reach the public: example addresses, sample notices, illustrative figures, another's name."""
    root = project.root
    problems: list[Problem] = []
    identity = project.data.get("partnership") or {}
    others = []
    if default_identity and default_identity.get("name") != identity.get("name"):
        others = [default_identity[key] for key in ("name", "short_name", "borough") if default_identity.get(key)]
    for path in _text_files(root):
        shown = path.relative_to(root).as_posix()
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for number, line in enumerate(lines, start=1):
            if line.lstrip().startswith("#") and path.suffix == ".yml":
                continue  # comments are not published
            for match in _PLACEHOLDER_ADDRESS.finditer(line):
                problems.append(
                    Problem(
                        shown,
                        number,
                        match.start() + 1,
                        "",
                        f"'{match.group()}' is a placeholder address; give the real one before going live",
                    )
                )
            for name in others:
                named = re.search(rf"\b{re.escape(name)}\b", line)
                if named:
                    problems.append(
                        Problem(
                            shown,
                            number,
                            named.start() + 1,
                            "",
                            f"names '{name}', the default partnership, on another partnership's site",
                        )
                    )
            sample = _SAMPLE.search(line)
            if sample and path.suffix == ".md":
                problems.append(
                    Problem(shown, number, sample.start() + 1, "", f"says '{sample.group()}'; replace sample content")
                )
    if identity.get("name") == STARTER_NAME:
        problems.append(
            Problem("content/partnership.yml", 2, 7, "name", f"'{STARTER_NAME}' is the starter's; give your own name")
        )
    if not identity.get("website"):
        problems.append(
            Problem("content/partnership.yml", 1, 1, "website", "is missing; give the site's public address")
        )
    problems += _data_problems(project)
    return sorted(set(problems))


def _data_problems(project: Project) -> list[Problem]:
    root, data = project.root, project.data
    out = []

    def add(file: str, find: str, field: str, message: str) -> None:
        lines = (root / file).read_text(encoding="utf-8").splitlines()
        line, column = _line_of(lines, find)
        out.append(Problem(file, line, column, field, message))

    schools = data.get("schools")
    if schools and schools.get("notice"):
        add("content/schools.yml", "notice:", "notice", "is a sample-data notice; publish the real schools first")
    for index, figure in enumerate((data.get("offer") or {}).get("figures") or []):
        if not figure["source"]:
            add(
                "content/offer.yml",
                str(figure["value"]),
                f"figures[{index}].source",
                "is missing: the figure is shown as illustrative; give its source or take it out",
            )
    for index, measure in enumerate((data.get("scorecard") or {}).get("measures") or []):
        if not measure["source"]:
            add(
                "content/scorecard.yml",
                f"id: {measure['id']}",
                f"measures[{index}].source",
                "is missing: the figures are shown as illustrative; give their source or take the measure out",
            )
    return out


def default_identity() -> dict[str, Any] | None:
    """The identity of the engine's own default content, when this site is another partnership's."""
    path = ENGINE / "content" / "partnership.yml"
    if not path.is_file():
        return None
    engine = load(ENGINE, today=build_date())
    return engine.data.get("partnership")


def add_parser(commands: Any) -> None:
    init_parser = commands.add_parser("init", help="write a new partnership's site into DIR: it builds as it is")
    init_parser.add_argument("directory", metavar="DIR")
    init_parser.set_defaults(run=init)
