"""After the engine has written the site: the directory's data files waited for, the search index
trimmed, the links checked, the Content Security Policy written, and a preview's state kept.

May import the pipeline (its Build) and everything below it; hooks/site.py calls `postbuild`.
"""

from __future__ import annotations

import json
from pathlib import Path

from partnership import buildcache, deferred, preview
from partnership.engine import Log
from partnership.pipeline import Build
from partnership.postbuild import csp, linkcheck, searchindex


def postbuild(build: Build, site_dir: str, log: Log) -> None:
    """After the engine has written the site: trim the search index, check links, write the policy.

    Logs the build's notes, and any broken links as a warning (which fails a --strict build).
    """
    site = Path(site_dir)
    path = site / "search" / "search_index.json"
    last = build.preview
    if path.exists():
        index = searchindex.trim(json.loads(path.read_text(encoding="utf-8")))
        if last is not None:  # a preview's rebuild: the pages not rendered again keep their entries
            index["docs"] = preview.search_entries(last, set(build.page_hashes), index["docs"])
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    assert build.scanner is not None and build.scripts is not None
    scanned = build.scanner.results()  # every page that went through `secure`
    if last is not None:
        scanned = preview.scans(last, scanned)
    deferred.finish(build.data_job, site, last)  # the directory's data files, made beside the engine
    files = linkcheck.site_files(site)  # walked once, for both
    broken = linkcheck.check_site(site, build.site_url, scanned=scanned, files=files)
    # The last step: pages written after `secure` (mkdocs-redirects', the 404 page) get their policy.
    rest = csp.secure_files(site, [p for p in csp.policed(files) if p not in scanned], build.scripts)
    hashes = (
        preview.hashes(last, build.page_hashes) if last else {h for found in build.page_hashes.values() for h in found}
    )
    csp.write_headers(site, hashes | rest.hashes)
    if last is not None:
        preview.succeeded(last)
        buildcache.save(last)  # when it is kept in a build cache
    for note in build.notes:
        log.info(note)
    if broken:
        log.warning(linkcheck.report(broken))
