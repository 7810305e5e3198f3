"""The plain pipeline's small contracts with the engine: page addresses and generated files."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from partnership.pages.layout import page_url
from partnership.pipeline import Generated

SOURCES = [
    "index.md",
    "about.md",
    "news/index.md",
    "news/a-post.md",
    "case-studies/shared-reading.md",
    "directory/theme/reading/index.md",
    "directory/theme/reading/2.md",
    "schools/cedar-park/index.md",
    "a/b/c.md",
]


def _engine_url(src_uri: str) -> str:
    """The address MkDocs gives the page (its `page.url`, which the hooks compare with the menu's)."""
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": "/docs"})
    return Page(None, File(src_uri, "/docs", "/site", use_directory_urls=True), config).url


@pytest.mark.parametrize("src_uri", SOURCES)
def test_page_url_is_the_address_mkdocs_gives_the_page(src_uri: str) -> None:
    assert page_url(src_uri) == _engine_url(src_uri)


@given(st.lists(st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True), min_size=1, max_size=4))
def test_page_url_agrees_with_mkdocs_for_any_path(parts: list[str]) -> None:
    for src_uri in ("/".join(parts) + ".md", "/".join(parts) + "/index.md"):
        assert page_url(src_uri) == _engine_url(src_uri)


def test_a_generated_file_has_its_text_or_a_file_to_copy_not_both() -> None:
    assert Generated("a.md", content="# A").content == "# A"
    assert Generated("b.pdf", path="/repo/docs/b.pdf").path == "/repo/docs/b.pdf"
    with pytest.raises(ValueError, match="not both"):
        Generated("c.md")
    with pytest.raises(ValueError, match="not both"):
        Generated("d.md", content="x", path="/repo/d.md")
