"""The link check's page scans give the same answers in a worker process as in the build's own."""

from __future__ import annotations

import os
import time

import pytest

from partnership.forked import Forked
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


def test_a_forked_answer_comes_from_a_child_that_starts_with_what_the_build_has_loaded() -> None:
    loaded = {"case studies": list(range(50))}  # in the child's memory without being sent to it
    job = Forked(lambda: (os.getpid(), sum(loaded["case studies"])))
    pid, total = job.result()
    assert total == sum(range(50))
    assert (pid != os.getpid()) == job.forked == ((os.cpu_count() or 1) > 1)


def test_when_the_child_fails_the_answer_is_worked_out_here_and_its_error_raised_here() -> None:
    calls: list[int] = []

    def fails_in_the_child() -> int:
        calls.append(os.getpid())
        if len(calls) == 1 and os.getpid() != parent:
            raise RuntimeError("only in the child")
        return 7

    parent = os.getpid()
    assert Forked(fails_in_the_child).result() == 7

    def always_fails() -> int:
        raise ValueError("a facet of the directory has 64,000 values")

    with pytest.raises(ValueError, match="64,000 values"):
        Forked(always_fails).result()


def test_a_child_no_longer_wanted_is_stopped_at_once() -> None:
    job = Forked(lambda: time.sleep(60))
    started = time.monotonic()
    job.close(wait=0)
    assert time.monotonic() - started < 5
    assert job._process is None
