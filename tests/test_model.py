"""The typed content model agrees with the schema: one field of each for each field of the other."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from helpers import ROOT

from partnership.content import model
from partnership.content.load import load
from partnership.content.schema import IMAGE, content_type
from partnership.content.schema_schools import SCHOOL

# What the loader adds to the schema's fields, and the schema fields it folds in (the `slug` override).
KNOWN = {"slug", "path", "body", "body_line", "node"}


@pytest.mark.parametrize(
    ("cls", "record"),
    [
        (model.CaseStudy, content_type("case_study").record),
        (model.NewsPost, content_type("news").record),
        (model.School, SCHOOL),
        (model.Image, IMAGE),
    ],
    ids=["case study", "news post", "school", "image"],
)
def test_every_schema_field_is_a_typed_field_and_back(cls: type, record) -> None:
    typed = {f.name for f in dataclasses.fields(cls)}
    schema = {f.name for f in record.fields}
    assert schema - typed == set(), f"schema fields with no typed field: {schema - typed}"
    assert typed - schema <= KNOWN, f"typed fields the schema does not have: {typed - schema - KNOWN}"


def test_the_loader_returns_frozen_typed_content() -> None:
    project = load(ROOT, today=dt.date(2026, 11, 1))  # the default content: it has schools and pictures
    assert project.ok, project.problems
    study = project.case_studies[0]
    assert isinstance(study, model.CaseStudy) and isinstance(study.published, dt.date)
    assert isinstance(study.themes, tuple) and all(isinstance(t, str) for t in study.themes)
    with pytest.raises(dataclasses.FrozenInstanceError):
        study.title = "changed"  # type: ignore[misc]
    schools = (project.data["schools"] or {})["schools"]
    assert schools and all(isinstance(s, model.School) for s in schools)
    pictures = [s.image for s in project.case_studies if s.image]
    assert pictures and all(isinstance(p, model.Image) for p in pictures)
