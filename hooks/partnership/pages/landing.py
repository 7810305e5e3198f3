"""The home page's landing layout, from content: what the partnership offers, the two main actions
(join, find good practice), headline figures, the next key dates, the latest news and featured
case studies. Ready-made, escaped HTML put before the page's own text (hooks/site.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnership.content.load import Project
from partnership.content.parts import present
from partnership.content.when import when_tag
from partnership.formats.markup import h, time_tag

NEXT_DATES = 3
LATEST_NEWS = 3
FEATURED = 3


def _section(ident: str, title: str, body: str, more: tuple[str, str] | None = None) -> str:
    link = f'<p class="ps-more-link"><a href="{h(more[0])}">{h(more[1])}</a></p>' if more else ""
    return (
        f'<section class="ps-band" aria-labelledby="{ident}">\n<h2 id="{ident}">{h(title)}</h2>\n{body}\n{link}\n'
        "</section>\n"
    )


def _figures(project: Project) -> str:
    """Counts the build can vouch for: each comes from the content itself, never from a seed document."""
    identity = project.data.get("partnership") or {}
    schools = project.data.get("schools") or {}
    items = []
    if schools.get("schools"):
        label = "member schools listed" + (" (sample list)" if schools.get("notice") else "")
        items.append((f"{len(schools['schools']):,}", label))
    items.append((f"{len(project.published_case_studies()):,}", "case studies in the directory"))
    if identity.get("founded"):
        items.append((str(identity["founded"]), "the year the partnership began"))
    cells = "\n".join(
        f'<li class="ps-figure"><span class="ps-figure__value">{h(v)}</span> '
        f'<span class="ps-figure__label">{h(label)}</span></li>'
        for v, label in items
    )
    return f'<ul class="ps-figures" aria-label="The partnership in figures">\n{cells}\n</ul>'


def _dates(project: Project, today: dt.date) -> str:
    dates = sorted((project.data.get("key_dates") or {"dates": []})["dates"], key=lambda d: d["date"].start)
    upcoming = [d for d in dates if not d["date"].past(today)][:NEXT_DATES]
    if not upcoming:
        return "<p>No dates are coming up at the moment.</p>"
    items = "\n".join(
        f'<li class="ps-date"><span class="ps-date__when">{when_tag(d["date"])}</span> '
        f'<strong class="ps-date__what">{h(d["title"])}</strong></li>'
        for d in upcoming
    )
    return f'<ol class="ps-dates">\n{items}\n</ol>'


def _cards(items: list[tuple[str, str, str, dt.date | None]], heading: str = "h3") -> str:
    """(URL, title, summary, date) as cards: the whole title is the link."""
    cards = []
    for url, title, summary, day in items:
        when = f'<p class="ps-card__date">{time_tag(day)}</p>' if day else ""
        cards.append(
            f'<li class="ps-card"><{heading} class="ps-card__title"><a href="{h(url)}">{h(title)}</a></{heading}>'
            f'{when}<p class="ps-card__summary">{h(summary)}</p></li>'
        )
    return '<ul class="ps-cards">\n' + "\n".join(cards) + "\n</ul>"


def _news(project: Project) -> str:
    posts = project.published_news()[:LATEST_NEWS]
    if not posts:
        return "<p>There is no news yet.</p>"
    return _cards([(p.url, p.title, p.summary, p.published) for p in posts])


def _featured(project: Project) -> str:
    """The newest case studies, those with a picture first."""
    studies = sorted(project.published_case_studies(), key=lambda s: s.published, reverse=True)
    studies.sort(key=lambda s: not s.image)
    picked = studies[:FEATURED]
    if not picked:
        return "<p>The directory has no case studies yet.</p>"
    return _cards([(s.url, s.title, s.summary, None) for s in picked])


def home(project: Project, today: dt.date) -> str:
    """The landing sections of the home page (links relative to the site root, where it is)."""
    identity: dict[str, Any] = project.data.get("partnership") or {}
    name = identity.get("name", "The partnership")
    there = present(project)  # each section and action only for the parts this site has
    join = "join.md" in project.pages
    actions = []
    if join:
        actions.append('<a class="md-button md-button--primary ps-start" href="join/">Join the partnership</a>')
    if "directory" in there:
        actions.append('<a class="md-button ps-secondary" href="directory/">Find good practice</a>')
    hero = (
        '<section class="ps-hero" aria-labelledby="ps-hero-title">\n'
        f'<h1 id="ps-hero-title">{h(name)}</h1>\n'
        f'<p class="ps-hero__lead">{h(identity.get("description", ""))}</p>\n'
        + (f'<p class="ps-actions">{" ".join(actions)}</p>\n' if actions else "")
        + "</section>\n"
    )
    columns = ""
    if project.data.get("key_dates"):
        more = ("join/", "Every key date, and how to join") if join else None
        columns += _section("ps-coming-up", "Coming up", _dates(project, today), more)
    if "news" in there:
        columns += _section("ps-latest-news", "Latest news", _news(project), ("news/", "All news"))
    featured = ""
    if "directory" in there:
        featured = _section(
            "ps-featured", "Good practice from the directory", _featured(project), ("directory/", "All case studies")
        )
    return (
        hero + (f'<div class="ps-columns">\n{columns}</div>\n' if columns else "") + _figures(project) + "\n" + featured
    )
