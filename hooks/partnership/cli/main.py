"""The `partnership` command: check content, build the site safely."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from partnership import build_date, buildcache
from partnership.cli import init as cli_init
from partnership.cli import new as cli_new
from partnership.content import parts
from partnership.content.load import Project, load, overdue_case_studies, overdue_reviews
from partnership.content.problems import errors, format_problems
from partnership.outputs.editor_schema import editor_settings, schema_files


def check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    root = Path(args.root)
    project = load(root, today=build_date())
    project.problems.extend(overdue_reviews(project))
    if args.go_live and project.ok:
        engine = cli_init.default_identity() if root.resolve() != cli_init.ENGINE else None
        project.problems.extend(cli_init.go_live_problems(project, engine))
    elapsed = time.perf_counter() - started
    if project.problems:
        print(format_problems(project.problems, args.format))
    elif args.format == "json":
        print("[]")
    failures = len(errors(project.problems))
    warnings = len(project.problems) - failures
    files = sum(value is not None for value in project.data.values())
    summary = (
        f"Checked {len(project.case_studies)} case studies, {len(project.news)} news posts, "
        f"{files} data files and {len(project.pages)} pages in {elapsed:.2f} s: "
    )
    if failures:
        summary += f"{failures} problem(s) to fix" + (f", {warnings} warning(s)." if warnings else ".")
    else:
        summary += f"no problems{f', {warnings} warning(s)' if warnings else ''}."
    print(summary, file=sys.stderr)
    if project.ok and args.format == "text":
        print(pages_summary(project), file=sys.stderr)
    if args.go_live and not failures:
        print("Ready to go live: no placeholder, sample or illustrative content found.", file=sys.stderr)
    return 1 if failures else 0


def pages_summary(project: Project) -> str:
    """Which pages the content will produce, and which optional parts it leaves out (and why)."""
    pages = parts.page_list(project)
    shown = [p for p in pages if not p.startswith(("/case-studies/", "/news/", "/schools/")) or p.count("/") == 2]
    counts = [
        (sum(p.startswith("/case-studies/") for p in pages), "case study", "case studies"),
        (sum(p.startswith("/news/") and p != "/news/" for p in pages), "news post", "news posts"),
        (sum(p.startswith("/schools/") and p != "/schools/" for p in pages), "school page", "school pages"),
    ]
    more = [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]
    lines = [
        f"The content produces {len(pages)} pages: " + ", ".join(shown) + (f", and {', '.join(more)}." if more else ".")
    ]
    there = parts.present(project)
    missing = [
        f"{page.removesuffix('index.md')} (no content/{parts.DATA_OF.get(part, part)}.yml)"
        if part in parts.DATA_OF
        else f"{page.removesuffix('index.md')} (no {'case studies' if part == 'directory' else 'news posts'})"
        for part, (page, _label) in parts.OPTIONAL.items()
        if part not in there
    ]
    if missing:
        lines.append("Optional pages this site does not have: " + ", ".join(missing) + ".")
    return "\n".join(lines)


# Engines that read mkdocs.yml and run hooks/site.py unchanged (decisions/0001-engine.md).
ENGINES = ("mkdocs", "properdocs")


def build(args: argparse.Namespace) -> int:
    """Build into a temporary folder; replace the destination only when the build succeeded."""
    root = Path(args.root).resolve()
    dest = (root / args.dest).resolve()
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=dest.parent))
    if importlib.util.find_spec(args.engine) is None:
        print(f"partnership build: {args.engine} is not installed (pip install {args.engine}).", file=sys.stderr)
        return 1
    command = [sys.executable, "-m", args.engine, "build", "--strict", "-f", str(root / "mkdocs.yml")]
    if args.cache:  # build in the cache, which keeps the last good site, then copy it out
        cache = (root / args.cache).resolve()
        environment = {**os.environ, buildcache.CACHE_VARIABLE: str(cache)}
        result = subprocess.run(
            [*command, "--dirty", "-d", str(cache / "site")], cwd=root, check=False, env=environment
        )
        if result.returncode == 0:
            shutil.copytree(cache / "site", staging, dirs_exist_ok=True)
    else:
        result = subprocess.run([*command, "--clean", "-d", str(staging)], cwd=root, check=False)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        kept = f"{args.dest}/ still holds the last good build" if dest.exists() else f"{args.dest}/ was not created"
        print(f"The build failed, so the site was not changed: {kept}.", file=sys.stderr)
        return 1
    old = None
    if dest.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=dest.parent))
        dest.rename(old / "site")
    staging.rename(dest)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    print(f"Built the site into {args.dest}/.", file=sys.stderr)
    return 0


def schema(args: argparse.Namespace) -> int:
    """Write JSON Schema files for every content type, and the editor settings that use them."""
    root = Path(args.root)
    project = load(root, today=build_date())
    if not project.ok:
        print(format_problems(project.problems), file=sys.stderr)
        print("Fix these first: the schemas list the values of content/taxonomy.yml.", file=sys.stderr)
        return 1
    files = schema_files(project.vocabularies)
    files[".vscode/settings.json"] = json.dumps(editor_settings(), indent=2) + "\n"
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"Wrote {len(files)} files: {', '.join(sorted(files))}.", file=sys.stderr)
    return 0


def report(args: argparse.Namespace) -> int:
    """List content whose review date has passed, oldest first, with whom to ask."""
    project = load(Path(args.root), today=build_date())
    late = overdue_case_studies(project)
    for study in late:
        days = (project.today - study.review_by).days
        email = f" <{study.contact_email}>" if study.contact_email else ""
        print(
            f"{study.path}: review was due {study.review_by.isoformat()} ({days} days ago); "
            f"contact: {study.contact}{email}"
        )
    print(f"{len(late)} of {len(project.case_studies)} case studies are overdue for review.", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="partnership", description="Check and build the partnership's website.")
    parser.add_argument("--root", default=".", help="the project folder (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate all content without building")
    check_parser.add_argument("--format", choices=("text", "github", "json"), default="text")
    check_parser.add_argument(
        "--go-live",
        action="store_true",
        help="also refuse what must not reach the public: example addresses, sample notices, illustrative figures",
    )
    check_parser.set_defaults(run=check)
    build_parser = commands.add_parser("build", help="build the site; keep the last good one if the build fails")
    build_parser.add_argument("--dest", default="site", help="output folder (default: site)")
    build_parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="mkdocs",
        help="the engine that runs the hooks: MkDocs 1.x, or ProperDocs, its maintained fork (default: mkdocs)",
    )
    build_parser.add_argument(
        "--cache",
        metavar="DIR",
        help="keep what the build made in DIR, so that the next build renders only the pages changes touched "
        "(CI keeps DIR between runs; a cache from other code is not used)",
    )
    build_parser.set_defaults(run=build)
    cli_new.add_parser(commands)
    cli_init.add_parser(commands)
    schema_parser = commands.add_parser("schema", help="write JSON Schema files for editors into schemas/")
    schema_parser.set_defaults(run=schema)
    report_parser = commands.add_parser("report", help="list case studies overdue for review, with their contacts")
    report_parser.set_defaults(run=report)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
