"""The preview's rebuilds (`mkdocs serve --dirty`): render again only the pages a saved file changed.

MkDocs' dirty mode renders a page again only when its source is newer than its output, and knows
nothing of generated pages, of what hand-written pages pull in from the content, or of the
site-wide files made after the pages. This module closes those gaps, so that a rebuild gives the
site a clean build would:

- every generated page has a key, a hash of its Markdown and of everything put into it (metadata,
  ready-made HTML, search-engine details); a page whose key changed is rendered again;
- hand-written pages are always rendered again (their blocks and the home page read the content);
- when what every page shows changes (the menu, the site's settings, its templates), every page is,
  and every other file is copied again;
- the outputs of pages and files that are gone are deleted;
- after the build, the pages not rendered again keep the link check's scan, the policy's script
  hashes and the search index entries they had, in the order a clean build gives them.

A page is made to render again by setting its output's time to zero. After a failed build
nothing is trusted: the next build starts from an empty site.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import json
import logging
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partnership.postbuild.linkcheck import Scanned

Entry = dict[str, Any]  # an entry of Material's search index


@dataclass(frozen=True)
class SitePage:
    """A page of the site as the engine lists it, in its order."""

    src_uri: str  # "case-studies/foo.md"
    url: str  # "case-studies/foo/" ("./" or "" for the home page)
    dest_uri: str  # "case-studies/foo/index.html"


@dataclass
class Preview:
    """What the last good build of this preview left, and what this build changes."""

    site_key: str = ""  # of what every page shows; "" before the first good build
    next_key: str = ""  # this build's, kept as `site_key` once it has succeeded
    keys: dict[str, str] = field(default_factory=dict)  # generated pages' keys, by src_uri
    outputs: set[str] = field(default_factory=set)  # every page's and generated file's dest_uri
    scans: dict[str, Scanned] = field(default_factory=dict)  # by dest_uri, as scanned (never trimmed)
    hashes: dict[str, list[str]] = field(default_factory=dict)  # inline scripts' hashes, by dest_uri
    search: dict[str, list[Entry]] = field(default_factory=dict)  # search entries, by page url
    pages: list[SitePage] = field(default_factory=list)  # this build's pages, in order
    folder: str = ""  # the generated pages' Markdown, as files the engine can date
    site_dir: str = ""  # the folder the last build wrote
    cache: str = ""  # the build cache this preview is kept in between runs (buildcache.py), or ""
    deferred: dict[str, str] = field(default_factory=dict)  # files written after the engine (deferred.py): keys

    @property
    def trusted(self) -> bool:
        return bool(self.site_key)


def for_engine(dirty: bool) -> Preview | None:
    """A preview's state for the engine's rebuilds: with `--dirty`, else None (every rebuild is whole).

    MkDocs warns that a dirty build may be inaccurate, which fails a strict build: this module makes
    it accurate, so that warning is dropped.
    """
    if not dirty:
        return None
    for engine in ("mkdocs", "properdocs"):  # the engines' build logs (ProperDocs is MkDocs renamed)
        logging.getLogger(f"{engine}.commands.build").addFilter(lambda record: "'dirty' build" not in str(record.msg))
    return Preview()


def key(*parts: Any) -> str:
    """A hash of the parts: equal parts, equal keys, in this process and the next (a build cache's).

    The parts are pickled, only to be hashed (far quicker than JSON for a page's Markdown and HTML), in
    pickle's fast mode: without its memo, an object met twice is written twice, so the bytes depend on
    the values alone, not on which of them happen to be one object. What cannot be pickled that way
    goes in as JSON, or by str.
    """
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo (see above); a part that holds itself raises ValueError, as JSON does
    try:
        pickler.dump(parts)
        data = buffer.getvalue()
    except (pickle.PicklingError, TypeError, AttributeError):
        data = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def text_key(text: str) -> str:
    """A hash of one text (a generated file's): `key` without the JSON around it."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def theme_key(theme_dirs: list[str]) -> str:
    """A hash of the templates' names, sizes and times: a change to any means every page.

    Hidden folders are left out: Material's `.icons` holds some 14,000 pictures, which no one edits
    while previewing, and looking at each would cost a second on every rebuild.
    """
    seen = []
    for folder in theme_dirs:
        for top, dirs, names in os.walk(folder):
            dirs[:] = sorted(name for name in dirs if not name.startswith("."))
            for name in sorted(names):
                stat = os.stat(os.path.join(top, name))
                seen.append((top, name, stat.st_size, stat.st_mtime_ns))
    return key(sorted(seen))


def source(preview: Preview, src_uri: str, text: str, same: bool, page: bool = True) -> str | None:
    """The file holding a generated page's Markdown (or a generated file's text), rewritten only when it changed.

    `same`: its key is the one it had, so its file (if there) holds this text.

    None for a page's Markdown with carriage returns, which the engine, reading it from a file,
    would turn into newlines: it then gets it in memory, and renders it on every rebuild. (A file is
    copied byte for byte.)
    """
    if page and "\r" in text:
        return None
    if not preview.folder:
        preview.folder = tempfile.mkdtemp(prefix="partnership-preview-")
        atexit.register(shutil.rmtree, preview.folder, True)
    path = os.path.join(preview.folder, "pages" if page else "files", src_uri)
    if same and os.path.isfile(path):
        return path
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


def prepare(preview: Preview, site: Path) -> None:
    """Before anything is written into the site: the first build, one after a failure, or one into
    another folder starts from an empty folder (and renders every page: see `plan`)."""
    if not preview.trusted or preview.site_dir != str(site):
        empty(site)
        preview.site_key = ""


def plan(
    preview: Preview,
    site: Path,
    site_key: str,
    keys: dict[str, str],
    pages: list[SitePage],
    files: list[str],
) -> set[str]:
    """Before the engine renders, after `prepare`: mark the pages to render again, delete what is gone.

    `keys` are this build's generated pages' keys, `pages` every page, `files` the dest_uri of
    every other generated file. Returns the dest_uri of the pages marked.
    """
    everything = site_key != preview.site_key
    outputs = {page.dest_uri for page in pages} | set(files)
    for gone in sorted(preview.outputs - outputs - set(preview.deferred)):  # those: once this build's are known
        remove(site, gone)
    if everything:  # and every other file copied again: one kept from other settings may be newer than its source
        for dest_uri in files:
            path = site / dest_uri
            if path.is_file():
                os.utime(path, (0, 0))
    marked = set()
    for page in pages:
        same = page.src_uri in keys and keys[page.src_uri] == preview.keys.get(page.src_uri)
        if everything or not same:
            marked.add(page.dest_uri)
            path = site / page.dest_uri
            if path.is_file():
                os.utime(path, (0, 0))  # older than any source: the engine renders it again
    preview.site_key, preview.next_key, preview.site_dir = "", site_key, str(site)
    preview.keys, preview.outputs, preview.pages = keys, outputs, pages
    return marked


def empty(site: Path) -> None:
    if site.is_dir():
        for entry in site.iterdir():
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()


def remove(site: Path, dest_uri: str) -> None:
    """Delete one output and the folders it leaves empty."""
    path = site / dest_uri
    if path.is_file():
        path.unlink()
    folder = path.parent
    while folder != site and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def scans(preview: Preview, new: dict[str, Scanned]) -> dict[str, Scanned]:
    """Every page's scan: this build's, and the last build's for the pages not rendered again."""
    present = {page.dest_uri for page in preview.pages}
    kept = {dest: scan for dest, scan in preview.scans.items() if dest in present and dest not in new}
    preview.scans = {**kept, **{dest: Scanned(list(scan.links), set(scan.ids)) for dest, scan in new.items()}}
    return {**kept, **new}


def hashes(preview: Preview, new: dict[str, list[str]]) -> set[str]:
    """The inline scripts' hashes of every page, kept ones included."""
    present = {page.dest_uri for page in preview.pages}
    preview.hashes = {dest: found for dest, found in {**preview.hashes, **new}.items() if dest in present}
    return {value for found in preview.hashes.values() for value in found}


def search_entries(preview: Preview, rendered: set[str], docs: list[Entry]) -> list[Entry]:
    """The search index's entries for every page, in the pages' order.

    `docs` holds the entries of the pages rendered this time (their dest_uri in `rendered`).
    """
    new: dict[str, list[Entry]] = {}
    for doc in docs:
        new.setdefault(str(doc.get("location", "")).split("#", 1)[0], []).append(doc)
    merged: dict[str, list[Entry]] = {}
    for page in preview.pages:
        url = "" if page.url == "./" else page.url  # as the index has it
        merged[url] = new.get(url, []) if page.dest_uri in rendered else preview.search.get(url, [])
    preview.search = merged
    return [doc for entries in merged.values() for doc in entries]


def succeeded(preview: Preview) -> None:
    """The build finished: what it left can be trusted by the next one."""
    preview.site_key = preview.next_key
