"""Golden files: the Markdown of every generated page, as the engine is given it, for two content packs.

The minimal fixture (tests/fixtures/minimal) and the example of another shape (examples/kestrel-vale)
are run through the plain pipeline (`start`, `generate`, then each page's placeholders filled as the
engine's page event fills them), and each page's Markdown is compared with its copy under
tests/golden/<pack>/. A change to what a page says shows as a readable diff of these files.

When a change is meant, write the files again and review the diff before committing:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden_pages.py
"""

from __future__ import annotations

import difflib
import logging
import os
from pathlib import Path

import pytest
from helpers import MINIMAL, ROOT, TODAY

from partnership.pipeline import generate, start

GOLDEN = ROOT / "tests" / "golden"
PACKS = {"minimal": MINIMAL, "kestrel-vale": ROOT / "examples" / "kestrel-vale"}


def generated_markdown(project: Path) -> dict[str, str]:
    """Every generated Markdown page of a project, its placeholders filled, by its path in docs/."""
    log = logging.getLogger("golden")
    build = start(str(project / "mkdocs.yml"), str(project / "docs"), [], "build", log)
    assert not build.failure, build.failure
    try:
        pages = {}
        for item in generate(build, None, [], str(project / "site")):
            if item.src_uri.endswith(".md") and item.content is not None:
                pages[item.src_uri] = build.page_markdown(item.src_uri, item.content, {})
        return pages
    finally:
        build.close()


@pytest.mark.parametrize("pack", sorted(PACKS))
def test_generated_pages_match_their_golden_files(pack: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if not PACKS[pack].is_dir():  # a site made by `partnership init` has no examples/
        pytest.skip(f"{PACKS[pack].relative_to(ROOT)}/ is not in this site (examples/)")
    monkeypatch.setenv("PARTNERSHIP_TODAY", TODAY)
    pages = generated_markdown(PACKS[pack])
    folder = GOLDEN / pack
    assert len(pages) >= 5, sorted(pages)
    if os.environ.get("UPDATE_GOLDEN"):
        for old in folder.rglob("*.md"):
            old.unlink()
        for src_uri, text in pages.items():
            (folder / src_uri).parent.mkdir(parents=True, exist_ok=True)
            (folder / src_uri).write_text(text, encoding="utf-8")
    written = sorted(str(p.relative_to(folder)) for p in folder.rglob("*.md"))
    assert written == sorted(pages), "pages added or gone: run with UPDATE_GOLDEN=1 and review the diff"
    for src_uri, text in sorted(pages.items()):
        golden = (folder / src_uri).read_text(encoding="utf-8")
        diff = "".join(difflib.unified_diff(golden.splitlines(True), text.splitlines(True), "golden", "built", n=2))
        assert not diff, f"{src_uri} differs from tests/golden/{pack}/{src_uri} (UPDATE_GOLDEN=1 to accept):\n{diff}"
