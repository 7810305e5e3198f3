"""Atom feeds (the directory's and the news), through feedgen. Ids are tag: URIs built from the
partnership's email address, so they are valid and stable without knowing the site's address."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from feedgen.feed import FeedGenerator

ENTRIES = 20


@dataclass
class FeedEntry:
    key: str  # unique within the feed, e.g. "case-studies/reading-buddies"
    title: str
    summary: str
    url: str
    published: dt.date
    categories: tuple[str, ...] = ()


def atom(
    identity: dict[str, Any], site_url: str, path: str, title: str, entries: list[FeedEntry], today: dt.date
) -> str:
    """A feed for the page at `path` ("news/") holding the newest entries."""
    authority = f"{identity['email']},{identity.get('founded') or 2000}"
    newest = sorted(entries, key=lambda e: (e.published, e.key), reverse=True)[:ENTRIES]
    feed = FeedGenerator()
    feed.id(f"tag:{authority}:{path.strip('/')}")
    feed.title(title)
    feed.author({"name": identity["name"], "email": identity["email"]})
    feed.link(href=f"{site_url}{path}", rel="alternate")
    feed.link(href=f"{site_url}{path}feed.xml", rel="self")
    feed.language("en-GB")
    feed.updated(f"{(newest[0].published if newest else today).isoformat()}T00:00:00Z")
    for item in reversed(newest):  # feedgen puts the last added first
        entry = feed.add_entry()
        entry.id(f"tag:{authority}:{item.key}")
        entry.title(item.title)
        entry.summary(item.summary)
        entry.link(href=item.url, rel="alternate")
        entry.published(f"{item.published.isoformat()}T00:00:00Z")
        entry.updated(f"{item.published.isoformat()}T00:00:00Z")
        for term in item.categories:
            entry.category(term=term)
    return str(feed.atom_str(pretty=True).decode("utf-8"))
