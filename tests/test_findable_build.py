"""Built sites are findable (descriptions, canonical and Open Graph tags, JSON-LD, robots.txt, sitemap,
a helpful 404 page) and a strict build fails on a broken link in the HTML."""

from __future__ import annotations

import html
import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from helpers import MINIMAL, PAGE_TYPES, PAGES, ROOT, TODAY, axe_violations, build, make_project, mkdocs_serve

if TYPE_CHECKING:  # Playwright is imported by the browser fixture only
    from playwright.sync_api import Page

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
WEBSITE = "https://tlp.example.org/"
ARTICLES = ("/case-studies/", "/news/")  # a case study or a news post (not the news page itself)


def read(out: Path, path: str) -> str:
    """The HTML of the page at site path `path` ("/about/")."""
    return (out / path.lstrip("/") / "index.html").read_text(encoding="utf-8")


def meta(page: str, attribute: str, name: str) -> list[str]:
    """The content of every <meta attribute="name">, as written in the page (still escaped)."""
    return re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', page)


def json_ld(page: str) -> list[dict]:
    return [json.loads(s) for s in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)]


def data(name: str, root: Path = ROOT) -> dict:
    return yaml.safe_load((root / "content" / f"{name}.yml").read_text(encoding="utf-8"))


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_page_type_has_its_own_description_and_open_graph_tags(default_site: Path, path: str) -> None:
    page = read(default_site, path)
    identity = data("partnership")
    [description] = meta(page, "name", "description")
    assert description and html.unescape(description) != identity["description"]  # its own, not the site's
    assert meta(page, "property", "og:description") == [description]
    [title] = meta(page, "property", "og:title")
    [full_title] = re.findall(r"<title>(.*?)</title>", page)
    assert html.unescape(full_title) == f"{html.unescape(title)} - {identity['name']}"
    assert meta(page, "property", "og:site_name") == [html.escape(identity["name"])]
    article = path.startswith(ARTICLES) and path != "/news/"
    assert meta(page, "property", "og:type") == ["article" if article else "website"]
    # content/partnership.yml has no `website` yet: no canonical address to give
    assert ("og:url" in page) == ('rel="canonical"' in page) == bool(identity.get("website"))


def published(folder: str, prefix: str) -> list[tuple[str, Path]]:
    """(site path, source) of the first published file in `folder` of the default content, if there is one."""
    for source in sorted((ROOT / folder).glob("*.md")):
        front = front_matter(source)
        if front.get("status") == "published" and str(front["published"]) <= TODAY:
            return [(f"/{prefix}/{front.get('slug') or source.stem}/", source)]
    return []


STUDY = published("case_studies", "case-studies")
NEWS = published("news", "news")


def test_descriptions_of_case_studies_and_news_are_their_summaries(default_site: Path) -> None:
    for path, source in STUDY + NEWS:
        page = read(default_site, path)
        summary = front_matter(source)["summary"]
        assert meta(page, "name", "description") == [html.escape(summary)]
        assert meta(page, "property", "og:description") == [html.escape(summary)]


def test_json_ld_has_the_right_type_and_values_on_each_page(default_site: Path) -> None:
    identity = data("partnership")
    [org] = json_ld(read(default_site, "/"))
    assert org["@context"] == "https://schema.org" and org["@type"] == "Organization"
    assert (org["name"], org["email"]) == (identity["name"], identity["email"])
    if "/questions/" in PAGES:  # the site has questions
        [faq] = json_ld(read(default_site, "/questions/"))
        assert faq["@type"] == "FAQPage"
        questions = data("questions")["questions"]
        assert [q["name"] for q in faq["mainEntity"]] == [q["question"] for q in questions]
        assert all(q["acceptedAnswer"]["text"] and "](" not in q["acceptedAnswer"]["text"] for q in faq["mainEntity"])
    for study_path, study_source in STUDY:
        check_article(default_site, study_path, study_source, identity)
    for news_path, _source in NEWS:
        [news] = json_ld(read(default_site, news_path))
        assert news["@type"] == "NewsArticle"
    for path in ("/about/", "/directory/", "/directory/theme/reading/", "/guide/"):
        if (default_site / path.lstrip("/")).exists():
            assert json_ld(read(default_site, path)) == []


def check_article(default_site: Path, study_path: str, study_source: Path, identity: dict) -> None:
    study = front_matter(study_source)
    [article] = json_ld(read(default_site, study_path))
    assert article["@type"] == "Article"
    assert (article["headline"], article["description"]) == (study["title"], study["summary"])
    assert article["datePublished"] == study["published"].isoformat()
    assert article["dateModified"] == (study.get("reviewed") or study["published"]).isoformat()
    assert article["author"]["@type"] == article["publisher"]["@type"] == "Organization"
    assert article["publisher"]["name"] == identity["name"]


