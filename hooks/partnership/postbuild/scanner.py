"""Work beside the build: the link check's scan of each page, on the machine's other core.

MkDocs renders pages one after another on one core. Scanning a page for links and ids needs
nothing but that page's HTML, so large sites hand each page to a worker process as it is
written, and the check at the end only joins the results. Small sites (and machines with one
core) scan in the build's own process: starting a worker would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from partnership.postbuild.linkcheck import Scanned, scan

PARALLEL_FROM = 1000  # pages: below this, a worker process costs more than it saves


class PageScanner:
    """Collects the scans of built pages, in a worker process when `parallel` and there is a spare core."""

    def __init__(self, parallel: bool) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._pending: dict[str, Future[Scanned]] = {}
        self._done: dict[str, Scanned] = {}
        if parallel and (os.cpu_count() or 1) > 1:
            try:  # forkserver: never fork the build itself, which may be running threads (mkdocs serve)
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("forkserver"))
            except (OSError, ValueError):
                self._pool = None

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def add(self, page: str, html: str) -> None:
        """Scan the page at `page` (its path in the site), now or in the worker."""
        if self._pool is None:
            self._done[page] = scan(html)
        else:
            self._pending[page] = self._pool.submit(scan, html)

    def results(self) -> dict[str, Scanned]:
        """Every scan, once the worker has finished them all; the worker is then stopped."""
        for page, future in self._pending.items():
            self._done[page] = future.result()
        self._pending.clear()
        self.close()
        return self._done

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
