"""The build cache: a preview kept between runs, so that a build after a few changed files renders
only what they touched (`partnership build --cache DIR`, as the site's workflow runs it).

The cache folder holds the last good site (`site/`), the generated pages' sources (`sources/`) and
`state.json`: the preview's keys, scans, hashes and search entries, the case studies checked (found
again by their bytes, so that only changed ones are checked again), with the version of the code
and engine that wrote them. A build reads `state.json` and deletes it at once, and writes it again
only when it succeeded: after a failed build, or with other code, the next one starts from nothing.
JSON, never pickle: a cache restored from elsewhere can hold wrong data, but never run code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from partnership import preview
from partnership.content import checked, checked_json
from partnership.postbuild.linkcheck import Scanned
from partnership.preview import Preview, SitePage

CACHE_VARIABLE = "PARTNERSHIP_BUILD_CACHE"  # the cache folder, set by `partnership build --cache`
ENGINE_PACKAGES = ("mkdocs", "mkdocs-material", "properdocs", "mkdocs-redirects", "pymdown-extensions", "markdown")


def for_engine(dirty: bool) -> Preview | None:
    """A preview for the engine's run: from the build cache when one is named, else a new one (`--dirty`)."""
    found = preview.for_engine(dirty)
    folder = os.environ.get(CACHE_VARIABLE)
    if found is None or not folder:
        return found
    return load(Path(folder))


def code_version() -> str:
    """The package's own source, the engine running and the versions of it and Python: a cache from
    others is not used."""
    digest = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".js", ".css", ".html", ".json", ".yml"):
            digest.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    for name in ENGINE_PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    digest.update(sys.version.encode("utf-8"))
    digest.update(sys.argv[0].encode("utf-8", "surrogateescape"))  # which engine runs (its pages name it)
    return digest.hexdigest()


def load(folder: Path) -> Preview:
    """The preview the cache holds (its state file deleted at once), or a new one kept in that cache."""
    folder.mkdir(parents=True, exist_ok=True)
    kept = Preview(folder=str(folder / "sources"), cache=str(folder))
    state = folder / "state.json"
    try:
        data = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return kept
    finally:
        state.unlink(missing_ok=True)
    if not isinstance(data, dict) or data.get("version") != code_version():
        return kept
    try:
        return from_json(data, kept)
    except (KeyError, TypeError, ValueError):
        return kept


def save(found: Preview) -> None:
    """After a good build: keep the preview for the next run (written to a new file, then renamed)."""
    if not found.cache:
        return
    state = Path(found.cache) / "state.json"
    partial = state.with_suffix(".partial")
    partial.write_text(json.dumps(to_json(found), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    partial.replace(state)


def to_json(found: Preview) -> dict[str, Any]:
    return {
        "version": code_version(),
        "site_key": found.site_key,
        "site_dir": found.site_dir,
        "keys": found.keys,
        "outputs": sorted(found.outputs),
        "scans": {dest: [scan.links, sorted(scan.ids)] for dest, scan in found.scans.items()},
        "hashes": found.hashes,
        "search": found.search,
        "pages": [[page.src_uri, page.url, page.dest_uri] for page in found.pages],
        "deferred": found.deferred,
        "checked": checked_json.as_json(checked.CASE_STUDIES),
    }


def from_json(data: dict[str, Any], kept: Preview) -> Preview:
    kept.site_key, kept.site_dir = str(data["site_key"]), str(data["site_dir"])
    kept.keys = {str(src): str(key) for src, key in data["keys"].items()}
    kept.outputs = {str(dest) for dest in data["outputs"]}
    kept.scans = {
        str(dest): Scanned([str(x) for x in links], {str(x) for x in ids})
        for dest, (links, ids) in data["scans"].items()
    }
    kept.hashes = {str(dest): [str(x) for x in found] for dest, found in data["hashes"].items()}
    kept.search = {str(url): list(entries) for url, entries in data["search"].items()}
    kept.pages = [SitePage(str(src), str(url), str(dest)) for src, url, dest in data["pages"]]
    kept.deferred = {str(dest): str(key) for dest, key in data["deferred"].items()}
    checked.CASE_STUDIES = checked_json.outcomes(data["checked"])  # read last: all or nothing
    return kept
