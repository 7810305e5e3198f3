"""The one schema: every content type declared once.

Validation, the editors' JSON Schema and the content guide all read these declarations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from partnership.content.colours import contrast_problems
from partnership.content.context import Context, Vocabulary
from partnership.content.kinds import (
    AcademicYear,
    Choice,
    Colour,
    DocsPath,
    Email,
    ListOf,
    SiteAddress,
    Slug,
    Text,
    Url,
)
from partnership.content.kinds_media import DOCUMENTS, PICTURES, DocsFile
from partnership.content.kinds_numeric import Date, Integer
from partnership.content.model import Image
from partnership.content.records import Field, Record, Rule, item_at, position
from partnership.content.schema_cms import CMS
from partnership.content.schema_data import BOARD, DATA_VOCABULARIES, OFFER, SCHOOLS, SCORECARD, unique
from partnership.content.when import DayMonthOrTerm
from partnership.content.yamlstrict import Node, Sequence


@dataclass
class ContentType:
    name: str  # "case study"
    pattern: str  # where its files live, relative to the project root
    record: Record
    front_matter: bool = False  # Markdown with YAML front matter, rather than a YAML file
    description: str = ""
    required: bool = False  # every site needs it; an optional file's page exists only when the file does


def _vocabulary_entry(noun: str) -> Record:
    return Record(
        noun=f"a {noun}",
        fields=[
            Field("id", Slug(), help="Short id used in web addresses", example="reading"),
            Field("label", Text(max_length=60), help="The name people write and see", example="Reading"),
            Field("description", Text(max_length=300), required=False, help="One plain sentence"),
            Field(
                "also",
                ListOf(Text(max_length=60)),
                required=False,
                help="Other names people search for, such as abbreviations: found by the directory's search",
                example=["SEND", "special educational needs"],
            ),
        ],
    )


SYNONYMS = Record(
    noun="a group of words that mean the same",
    fields=[
        Field(
            "words",
            ListOf(Text(max_length=60), min_items=2),
            help="Words or phrases a search should treat as the same",
            example=["maths", "mathematics"],
        )
    ],
)


VOCABULARY_NOUNS = {
    "themes": "theme",
    "phases": "phase",
    "types": "case study type",
    "school_types": "school type",
    "question_topics": "question topic",
}


def other_names_are_unambiguous(list_field: str, noun: str) -> Rule:
    """A taxonomy rule: an `also:` name may not be another entry's label or another entry's other name,
    or a search for it could not tell which is meant."""

    def rule(values: dict[str, Any], node: Node, ctx: Context, where: str) -> None:
        items_node = position(node, list_field)
        names = {str(entry["label"]).casefold(): (index, "label") for index, entry in enumerate(values[list_field])}
        for index, entry in enumerate(values[list_field]):
            for n, name in enumerate(entry.get("also") or []):
                owner = names.get(name.casefold())
                if owner is not None and owner[0] != index:
                    also = position(item_at(items_node, index), "also")
                    item = also.items[n] if isinstance(also, Sequence) else also
                    ctx.error(
                        item,
                        f"{list_field}[{index}].also[{n}]",
                        f"'{name}' is already the {owner[1]} of {list_field}[{owner[0]}]; "
                        f"give each {noun} names of its own",
                    )
                names.setdefault(name.casefold(), (index, "other name"))

    return rule


TAXONOMY = Record(
    noun="the taxonomy",
    fields=[
        *(
            Field(name, ListOf(_vocabulary_entry(noun), min_items=1), help=f"The list of {noun}s")
            for name, noun in VOCABULARY_NOUNS.items()
        ),
        Field(
            "synonyms",
            ListOf(SYNONYMS),
            required=False,
            help="Groups of words the directory's search treats as the same, such as 'maths' and 'mathematics'",
            example=[{"words": ["head teacher", "headteacher"]}],
        ),
    ],
    rules=[
        *(unique(name, key, noun) for name, noun in VOCABULARY_NOUNS.items() for key in ("id", "label")),
        *(other_names_are_unambiguous(name, noun) for name, noun in VOCABULARY_NOUNS.items()),
    ],
)

FIXED_VOCABULARIES = {
    "status": Vocabulary("status", {"published": "published", "draft": "draft"}, source="the content guide"),
    "compliance": Vocabulary(
        "compliance status",
        {c: c for c in ("fully compliant", "partially compliant", "not compliant")},
        source="the content guide",
    ),
    "consent": Vocabulary(
        "answer about pupils in a picture",
        {c: c for c in ("no pupils shown", "consent given")},
        source="the content guide",
    ),
    "pdf_check": Vocabulary(
        "accessibility check", {c: c for c in ("checked", "not checked")}, source="the content guide"
    ),
    "hide": Vocabulary(
        "thing to hide",
        {name: name for name in ("navigation", "toc", "footer", "path", "feedback", "tags")},
        source="Material for MkDocs",
    ),
    **DATA_VOCABULARIES,
}


def _contrast(values: dict[str, Any], node: Node, ctx: Context, where: str) -> None:
    """The brand colours must be readable in every pair the theme uses (see colours.colour_pairs)."""
    for name, message in contrast_problems(values):
        ctx.error(position(node, name), f"{where}.{name}", message)


MEMBERSHIP = Record(
    noun="how to join",
    fields=[
        Field("signup_url", Url(), required=False, help="The sign-up form; without one, a button emails the team"),
        Field(
            "signup_subject",
            Text(max_length=100),
            required=False,
            help="Subject of the sign-up email when there is no form",
            example="Joining the partnership",
        ),
        Field("fee", Text(max_length=400), help="The annual fee, or how it is set, in a sentence"),
        Field("fee_covers", ListOf(Text(max_length=200)), required=False, help="What the fee pays for"),
    ],
)

PARTNERSHIP = Record(
    noun="the partnership",
    fields=[
        Field("name", Text(max_length=100), help="Full name", example="Northdale Schools Partnership"),
        Field("short_name", Text(max_length=20), help="Abbreviation", example="NSP"),
        Field("borough", Text(max_length=100), help="The area its schools serve", example="Northdale"),
        Field("council", Text(max_length=100), help="The council", example="Northdale Council"),
        Field("email", Email(), help="Public contact address", example="team@example.org"),
        Field("description", Text(max_length=300), help="One sentence describing the partnership"),
        Field(
            "reply_within",
            Text(max_length=60),
            required=False,
            help="How soon the team aims to answer an email, shown by the contact block; left out when absent",
            example="five working days",
        ),
        Field("phone", Text(max_length=40), required=False, help="Public phone number", example="020 7946 0000"),
        Field(
            "address",
            ListOf(Text(max_length=100)),
            required=False,
            help="Postal address, one line each",
            example=["Partnership team", "Civic Centre"],
        ),
        Field("membership", MEMBERSHIP, required=False, help="How a school joins: sign-up, fee and what it covers"),
        Field("chair_role", Text(max_length=100), help="The role that signs the welcome (never a name)"),
        Field("founded", Integer(1990, 2100), required=False, help="Year the partnership began", example=2014),
        Field(
            "website",
            SiteAddress(),
            required=False,
            help="The site's public address, ending in /",
            example="https://partnership.example.org/",
        ),
        Field(
            "colours",
            Record(
                noun="the colours",
                fields=[
                    Field("primary", Colour(), help="Header colour; white text must be readable on it"),
                    Field("accent", Colour(), help="Links and highlights"),
                ],
                rules=[_contrast],
            ),
            help="Brand colours, in quotes",
        ),
        Field("logo", DocsPath(), help="Path of the logo inside docs/", example="assets/logo.svg"),
        Field(
            "repository",
            Text(
                pattern=r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+",
                pattern_help="is not a GitHub repository; write it as owner/name, like our-partnership/website",
            ),
            required=False,
            help="The site's GitHub repository (owner/name), where the content manager saves changes",
            example="our-partnership/website",
        ),
        Field("cms", CMS, required=False, help="How comms staff log in to the content manager (/admin/)"),
    ],
)

AIMS = Record(
    noun="the aims",
    fields=[
        Field("value_proposition", Text(markdown=True), help="What the partnership promises the public"),
        Field("aims", ListOf(Text(max_length=400), min_items=1), help="The partnership's aims, one sentence each"),
        Field("principles", ListOf(Text(max_length=400), min_items=1), help="The principles behind its work"),
        Field("impact_measures", ListOf(Text(max_length=400), min_items=1), help="How impact is measured"),
    ],
)

QUESTION = Record(
    noun="a question",
    fields=[
        Field("id", Slug(), help="Short unique id: the question's permanent anchor on the page"),
        Field("topic", Choice("question_topics"), help="The topic it is grouped under"),
        Field("question", Text(max_length=200), help="The question, as a visitor would ask it"),
        Field("answer", Text(markdown=True), help="The answer, in Markdown"),
    ],
)
QUESTIONS = Record(
    noun="the questions file",
    fields=[Field("questions", ListOf(QUESTION, min_items=1), help="Questions and answers")],
    rules=[unique("questions", "id", "question")],
)

NAV_LINK = Record(
    noun="a menu entry",
    fields=[
        Field("label", Text(max_length=60), help="The words in the menu", example="Our schools"),
        Field(
            "page",
            Text(max_length=200),
            help="The page: its file in docs/, or a generated page's address",
            example="schools/",
        ),
    ],
)
NAV_ENTRY = Record(
    noun="a menu entry",
    fields=[
        Field("label", Text(max_length=60), help="The words in the menu", example="About us"),
        Field(
            "page",
            Text(max_length=200),
            required=False,
            help="The page, for an entry that is a link",
            example="about.md",
        ),
        Field("pages", ListOf(NAV_LINK), required=False, help="The pages of a section, in order"),
    ],
)


def _navigation_rules(values: dict[str, Any], node: Node, ctx: Context, where: str) -> None:
    for index, entry in enumerate(values["menu"]):
        at = item_at(position(node, "menu"), index)
        if bool(entry["page"]) == bool(entry["pages"]):
            ctx.error(at, f"menu[{index}]", "give either page (a link) or pages (a section), not both or neither")


NAVIGATION = Record(
    noun="the navigation",
    fields=[Field("menu", ListOf(NAV_ENTRY, min_items=1), help="The site's menu: links and sections, in order")],
    rules=[unique("menu", "label", "menu entry"), _navigation_rules],
)

KEY_DATE = Record(
    noun="a key date",
    fields=[
        Field("date", DayMonthOrTerm(), help="The day, or its month or term if no day is set", example="2027-03-18"),
        Field("title", Text(max_length=120), help="What happens"),
        Field("details", Text(max_length=300), required=False, help="One sentence more"),
    ],
)
KEY_DATES = Record(
    noun="the key dates file",
    fields=[Field("dates", ListOf(KEY_DATE, min_items=1), help="Dates schools need to know")],
)


def _case_study_rules(values: dict[str, Any], node: Node, ctx: Context, where: str) -> None:
    if not values["schools"] and not values["organisations"]:
        ctx.error(node, "schools", "name at least one school (by id) or organisation")
    year = values["academic_year"]
    start, end = int(year[:4]), int(year[5:])
    next_year = f"{(start + 1) % 100:02d}"
    if (start + 1) % 100 != end:
        ctx.error(
            position(node, "academic_year"),
            "academic_year",
            f"'{year}' is not an academic year; write the year it starts and the next, like {start}-{next_year}",
        )
    if values["review_by"] <= values["published"]:
        ctx.error(position(node, "review_by"), "review_by", "must be later than the published date")
    if values["reviewed"] and not values["published"] <= values["reviewed"] < values["review_by"]:
        ctx.error(position(node, "reviewed"), "reviewed", "must fall between the published date and review_by")


IMAGE = Record(
    noun="an image",
    fields=[
        Field(
            "file", DocsFile(endings=PICTURES, what="picture"), help="The picture", example="assets/images/visit.jpg"
        ),
        Field("alt", Text(max_length=250), help="What the picture shows, for people who cannot see it"),
        Field("caption", Text(max_length=300), required=False, help="A caption shown under the picture"),
        Field(
            "consent",
            Choice("consent", fixed=("no pupils shown", "consent given")),
            help="If pupils can be recognised, their parents' written consent must be on file before publishing",
            example="no pupils shown",
        ),
    ],
    model=Image,
)

CASE_STUDY = Record(
    noun="a case study",
    fields=[
        Field("title", Text(max_length=120), help="A clear title", example="Closing the gap in early reading"),
        Field("summary", Text(max_length=300), help="One or two sentences saying what was done and what changed"),
        Field("themes", ListOf(Choice("themes"), min_items=1), help="Themes from the taxonomy", example=["Reading"]),
        Field("phases", ListOf(Choice("phases"), min_items=1), help="Phases from the taxonomy", example=["Primary"]),
        Field("type", Choice("types"), help="The kind of work, from the taxonomy", example="Project"),
        Field("schools", ListOf(Choice("schools")), required=False, help="Ids of our schools involved"),
        Field("organisations", ListOf(Text(max_length=120)), required=False, help="Other bodies involved"),
        Field("academic_year", AcademicYear(), help="When the work happened", example="2016-17"),
        Field("published", Date(), help="Date of publication", example="2017-07-14"),
        Field("review_by", Date(), help="When it must next be checked", example="2027-07-14"),
        Field(
            "reviewed", Date(), required=False, help="When it was last checked and found accurate", example="2025-07-01"
        ),
        Field("contact", Text(max_length=200), help="Who to ask, by role", example="Headteacher, Northdale Primary"),
        Field("contact_email", Email(), required=False, help="Email address for the contact"),
        Field("status", Choice("status", fixed=("published", "draft")), help="published or draft", example="published"),
        Field("slug", Slug(), required=False, help="Web address name, if not the file name"),
        Field(
            "redirect_from",
            ListOf(Slug()),
            required=False,
            help="Old web address names of this case study, so that old links keep working",
            example=["old-name"],
        ),
        Field("image", IMAGE, required=False, help="A picture shown under the summary"),
    ],
    rules=[_case_study_rules],
)

ACCESSIBILITY = Record(
    noun="the accessibility statement",
    fields=[
        Field(
            "compliance",
            Choice("compliance", fixed=("fully compliant", "partially compliant", "not compliant")),
            help="How far the site meets WCAG 2.2 AA",
            example="partially compliant",
        ),
        Field("how_accessible", Text(markdown=True), help="What visitors can expect, in plain words"),
        Field(
            "known_problems", ListOf(Text(max_length=400)), required=False, help="Content that is not accessible yet"
        ),
        Field("improvements", Text(markdown=True), help="What is being done to improve accessibility"),
        Field("response_days", Integer(1, 60), help="Working days to reply to a request", example=5),
        Field("testing", Text(markdown=True), help="How the site was tested and by whom"),
        Field("prepared", Date(), help="When the statement was first prepared", example="2026-11-22"),
        Field("last_reviewed", Date(), help="When it was last reviewed", example="2026-11-22"),
        Field("review_by", Date(), help="When it must be reviewed again", example="2027-11-22"),
    ],
)

NEWS = Record(
    noun="a news post",
    fields=[
        Field("title", Text(max_length=120), help="The headline", example="Report praises local partnerships"),
        Field("summary", Text(max_length=300), help="One or two sentences: what happened and why it matters"),
        Field("published", Date(), help="Date of the post; a future date waits for that day", example="2026-11-02"),
        Field("status", Choice("status", fixed=("published", "draft")), help="published or draft", example="draft"),
        Field("image", IMAGE, required=False, help="A picture shown under the summary"),
    ],
)

RESOURCE = Record(
    noun="a document",
    fields=[
        Field("title", Text(max_length=120), help="The document's name", example="Prospectus for next year"),
        Field("summary", Text(max_length=300), help="What is in it, in a sentence or two"),
        Field("file", DocsFile(endings=DOCUMENTS, what="document"), help="The file", example="assets/files/offer.pdf"),
        Field("date", Date(), help="When it was published", example="2027-02-24"),
        Field(
            "accessibility",
            Choice("pdf_check", fixed=("checked", "not checked")),
            required=False,
            help="Whether a PDF was checked for accessibility; an unchecked one carries a note offering another format",
            example="not checked",
        ),
    ],
)
RESOURCES = Record(
    noun="the documents file",
    fields=[Field("resources", ListOf(RESOURCE), help="Documents to download, newest first")],
)

PAGE = Record(
    noun="a page's front matter",
    fields=[
        Field("title", Text(max_length=120), required=False, help="The page title"),
        Field("description", Text(max_length=300), required=False, help="One sentence for search engines"),
        Field("hide", ListOf(Choice("hide", fixed=tuple(FIXED_VOCABULARIES["hide"].labels))), required=False),
    ],
)

# Loading order matters: the taxonomy and schools come first, as other types refer to them.
CONTENT_TYPES = [
    ContentType("taxonomy", "content/taxonomy.yml", TAXONOMY, description="Controlled vocabularies", required=True),
    ContentType("schools", "content/schools.yml", SCHOOLS, description="Member schools and how they are grouped"),
    ContentType(
        "partnership", "content/partnership.yml", PARTNERSHIP, description="Identity and branding", required=True
    ),
    ContentType("navigation", "content/navigation.yml", NAVIGATION, description="The menu: sections, order, labels"),
    ContentType("aims", "content/aims.yml", AIMS, description="Aims, principles and impact measures"),
    ContentType("questions", "content/questions.yml", QUESTIONS, description="Questions and answers"),
    ContentType("key_dates", "content/key_dates.yml", KEY_DATES, description="Key dates"),
    ContentType("board", "content/board.yml", BOARD, description="The board: members by role and meetings"),
    ContentType("offer", "content/offer.yml", OFFER, description="Courses and activities offered to schools"),
    ContentType("scorecard", "content/scorecard.yml", SCORECARD, description="The annual performance scorecard"),
    ContentType(
        "accessibility",
        "content/accessibility.yml",
        ACCESSIBILITY,
        description="Accessibility statement",
        required=True,
    ),
    ContentType("resources", "content/resources.yml", RESOURCES, description="Documents to download"),
    ContentType("case_study", "case_studies/*.md", CASE_STUDY, front_matter=True, description="Case studies"),
    ContentType("news", "news/*.md", NEWS, front_matter=True, description="News posts"),
    ContentType("page", "docs/**/*.md", PAGE, front_matter=True, description="Front matter of pages in docs/"),
]
# Pages written by hand that every site needs.
REQUIRED_PAGES = {"index.md": "the home page", "privacy.md": "the privacy notice"}


def content_type(name: str) -> ContentType:
    return next(t for t in CONTENT_TYPES if t.name == name)
