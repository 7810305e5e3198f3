"""Loading the case studies: each file checked (or found again, unchanged, in checked.py), then the rules
between them: one address each, old addresses that lead somewhere, one spelling per organisation.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from partnership.content import bodies, checked, files
from partnership.content.context import INVALID, Context
from partnership.content.model import CaseStudy
from partnership.content.reading import (
    MAX_FILE_BYTES,
    Checked,
    check_front_matter_file,
    check_front_matter_text,
    decoded,
    publishable,
    relative,
)
from partnership.content.records import position
from partnership.content.schema import content_type
from partnership.content.yamlstrict import Node, Sequence

if TYPE_CHECKING:
    from partnership.content.load import Project


def load_case_studies(project: Project, ctx: Context) -> None:
    slugs: dict[str, str] = {}
    checked_before = checked.CASE_STUDIES
    checked_before.begin(ctx.vocabularies, ctx.docs_dir)
    for path in files.markdown_files(project.root, "case_studies", "case study", project.problems):
        shown = relative(path, project.root)
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
        source = decoded(data, shown, ctx.problems)
        result = check_front_matter_text(source, shown, record, ctx) if source is not None else Checked(INVALID)
    meta, body, body_line = result.values, result.body, result.body_line
    study, written = None, False
    if meta is not INVALID:
        ctx.problems.extend(bodies.check(body, shown, body_line, page_dir="case-studies", docs_dir=ctx.docs_dir))
        written = bool(meta["slug"])
        slug = meta["slug"] or path.stem
        if publishable(ctx, path, slug, body, "case study"):
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
