"""Keep the site-wide search index small: case studies by title and summary only.

Material's search downloads one index on every page. Full case study bodies would make it
grow with every case study (6 MB at 1,000); the directory has its own full-text search that
downloads only what a query needs. Case study pages are excluded from Material's own
indexing (which would parse every page) and added here as one short entry each.
"""

from __future__ import annotations

from typing import Any

from .markup import h


def trim(index: dict[str, Any], case_studies: list[tuple[str, str, str]]) -> dict[str, Any]:
    """`case_studies` holds (location like "case-studies/x/", title, summary) for each."""
    kept = []
    for doc in index.get("docs", []):
        page = doc.get("location", "").split("#", 1)[0]
        if page.startswith("case-studies/") or (page.startswith("directory/") and page != "directory/"):
            continue
        kept.append(doc)
    kept += [
        {"location": url, "title": h(title), "text": f"<p>{h(summary)}</p>"} for url, title, summary in case_studies
    ]
    return {**index, "docs": kept}
