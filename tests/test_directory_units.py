"""Pure-function tests of the directory: facets, the text index, related case studies, open data."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import random
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from helpers import MINIMAL, make_project

from partnership.content.load import load
from partnership.directory import textindex
from partnership.directory.facets import build_directory
from partnership.directory.opendata import atom_feed, member_code, open_data, records, search_files, search_names
from partnership.directory.related import related
from partnership.directory.snippets import passages, plain_text
from partnership.directory.textindex import (
    build_index,
    decode_postings,
    encode_postings,
    idf,
    mean_length,
    stem,
    synonym_groups,
    terms,
    weigh,
    words,
)
from partnership.formats import memo
from partnership.postbuild import searchindex

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
    titles = [s.title for s in d.studies]
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


@pytest.mark.parametrize(
    "pairs", [[], [(0, 1)], [(3, 255), (4, 17), (99, 1)], [(n, n % 255 + 1) for n in range(0, 100, 2)]]
)
def test_postings_round_trip(pairs: list[tuple[int, int]]) -> None:
    assert decode_postings(encode_postings([value for pair in pairs for value in pair])) == pairs


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("reading", "read"),
        ("reads", "read"),
        ("mathematics", "mathemat"),
        ("headteachers", "headteach"),
        ("skies", "sky"),
    ],
)
def test_words_are_stemmed_with_snowball_english(written: str, expected: str) -> None:
    assert stem(written) == expected


def test_index_groups_stems_by_first_letters_with_their_written_forms() -> None:
    index = build_index([{"title": "Wellbeing", "body": "Reading and readers"}, {"body": "We read."}])
    assert set(index.shards) == {"we", "re"}
    forms, postings = index.shards["re"]["read"]
    assert forms == "reading read" or forms == "read reading"
    assert [doc for doc, _ in decode_postings(postings)] == [0, 1]
    assert index.shards["we"]["wellb"][0] == "wellbeing"
    assert index.vocabulary[0] in {"reading", "read", "readers", "wellbeing"}


def test_title_outweighs_facets_outweighs_summary_outweighs_body() -> None:
    fields = ["title", "facets", "summary", "body"]
    filler = " ".join(["pupils learn"] * 10)
    documents = [{name: ("phonics " + filler if name == chosen else filler) for name in fields} for chosen in fields]
    weights = [weight for _, weight in decode_postings(build_index(documents).shards["ph"]["phonic"][1])]
    assert weights == sorted(weights, reverse=True) and len(set(weights)) == 4


def test_more_mentions_weigh_more_but_saturate() -> None:
    documents = [{"body": "reading " * n + "other words here"} for n in (1, 2, 20, 40)]
    weights = [w for _, w in decode_postings(build_index(documents).shards["re"]["read"][1])]
    assert weights[0] < weights[1] < weights[2] <= weights[3] <= 255


def test_idf_is_higher_for_rarer_words() -> None:
    assert idf(1, 100) > idf(10, 100) > idf(90, 100) > 0


def test_synonym_groups_are_phrases_of_stems() -> None:
    groups = synonym_groups([["maths", "mathematics"], ["SEND", "special educational needs"], ["alone"]])
    assert groups == [[["math"], ["mathemat"]], [["send"], ["special", "educ", "need"]]]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("## What we did\n\nWe read. Then we wrote!", ["We read.", "Then we wrote!"]),
        ("See [the report](https://example.org/r) and ![a chart](c.png) now.", ["See the report and now."]),
        ("Some **bold** and `code` and <b>tags</b>.", ["Some bold and code and tags."]),
        ("- first item\n- second item", ["first item second item"]),
        ("```\nprint(1)\n```\n\nAfter.", ["After."]),
    ],
)
def test_passages_are_plain_sentences_of_the_body(markdown: str, expected: list[str]) -> None:
    assert passages(markdown) == expected


def test_passages_stay_within_their_limits() -> None:
    found = passages("\n\n".join(f"Sentence number {n} is here." for n in range(500)))
    assert 0 < len(found) <= 40 and sum(map(len, found)) <= 4000
    assert "print" not in plain_text("```\nprint(1)\n```")


def test_search_files_are_compact_and_complete(directory) -> None:
    d, loaded = directory
    files = search_files(d, *search_names(loaded.data["taxonomy"]))
    index = json.loads(files["directory/index.json"])
    assert index["total"] == 5 and "items" not in index
    # No title, summary or address in what opening the directory loads: they come with each result's file.
    for study_ in d.studies:
        assert study_.title not in files["directory/index.json"]
        assert study_.url not in files["directory/index.json"]
    first = json.loads(files["directory/docs/0.json"])
    assert first["t"] == "Reading buddies" and first["u"] == "case-studies/c/"  # the address the build wrote
    docs = [json.loads(files[f"directory/docs/{n}.json"]) for n in range(5)]
    assert [doc["u"] for doc in docs] == [s.url for s in d.studies]
    assert docs[0]["s"] == d.studies[0].summary and docs[0]["p"] == ["Older pupils read."]
    assert json.loads(files["directory/search.json"]).keys() == index.keys() - {"facets", "members"}
    assert "directory/text/we.json" in files  # "wellbeing" from a body
    assert index["shards"] == sorted(name[len("directory/text/") : -5] for name in files if "/text/" in name)
    assert "wellbeing" in json.loads(files["directory/words.json"])


def decoded_members(text: str) -> list[list[int]]:
    """The inverse of opendata.members, as directory.js decodes it."""

    def position(char: str) -> int:
        code = ord(char)
        code -= 0x800 * (code >= 0xE000)
        code -= code > 92
        return code - 48

    return [[position(char) for char in item] for item in text.split(" ")]


def test_members_say_which_values_each_case_study_has(directory) -> None:
    d, loaded = directory
    index = json.loads(search_files(d, *search_names(loaded.data["taxonomy"]))["directory/index.json"])
    for facet, values in index["facets"].items():
        assert [v[0] for v in values] == [v.id for v in d.values[facet]]
        assert decoded_members(index["members"][facet]) == [item[facet] for item in d.item_values]
    first = d.studies[0]  # "Reading buddies": two themes
    assert [values[p][1] for values in [index["facets"]["theme"]] for p in d.item_values[0]["theme"]] == [
        loaded.vocabularies["themes"].labels[t] for t in first.themes
    ]


@pytest.mark.parametrize("position", [0, 1, 43, 44, 45, 90, 200, 0xD800 - 49, 0xD800 - 48, 60_000])
def test_member_codes_skip_the_backslash_and_surrogates_and_round_trip(position: int) -> None:
    code = member_code(position)
    assert code not in '\\" ' and not 0xD800 <= ord(code) <= 0xDFFF
    assert json.loads(json.dumps(code, ensure_ascii=False)) == code
    assert decoded_members(code) == [[position]]


def test_labels_and_other_names_of_facet_values_are_searchable(directory) -> None:
    d, _ = directory
    taxonomy = {"themes": [{"id": "reading", "label": "Reading", "also": ["Literacy"]}]}
    files = search_files(d, *search_names(taxonomy))
    index = json.loads(files["directory/index.json"])
    assert [["read"], ["literaci"]] in index["synonyms"]
    shard = json.loads(files["directory/text/li.json"])
    tagged = [n for n, s in enumerate(d.studies) if "reading" in s.themes]
    assert [doc for doc, _ in decode_postings(shard["literaci"][1])] == tagged


def test_related_prefers_shared_facets(directory) -> None:
    d, _ = directory
    result = related(d)
    assert len(result) == 5
    by_title = {s.title: n for n, s in enumerate(d.studies)}
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


def test_site_search_index_keeps_ordinary_pages_only() -> None:
    index = {
        "config": {},
        "docs": [
            {"location": "", "title": "Home", "text": "x"},
            {"location": "case-studies/a/", "title": "A", "text": "long body"},
            {"location": "case-studies/a/#s", "title": "S", "text": "section"},
            {"location": "directory/theme/reading/", "title": "R", "text": "list"},
            {"location": "directory/", "title": "Directory", "text": "d"},
            {"location": "guide/", "title": "Content guide", "text": "for staff"},
            {"location": "guide/#fields", "title": "Fields", "text": "for staff"},
            {"location": "about/", "title": "About", "text": "a"},
        ],
    }
    trimmed = searchindex.trim(index)
    assert [d["location"] for d in trimmed["docs"]] == ["", "directory/", "about/"]


def test_big_shards_are_split_by_their_third_letter() -> None:
    documents = [{"body": f"reading report review re {n}"} for n in range(300)]
    index = build_index(documents)
    assert {"re"} <= set(index.shards) and "rea" not in index.shards  # small: one shard
    from partnership.directory.textindex import split_big_shards

    split = split_big_shards(index.shards, limit=100)
    assert {"rea", "rep", "rev", "re"} <= set(split)
    assert set(split["re"]) == {"re"}  # a two-letter stem stays in the two-letter shard
    assert split["rea"]["read"] == index.shards["re"]["read"]


INDEXED = [
    {"title": f"Study {n}", "facets": "Reading ; Primary", "summary": f"Summary {n} of phonics", "body": "word " * n}
    for n in range(1, 40)
]


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda docs: docs[3].update(summary="A new summary about oracy"), id="a summary"),
        pytest.param(lambda docs: docs[5].update(body=docs[5]["body"] + " reading " * 400), id="a body (mean moves)"),
        pytest.param(lambda docs: docs.append({"title": "New", "body": "fresh words"}), id="a new document"),
        pytest.param(lambda docs: docs.pop(0), id="a document gone"),
        pytest.param(lambda docs: None, id="nothing"),
    ],
)
def test_the_index_a_preview_remembers_is_the_index_a_single_build_makes(edit: Callable[[list], None]) -> None:
    """With the memos on (a preview), each document's weights are remembered from the last build; the
    index after an edit must still be exactly the one a build that remembers nothing makes."""
    documents = [dict(d) for d in INDEXED]
    try:
        memo.keep(True)
        build_index(documents)  # the preview's last build
        edit(documents)
        remembered = build_index(documents)
    finally:
        memo.keep(False)
    fresh = build_index(documents)
    assert remembered.shards == fresh.shards and remembered.vocabulary == fresh.vocabulary


@pytest.mark.parametrize(("total", "count", "mean"), [(0, 0, 1.0), (0, 5, 1.0), (1000, 3, 333.0), (12345, 10, 1230.0)])
def test_mean_lengths_are_rounded_to_three_figures(total: float, count: int, mean: float) -> None:
    assert mean_length(total, count) == mean


def test_means_that_round_alike_give_weights_that_differ_by_at_most_one_level() -> None:
    """The rounding is too small to change a ranking: a document's level moves by one step at most."""
    per_field = [terms("Shared reading"), terms(""), terms("reading together"), terms("reading " * 30 + "x " * 200)]
    exact = dict(weigh(per_field, (2.04, 1.0, 3.96, 248.6))[0])
    rounded = dict(weigh(per_field, (2.04, 1.0, 3.96, 249.0))[0])
    assert exact.keys() == rounded.keys() and all(abs(exact[k] - rounded[k]) <= 1 for k in exact)


