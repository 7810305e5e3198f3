"""Load and validate a whole project: every content file, every problem, in one pass."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partnership.content import bodies, files, parts, placeholders
from partnership.content.case_studies import load_case_studies
from partnership.content.context import INVALID, Context, Vocabulary
from partnership.content.model import CaseStudy, NewsPost
from partnership.content.problems import WARNING, Problem, errors
from partnership.content.reading import check_front_matter_file, check_yaml_file, publishable, relative
from partnership.content.records import position
from partnership.content.schema import CONTENT_TYPES, FIXED_VOCABULARIES, REQUIRED_PAGES, VOCABULARY_NOUNS, content_type


@dataclass
class Project:
    root: Path
    data: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    case_studies: list[CaseStudy] = field(default_factory=list)
    news: list[NewsPost] = field(default_factory=list)
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)  # docs-relative path -> front matter
    problems: list[Problem] = field(default_factory=list)
    vocabularies: dict[str, Vocabulary] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)  # the build date: decides what is published
    docs_dir: Path | None = None  # where pictures and documents are (docs/)
    preview: bool = False  # `mkdocs serve`: drafts and scheduled case studies are shown, marked as such

    @property
    def ok(self) -> bool:
        return not errors(self.problems)

    @property
    def identity(self) -> dict[str, Any]:
        """content/partnership.yml, checked: every site has it (asked for only once the content has no errors)."""
        return self.part("partnership")

    def part(self, name: str) -> dict[str, Any]:
        """A content file's checked values, for a page of a part the content has (see parts.py)."""
        value = self.data.get(name)
        if value is None:
            raise LookupError(f"{content_type(name).pattern} is absent or has errors; nothing can be built from it")
        return value

    def published_case_studies(self) -> list[CaseStudy]:
        """Case studies to publish: not drafts, and not dated after the build date (all of them in preview)."""
        return [c for c in self.case_studies if self.preview or not self.unpublished(c)]

    def published_news(self) -> list[NewsPost]:
        """News to publish, newest first (drafts and future posts too in preview)."""
        posts = [p for p in self.news if self.preview or not self.unpublished(p)]
        return sorted(posts, key=lambda p: (p.published, p.slug), reverse=True)

    def unpublished(self, study: CaseStudy | NewsPost) -> str:
        """Why a case study is not public yet ("" when it is): for the preview's banner."""
        what = "case study" if isinstance(study, CaseStudy) else "post"
        if study.status == "draft":
            return f"Draft: this {what} is not published. Visitors to the site cannot see it."
        if study.published > self.today:
            day = study.published
            return f"Scheduled: this {what} will be published on {day.day} {day:%B %Y}."
        return ""


def _vocabularies(taxonomy: dict[str, Any] | None, schools: dict[str, Any] | None) -> dict[str, Vocabulary]:
    vocabularies = dict(FIXED_VOCABULARIES)
    if taxonomy:
        for name, noun in VOCABULARY_NOUNS.items():
            vocabularies[name] = Vocabulary(noun, {entry["id"]: entry["label"] for entry in taxonomy[name]})
    if schools:
        vocabularies["schools"] = Vocabulary(
            "school",
            {school.id: school.name for school in schools["schools"]},
            source="content/schools.yml",
            written_as_id=True,
        )
    return vocabularies


def load(root: Path, docs_dir: Path | None = None, today: dt.date | None = None) -> Project:
    """Read and validate everything under `root`. Never raises for bad content."""
    root = Path(root)
    docs_dir = docs_dir or root / "docs"
    project = Project(root, today=today or dt.date.today(), docs_dir=docs_dir)
    ctx = Context(path="", problems=project.problems, docs_dir=docs_dir)
    ctx.vocabularies = _vocabularies(None, None)
    for ctype in CONTENT_TYPES:
        if ctype.front_matter:
            continue
        path = root / ctype.pattern
        if not path.is_file() and not path.is_symlink():
            if ctype.required:
                what = ctype.description[0].lower() + ctype.description[1:]
                project.problems.append(
                    Problem(ctype.pattern, 1, 1, "", f"is missing; every site needs this file ({what})")
                )
            project.data[ctype.name] = None  # an optional part the partnership does not have: no page
            continue
        ctx.path = ctype.pattern
        value = check_yaml_file(path, ctype.pattern, ctype.record, ctx, root)
        project.data[ctype.name] = None if value is INVALID else value
        if ctype.name in ("taxonomy", "schools"):
            ctx.vocabularies = _vocabularies(project.data.get("taxonomy"), project.data.get("schools"))
            if value is INVALID and ctype.name == "taxonomy":
                for name in VOCABULARY_NOUNS:  # do not report every use of a broken vocabulary
                    ctx.vocabularies.pop(name, None)
    if project.data.get("schools") is None:
        ctx.vocabularies.pop("schools", None)
    project.vocabularies = ctx.vocabularies
    known = {Path(t.pattern).name for t in CONTENT_TYPES if t.pattern.startswith("content/")}
    files.unknown_content_files(root, known, project.problems)
    load_case_studies(project, ctx)
    _load_news(project, ctx)
    _load_pages(project, ctx, docs_dir)
    for page, what in REQUIRED_PAGES.items():
        if not (docs_dir / page).is_file():
            shown = relative(docs_dir / page, root)
            project.problems.append(Problem(shown, 1, 1, "", f"is missing; every site needs {what}"))
    project.problems.extend(parts.check(project))
    return project


