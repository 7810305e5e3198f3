"""Machine-readable files from the directory: the browser's search index, open data and the feed."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .csvfile import csv_text
from .facets import FACETS, Directory
from .feeds import FeedEntry, atom
from .textindex import PREFIX, STOPWORDS, build_shards, document_words, simple_slug


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def search_files(directory: Directory) -> dict[str, str]:
    """directory/index.json (facets and titles) and directory/text/<xx>.json (word shards).

    Summaries stay out of the index: at 10,000 case studies they would triple what a visitor
    downloads to open the directory. Results show the title and the facts instead.
    """
    documents = [
        document_words(
            s.meta["title"],
            s.meta["summary"],
            s.body,
            " ".join(s.meta["organisations"]),
        )
        for s in directory.studies
    ]
    shards = build_shards(documents)
    index = {
        "version": 1,
        "prefix": PREFIX,
        "stopwords": sorted(STOPWORDS),
        "shards": sorted(shards),
        "facets": {f.key: [[v.id, v.label] for v in directory.values[f.key]] for f in FACETS},
        # Per case study: title, then its facet value positions, then its slug when the
        # browser cannot derive it from the title (most slugs are simply the title's words).
        "items": [
            [s.meta["title"], *(directory.item_values[n][f.key] for f in FACETS)]
            + ([s.slug] if s.slug != simple_slug(s.meta["title"]) else [])
            for n, s in enumerate(directory.studies)
        ],
    }
    files = {"directory/index.json": _compact(index)}
    for name, words in shards.items():
        files[f"directory/text/{name}.json"] = _compact(words)
    return files


def records(directory: Directory, labels: dict[str, dict[str, str]], site_url: str) -> list[dict[str, Any]]:
    out = []
    for study in directory.studies:
        meta = study.meta
        out.append(
            {
                "slug": study.slug,
                "url": f"{site_url}{study.url}",
                "title": meta["title"],
                "summary": meta["summary"],
                "themes": [labels["themes"][t] for t in meta["themes"]],
                "phases": [labels["phases"][p] for p in meta["phases"]],
                "type": labels["types"][meta["type"]],
                "schools": [labels["schools"][s] for s in meta["schools"]],
                "organisations": meta["organisations"],
                "academic_year": meta["academic_year"],
                "published": meta["published"].isoformat(),
                "review_by": meta["review_by"].isoformat(),
                "contact": meta["contact"],
                "contact_email": meta["contact_email"] or "",
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
