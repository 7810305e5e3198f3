"""Screenshots of every page type at 1280 and 375 CSS pixels, light and dark: `make screenshots`.

Serves a built site (default: site/) on 127.0.0.1 and writes full-page PNGs to screenshots/,
named like `case-study-375-dark.png`. Uses Debian's Chromium ($CHROMIUM, /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import PAGE_TYPES, static_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

WIDTHS = (1280, 375)
SCHEMES = ("light", "dark")


def name(path: str) -> str:
    """A file name for a page's address: "/" is home, "/case-studies/x/" is case-study."""
    if path == "/":
        return "home"
    parts = [p for p in path.strip("/").split("/") if p]
    kinds = {"case-studies": "case-study", "schools": "school", "news": "news-post"}
    if len(parts) > 1 and parts[0] in kinds:
        return kinds[parts[0]]
    return "-".join(parts).removesuffix(".html")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--pages", nargs="*", default=[*PAGE_TYPES, "/404.html"])
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        print(f"No built site at {args.site}: run `make site` first.", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with static_server(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for scheme in SCHEMES:
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
                if scheme == "dark":  # Material keeps the chosen palette in localStorage
                    context.add_init_script(
                        'localStorage.setItem("/.__palette", JSON.stringify({index: 1, color: '
                        '{media: "", scheme: "slate", primary: "custom", accent: "custom"}}))'
                    )
                page = context.new_page()
                for path in args.pages:
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    file = args.out / f"{name(path)}-{width}-{scheme}.png"
                    page.screenshot(path=str(file), full_page=True)
                    print(file.relative_to(ROOT) if file.is_relative_to(ROOT) else file)
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
