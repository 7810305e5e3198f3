"""Keep the site-wide search index small: the site's ordinary pages only.

Material's search downloads one index on every page, so it must not grow with every case study
(at 10,000 even titles and summaries came to 910 KB gzipped). Case studies are found from the
same search box through the directory's own index instead (`static/sitesearch.js`), which
downloads only what a query needs. Pages for staff (the content guide, the content manager) and
the directory's listings, which repeat the case studies, are left out too.
"""

from __future__ import annotations

from typing import Any

LEFT_OUT = ("case-studies/", "guide/", "admin/")


def trim(index: dict[str, Any]) -> dict[str, Any]:
    kept = []
    for doc in index.get("docs", []):
        page = doc.get("location", "").split("#", 1)[0]
        if page.startswith(LEFT_OUT) or (page.startswith("directory/") and page != "directory/"):
            continue
        kept.append(doc)
    return {**index, "docs": kept}
