"""The benchmark: build time, check time, index size, bytes downloaded and search latency.

    python bench/run.py [--sizes 1000 10000] [--out bench/out]

For each size N it generates N synthetic case studies (bench/generate.py) from this
repository's content, then measures:
- build time with our hooks, and plain MkDocs + Material on the same Markdown (no hooks);
- peak memory of our build; `partnership check` time;
- the directory index (index.json + text shards), raw and gzipped;
- bytes (gzipped) a visitor downloads to open /directory/ before interacting, and for a
  first text query, in headless Chromium;
- keystroke-to-rendered-results latency in Chromium with 4x CPU throttling, from the key press
  (the input event's time stamp) to the next frame after the results are drawn;
- planted-query relevance: for each planted case study (bench/generate.py), whether each of its
  queries puts it first;
- the same for Pagefind on the same site (bench/pagefind.py): index time, bytes to open and for
  a first query, latency, planted relevance.
It prints Markdown tables. This is a benchmark, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pagefind
import yaml
from generate import PLANTED, generate

from partnership.content import parts
from partnership.content.load import load

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
QUERIES = ["reading", "peer challenge", "pupil premium", "governors", "early years outdoor", "transition"]


def timed(command: list[str], cwd: Path) -> tuple[float, int, int]:
    """Wall time in seconds and peak memory (MB) of a command, run under bench/peak.py: the largest
    process's resident set, and the largest sum over all its processes (PSS)."""
    started = time.perf_counter()
    peak = Path(__file__).with_name("peak.py")
    result = subprocess.run(
        [sys.executable, str(peak), *command], cwd=cwd, env=ENV, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    largest, together = result.stderr.strip().splitlines()[-1].split()
    return elapsed, int(largest) // 1024, int(together) // 1024


def plain_project(project: Path, out: Path) -> Path:
    """The same Markdown, theme and settings in MkDocs + Material without our hooks.

    Case studies become plain docs pages (their front matter read by MkDocs itself).
    """
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(project / "docs", out / "docs")
    (out / "docs" / "case-studies").mkdir()
    for study in (project / "case_studies").glob("*.md"):
        shutil.copy(study, out / "docs" / "case-studies" / study.name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:[^\n]*\n(  - .*\n)+", "\n", config)
    config = re.sub(r"  - (Questions|Good practice|News): .*\n", "", config)
    config = config.replace("strict: true", "strict: false")
    # The same menu as ours (content/navigation.yml), as far as plain MkDocs has the pages: without a
    # nav, MkDocs would list every case study in the menu of every page, a quadratic build.
    project_content = load(project, today=dt.date.today())
    menu = parts.mkdocs_nav(parts.menu(project_content))
    docs = out / "docs"
    nav = []
    for entry in menu:
        ((label, target),) = entry.items()
        if isinstance(target, str):
            nav += [{label: target}] if (docs / target).is_file() else []
        else:
            kept = [link for link in target if (docs / next(iter(link.values()))).is_file()]
            nav += [{label: kept}] if kept else []
    config += "\n" + yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True)
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    return out


def our_project(size: int, out: Path, source: Path = ROOT) -> Path:
    shutil.rmtree(out, ignore_errors=True)
    generate(out, size, source)
    (out / "hooks").mkdir(exist_ok=True)  # watched by `mkdocs serve`
    for sub in ("overrides", "assets"):
        shutil.copytree(ROOT / "docs" / sub, out / "docs" / sub, dirs_exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (out / "mkdocs.yml").write_text(config.replace("  - hooks/site.py", f"  - {ROOT / 'hooks/site.py'}"))
    return out


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


PLANTED_QUERIES = [(query, plant["slug"]) for plant in PLANTED for query in plant["queries"]]


def index_bytes(site: Path) -> tuple[int, int, int]:
    files = [site / "directory/index.json", *sorted((site / "directory/text").glob("*.json"))]
    raw = sum(f.stat().st_size for f in files)
    return raw, sum(gz(f.read_bytes()) for f in files), gz(files[0].read_bytes())


def browser_measures(site: Path, pagefind_binary: Path | None) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    requested: list[str] = []

    def gz_size(url: str) -> int:
        path = urlparse(url).path
        local = site / path.lstrip("/")
        if local.is_dir():
            local = local / "index.html"
        return gz(local.read_bytes()) if local.is_file() else 0

    def rendered(page, query: str) -> None:
        page.wait_for_function("(q) => document.querySelector('#ps-form').dataset.renderedQuery === q", arg=query)

    results: dict[str, object] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context()
        page = context.new_page()
        page.on("request", lambda request: requested.append(request.url))
        page.goto(base + "/directory/")
        page.wait_for_selector("#ps-form[data-ready=true]")
        page.wait_for_load_state("networkidle")
        results["open_kb"] = sum(gz_size(url) for url in set(requested)) / 1024
        requested.clear()
        page.fill("#ps-q", "reading")
        rendered(page, "reading")
        page.wait_for_load_state("networkidle")
        results["query_kb"] = sum(gz_size(url) for url in set(requested)) / 1024

        relevance = {}
        for query, slug in PLANTED_QUERIES:
            page.fill("#ps-q", query)
            rendered(page, query)
            first = page.locator("#ps-results li h3 a").first.get_attribute("href") or ""
            relevance[query] = first.rstrip("/").endswith(f"/case-studies/{slug}")
        results["planted"] = relevance

        # From the key press, sent through CDP (Input.dispatchKeyEvent) as a visitor's keyboard would, to the
        # frame after the one that shows the results: the keydown's own time stamp, then two animation frames
        # after the page's ps:rendered event (the first runs before that paint, the second after it).
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.evaluate(
            "() => { window.__ps = []; window.__down = null;"
            " document.addEventListener('keydown', (e) => {"
            " if (e.target.id === 'ps-q') window.__down = e.timeStamp; }, true);"
            " document.addEventListener('ps:rendered', () => { const t = window.__down; if (t === null) return;"
            " window.__down = null; requestAnimationFrame(() => requestAnimationFrame("
            "() => window.__ps.push(performance.now() - t))); }); }"
        )
        for query in QUERIES:
            page.fill("#ps-q", "")
            page.focus("#ps-q")
            page.wait_for_timeout(50)
            for char in query:
                before = page.evaluate("() => window.__ps.length")
                cdp.send(
                    "Input.dispatchKeyEvent", {"type": "keyDown", "key": char, "text": char, "unmodifiedText": char}
                )
                cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})
                page.wait_for_function("(n) => window.__ps.length > n", arg=before)  # a function: the CSP forbids eval
                page.wait_for_load_state("networkidle")
        latencies = sorted(page.evaluate("() => window.__ps"))
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
        results.update(median_ms=statistics.median(latencies), p95_ms=percentile(latencies, 95))

        # The site-wide search box on an ordinary page: a first query.
        requested.clear()
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(base + "/about/")
        page.wait_for_load_state("networkidle")
        opened = set(requested)
        requested.clear()
        page.click("[data-md-component=search-query]")
        page.keyboard.type("reading")
        page.wait_for_function("() => document.querySelector('.ps-site-cases')?.dataset.query === 'reading'")
        page.wait_for_load_state("networkidle")
        results["site_query_kb"] = (
            sum(gz_size(url) for url in set(requested) | {u for u in opened if "search" in u}) / 1024
        )

        if pagefind_binary:
            opening, first_query, pf_latencies, pf_relevance = pagefind.measure(
                page, base, requested, gz_size, QUERIES, PLANTED_QUERIES
            )
            pf_latencies.sort()
            results["pagefind"] = {
                "open_kb": opening / 1024,
                "query_kb": first_query / 1024,
                "median_ms": statistics.median(pf_latencies),
                "p95_ms": percentile(pf_latencies, 95),
                "planted": pf_relevance,
            }
        browser.close()
    server.shutdown()
    return results