def test_related_lists_a_preview_remembers_follow_edits_to_titles_and_summaries(directory) -> None:
    """With the memos on, the last lists are reused while the facets and the compared words are the same;
    after an edit to a title or a summary they must be the lists a build that remembers nothing makes."""
    d, _ = directory
    before = memo.kept()
    edits = [{"title": d.studies[other].title, "summary": d.studies[other].summary} for other in range(len(d.studies))]
    changed = 0
    try:
        for number in range(len(d.studies)):
            for edit in edits:
                edited = dataclasses.replace(
                    d, studies=[dataclasses.replace(s, **edit) if n == number else s for n, s in enumerate(d.studies)]
                )
                memo.keep(True)
                first = related(d, count=1)
                remembered = related(edited, count=1)
                memo.keep(False)
                assert remembered == related(edited, count=1), (number, edit)
                changed += remembered != first
    finally:
        memo.keep(before)
    assert changed  # some edit did change a list, so the reuse was put to the test


def test_related_lists_a_preview_remembers_follow_edits_to_facets(directory) -> None:
    """The shortlists are reused while every item's facets are the same: after a change to one item's
    school, phase or type they must be made again."""
    d, _ = directory
    before = memo.kept()
    changed = 0
    try:
        for number in range(len(d.studies)):
            for facet in ("school", "phase", "type"):
                for position in range(len(d.values[facet])):
                    values = [dict(v, **{facet: [position]}) if n == number else v for n, v in enumerate(d.item_values)]
                    edited = dataclasses.replace(d, item_values=values)
                    memo.keep(True)
                    first = related(d, count=1)
                    remembered = related(edited, count=1)
                    memo.keep(False)
                    assert remembered == related(edited, count=1), (number, facet, position)
                    changed += remembered != first
    finally:
        memo.keep(before)
    assert changed


