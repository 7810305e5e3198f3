"""Pagefind beside our directory search, on the same built site (bench/run.py calls this).

Pagefind is installed for the benchmark only, at the version below, into bench/out/node (its
npm package carries the platform binary). It indexes the case study pages' content (Material's
`article`), and is driven through its JavaScript API from a page with no Content Security
Policy: Pagefind needs 'wasm-unsafe-eval', which our pages rightly refuse.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

VERSION = "1.6.0"
PAGE = "pagefind-bench.html"


def install(out: Path) -> Path | None:
    """The pagefind binary, installed with npm into out/node; None when npm is missing."""
    node = out / "node"
    binary = node / "node_modules" / ".bin" / "pagefind"
    if binary.exists():
        return binary
    if not shutil.which("npm"):
        return None
    node.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(node), f"pagefind@{VERSION}"],
        check=True,
    )
    return binary if binary.exists() else None


def index(binary: Path, site: Path) -> float:
    """Index the case study pages of a built site; seconds taken."""
    started = time.perf_counter()
    subprocess.run(
        [str(binary), "--site", str(site), "--glob", "case-studies/**/*.html", "--root-selector", "article"],
        check=True,
        capture_output=True,
    )
    (site / PAGE).write_text("<!doctype html><html lang=en><title>Pagefind</title><main></main></html>\n")
    return time.perf_counter() - started


OPEN = "async () => { window.pf = await import('/pagefind/pagefind.js'); await window.pf.init(); return true; }"
SEARCH = """async (q) => {
  const found = await window.pf.search(q);
  const top = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
  return top.map((d) => d.url);
}"""
TIMED = """async (q) => {
  const started = performance.now();
  const found = await window.pf.search(q);
  await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  return performance.now() - started;
}"""


def measure(page, base: str, requested: list[str], gz_size, queries: list[str], planted: list[tuple[str, str]]):
    """Bytes to open and for a first query, keystroke latency (CPU 4x slower), planted relevance."""
    requested.clear()
    page.goto(f"{base}/{PAGE}")
    page.evaluate(OPEN)
    page.wait_for_load_state("networkidle")
    opening = sum(gz_size(url) for url in set(requested))
    requested.clear()
    page.evaluate(SEARCH, "reading")
    page.wait_for_load_state("networkidle")
    first_query = sum(gz_size(url) for url in set(requested))
    relevance = {}
    for query, slug in planted:
        urls = page.evaluate(SEARCH, query)
        relevance[query] = bool(urls) and urls[0].rstrip("/").endswith(f"/case-studies/{slug}")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    latencies = []
    for query in queries:
        for end in range(1, len(query) + 1):
            latencies.append(page.evaluate(TIMED, query[:end]))
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    return opening, first_query, latencies, relevance