def percentile(values: list[float], p: int) -> float:
    return values[max(0, round(p / 100 * len(values)) - 1)]


def measure(size: int, out: Path, source: Path = ROOT) -> dict:
    ours = our_project(size, out / f"ours-{size}", source)
    plain = plain_project(ours, out / f"plain-{size}")
    mkdocs = [str(BIN / "mkdocs"), "build", "-q", "-d"]
    # Best of several alternating runs: the machine's other work only ever adds time.
    plain_runs, ours_runs = [], []
    for _ in range(3 if size <= 2000 else 2):
        plain_runs.append(timed([*mkdocs, str(plain / "site")], plain))
        ours_runs.append(timed([*mkdocs, str(ours / "site")], ours))
    plain_s, ours_s = min(r[0] for r in plain_runs), min(r[0] for r in ours_runs)
    ours_mb = max(r[1] for r in ours_runs)
    ours_all_mb = max(r[2] for r in ours_runs)
    check_s = timed([str(BIN / "partnership"), "check"], ours)[0]
    raw, zipped, facets_gz = index_bytes(ours / "site")
    row = {
        "size": size,
        "plain_s": plain_s,
        "ours_s": ours_s,
        "ratio": ours_s / plain_s,
        "peak_mb": ours_mb,
        "peak_all_mb": ours_all_mb,
        "check_s": check_s,
        "index_raw_kb": raw / 1024,
        "index_gz_kb": zipped / 1024,
        "facets_gz_kb": facets_gz / 1024,
        "site_search_gz_kb": gz((ours / "site/search/search_index.json").read_bytes()) / 1024,
    }
    binary = pagefind.install(out)
    if binary:
        row["pagefind_index_s"] = pagefind.index(binary, ours / "site")
    row.update(browser_measures(ours / "site", binary))
    return row


