"""Keep the site-wide search index small: case studies by title and summary only.

Material's search downloads one index on every page. Full case study bodies would make it
grow with every case study (6 MB at 1,000); the directory has its own full-text search
that downloads only what a query needs.
"""

from __future__ import annotations

from typing import Any

from .markup import h


def trim(index: dict[str, Any], summaries: dict[str, str]) -> dict[str, Any]:
    """`summaries` maps a case study's location ("case-studies/x/") to its summary."""
    kept = []
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        page = location.split("#", 1)[0]
        if page.startswith("directory/") and page != "directory/":
            continue  # facet and listing pages repeat the case studies
        if page in summaries:
            if "#" in location:
                continue
            doc = {**doc, "text": f"<p>{h(summaries[page])}</p>"}
        kept.append(doc)
    return {**index, "docs": kept}
