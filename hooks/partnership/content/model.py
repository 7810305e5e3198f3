"""The validated content model: frozen dataclasses that the rest of the pipeline reads.

Validation (records.py) checks a file's values against its schema; the loader turns the checked values into
these types, so that no stage after `content/` looks a field up by a string. Each class's fields are the
schema's fields (tests/test_model.py checks that they agree), plus what the loader knows: the web address
name, the file and the Markdown body.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partnership.content.yamlstrict import Node


@dataclass(frozen=True)
class Image:
    """A picture shown under a case study's or a post's summary."""

    file: str  # inside docs/
    alt: str
    caption: str | None
    consent: str


@dataclass(frozen=True)
class School:
    """A member school, from content/schools.yml."""

    id: str
    name: str
    phase: str
    type: str
    joined: int | None
    urn: int | None
    website: str | None

    @property
    def url(self) -> str:
        return f"schools/{self.id}/"


@dataclass(frozen=True)
class CaseStudy:
    """One case study (case_studies/<file>.md): its front matter, typed, and its text."""

    slug: str  # its web address name: the front matter's `slug`, or the file name
    path: str  # relative to the project root
    title: str
    summary: str
    themes: tuple[str, ...]
    phases: tuple[str, ...]
    type: str
    schools: tuple[str, ...]
    organisations: tuple[str, ...]
    academic_year: str
    published: dt.date
    review_by: dt.date
    reviewed: dt.date | None
    contact: str
    contact_email: str | None
    status: str
    redirect_from: tuple[str, ...]
    image: Image | None
    body: str
    body_line: int = 1
    node: Node | None = field(default=None, repr=False, compare=False)  # the front matter, for messages

    @property
    def url(self) -> str:
        return f"case-studies/{self.slug}/"

    @property
    def modified(self) -> dt.date:
        """When it was last found accurate: its review, or else its publication."""
        return self.reviewed or self.published


@dataclass(frozen=True)
class NewsPost:
    """One news post (news/<file>.md)."""

    slug: str
    path: str
    title: str
    summary: str
    published: dt.date
    status: str
    image: Image | None
    body: str

    @property
    def url(self) -> str:
        return f"news/{self.slug}/"

    @property
    def modified(self) -> dt.date:
        return self.published
