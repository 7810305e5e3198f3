"""Pages generated from data: one per case study, the directory and the questions page.

Each is Markdown plus the page metadata MkDocs should use; no MkDocs objects here.
Every piece of content text is escaped where it lands.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .load import CaseStudy, Project
from .markup import h, md, time_tag


@dataclass
class GeneratedPage:
    src_uri: str  # as if it were a file in docs/, e.g. "case-studies/foo.md"
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)  # already HTML-escaped


def _labels(project: Project, vocabulary: str, ids: list[str]) -> list[str]:
    labels = project.vocabularies[vocabulary].labels
    return [labels[i] for i in ids]


def case_study_markdown(project: Project, study: CaseStudy) -> str:
    meta = study.meta
    theme_labels = project.vocabularies["themes"].labels
    rows = [
        (
            "Themes",
            ", ".join(f'<a href="../../directory/#{h(t)}">{h(theme_labels[t])}</a>' for t in meta["themes"]),
        ),
        ("Phases", h(", ".join(_labels(project, "phases", meta["phases"])))),
        ("Type", h(project.vocabularies["types"].labels[meta["type"]])),
    ]
    if meta["schools"]:
        rows.append(("Schools", h(", ".join(_labels(project, "schools", meta["schools"])))))
    if meta["organisations"]:
        rows.append(("Organisations", h(", ".join(meta["organisations"]))))
    rows.append(("Academic year", h(meta["academic_year"])))
    rows.append(("Published", time_tag(meta["published"])))
    contact = h(meta["contact"])
    if meta["contact_email"]:
        contact += f' (<a href="mailto:{h(meta["contact_email"])}">{h(meta["contact_email"])}</a>)'
    rows.append(("Contact", contact))
    details = "\n".join(f"<dt>{name}</dt>\n<dd>{value}</dd>" for name, value in rows)
    return (
        f"<h1>{h(meta['title'])}</h1>\n\n"
        f'<p class="ps-summary">{h(meta["summary"])}</p>\n\n'
        f'<dl class="ps-meta" aria-label="About this case study">\n{details}\n</dl>\n\n'
        f"{study.body.strip()}\n\n"
        f"---\n\n[Find more case studies in the directory of good practice](../directory/index.md)\n"
    )


def directory_markdown(project: Project) -> str:
    studies = sorted(project.published_case_studies(), key=lambda s: s.meta["title"].casefold())
    by_theme: dict[str, list[CaseStudy]] = defaultdict(list)
    for study in studies:
        for theme in study.meta["themes"]:
            by_theme[theme].append(study)
    themes = project.vocabularies["themes"].labels
    phases = project.vocabularies["phases"].labels
    count = len(studies)
    lines = [
        "# Directory of good practice",
        "",
        f"{count} case {'study' if count == 1 else 'studies'} from schools and partnerships, grouped by theme. "
        "A case study with several themes appears under each of them.",
        "",
    ]
    for theme_id, label in themes.items():
        entries = by_theme.get(theme_id)
        if not entries:
            continue
        lines += [f"## {md(label)} {{ #{theme_id} }}", ""]
        for study in entries:
            meta = study.meta
            phase_text = ", ".join(phases[p] for p in meta["phases"])
            lines.append(
                f"- [{md(meta['title'])}](../{study.url[:-1]}.md): {md(meta['summary'])} "
                f'<span class="ps-facts">({h(phase_text)}, {h(meta["academic_year"])})</span>'
            )
        lines.append("")
    return "\n".join(lines)


def questions_markdown(project: Project) -> str:
    questions = (project.data.get("questions") or {"questions": []})["questions"]
    topics = project.vocabularies["question_topics"].labels
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for question in questions:
        by_topic[question["topic"]].append(question)
    lines = [
        "# Questions and answers",
        "",
        "Answers to the questions schools, governors and parents ask most often. "
        "Each question has its own link, so you can share the answer you need.",
        "",
    ]
    for topic_id, label in topics.items():
        if topic_id not in by_topic:
            continue
        lines += [f"## {md(label)} {{ #topic-{topic_id} }}", ""]
        for question in by_topic[topic_id]:
            lines += [f"### {md(question['question'])} {{ #{question['id']} }}", "", question["answer"].strip(), ""]
    return "\n".join(lines)


def page_meta(front_matter: dict[str, Any]) -> dict[str, Any]:
    """Escaped title and description of a page written by hand (validated front matter)."""
    return {key: h(front_matter[key]) for key in ("title", "description") if front_matter.get(key)}


def generated_pages(project: Project) -> list[GeneratedPage]:
    """Every page that comes from data, ready to hand to MkDocs."""
    identity = project.data.get("partnership") or {}
    pages = [
        GeneratedPage(
            "directory/index.md",
            directory_markdown(project),
            {
                "title": "Directory of good practice",
                "description": h(
                    f"Case studies of school improvement from the {identity.get('name', 'partnership')} and beyond."
                ),
            },
        ),
        GeneratedPage(
            "questions/index.md",
            questions_markdown(project),
            {
                "title": "Questions and answers",
                "description": h(f"Answers to common questions about the {identity.get('name', 'partnership')}."),
            },
        ),
    ]
    for study in project.published_case_studies():
        pages.append(
            GeneratedPage(
                f"{study.url[:-1]}.md",
                case_study_markdown(project, study),
                {"title": h(study.meta["title"]), "description": h(study.meta["summary"])},
            )
        )
    return pages
