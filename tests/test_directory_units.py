"""Pure-function tests of the directory: facets, the text index, related case studies, open data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import MINIMAL, make_project

from partnership import searchindex
from partnership.facets import build_directory
from partnership.load import load
from partnership.opendata import atom_feed, open_data, records, search_files
from partnership.related import related
from partnership.textindex import build_shards, decode_postings, encode_postings, simple_slug, words

STUDY = (MINIMAL / "case_studies/shared-reading.md").read_text(encoding="utf-8")


def study(title: str, themes: str, published: str, body: str = "Body text.", schools: str = "[oak-primary]") -> str:
    text = STUDY.replace("title: Shared reading in Year 2", f"title: {title}")
    text = text.replace("themes: [Reading]", f"themes: {themes}")
    text = text.replace("published: 2017-07-14", f"published: {published}")
    text = text.replace("schools: [oak-primary]", f"schools: {schools}")
    return text.replace("We read together every day.", body)


@pytest.fixture
def directory(tmp_path: Path):
    project = make_project(
        tmp_path / "p",
        {
            "case_studies/a.md": study("Phonics for all", "[Reading]", "2020-01-01", "Wellbeing and phonics."),
            "case_studies/b.md": study("Writing frames", "[Writing]", "2021-01-01", "Café culture.", "[elm-academy]"),
            "case_studies/c.md": study("Reading buddies", "[Reading, Writing]", "2022-01-01", "Older pupils read."),
            "case_studies/d.md": STUDY.replace(
                "schools: [oak-primary]", "schools: []\norganisations: [Camden Learning]"
            ).replace("published: 2017-07-14", "published: 2016-10-01"),
        },
    )
    loaded = load(project)
    assert loaded.ok, loaded.problems
    return build_directory(loaded), loaded


def test_items_are_newest_first_and_facets_count_them(directory) -> None:
    d, _ = directory
    titles = [s.meta["title"] for s in d.studies]
    assert titles[0] == "Reading buddies" and titles[-1] == "Shared reading in Year 2"
    counts = {v.id: len(v.items) for v in d.values["theme"]}
    assert counts == {"reading": 4, "writing": 2}  # unused themes are left out
    schools = {v.id: v.label for v in d.values["school"]}
    assert schools["camden-learning"] == "Camden Learning"
    assert {v.id for v in d.values["year"]} == {"2016-17"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wellbeing and Phonics!", ["wellbeing", "phonics"]),
        ("Café culture", ["cafe", "culture"]),
        ("a I of x", []),  # stopwords and one-letter words
        ("Year-2 pupils", ["year", "pupils"]),
    ],
)
def test_words_fold_case_and_accents(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize("items", [[], [0], [3, 4, 99], list(range(0, 100, 2)), list(range(100))])
def test_postings_round_trip(items: list[int]) -> None:
    encoded = encode_postings(items, 100)
    assert decode_postings(encoded, 100) == items
    if len(items) > 40:
        assert isinstance(encoded, str)  # dense lists become bitsets


def test_shards_group_words_by_first_letters() -> None:
    shards = build_shards([{"wellbeing", "reading"}, {"reading"}])
    assert set(shards) == {"we", "re"}
    assert decode_postings(shards["re"]["reading"], 2) == [0, 1]


def test_search_files_are_compact_and_complete(directory) -> None:
    d, _ = directory
    files = search_files(d)
    index = json.loads(files["directory/index.json"])
    assert len(index["items"]) == 5
    first = index["items"][0]
    assert first[0] == "Reading buddies" and len(first) == 7  # slug derivable from the title: left out
    assert "summary" not in files["directory/index.json"]
    assert "directory/text/we.json" in files  # "wellbeing" from a body
    assert index["shards"] == sorted(name[len("directory/text/") : -5] for name in files if "/text/" in name)


def test_slug_kept_only_when_it_differs_from_the_title() -> None:
    assert simple_slug("Reading buddies: Year 2") == "reading-buddies-year-2"


def test_related_prefers_shared_facets(directory) -> None:
    d, _ = directory
    result = related(d)
    assert len(result) == 5
    by_title = {s.meta["title"]: n for n, s in enumerate(d.studies)}
    mine = result[by_title["Writing frames"]]
    assert mine[0] == by_title["Reading buddies"]  # the other Writing case study
    assert by_title["Writing frames"] not in mine


def test_open_data_json_csv_and_atom(directory) -> None:
    d, loaded = directory
    rows = records(d, {k: v.labels for k, v in loaded.vocabularies.items()}, "https://example.org/")
    files = open_data(rows)
    data = json.loads(files["directory/case-studies.json"])
    assert data[0]["url"] == "https://example.org/case-studies/c/"
    assert data[0]["themes"] == ["Reading", "Writing"]
    table = list(csv.DictReader(io.StringIO(files["directory/case-studies.csv"])))
    assert table[0]["themes"] == "Reading; Writing" and len(table) == 5
    feed = ET.fromstring(atom_feed(rows, loaded.data["partnership"], "https://example.org/", dt.date(2026, 1, 1)))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", ns)
    assert [e.find("a:title", ns).text for e in entries][0] == "Reading buddies"
    assert all(e.find("a:id", ns).text.startswith("tag:tlp@example.org,2015:") for e in entries)


def test_site_search_index_keeps_case_studies_short() -> None:
    index = {
        "config": {},
        "docs": [
            {"location": "", "title": "Home", "text": "x"},
            {"location": "case-studies/a/", "title": "A", "text": "long body"},
            {"location": "case-studies/a/#s", "title": "S", "text": "section"},
            {"location": "directory/theme/reading/", "title": "R", "text": "list"},
            {"location": "directory/", "title": "Directory", "text": "d"},
        ],
    }
    trimmed = searchindex.trim(index, [("case-studies/a/", "A & B", "Short <summary>")])
    locations = [d["location"] for d in trimmed["docs"]]
    assert locations == ["", "directory/", "case-studies/a/"]
    assert trimmed["docs"][-1] == {
        "location": "case-studies/a/",
        "title": "A &amp; B",
        "text": "<p>Short &lt;summary&gt;</p>",
    }
