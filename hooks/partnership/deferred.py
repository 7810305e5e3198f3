"""The directory's data files in a single build: made on the other core while the engine renders.

At 10,000 case studies the directory's data (outputs/files.py, `directory_files`: the text index
in some 1,500 files, a result file per case study, open data and the feed) is most of the build's
own work, and needs nothing the engine does. So in a single build (`mkdocs build`, also a build
cache's) with at least `WORKER_FROM` case studies, a forked child (forked.py) makes the files and
writes them into the site while the engine renders the pages; the engine never sees them. After
the engine, `finish` waits for the child, so that the link check finds them.

In a build cache's build, a file is written only when its text changed (its key is kept in the
preview's `deferred`), and a file the last build wrote and this one did not is deleted. A preview
under `mkdocs serve` makes them with the pages, from its memos, and never forks.

May import the preview and forked.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from partnership import preview
from partnership.forked import Forked
from partnership.preview import Preview

WORKER_FROM = 1000  # case studies: below this, the files are made with the pages, as a preview makes them

Files = Callable[[], dict[str, str]]  # the files, by their path in the site


def start(make: Files, site: Path, last: Preview | None) -> Forked[dict[str, str]]:
    """Make and write the files in a child, from now on; the site folder must be ready for them (a
    clean build's was emptied by the engine, a preview's by `preview.prepare`)."""
    known = dict(last.deferred) if last is not None else {}  # after a failure the site is empty: all are written
    return Forked(lambda: write(site, make(), known))


def write(site: Path, files: dict[str, str], known: dict[str, str]) -> dict[str, str]:
    """Write each file whose text is not the one `known` (path -> key) says is there; every file's key."""
    keys = {}
    for dest, text in files.items():
        key = preview.text_key(text)
        path = site / dest
        if known.get(dest) != key or not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8") as output:  # as the engine writes a generated file
                output.write(text)
        keys[dest] = key
    return keys


def finish(job: Forked[dict[str, str]] | None, site: Path, found: Preview | None) -> None:
    """After the engine: the files are in the site (made here, if the child failed); a preview keeps
    their keys, and loses the files of the last build that this one neither wrote nor gave the engine."""
    keys = job.result() if job is not None else {}
    if found is None:
        return
    for gone in sorted(set(found.deferred) - set(keys) - found.outputs):
        preview.remove(site, gone)
    found.deferred = keys
    found.outputs |= set(keys)
