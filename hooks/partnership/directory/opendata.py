"""Machine-readable files from the directory: the browser's search index, open data and the feed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from partnership.directory.facets import FACETS, Directory
from partnership.directory.snippets import passages, plain_text
from partnership.directory.textindex import K1, PREFIX, STOPWORDS, build_index, synonym_groups
from partnership.formats.atom import FeedEntry, atom
from partnership.formats.csvfile import csv_text
from partnership.formats.memo import memo, unchanged


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


FACET_VOCABULARIES = {"theme": "themes", "phase": "phases", "type": "types"}


def search_names(taxonomy: Mapping[str, Any]) -> tuple[dict[str, dict[str, list[str]]], list[list[str]]]:
    """From the taxonomy: other names by facet and value id (`also:`), and the groups of synonyms."""
    other_names = {
        facet: {entry["id"]: entry["also"] for entry in taxonomy.get(vocabulary) or [] if entry.get("also")}
        for facet, vocabulary in FACET_VOCABULARIES.items()
    }
    return other_names, [group["words"] for group in taxonomy.get("synonyms") or []]


def member_code(position: int) -> str:
    """A facet value's position as one character: "0" is the first, the backslash and the
    surrogates skipped, so JSON holds it as it is (directory.js, decodeMembers, reverses this)."""
    code = 48 + position
    code += code >= 92
    code += 0x800 * (code >= 0xD800)
    if code > 0xFFFF:
        raise ValueError(f"a facet of the directory has {position + 1:,} values; at most 63,000 are supported")
    return chr(code)


def members(directory: Directory, facet: str) -> str:
    """Every case study's values of one facet, in case study order, separated by spaces."""
    return " ".join("".join(map(member_code, values[facet])) for values in directory.item_values)


def search_files(
    directory: Directory,
    other_names: Mapping[str, Mapping[str, list[str]]] | None = None,
    synonyms: list[list[str]] | None = None,
) -> dict[str, str]:
    """The directory's search: `index.json` (facet values and, per facet, which values each case
    study has: see `members`), `text/<xx>.json` (ranked postings by stem), `docs/<n>.json` (each
    result's title, address, summary and passages, fetched only for the results shown),
    `words.json` (every word, fetched only to correct a word that matches nothing) and
    `search.json` (index.json without the facets, for the site-wide search box). Both fetch a
    result's title and address from its `docs/<n>.json`, only for the results shown, so no file
    that opening the directory loads holds every title.

    `other_names` holds, by facet and value id, the other names a taxonomy entry is known by
    (`also:`), indexed with the labels and searched as synonyms; `synonyms` adds groups of words
    that mean the same (`maths`, `mathematics`).
    """
    other_names = other_names or {}
    groups = [list(group) for group in synonyms or []]
    for facet in FACETS:
        for value in directory.values[facet.key]:
            also = other_names.get(facet.key, {}).get(value.id, [])
            if also:
                groups.append([value.label, *also])
    documents = []
    for number, study in enumerate(directory.studies):
        labels = []
        for facet in FACETS:
            for position in directory.item_values[number][facet.key]:
                value = directory.values[facet.key][position]
                if facet.key != "year":
                    labels += [value.label, *other_names.get(facet.key, {}).get(value.id, [])]
        documents.append(
            {
                "title": study.title,
                "facets": " ; ".join(labels),
                "summary": study.summary,
                "body": plain_text(study.body),
            }
        )
    text = build_index(documents)
    # What searching needs, without the facets: all the site-wide search box loads.
    engine = {
        "version": 2,
        "total": len(directory.studies),
        "prefix": PREFIX,
        "stopwords": sorted(STOPWORDS),
        "shards": sorted(text.shards),
        "weights": {"k1": K1},
        "synonyms": synonym_groups(groups),
    }
    index = {
        **engine,
        "facets": {f.key: [[v.id, v.label] for v in directory.values[f.key]] for f in FACETS},
        # Per facet, which values each case study has: no titles or addresses, which come with each
        # result's own docs/<n>.json, so opening the directory costs a few bytes per case study.
        "members": {f.key: members(directory, f.key) for f in FACETS},
    }
    files = {
        "directory/index.json": _compact(index),
        "directory/search.json": _compact(engine),
        "directory/words.json": _compact(text.vocabulary),
    }
    for name, entries in text.shards.items():
        path = f"directory/text/{name}.json"
        files[path] = unchanged(path, entries, _compact)  # a preview's edit changes a few shards
    for number, study in enumerate(directory.studies):
        files[f"directory/docs/{number}.json"] = result_doc(study.title, study.url, study.summary, study.body)
    return files


@memo(1 << 17)  # a preview's rebuild writes the same case studies again
def result_doc(title: str, url: str, summary: str, body: str) -> str:
    """A result's docs/<n>.json: its title, address, summary and passages."""
    return _compact({"t": title, "u": url, "s": summary, "p": passages(body)})


def records(directory: Directory, labels: dict[str, dict[str, str]], site_url: str) -> list[dict[str, Any]]:
    out = []
    for study in directory.studies:
        out.append(
            {
                "slug": study.slug,
                "url": f"{site_url}{study.url}",
                "title": study.title,
                "summary": study.summary,
                "themes": [labels["themes"][t] for t in study.themes],
                "phases": [labels["phases"][p] for p in study.phases],
                "type": labels["types"][study.type],
                "schools": [labels["schools"][s] for s in study.schools],
                "organisations": list(study.organisations),
                "academic_year": study.academic_year,
                "published": study.published.isoformat(),
                "review_by": study.review_by.isoformat(),
                "contact": study.contact,
                "contact_email": study.contact_email or "",
            }
        )
    return out


def open_data(rows: list[dict[str, Any]]) -> dict[str, str]:
    """directory/case-studies.json and .csv (lists joined with '; ' in the CSV; formula cells guarded)."""
    header = list(rows[0]) if rows else []
    table = [["; ".join(v) if isinstance(v, list) else v for v in row.values()] for row in rows]
    return {
        "directory/case-studies.json": json.dumps(rows, ensure_ascii=False),
        "directory/case-studies.csv": csv_text(header, table) if rows else "",
    }


def atom_feed(rows: list[dict[str, Any]], identity: dict[str, Any], site_url: str, today: dt.date) -> str:
    """An Atom feed of the newest case studies."""
    entries = [
        FeedEntry(
            f"case-studies/{row['slug']}",
            row["title"],
            row["summary"],
            row["url"],
            dt.date.fromisoformat(row["published"]),
            tuple(row["themes"]),
        )
        for row in rows
    ]
    return atom(identity, site_url, "directory/", f"New case studies from the {identity['name']}", entries, today)
