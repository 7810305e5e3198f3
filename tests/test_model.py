"""The typed content model agrees with the schema: one field of each for each field of the other."""

from __future__ import annotations

import dataclasses
import datetime as dt
import struct
import zlib
from pathlib import Path

import pytest
from helpers import MINIMAL, make_project

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


PICTURE = """image:
  file: assets/images/reading.png
  alt: Two pupils reading a book together.
  caption: An illustration.
  consent: no pupils shown
status: published"""


def one_pixel_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1 x 1, 8-bit RGB
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_the_loader_returns_frozen_typed_content(tmp_path: Path) -> None:
    # its own fixture, with schools and a picture (a site's own content may have neither)
    study = (MINIMAL / "case_studies" / "shared-reading.md").read_text(encoding="utf-8")
    assert "status: published" in study
    files: dict[str, str | bytes | None] = {
        "case_studies/shared-reading.md": study.replace("status: published", PICTURE, 1),
        "docs/assets/images/reading.png": one_pixel_png(),
    }
    project = load(make_project(tmp_path / "project", files), today=dt.date(2026, 11, 1))
    assert project.ok, project.problems
    study = project.case_studies[0]
    assert isinstance(study, model.CaseStudy) and isinstance(study.published, dt.date)
    assert isinstance(study.themes, tuple) and all(isinstance(t, str) for t in study.themes)
    with pytest.raises(dataclasses.FrozenInstanceError):
        study.title = "changed"  # type: ignore[misc]
    schools = project.part("schools")["schools"]
    assert schools and all(isinstance(s, model.School) for s in schools)
    assert isinstance(study.image, model.Image) and study.image.alt == "Two pupils reading a book together."