def test_robots_txt_and_sitemap_parse(default_site: Path) -> None:
    robots = (default_site / "robots.txt").read_text(encoding="utf-8")
    assert robots.startswith("User-agent: *\nDisallow: /admin/\n")
    sitemap = ET.parse(default_site / "sitemap.xml").getroot()
    assert sitemap.tag == f"{SITEMAP}urlset"
    assert all(loc.text and loc.text.startswith("https://") for loc in sitemap.iter(f"{SITEMAP}loc"))


def test_404_page_helps_the_visitor(default_site: Path) -> None:
    page = (default_site / "404.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    assert "Page not found" in article and "may have moved" in article
    assert "search" in article
    for href in ("/", "/directory/", "/questions/"):  # the parts this site has
        assert (f'<a href="{href}">' in article) == (href in PAGES), href
    if "/directory/" in PAGES:
        assert "Case studies sometimes move" in article
        assert '<form class="ps-notfound-search" action="/directory/search/"' in article
    assert '<meta name="robots" content="noindex">' in page


def test_404_page_has_no_axe_violations(page: Page, server: str) -> None:
    page.goto(server + "/404.html")
    assert page.locator("article h1").inner_text() == "Page not found"
    assert axe_violations(page) == []
    assert page.offsite == []  # type: ignore[attr-defined]


def identity_with_website() -> str:
    return (MINIMAL / "content/partnership.yml").read_text(encoding="utf-8") + f"website: {WEBSITE}\n"


def test_a_site_with_an_address_has_canonical_urls_a_sitemap_and_escapes_once(tmp_path: Path) -> None:
    source = (MINIMAL / "case_studies/shared-reading.md").read_text(encoding="utf-8")
    title = 'Pupils aged <7 read "more" & R&D <3'  # no tags: the content check refuses them
    source = source.replace("title: Shared reading in Year 2", f"title: {json.dumps(title)}")
    project = make_project(
        tmp_path / "p",
        {"content/partnership.yml": identity_with_website(), "case_studies/shared-reading.md": source},
    )
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    for path in ("/", "/about/", "/questions/", "/directory/", "/case-studies/shared-reading/"):
        page = read(out, path)
        url = WEBSITE + path.lstrip("/")
        assert f'<link rel="canonical" href="{url}">' in page
        assert meta(page, "property", "og:url") == [url]
    page = read(out, "/case-studies/shared-reading/")
    escaped = html.escape(title)  # exactly once: &amp; not &amp;amp;
    assert meta(page, "property", "og:title") == [escaped]
    assert html.unescape(re.findall(r"<title>(.*?)</title>", page)[0]) == f"{title} - Testborough Learning Partnership"
    assert "&amp;amp;" not in page and "&amp;lt;" not in page
    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert "<" not in raw and "&" not in raw and "\\u003c7" in raw
    [article] = json_ld(page)
    assert article["headline"] == title
    assert article["url"] == article["mainEntityOfPage"] == WEBSITE + "case-studies/shared-reading/"
    assert article["publisher"]["logo"] == WEBSITE + "assets/logo.svg"
    [org] = json_ld(read(out, "/"))
    assert org["url"] == WEBSITE
    robots = (out / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {WEBSITE}sitemap.xml" in robots
    locs = [loc.text for loc in ET.parse(out / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    assert WEBSITE in locs and f"{WEBSITE}case-studies/shared-reading/" in locs and f"{WEBSITE}questions/" in locs
    assert all(loc and loc.startswith(WEBSITE) for loc in locs)
    assert not [loc for loc in locs if loc and loc.startswith(f"{WEBSITE}directory/") and loc != f"{WEBSITE}directory/"]
    lastmod = (
        ET.parse(out / "sitemap.xml")
        .getroot()
        .find(f"{SITEMAP}url[{SITEMAP}loc='{WEBSITE}case-studies/shared-reading/']")
    )
    assert lastmod is not None and lastmod.findtext(f"{SITEMAP}lastmod") == "2017-07-14"


def test_a_broken_link_in_raw_html_fails_the_strict_build(tmp_path: Path) -> None:
    about = (MINIMAL / "docs/about.md").read_text(encoding="utf-8")
    about += '\n<p><a href="/nowhere/">Nowhere</a> and <a href="../join/#no-such-section">a section</a></p>\n'
    project = make_project(tmp_path / "p", {"docs/about.md": about})
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "2 broken link(s) in the built site:" in result.stderr
    assert "about/index.html: broken link '/nowhere/' (no such page)" in result.stderr
    assert "about/index.html: broken link '../join/#no-such-section' (no such anchor)" in result.stderr
    assert "Traceback" not in result.stderr


def test_mkdocs_serve_answers_a_missing_page_with_the_404_page(project: Path) -> None:
    with mkdocs_serve(project) as base:
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/case-studies/an-old-address/", timeout=5)
        body = missing.value.read().decode("utf-8")  # while the server still runs
    assert missing.value.code == 404
    assert "Page not found" in body and '<a href="/directory/">' in body
