"""The edit loop: from saving a change to one case study to `mkdocs serve` serving the new text.

    python bench/editloop.py [--sizes 1000] [--out bench/out] [--edits 3]

For each size N it builds the synthetic project (bench/generate.py, as bench/run.py does) and
the same Markdown as a plain MkDocs + Material site, starts `mkdocs serve` on a free 127.0.0.1
port for each variant (ours with `--dirty`, as `make serve` runs it; ours without; plain; plain
with `--dirty`), waits for the first build, then
adds a sentence to one case study's body and polls its page until the served HTML holds the new
text. The time is from the save (the file written) to that response. This is a benchmark,
never a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from generate import PLANTED
from run import BIN, ENV, our_project, plain_project

SLUG = PLANTED[0]["slug"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # 127.0.0.1 only
            return str(response.read().decode("utf-8", "replace"))
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float) -> float:
    """Seconds until the page at `url` contains `text` (polled every 20 ms), or inf."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if text in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.02)
    return float("inf")


def edit_loop(project: Path, study: Path, extra: list[str], edits: int, limit: float) -> tuple[float, list[float]]:
    """First build's seconds and each edit's seconds from save to served page, under `mkdocs serve`."""
    port = free_port()
    command = [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload", *extra]
    env = {**ENV, "PARTNERSHIP_TODAY": os.environ.get("PARTNERSHIP_TODAY", "2026-11-01")}
    log = open(project / "serve.log", "w", encoding="utf-8")  # noqa: SIM115 - closed below
    server = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/case-studies/{SLUG}/"
    original = study.read_text(encoding="utf-8")
    times = []
    try:
        first = wait_for(url, "<html", limit)
        time.sleep(2)  # let the watcher settle after the first build
        for number in range(edits):
            marker = f"Edited sentence number {number} {time.time_ns()}"
            study.write_text(original.rstrip("\n") + f"\n\n{marker}.\n", encoding="utf-8")  # the body, which both show
            times.append(wait_for(url, marker, limit))
            time.sleep(1.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        study.write_text(original, encoding="utf-8")
    return first, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--variants", nargs="+", default=["ours-dirty", "ours", "plain", "plain-dirty"])
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()}", flush=True)
    print("| N | variant | first build (s) | save to served page, each edit (s) | median (s) |")
    print("|---|---|---|---|---|")
    for size in args.sizes:
        ours = our_project(size, args.out / f"edit-ours-{size}")
        plain = plain_project(ours, args.out / f"edit-plain-{size}")
        limit = 60 + size / 50
        for variant in args.variants:
            project, study = (
                (ours, ours / "case_studies" / f"{SLUG}.md")
                if variant.startswith("ours")
                else (plain, plain / "docs" / "case-studies" / f"{SLUG}.md")
            )
            extra = ["--dirty"] if variant.endswith("dirty") else []
            first, times = edit_loop(project, study, extra, args.edits, limit)
            shown = ", ".join(f"{t:.2f}" for t in times)
            print(f"| {size:,} | {variant} | {first:.1f} | {shown} | {statistics.median(times):.2f} |", flush=True)
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
