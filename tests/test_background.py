"""The link check's page scans give the same answers in a worker process as in the build's own."""

from __future__ import annotations

import os

import pytest

from partnership.postbuild.linkcheck import scan
from partnership.postbuild.scanner import PageScanner

PAGES = {
    f"p{n}/index.html": f'<main><a href="../p{n + 1}/#h{n + 1}">next</a><h2 id="h{n}">Part {n}</h2></main>'
    for n in range(30)
}


@pytest.mark.parametrize("parallel", [False, True])
def test_scans_are_the_same_in_a_worker_or_not(parallel: bool) -> None:
    scanner = PageScanner(parallel)
    # was always true: with no check that a worker started, both cases could run in this process
    assert scanner.parallel == (parallel and (os.cpu_count() or 1) > 1)
    for page, html in PAGES.items():
        scanner.add(page, html)
    assert scanner.results() == {page: scan(html) for page, html in PAGES.items()}
    assert not scanner.parallel  # the worker is stopped once the results are in


def test_a_scanner_closed_early_leaves_nothing_running() -> None:
    scanner = PageScanner(True)
    assert scanner.parallel or (os.cpu_count() or 1) == 1  # a worker runs until it is closed
    scanner.add("a/index.html", '<a href="../b/">b</a>')
    scanner.close()
    assert not scanner.parallel