def table(rows: list[dict]) -> str:
    columns = [
        ("N", "size", "{:,.0f}"),
        ("plain MkDocs (s)", "plain_s", "{:.1f}"),
        ("with hooks (s)", "ours_s", "{:.1f}"),
        ("ratio", "ratio", "{:.2f}"),
        ("peak memory, largest process (MB)", "peak_mb", "{:.0f}"),
        ("peak memory, all processes (MB PSS)", "peak_all_mb", "{:.0f}"),
        ("check (s)", "check_s", "{:.2f}"),
        ("index raw (KB)", "index_raw_kb", "{:,.0f}"),
        ("index gzip (KB)", "index_gz_kb", "{:,.0f}"),
        ("open /directory/ (KB gz)", "open_kb", "{:.0f}"),
        ("first query (KB gz)", "query_kb", "{:.0f}"),
        ("site search index, other pages (KB gz)", "site_search_gz_kb", "{:,.0f}"),
        ("site search, first query on a page (KB gz)", "site_query_kb", "{:,.0f}"),
        ("keystroke median (ms)", "median_ms", "{:.0f}"),
        ("keystroke p95 (ms)", "p95_ms", "{:.0f}"),
    ]
    lines = ["| " + " | ".join(c[0] for c in columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        lines.append("| " + " | ".join(fmt.format(row[key]) for _, key, fmt in columns) + " |")
    return "\n".join(lines)


def search_table(rows: list[dict]) -> str:
    """Ours and Pagefind's, side by side."""
    lines = [
        "| N | search | index time (s) | open (KB gz) | first query (KB gz) | keystroke median (ms) "
        "| keystroke p95 (ms) | planted first |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        ours_planted = sum(row["planted"].values())
        lines.append(
            f"| {row['size']:,} | ours | (in the build) | {row['open_kb']:.0f} | {row['query_kb']:.0f} "
            f"| {row['median_ms']:.0f} | {row['p95_ms']:.0f} | {ours_planted} of {len(row['planted'])} |"
        )
        pf = row.get("pagefind")
        if pf:
            lines.append(
                f"| {row['size']:,} | Pagefind {pagefind.VERSION} | {row['pagefind_index_s']:.1f} "
                f"| {pf['open_kb']:.0f} | {pf['query_kb']:.0f} | {pf['median_ms']:.0f} | {pf['p95_ms']:.0f} "
                f"| {sum(pf['planted'].values())} of {len(pf['planted'])} |"
            )
    lines += ["", "| N | planted query | ours first | Pagefind first |", "|---|---|---|---|"]
    for row in rows:
        for query, ok in row["planted"].items():
            pf_ok = row.get("pagefind", {}).get("planted", {}).get(query)
            theirs = "-" if pf_ok is None else "yes" if pf_ok else "no"
            lines.append(f"| {row['size']:,} | {query} | {'yes' if ok else 'NO'} | {theirs} |")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--from", dest="source", type=Path, default=ROOT, help="project whose content to copy")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        rows.append(measure(size, args.out, args.source))
        print(f"measured N={size:,}", file=sys.stderr)
    print(table(rows))
    print()
    print(search_table(rows))
    if len(rows) > 1:
        print(f"\nScaling: {rows[-1]['ours_s'] / rows[0]['ours_s']:.1f}x the build time of N={rows[0]['size']:,}.")
    print(re.sub(r"\s+", " ", f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs."))
