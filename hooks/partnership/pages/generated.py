"""Pages generated from data: one per case study, the directory and the questions page.

Each is Markdown plus the page metadata MkDocs should use; no MkDocs objects here.
Every piece of content text is escaped where it lands.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partnership.content.examples import samples
from partnership.content.load import Project
from partnership.content.parts import present
from partnership.directory.facets import Directory
from partnership.directory.pages import facet_pages, no_script_search_page, search_page
from partnership.directory.related import related
from partnership.formats.markup import HTML_SLOT, HTML_SLOT_AFTER, h, md, relative_url, slot, time_tag
from partnership.pages.accessibility import statement_markdown
from partnership.pages.board import board_markdown
from partnership.pages.guide import guide_markdown
from partnership.pages.impact import impact_markdown, scorecard_against
from partnership.pages.media import figure, resources_page
from partnership.pages.news import news_index, post_page
from partnership.pages.offer import offer_markdown
from partnership.pages.schools import school_page, schools_index


@dataclass
class GeneratedPage:
    src_uri: str  # as if it were a file in docs/, e.g. "case-studies/foo.md"
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)  # already HTML-escaped
    html: str = ""  # replaces markup.HTML_SLOT in the rendered page, when set
    html_after: str = ""  # replaces markup.HTML_SLOT_AFTER
    parts: dict[str, str] = field(default_factory=dict)  # more slots: markup.slot(name) -> HTML

    def fills(self) -> dict[str, str]:
        """Each slot's marker and the ready-made HTML that replaces it."""
        fills = {slot(name): html for name, html in self.parts.items()}
        fills.update({HTML_SLOT: self.html, HTML_SLOT_AFTER: self.html_after})
        return {marker: html for marker, html in fills.items() if html}


SAMPLE_NOTE = (
    '<p class="ps-sample" role="note"><strong>Sample case study.</strong> The schools it names come from the '
    "site's sample list of invented schools, and what it reports is illustrative: it shows how a case study "
    "reads until the partnership publishes its own.</p>\n"
)


def case_study_page(
    directory: Directory,
    number: int,
    related_items: list[int],
    banner: str = "",
    docs_dir: Path | None = None,
    sample: bool = False,
) -> tuple[str, str, str]:
    """A case study page as (Markdown, HTML before the body, HTML after the body).

    The title, summary, facets (as links to the facet pages) and related case studies are
    ready-made HTML, so only the body the author wrote goes through the Markdown parser.
    """
    study = directory.studies[number]
    here = study.url

    def links(facet: str) -> str:
        values = [directory.values[facet][p] for p in directory.item_values[number][facet]]
        return ", ".join(f'<a href="{relative_url(here, v.url)}">{h(v.label)}</a>' for v in values)

    rows = [("Themes", links("theme")), ("Phases", links("phase")), ("Type", links("type"))]
    if directory.item_values[number]["school"]:
        rows.append(("Schools and organisations", links("school")))
    rows.append(("Academic year", links("year")))
    rows.append(("Published", time_tag(study.published)))
    rows.append(("Last reviewed", time_tag(study.reviewed or study.published)))
    contact = h(study.contact)
    if study.contact_email:
        contact += f' (<a href="mailto:{h(study.contact_email)}">{h(study.contact_email)}</a>)'
    rows.append(("Contact", contact))
    details = "\n".join(f"<dt>{name}</dt>\n<dd>{value}</dd>" for name, value in rows)
    before = (
        (f'<p class="ps-banner" role="note"><strong>{h(banner)}</strong></p>\n' if banner else "")
        + f"<h1>{h(study.title)}</h1>\n"
        + (SAMPLE_NOTE if sample and study.schools else "")
        + f'<p class="ps-summary">{h(study.summary)}</p>\n'
        + (figure(study.image, here, docs_dir) if docs_dir else "")
        + f'<dl class="ps-meta" aria-label="About this case study">\n{details}\n</dl>\n'
    )
    others = [directory.studies[other] for other in related_items]
    after = ""
    if others:
        items = "\n".join(
            f'<li><a href="{relative_url(here, o.url)}">{h(o.title)}</a>: {h(o.summary)}</li>' for o in others
        )
        after = f'<h2 id="related">Related case studies</h2>\n<ul class="ps-related">\n{items}\n</ul>\n'
    after += f'<hr>\n<p><a href="{relative_url(here, "directory/")}">Find more case studies in the directory</a></p>\n'
    return f"{HTML_SLOT}\n\n{study.body.strip()}\n\n{HTML_SLOT_AFTER}\n", before, after


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


