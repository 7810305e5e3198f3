"""Pages generated from data: one per case study, the directory and the questions page.

Each is Markdown plus the page metadata MkDocs should use; no MkDocs objects here.
Every piece of content text is escaped where it lands.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .directory_pages import facet_pages, search_page
from .facets import Directory
from .load import Project
from .markup import h, md, relative_url, time_tag
from .related import related


@dataclass
class GeneratedPage:
    src_uri: str  # as if it were a file in docs/, e.g. "case-studies/foo.md"
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)  # already HTML-escaped


def case_study_markdown(directory: Directory, number: int, related_items: list[int]) -> str:
    """A case study page: title, summary, its facets as links to the facet pages, body, related."""
    study = directory.studies[number]
    meta = study.meta
    here = study.url

    def links(facet: str) -> str:
        values = [directory.values[facet][p] for p in directory.item_values[number][facet]]
        return ", ".join(f'<a href="{relative_url(here, v.url)}">{h(v.label)}</a>' for v in values)

    rows = [("Themes", links("theme")), ("Phases", links("phase")), ("Type", links("type"))]
    if directory.item_values[number]["school"]:
        rows.append(("Schools and organisations", links("school")))
    rows.append(("Academic year", links("year")))
    rows.append(("Published", time_tag(meta["published"])))
    contact = h(meta["contact"])
    if meta["contact_email"]:
        contact += f' (<a href="mailto:{h(meta["contact_email"])}">{h(meta["contact_email"])}</a>)'
    rows.append(("Contact", contact))
    details = "\n".join(f"<dt>{name}</dt>\n<dd>{value}</dd>" for name, value in rows)
    others = [directory.studies[other] for other in related_items]
    related_list = "\n".join(f"- [{md(o.meta['title'])}]({o.slug}.md): {md(o.meta['summary'])}" for o in others)
    related_block = f"## Related case studies {{ #related }}\n\n{related_list}\n\n" if others else ""
    return (
        f"<h1>{h(meta['title'])}</h1>\n\n"
        f'<p class="ps-summary">{h(meta["summary"])}</p>\n\n'
        f'<dl class="ps-meta" aria-label="About this case study">\n{details}\n</dl>\n\n'
        f"{study.body.strip()}\n\n"
        f"{related_block}"
        "---\n\n[Find more case studies in the directory of good practice](../directory/index.md)\n"
    )


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


def static_file(name: str) -> str:
    """A file shipped with the package (the directory's script)."""
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def generated_pages(project: Project, directory: Directory) -> list[GeneratedPage]:
    """Every page that comes from data, ready to hand to MkDocs."""
    identity = project.data.get("partnership") or {}
    name = identity.get("name", "partnership")
    pages = [
        GeneratedPage(
            "questions/index.md",
            questions_markdown(project),
            {"title": "Questions and answers", "description": h(f"Answers to common questions about the {name}.")},
        ),
    ]
    description = h(f"Search case studies of school improvement from the {name} and beyond.")
    for src, markdown in search_page(directory, "index.json"):
        meta = {"title": "Directory of good practice", "description": description}
        if src == "directory/index.md":
            meta["directory_search"] = True
        pages.append(GeneratedPage(src, markdown, meta))
    for src, markdown, value in facet_pages(directory):
        pages.append(
            GeneratedPage(
                src,
                markdown,
                {
                    "title": h(f"{value.label}: case studies"),
                    "description": h(f"Case studies from the {name} directory of good practice: {value.label}."),
                },
            )
        )
    for number, others in enumerate(related(directory)):
        study = directory.studies[number]
        pages.append(
            GeneratedPage(
                f"{study.url[:-1]}.md",
                case_study_markdown(directory, number, others),
                {"title": h(study.meta["title"]), "description": h(study.meta["summary"])},
            )
        )
    return pages
