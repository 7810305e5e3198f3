"""Load and validate a whole project: every content file, every problem, in one pass."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partnership.content import bodies, checked, files, parts, placeholders
from partnership.content.context import INVALID, Context, Vocabulary
from partnership.content.model import CaseStudy, NewsPost
from partnership.content.problems import WARNING, Problem, errors
from partnership.content.records import Record, position
from partnership.content.schema import CONTENT_TYPES, FIXED_VOCABULARIES, REQUIRED_PAGES, VOCABULARY_NOUNS, content_type
from partnership.content.sources import Source, decode, split_front_matter
from partnership.content.yamlstrict import Node, Sequence, parse
from partnership.formats import slugs


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


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


MAX_FILE_BYTES = 2_000_000


def _read(path: Path, shown: str, problems: list[Problem], root: Path | None = None) -> Source | None:
    reason = files.refusal(path, root) if root is not None else ""
    if reason:
        problems.append(Problem(shown, 1, 1, "", reason))
        return None
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(
                Problem(shown, 1, 1, "", f"is larger than {MAX_FILE_BYTES:,} bytes; no content file needs to be")
            )
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(shown, 1, 1, "", f"cannot be read: {exc.strerror}"))
        return None
    source, found = decode(data, shown)
    problems.extend(found)
    return source if not found else None


def check_yaml_file(path: Path, shown: str, record: Record, ctx: Context, root: Path | None = None) -> Any:
    source = _read(path, shown, ctx.problems, root)
    if source is None:
        return INVALID
    return check_yaml_text(source.text, shown, record, ctx)


def check_yaml_text(text: str, shown: str, record: Record, ctx: Context) -> Any:
    """One YAML file's text, checked against its record (in memory: the property tests use this)."""
    node, found = parse(text, shown)
    ctx.problems.extend(found)
    if found:
        return INVALID
    return _guarded(lambda: record.check(node, ctx), shown, ctx)


def _guarded(check: Callable[[], Any], shown: str, ctx: Context) -> Any:
    """Run a check; a fault in it becomes a problem with the file's name, never a traceback."""
    try:
        return check()
    except (RecursionError, ValueError, OverflowError, TypeError, KeyError, IndexError, AttributeError) as exc:
        ctx.problems.append(
            Problem(
                shown,
                1,
                1,
                "",
                f"could not be checked ({type(exc).__name__}: {str(exc)[:80]}); this is a fault in the site's "
                "software, not only in the file: simplify the file and report it",
            )
        )
        return INVALID


@dataclass
class Checked:
    """A Markdown file with front matter, checked: its values (or INVALID), YAML tree and body."""

    values: Any
    node: Node | None = None
    body: str = ""
    body_line: int = 1


def check_front_matter_file(
    path: Path, shown: str, record: Record, ctx: Context, *, required: bool = True, root: Path | None = None
) -> Checked:
    """Without `required`, a file with no front matter at all is fine (its values are {})."""
    source = _read(path, shown, ctx.problems, root)
    if source is None:
        return Checked(INVALID)
    return check_front_matter_text(source, shown, record, ctx, required=required)


def check_front_matter_text(
    source: Source, shown: str, record: Record, ctx: Context, *, required: bool = True
) -> Checked:
    """A decoded Markdown file (sources.Source), checked in memory."""
    if not required and not source.text.lstrip().startswith("---"):
        return Checked({}, None, source.text)
    front, found = split_front_matter(source)
    ctx.problems.extend(found)
    if front is None:
        return Checked(INVALID)
    node, found = parse(front.yaml, shown, offset=front.offset)
    ctx.problems.extend(found)
    if found:
        return Checked(INVALID, None, front.body, front.body_line)
    return Checked(_guarded(lambda: record.check(node, ctx), shown, ctx), node, front.body, front.body_line)


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
    _load_case_studies(project, ctx)
    _load_news(project, ctx)
    _load_pages(project, ctx, docs_dir)
    for page, what in REQUIRED_PAGES.items():
        if not (docs_dir / page).is_file():
            shown = _relative(docs_dir / page, root)
            project.problems.append(Problem(shown, 1, 1, "", f"is missing; every site needs {what}"))
    project.problems.extend(parts.check(project))
    return project


def _load_case_studies(project: Project, ctx: Context) -> None:
    slugs: dict[str, str] = {}
    checked_before = checked.CASE_STUDIES
    checked_before.begin(ctx.vocabularies, ctx.docs_dir)
    for path in files.markdown_files(project.root, "case_studies", "case study", project.problems):
        shown = _relative(path, project.root)
        ctx.path = shown
        data = checked.read_bytes(path, MAX_FILE_BYTES)
        outcome = checked_before.get(shown, data)
        if outcome is None:
            outcome = checked_before.put(shown, data, _check_case_study(path, shown, ctx, data))
        else:
            ctx.problems.extend(outcome.problems)
        study = outcome.study
        if study is None:
            continue
        if study.slug in slugs:
            at = position(study.node, "slug") if outcome.slug_written and study.node else None
            ctx.error(
                at,
                "slug",
                f"'{study.slug}' is already the web address of {slugs[study.slug]}; give one of them another",
            )
            continue
        slugs[study.slug] = shown
        project.case_studies.append(study)
    _check_redirects(project, ctx, slugs)
    _check_organisations(project, ctx)


