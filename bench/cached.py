"""The build cache: a build after a handful of changed case studies, with a warm cache, against a clean build.

    python bench/cached.py [--sizes 10000] [--out bench/out] [--changed 5]

For each size N it builds the synthetic project (bench/generate.py, as bench/run.py does) three
times with `partnership build`, as CI does: clean (no cache); with `--cache` and an empty cache
(the first run of a workflow); then, after `--changed` case studies have a sentence added to their
summary, with `--cache` again (a pull request or nightly build). Each time is the command's wall
time, from start to the published `site/`. This is a benchmark, never a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from run import BIN, ENV, our_project


def timed(project: Path, *args: str) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [str(BIN / "partnership"), "build", *args], cwd=project, env=ENV, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"partnership build {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started


def change(project: Path, count: int) -> None:
    studies = sorted((project / "case_studies").glob("*.md"))
    step = max(1, len(studies) // count)
    for number, path in enumerate(studies[::step][:count]):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('\nsummary: "', f'\nsummary: "Revised ({number}). ', 1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--changed", type=int, default=5)
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()}", flush=True)
    print(f"| N | clean build (s) | cached, cold (s) | cached, {args.changed} changed (s) | warm / clean |")
    print("|---|---|---|---|---|")
    for size in args.sizes:
        project = our_project(size, args.out / f"cached-{size}")
        clean = timed(project)
        shutil.rmtree(project / ".build-cache", ignore_errors=True)
        cold = timed(project, "--cache", ".build-cache")
        change(project, args.changed)
        warm = timed(project, "--cache", ".build-cache")
        print(f"| {size:,} | {clean:.1f} | {cold:.1f} | {warm:.1f} | {warm / clean:.2f} |", flush=True)
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
