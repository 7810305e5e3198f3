"""News: a page per post, the list at /news/, and an Atom feed at /news/feed.xml."""

from __future__ import annotations

import datetime as dt

from partnership.content.load import Project
from partnership.content.model import NewsPost
from partnership.formats.atom import FeedEntry, atom
from partnership.formats.markup import HTML_SLOT, h, relative_url, time_tag
from partnership.pages.media import figure


def post_page(project: Project, post: NewsPost) -> tuple[str, str]:
    """(Markdown, HTML before the body) for one post."""
    banner = project.unpublished(post)
    day = post.published
    before = (
        (f'<p class="ps-banner" role="note"><strong>{h(banner)}</strong></p>\n' if banner else "")
        + f"<h1>{h(post.title)}</h1>\n"
        + f'<p class="ps-facts">{time_tag(day, long=True)}</p>\n'
        + f'<p class="ps-summary">{h(post.summary)}</p>\n'
        + figure(post.image, post.url, project.docs_dir or project.root / "docs")
    )
    return f"{HTML_SLOT}\n\n{post.body.strip()}\n\n[All news](../index.md)\n", before


def news_index(project: Project) -> tuple[str, str]:
    """(Markdown, HTML for the slot) of /news/."""
    items = "\n".join(
        f'<li><h2 class="ps-result__title"><a href="{relative_url("news/", post.url)}">{h(post.title)}</a></h2>'
        f'<p class="ps-facts">{time_tag(post.published, long=True)}</p>'
        f"<p>{h(post.summary)}</p></li>"
        for post in project.published_news()
    )
    html = f'<ol class="ps-results">\n{items}\n</ol>\n' if items else "<p>There is no news yet.</p>\n"
    markdown = (
        "# News\n\nNews from the partnership and about school improvement. "
        "Follow it in a feed reader: [news feed (Atom)](feed.xml).\n\n" + HTML_SLOT + "\n"
    )
    return markdown, html


def news_feed(project: Project, site_url: str, today: dt.date) -> str:
    identity = project.identity
    entries = [
        FeedEntry(f"news/{p.slug}", p.title, p.summary, f"{site_url}{p.url}", p.published)
        for p in project.published_news()
        if not project.unpublished(p)
    ]
    return atom(identity, site_url, "news/", f"News from the {identity['name']}", entries, today)