def _check_case_study(path: Path, shown: str, ctx: Context, data: bytes | None) -> checked.Outcome:
    """One case study's file (its bytes, when read already) checked: its problems, and its case study
    when it can be published."""
    start = len(ctx.problems)
    record = content_type("case_study").record
    if data is None:  # it is read (and says why it cannot be) here; markdown_files checked the path
        result = check_front_matter_file(path, shown, record, ctx)
    else:
        source, found = decode(data, shown)
        ctx.problems.extend(found)
        result = (
            check_front_matter_text(source, shown, record, ctx)
            if source is not None and not found
            else Checked(INVALID)
        )
    meta, body, body_line = result.values, result.body, result.body_line
    study, written = None, False
    if meta is not INVALID:
        ctx.problems.extend(bodies.check(body, shown, body_line, page_dir="case-studies", docs_dir=ctx.docs_dir))
        written = bool(meta["slug"])
        slug = meta["slug"] or path.stem
        if _publishable(ctx, path, slug, body, "case study"):
            study = _case_study(slug, shown, meta, body, body_line, result.node)
    return checked.Outcome(tuple(ctx.problems[start:]), study, written)


def _case_study(slug: str, shown: str, meta: dict[str, Any], body: str, body_line: int, node: Node | None) -> CaseStudy:
    """The checked front matter as a typed, frozen case study (its lists become tuples)."""
    return CaseStudy(
        slug=slug,
        path=shown,
        title=meta["title"],
        summary=meta["summary"],
        themes=tuple(meta["themes"]),
        phases=tuple(meta["phases"]),
        type=meta["type"],
        schools=tuple(meta["schools"]),
        organisations=tuple(meta["organisations"]),
        academic_year=meta["academic_year"],
        published=meta["published"],
        review_by=meta["review_by"],
        reviewed=meta["reviewed"],
        contact=meta["contact"],
        contact_email=meta["contact_email"],
        status=meta["status"],
        redirect_from=tuple(meta["redirect_from"]),
        image=meta["image"],
        body=body,
        body_line=body_line,
        node=node,
    )


def _publishable(ctx: Context, path: Path, slug: str, body: str, what: str) -> bool:
    """A page needs a name that can be a web address and some text; report what is missing."""
    if not slugs.is_slug(slug):
        better = slugs.slug(slug, fallback=what.replace(" ", "-"))
        ctx.error(
            None,
            "",
            f"the file name '{path.name}' cannot be a web address; rename it to '{better}.md' "
            "(lowercase letters, digits and hyphens)",
        )
        return False
    if not body.strip():
        ctx.error(None, "", f"has no text after the front matter; write the {what} below the closing '---'")
        return False
    return True


def _load_news(project: Project, ctx: Context) -> None:
    record = content_type("news").record
    for path in files.markdown_files(project.root, "news", "news post", project.problems):
        shown = _relative(path, project.root)
        ctx.path = shown
        checked = check_front_matter_file(path, shown, record, ctx)
        if checked.values is not INVALID:
            ctx.problems.extend(
                bodies.check(checked.body, shown, checked.body_line, page_dir="news", docs_dir=ctx.docs_dir)
            )
        if checked.values is not INVALID and _publishable(ctx, path, path.stem, checked.body, "post"):
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


def _check_redirects(project: Project, ctx: Context, slugs: dict[str, str]) -> None:
    """No two case studies may claim one web address, old or new."""
    claimed: dict[str, CaseStudy] = {}
    for study in project.case_studies:
        ctx.path = study.path
        olds = position(study.node, "redirect_from") if study.node else None
        for index, old in enumerate(study.redirect_from):
            at = olds.items[index] if isinstance(olds, Sequence) else None
            where = f"redirect_from[{index}]"
            if old in slugs:
                ctx.error(at, where, f"'{old}' is the web address of {slugs[old]}; a redirect cannot take it over")
            elif old in claimed:
                ctx.error(at, where, f"'{old}' already leads to {claimed[old].path}; an old address leads to one page")
            else:
                claimed[old] = study


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
        shown = _relative(path, project.root)
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


def _check_organisations(project: Project, ctx: Context) -> None:
    """One organisation, one spelling: names that differ only in case would make two directory pages."""
    first: dict[str, tuple[str, str]] = {}
    for study in project.case_studies:
        ctx.path = study.path
        names = position(study.node, "organisations") if study.node else None
        for index, name in enumerate(study.organisations):
            key = " ".join(name.casefold().split())
            seen = first.setdefault(key, (name, study.path))
            if seen[0] != name:
                at = names.items[index] if isinstance(names, Sequence) else None
                where = "the same file" if seen[1] == study.path else seen[1]
                ctx.error(
                    at,
                    f"organisations[{index}]",
                    f"'{name}' is written '{seen[0]}' in {where}; write an organisation's name the same way every time",
                )


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