def _load_news(project: Project, ctx: Context) -> None:
    record = content_type("news").record
    for path in files.markdown_files(project.root, "news", "news post", project.problems):
        shown = relative(path, project.root)
        ctx.path = shown
        checked = check_front_matter_file(path, shown, record, ctx)
        if checked.values is not INVALID:
            ctx.problems.extend(
                bodies.check(checked.body, shown, checked.body_line, page_dir="news", docs_dir=ctx.docs_dir)
            )
        if checked.values is not INVALID and publishable(ctx, path, path.stem, checked.body, "post"):
            values = checked.values
            project.news.append(
                NewsPost(
                    path.stem,
                    shown,
                    values["title"],
                    values["summary"],
                    values["published"],
                    values["status"],
                    values["image"],
                    checked.body,
                )
            )


def redirect_maps(project: Project) -> dict[str, str]:
    """Old case study addresses -> their pages, for mkdocs-redirects (published case studies only)."""
    return {
        f"case-studies/{old}.md": f"case-studies/{study.slug}.md"
        for study in project.published_case_studies()
        for old in study.redirect_from
    }


def _exists(project: Project, name: str) -> bool:
    """The content file is there (it may have failed to validate: that was reported on its own)."""
    return (project.root / content_type(name).pattern).is_file()


def _load_pages(project: Project, ctx: Context, docs_dir: Path) -> None:
    record = content_type("page").record
    for path in files.check_docs(project.root, docs_dir, project.problems):
        shown = relative(path, project.root)
        ctx.path = shown
        checked = check_front_matter_file(path, shown, record, ctx, required=False)  # checked by files.check_docs
        page_dir = path.parent.relative_to(docs_dir).as_posix().strip(".")
        ctx.problems.extend(
            bodies.check(checked.body, shown, checked.body_line, page_dir=page_dir, docs_dir=docs_dir, own=True)
        )
        present = {name: value for name, value in project.data.items() if value is not None or _exists(project, name)}
        ctx.problems.extend(placeholders.check(checked.body, shown, checked.body_line, present))
        if checked.values is not INVALID:
            project.pages[path.relative_to(docs_dir).as_posix()] = checked.values


def overdue_case_studies(project: Project) -> list[CaseStudy]:
    """Case studies whose review date has passed, the longest overdue first."""
    late = [s for s in project.case_studies if s.review_by < project.today]
    return sorted(late, key=lambda s: s.review_by)


def overdue_reviews(project: Project) -> list[Problem]:
    """Warnings for content whose review date has passed (for `check`, not the build)."""
    out = []
    statement = project.data.get("accessibility")
    if statement and statement["review_by"] < project.today:
        out.append(
            Problem(
                "content/accessibility.yml",
                1,
                1,
                "review_by",
                f"the accessibility statement was due for review on {statement['review_by'].isoformat()}; "
                "review it, then update last_reviewed and review_by",
                WARNING,
            )
        )
    for study in overdue_case_studies(project):
        due = study.review_by
        at = position(study.node, "review_by") if study.node else None
        line, column = (at.line, at.column) if at else (1, 1)
        out.append(
            Problem(
                study.path,
                line,
                column,
                "review_by",
                f"was due for review on {due.isoformat()}; check the case study is still accurate with "
                f"{study.contact}, then set a new review_by date",
                WARNING,
            )
        )
    return out
