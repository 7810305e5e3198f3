"""Unit tests of partnership.outputs.seo: JSON-LD that cannot break out of its script element, and the rest."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from helpers import MINIMAL, a_case_study

from partnership.content.load import load
from partnership.outputs import seo

IDENTITY: dict[str, Any] = {
    "name": "Oak & Elm <Learning> Partnership",
    "short_name": "OELP",
    "email": "oelp@example.org",
    "description": "Schools working together.",
    "logo": "assets/logo.svg",
}


@pytest.mark.parametrize(
    "text",
    [
        "</script><script>alert(1)</script>",
        "</SCRIPT >",
        "<!-- <script>",
        "R&D <b>bold</b> \"quoted\" 'single'",
        "line\u2028separator\u2029paragraph",
        "plain words",
        "",
    ],
)
def test_script_json_cannot_close_the_script_element_and_round_trips(text: str) -> None:
    data = {"@type": "Article", "headline": text, "nested": [{"name": text}]}
    out = seo.script_json(data)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in out
    assert "</script" not in out.lower()
    assert json.loads(out) == data


def test_script_json_of_an_injected_title_in_an_article() -> None:
    study = a_case_study(title="</script><script>alert(1)</script>")
    out = seo.script_json(seo.article(study, IDENTITY, "https://oelp.example.org/", "case-studies/x/"))
    assert "</script" not in out and "<script" not in out
    assert json.loads(out)["headline"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("See the [invitation to join](../join.md).", "See the invitation to join."),
        ("First paragraph.\n\nSecond *one*.", "First paragraph. Second one."),
        ("- one\n- two", "one two"),
        ("R&D and `code` &amp; more", "R&D and code & more"),
    ],
)
def test_markdown_text_is_plain_text(markdown: str, text: str) -> None:
    assert seo.markdown_text(markdown) == text


@pytest.mark.parametrize(
    ("site_url", "url", "logo"),
    [
        ("https://oelp.example.org/", "https://oelp.example.org/", "https://oelp.example.org/assets/logo.svg"),
        ("https://example.org/oelp", "https://example.org/oelp/", "https://example.org/oelp/assets/logo.svg"),
        (None, None, None),
    ],
)
def test_organization_has_absolute_addresses_only_when_the_site_address_is_known(
    site_url: str | None, url: str | None, logo: str | None
) -> None:
    org = seo.home_page(IDENTITY, site_url)
    assert org["@context"] == "https://schema.org" and org["@type"] == "Organization"
    assert org["name"] == IDENTITY["name"] and org["email"] == IDENTITY["email"]
    assert org["description"] == IDENTITY["description"]
    assert org.get("url") == url and org.get("logo") == logo


@pytest.mark.parametrize(
    ("reviewed", "modified"),
    [(None, "2017-07-14"), (dt.date(2025, 6, 30), "2025-06-30")],
)
def test_article_dates_and_publisher(reviewed: dt.date | None, modified: str) -> None:
    data = seo.article(a_case_study(reviewed=reviewed), IDENTITY, "https://oelp.example.org/", "case-studies/x/")
    assert data["@type"] == "Article"
    assert data["headline"] == "Shared reading" and data["description"] == "Two schools paired up."
    assert data["datePublished"] == "2017-07-14" and data["dateModified"] == modified
    assert data["author"]["@type"] == data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == IDENTITY["name"]
    assert data["url"] == data["mainEntityOfPage"] == "https://oelp.example.org/case-studies/x/"


def test_faq_page_has_every_question_with_its_answer_as_text() -> None:
    questions = [
        {"id": "a", "topic": "t", "question": "How do we join?", "answer": "Read [this](../join.md)."},
        {"id": "b", "topic": "t", "question": "Fees & funding?", "answer": "The same\nfor everyone."},
    ]
    data = seo.faq_page(questions, "https://oelp.example.org/questions/")
    assert data["@type"] == "FAQPage"
    assert [(q["@type"], q["name"], q["acceptedAnswer"]["text"]) for q in data["mainEntity"]] == [
        ("Question", "How do we join?", "Read this."),
        ("Question", "Fees & funding?", "The same for everyone."),
    ]


@pytest.mark.parametrize(
    ("src_uri", "listed"),
    [
        ("index.md", True),
        ("directory/index.md", True),
        ("directory/theme/reading/index.md", False),
        ("directory/page/2/index.md", False),
        ("case-studies/shared-reading.md", True),
        ("questions/index.md", True),
    ],
)
def test_facet_and_listing_pages_stay_out_of_the_sitemap(src_uri: str, listed: bool) -> None:
    assert seo.in_sitemap(src_uri) is listed
    assert ("sitemap" not in seo.for_page({}, src_uri)) is listed


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        (None, "User-agent: *\nDisallow: /admin/\n"),
        (
            "https://oelp.example.org/",
            "User-agent: *\nDisallow: /admin/\n\nSitemap: https://oelp.example.org/sitemap.xml\n",
        ),
        (
            "https://example.org/oelp/",
            "User-agent: *\nDisallow: /oelp/admin/\n\nSitemap: https://example.org/oelp/sitemap.xml\n",
        ),
    ],
)
def test_robots_txt(site_url: str | None, expected: str) -> None:
    assert seo.robots_txt(site_url) == expected


def test_page_extras_of_a_project() -> None:
    project = load(MINIMAL, MINIMAL / "docs", dt.date(2026, 11, 22))
    extras = seo.page_extras(project, "https://tlp.example.org/")
    assert json.loads(extras["index.md"]["jsonld"])["@type"] == "Organization"
    faq = json.loads(extras["questions/index.md"]["jsonld"])
    assert [q["name"] for q in faq["mainEntity"]] == ["How does a school join?"]
    study = extras["case-studies/shared-reading.md"]
    assert study["og_type"] == "article" and study["lastmod"] == "2017-07-14"
    article = json.loads(study["jsonld"])
    assert article["headline"] == "Shared reading in Year 2"
    assert article["url"] == "https://tlp.example.org/case-studies/shared-reading/"
    assert "about.md" not in extras  # an ordinary page: og:type website, no JSON-LD