def test_a_preview_patches_its_index_through_any_run_of_edits_to_the_index_made_from_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A preview's index is the last one patched where documents changed (textindex.patched): after each
    of 40 random edits (words swapped, a stem's last use taken away, a new stem, the last use of one way
    of writing a stem that stays, several documents at once, mostly same-length texts so the means
    stay put), it must equal the index made from nothing."""
    rng = random.Random(16)
    vocabulary = "reading phonics oracy maths fractions writers writing read readers zebra quilt".split()
    documents = [
        {"title": f"Study {n}", "summary": " ".join(rng.choices(vocabulary, k=6)), "body": "word " * (n % 7 + 3)}
        for n in range(30)
    ]
    patches: list[bool] = []
    real = textindex.patched

    def counted(*args: Any) -> Any:
        found = real(*args)
        patches.append(found is not None)
        return found

    monkeypatch.setattr(textindex, "patched", counted)
    before = memo.kept()
    try:
        memo.keep(True)
        build_index(documents)
        for step in range(40):
            for number in rng.sample(range(len(documents)), rng.choice([1, 1, 2, 5])):
                words = documents[number]["summary"].split()
                words[rng.randrange(len(words))] = rng.choice([*vocabulary, f"new{step}"])
                documents[number]["summary"] = " ".join(words)
            if step % 10 == 3:  # "readings": a rare way of writing the stem "read", which stays when it goes
                documents[0]["summary"] = documents[0]["summary"].replace(" ", " readings ", 1)
            if step % 10 == 6:
                documents[0]["summary"] = documents[0]["summary"].replace("readings", "quilt")
            patched_index = build_index(documents)
            kept_states = dict(memo._states)  # what the preview keeps, set aside while a build makes all anew
            memo.keep(False)
            fresh = build_index(documents)
            memo.keep(True)
            memo._states.update(kept_states)
            assert patched_index.shards == fresh.shards, step
            assert patched_index.vocabulary == fresh.vocabulary, step
    finally:
        memo.keep(before)
    assert len(patches) == 40 and all(patches)  # every index after the first was a patched one
