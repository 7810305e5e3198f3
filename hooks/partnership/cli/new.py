"""`partnership new case-study` and `partnership new question`: every prompt is also a flag."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from partnership import build_date
from partnership.cli.scaffold import case_study_text, news_text, question_text, unique_slug
from partnership.content.load import Project, load
from partnership.content.problems import format_problems
from partnership.formats import slugs

Ask = Callable[[str], str]


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _value(args: argparse.Namespace, name: str, question: str, ask: Ask | None, choices: Sequence[str] = ()) -> str:
    value = getattr(args, name)
    if value:
        return str(value)
    if ask is None:
        flag = "--" + name.replace("_", "-")
        raise SystemExit(f"partnership new: {flag} is needed (or run it in a terminal to be asked)")
    hint = f" ({', '.join(choices)})" if choices else ""
    while True:
        answer = ask(f"{question}{hint}: ").strip()
        if answer:
            return answer


def _written(project_root: Path, path: Path, shown: str) -> int:
    """Check the project with the new content in place; undo the write if it does not pass."""
    project = load(project_root, today=build_date())
    mine = [p for p in project.problems if p.path == shown]
    if mine:
        print(format_problems(mine), file=sys.stderr)
        return 1
    print(f"Wrote {shown}. Edit it, then run `partnership check`.", file=sys.stderr)
    return 0


def _write_new(root: Path, folder_name: str, title: str, text: str) -> int:
    """Write a new Markdown file named after its title; remove it again if it does not pass check."""
    folder = root / folder_name
    folder.mkdir(exist_ok=True)
    path = folder / f"{unique_slug(title, folder)}.md"
    path.write_text(text, encoding="utf-8")
    result = _written(root, path, f"{folder_name}/{path.name}")
    if result:
        path.unlink()
    return result


def _labels(project: Project, vocabulary: str) -> list[str]:
    vocab = project.vocabularies.get(vocabulary)
    return vocab.written() if vocab else []


def new_case_study(args: argparse.Namespace, ask: Ask | None) -> int:
    root = Path(args.root)
    project = load(root, today=build_date())
    if not {"themes", "phases", "types", "schools"} <= set(project.vocabularies):
        print(format_problems(project.problems), file=sys.stderr)
        print("Fix content/taxonomy.yml and content/schools.yml first.", file=sys.stderr)
        return 1
    title = _value(args, "title", "Title", ask)
    text = case_study_text(
        title=title,
        summary=_value(args, "summary", "Summary in one or two sentences", ask),
        themes=_split(_value(args, "themes", "Themes, separated by commas", ask, _labels(project, "themes"))),
        phases=_split(_value(args, "phases", "Phases, separated by commas", ask, _labels(project, "phases"))),
        type_=_value(args, "type", "Type", ask, _labels(project, "types")),
        schools=_split(args.schools),
        organisations=_split(args.organisations),
        contact=_value(args, "contact", "Contact, by role (not a name)", ask),
        contact_email=args.contact_email,
        today=project.today,
        status=args.status,
        year=args.academic_year,
    )
    return _write_new(root, "case_studies", title, text)


def new_question(args: argparse.Namespace, ask: Ask | None) -> int:
    root = Path(args.root)
    path = root / "content" / "questions.yml"
    project = load(root, today=build_date())
    question = _value(args, "question", "Question", ask)
    entry = question_text(
        id_=args.id or slugs.slug(question, fallback="question"),
        topic=_value(args, "topic", "Topic", ask, _labels(project, "question_topics")),
        question=question,
        answer=_value(args, "answer", "Answer", ask),
    )
    before = path.read_text(encoding="utf-8")
    path.write_text(before.rstrip("\n") + "\n" + entry, encoding="utf-8")
    result = _written(root, path, "content/questions.yml")
    if result:
        path.write_text(before, encoding="utf-8")
    return result


def new_news(args: argparse.Namespace, ask: Ask | None) -> int:
    root = Path(args.root)
    title = _value(args, "title", "Headline", ask)
    text = news_text(
        title=title, summary=_value(args, "summary", "Summary", ask), today=build_date(), status=args.status
    )
    return _write_new(root, "news", title, text)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("new", help="start a new case study, question or news post that passes check")
    kinds = parser.add_subparsers(dest="kind", required=True)
    study = kinds.add_parser("case-study", help="write case_studies/<slug>.md (a draft until you publish it)")
    for flag in ("title", "summary", "themes", "phases", "type", "contact"):
        study.add_argument(f"--{flag}")
    study.add_argument("--schools", help="school ids from content/schools.yml, separated by commas")
    study.add_argument("--organisations", help="other bodies, separated by commas")
    study.add_argument("--contact-email")
    study.add_argument("--academic-year", help="like 2025-26 (default: the current one)")
    study.add_argument("--status", choices=("draft", "published"), default="draft")
    study.set_defaults(run=lambda args: new_case_study(args, input if sys.stdin.isatty() else None))
    question = kinds.add_parser("question", help="add a question and answer to content/questions.yml")
    for flag in ("id", "topic", "question", "answer"):
        question.add_argument(f"--{flag}")
    question.set_defaults(run=lambda args: new_question(args, input if sys.stdin.isatty() else None))
    news = kinds.add_parser("news", help="write news/<slug>.md (a draft until you publish it)")
    news.add_argument("--title")
    news.add_argument("--summary")
    news.add_argument("--status", choices=("draft", "published"), default="draft")
    news.set_defaults(run=lambda args: new_news(args, input if sys.stdin.isatty() else None))
