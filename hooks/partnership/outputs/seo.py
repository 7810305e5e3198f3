"""Making the site findable: schema.org JSON-LD, Open Graph types, robots.txt and the sitemap's choices.

Everything here is plain data in, text out. The values handed to templates through page meta
(`jsonld`, `og_type`, `sitemap`, `lastmod`) are safe to print as they are.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any
from urllib.parse import urlsplit

import markdown as markdown_lib

from partnership.content.load import Project
from partnership.content.model import CaseStudy, NewsPost

CONTEXT = "https://schema.org"

# Characters that could end the <script> element or start markup inside it, and the two line
# separators that some JavaScript parsers treat as line ends: JSON allows all of them as \uXXXX.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def script_json(data: Any) -> str:
    """JSON for a <script type="application/ld+json"> element: no content can close the element.

    Only JSON strings can hold `<`, `>` or `&`, and inside a string \\u003c means exactly `<`,
    so the data read back by json.loads is unchanged.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return _SCRIPT_UNSAFE_RE.sub(lambda m: _SCRIPT_UNSAFE[m.group(0)], text)


def markdown_text(source: str) -> str:
    """Plain text of a piece of Markdown: link text without its address, no markup, one line."""
    rendered = markdown_lib.markdown(source)
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", rendered))).strip()


def absolute(site_url: str | None, path: str) -> str | None:
    """The public address of a site-relative path, when the site's address is known."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def organization(identity: dict[str, Any], site_url: str | None) -> dict[str, Any]:
    """The partnership as a schema.org Organization (without @context, to nest it)."""
    org: dict[str, Any] = {"@type": "Organization", "name": identity["name"]}
    if identity.get("short_name"):
        org["alternateName"] = identity["short_name"]
    url = absolute(site_url, "")
    if url:
        org["url"] = url
    if identity.get("email"):
        org["email"] = identity["email"]
    logo = absolute(site_url, identity["logo"]) if identity.get("logo") else None
    if logo:
        org["logo"] = logo
    return org


def home_page(identity: dict[str, Any], site_url: str | None) -> dict[str, Any]:
    """JSON-LD for the home page: the partnership itself."""
    org = {"@context": CONTEXT, **organization(identity, site_url)}
    if identity.get("description"):
        org["description"] = identity["description"]
    return org


def faq_page(questions: list[dict[str, Any]], page_url: str | None = None) -> dict[str, Any]:
    """JSON-LD for the questions page: every question with its answer as plain text."""
    data: dict[str, Any] = {"@context": CONTEXT, "@type": "FAQPage"}
    if page_url:
        data["url"] = page_url
    data["mainEntity"] = [
        {
            "@type": "Question",
            "name": question["question"],
            "acceptedAnswer": {"@type": "Answer", "text": markdown_text(question["answer"])},
        }
        for question in questions
    ]
    return data


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def article(
    item: CaseStudy | NewsPost,
    identity: dict[str, Any],
    site_url: str | None,
    page_path: str,
    kind: str = "Article",
) -> dict[str, Any]:
    """JSON-LD for a case study (or a news post, kind="NewsArticle"), published by the partnership."""
    org = organization(identity, site_url)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": kind,
        "headline": item.title,
        "description": item.summary,
        "datePublished": _date(item.published),
        "dateModified": _date(item.modified),
        "author": org,
        "publisher": org,
    }
    url = absolute(site_url, page_path)
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    return data


def in_sitemap(src_uri: str) -> bool:
    """Facet and further listing pages of the directory only repeat the case studies: not in the sitemap."""
    return not (src_uri.startswith("directory/") and src_uri != "directory/index.md")


def page_extras(project: Project, site_url: str | None) -> dict[str, dict[str, Any]]:
    """Page meta to add, by src_uri: `og_type`, `jsonld` (ready to print), `sitemap`, `lastmod`.

    Pages not listed are websites (og:type "website") with no JSON-LD.
    """
    identity: dict[str, Any] = project.data["partnership"] or {}
    extras: dict[str, dict[str, Any]] = {"index.md": {"jsonld": script_json(home_page(identity, site_url))}}
    questions = (project.data.get("questions") or {"questions": []})["questions"]
    extras["questions/index.md"] = {"jsonld": script_json(faq_page(questions, absolute(site_url, "questions/")))}
    items: list[tuple[CaseStudy | NewsPost, str]] = [(s, "Article") for s in project.published_case_studies()]
    items += [(p, "NewsArticle") for p in project.published_news()]
    for item, kind in items:
        extras[f"{item.url[:-1]}.md"] = {
            "og_type": "article",
            "jsonld": script_json(article(item, identity, site_url, item.url, kind)),
            "lastmod": _date(item.modified),
        }
    return extras


def for_page(extras: dict[str, dict[str, Any]], src_uri: str) -> dict[str, Any]:
    """The meta to add to one page: its entry in `page_extras`, and whether it goes in the sitemap."""
    meta = dict(extras.get(src_uri, {}))
    if not in_sitemap(src_uri):
        meta["sitemap"] = False
    return meta


def robots_txt(site_url: str | None) -> str:
    """Every page may be indexed except the content manager; the sitemap when the site's address is known."""
    root = urlsplit(site_url).path.rstrip("/") if site_url else ""
    lines = ["User-agent: *", f"Disallow: {root}/admin/", ""]
    sitemap = absolute(site_url, "sitemap.xml")
    if sitemap:
        lines += [f"Sitemap: {sitemap}", ""]
    return "\n".join(lines)
