"""Unit tests of partnership.postbuild.linkcheck on small hand-made sites (no MkDocs build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnership.postbuild import linkcheck
from partnership.postbuild.linkcheck import BrokenLink, Checker, scan

PAGE = (
    '<!doctype html><html><head><link rel="stylesheet" href="{root}assets/site.css"></head><body>{body}</body></html>'
)

SITE = {
    "index.html": '<h1 id="welcome">Welcome</h1>',
    "about/index.html": '<h2 id="team">Team</h2><a name="old-anchor"></a><p id="café">x</p>',
    "case-studies/shared-reading/index.html": '<h1 id="shared">Shared</h1><h2 id="related">Related</h2>',
    "directory/feed.xml": "<feed/>",
    "assets/site.css": "body{}",
    "assets/logo.svg": "<svg/>",
    "admin/index.html": '<a href="nowhere/">the CMS bundle is not ours</a>',
    "search/search_index.json": "{}",
}


def make_site(root: Path, extra: dict[str, str] | None = None) -> Path:
    for path, body in {**SITE, **(extra or {})}.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.endswith(".html"):
            depth = path.count("/")
            body = PAGE.format(root="../" * depth, body=body)
        target.write_text(body, encoding="utf-8")
    return root


@pytest.fixture
def checker(tmp_path: Path) -> Checker:
    return Checker(make_site(tmp_path), "https://tlp.example.org/")


@pytest.mark.parametrize(
    ("page", "link"),
    [
        ("about/index.html", "../"),
        ("about/index.html", ".."),
        ("about/index.html", "./"),
        ("about/index.html", "."),
        ("about/index.html", ""),
        ("about/index.html", "#team"),
        ("about/index.html", "#old-anchor"),
        ("about/index.html", "#top"),
        ("about/index.html", "?q=reading"),
        ("about/index.html", "../case-studies/shared-reading/"),
        ("about/index.html", "../case-studies/shared-reading/#related"),
        ("about/index.html", "../case-studies/shared-reading"),
        ("about/index.html", "../case-studies/shared-reading/index.html"),
        ("about/index.html", "../directory/feed.xml"),
        ("about/index.html", "../directory/feed.xml#anything"),
        ("about/index.html", "../assets/logo.svg?v=2"),
        ("about/index.html", "#caf%C3%A9"),
        ("case-studies/shared-reading/index.html", "../../about/#team"),
        ("case-studies/shared-reading/index.html", "/about/#team"),
        ("case-studies/shared-reading/index.html", "/"),
        ("case-studies/shared-reading/index.html", "https://tlp.example.org/about/"),
        ("case-studies/shared-reading/index.html", "//tlp.example.org/about/"),
        ("case-studies/shared-reading/index.html", "https://tlp.example.org"),
        ("index.html", "about/"),
        ("index.html", "https://other.example.org/nowhere/"),
        ("index.html", "http://other.example.org/"),
        ("index.html", "mailto:tlp@example.org"),
        ("index.html", "tel:+442000000000"),
        ("index.html", "data:image/png;base64,AAAA"),
        ("404.html", "/about/"),
    ],
)
def test_good_links(checker: Checker, page: str, link: str) -> None:
    assert checker.problem(page, link) is None


@pytest.mark.parametrize(
    ("page", "link", "reason"),
    [
        ("about/index.html", "../nowhere/", "no such page"),
        ("about/index.html", "/nowhere/", "no such page"),
        ("about/index.html", "../case-studies/missing-study/", "no such page"),
        ("about/index.html", "../assets/missing.css", "no such page"),
        ("about/index.html", "https://tlp.example.org/nowhere/", "no such page"),
        ("about/index.html", "#missing", "no such anchor"),
        ("about/index.html", "../case-studies/shared-reading/#missing", "no such anchor"),
        ("about/index.html", "/about/#Team", "no such anchor"),
        ("case-studies/shared-reading/index.html", "../../about/#nope", "no such anchor"),
        ("index.html", "javascript:alert(1)", "a javascript: link"),
        ("index.html", "JavaScript:void(0)", "a javascript: link"),
        ("about/index.html", "../../../etc/passwd", "outside the site"),
    ],
)
def test_broken_links(checker: Checker, page: str, link: str, reason: str) -> None:
    assert checker.problem(page, link) == reason


def test_a_site_under_a_path_checks_root_relative_links_against_that_path(tmp_path: Path) -> None:
    checker = Checker(make_site(tmp_path), "https://example.org/tlp/")
    assert checker.problem("index.html", "/tlp/about/#team") is None
    assert checker.problem("index.html", "/tlp") is None
    assert checker.problem("index.html", "https://example.org/tlp/about/") is None
    assert checker.problem("index.html", "/about/") == "outside the site"
    assert checker.problem("index.html", "https://example.org/tlp/nowhere/") == "no such page"
    assert checker.problem("index.html", "https://example.org/elsewhere/") == "outside the site"


def test_scan_finds_links_and_ids_in_tags_only() -> None:
    text = (
        '<html><head><script src="a.js"></script>'
        "<script>var s = '<a href=\"in-script/\">';</script>"
        '<script type="application/ld+json">{"x":"\\u003c/script\\u003e"}</script>'
        "<style>a[href='x'] {}</style></head><body>"
        '<!-- <a href="commented/"> -->'
        '<p id="intro">Write href="words/" in <code>&lt;a href="code/"&gt;</code></p>'
        '<a href="one/?a=1&amp;b=2" class="x">1</a> <a href=\'two/\'>2</a> <img src=three.png alt="">'
        '<a name="legacy"></a><input name="query"><a href="one/?a=1&amp;b=2">again</a>'
        "</body></html>"
    )
    scanned = scan(text)
    assert scanned.links == ["a.js", "one/?a=1&b=2", "two/", "three.png"]
    assert scanned.ids == {"intro", "legacy"}


def test_check_site_reports_every_broken_link_once_and_skips_admin(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "join/index.html": (
                '<a href="../nowhere/">x</a><a href="../nowhere/">again</a>'
                '<a href="../about/#gone">y</a><a href="javascript:alert(1)">z</a>'
                '<a href="../about/#team">fine</a>'
            ),
        },
    )
    broken = linkcheck.check_site(site, "https://tlp.example.org/")
    assert broken == [
        BrokenLink("join/index.html", "../about/#gone", "no such anchor"),
        BrokenLink("join/index.html", "../nowhere/", "no such page"),
        BrokenLink("join/index.html", "javascript:alert(1)", "a javascript: link"),
    ]
    assert str(broken[1]) == "join/index.html: broken link '../nowhere/' (no such page)"
    assert linkcheck.report(broken) == (
        "3 broken link(s) in the built site:\n"
        "  join/index.html: broken link '../about/#gone' (no such anchor)\n"
        "  join/index.html: broken link '../nowhere/' (no such page)\n"
        "  join/index.html: broken link 'javascript:alert(1)' (a javascript: link)"
    )


def test_a_good_site_has_no_broken_links(tmp_path: Path) -> None:
    assert linkcheck.check_site(make_site(tmp_path)) == []