def generated_pages(project: Project, directory: Directory) -> list[GeneratedPage]:
    """Every page that comes from data, ready to hand to MkDocs."""
    identity = project.data.get("partnership") or {}
    name = identity.get("name", "partnership")
    there = present(project)
    pages = []
    if "questions" in there:
        pages.append(
            GeneratedPage(
                "questions/index.md",
                questions_markdown(project),
                {"title": "Questions and answers", "description": h(f"Answers to common questions about the {name}.")},
            )
        )
    pages.append(
        GeneratedPage(
            "guide/index.md",
            guide_markdown(project.vocabularies, samples(project)),
            {
                "title": "Content guide",
                "description": "Every content file and field, for the people who edit the site.",
                "search": {"exclude": True},  # for staff: not offered to the public by the site search
            },
        )
    )
    pages.append(
        GeneratedPage(
            "accessibility/index.md",
            statement_markdown(identity, project.part("accessibility")),
            {"title": "Accessibility statement", "description": h(f"How accessible the {name} website is.")},
        )
    )
    pages += data_pages(project, directory)
    if "resources" in there:
        docs = project.docs_dir or project.root / "docs"
        markdown, html = resources_page(project.data.get("resources"), identity, docs)
        meta: dict[str, Any] = {"title": "Documents", "description": h(f"Documents from the {name} to download.")}
        pages.append(GeneratedPage("resources/index.md", markdown, meta, html))
    if "news" in there:
        markdown, html = news_index(project)
        meta = {"title": "News", "description": h(f"News from the {name}.")}
        pages.append(GeneratedPage("news/index.md", markdown, meta, html))
    for post in project.published_news():
        markdown, before = post_page(project, post)
        meta = {"title": h(post.title), "description": h(post.summary)}
        pages.append(GeneratedPage(f"{post.url[:-1]}.md", markdown, meta, before))
    if "directory" not in there:
        return pages
    description = h(f"Search case studies of school improvement from the {name} and beyond.")
    # Listings repeat the case studies: they stay out of the site search.
    for src, markdown, html in search_page(directory, "index.json"):
        listing: dict[str, Any] = {"title": "Directory of good practice", "description": description}
        if src == "directory/index.md":
            listing["directory_search"] = True
        else:
            listing["search"] = {"exclude": True}
        pages.append(GeneratedPage(src, markdown, listing, html))
    src, markdown, html = no_script_search_page(directory)
    meta = {"title": "Search the case studies", "description": description, "search": {"exclude": True}}
    pages.append(GeneratedPage(src, markdown, meta, html))
    for src, markdown, html, value in facet_pages(directory):
        meta = {
            "title": h(f"{value.label}: case studies"),
            "description": h(f"Case studies from the {name} directory of good practice: {value.label}."),
            "search": {"exclude": True},
        }
        pages.append(GeneratedPage(src, markdown, meta, html))
    for number, others in enumerate(related(directory)):
        study = directory.studies[number]
        markdown, before, after = case_study_page(
            directory,
            number,
            others,
            project.unpublished(study),
            project.docs_dir,
            sample=bool((project.data.get("schools") or {}).get("notice")),
        )
        # Case studies join the site search by title and summary only (see searchindex.py).
        meta = {"title": h(study.title), "description": h(study.summary), "search": {"exclude": True}}
        pages.append(GeneratedPage(f"{study.url[:-1]}.md", markdown, meta, before, after))
    return pages


def data_pages(project: Project, directory: Directory) -> list[GeneratedPage]:
    """The schools, board, offer and impact pages, from content/*.yml: each only when its file exists."""
    data, today = project.data, project.today
    name = project.identity["name"]
    pages = []
    if data.get("schools"):
        description = h(f"The member schools of the {name}.")
        pages.append(
            GeneratedPage(
                "schools/index.md", schools_index(project), {"title": "Member schools", "description": description}
            )
        )
    if board := data.get("board"):
        description = h(f"The board of the {name}: who sits on it and when it meets.")
        pages.append(
            GeneratedPage(
                "board/index.md",
                board_markdown(board, today),
                {"title": "The board", "description": description},
            )
        )
    if offer := data.get("offer"):
        description = h(f"Courses and activities the {name} offers its schools.")
        pages.append(
            GeneratedPage(
                "offer/index.md",
                offer_markdown(offer, today),
                {"title": "What we offer", "description": description},
            )
        )
    if scorecard := data.get("scorecard"):
        markdown, charts = impact_markdown(scorecard, project.identity["colours"]["primary"])
        description = h(f"The {name}'s annual scorecard" + scorecard_against(scorecard) + ".")
        pages.append(
            GeneratedPage("impact/index.md", markdown, {"title": "Impact", "description": description}, parts=charts)
        )
    for school in (data.get("schools") or {"schools": []})["schools"]:
        markdown, html = school_page(project, directory, school)
        meta = {"title": h(school.name), "description": h(f"{school.name}, a member of the {name}.")}
        pages.append(GeneratedPage(f"{school.url}index.md", markdown, meta, html))
    return pages
