"""Content comes from many hands: every page's rendered Markdown is cut down to a safe allow-list.

Markdown lets an author write raw HTML, and a Markdown link can point anywhere. Whatever a case
study body, an answer or a page holds, no script, event handler, style or `javascript:` link
survives into the page (nh3, the Ammonia sanitiser). Our own escaped HTML goes into slots
(markup.slot) that are filled after this.
"""

from __future__ import annotations

import nh3

from .markup import SLOT

_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
for _tag in nh3.ALLOWED_TAGS:
    _ATTRIBUTES.setdefault(_tag, set()).update({"id", "class", "title", "role"})
_ATTRIBUTES["a"].update({"href", "title"})
_ATTRIBUTES["time"].add("datetime")


_CLEANER = nh3.Cleaner(
    tags=set(nh3.ALLOWED_TAGS),
    attributes=_ATTRIBUTES,
    url_schemes={"http", "https", "mailto"},
    link_rel=None,
)


def clean(html: str) -> str:
    return _CLEANER.clean(html) if html.strip() else html


def clean_body(html: str) -> str:
    """Sanitise a page's rendered body; the slots for our own HTML (markup.slot) stay."""
    return "".join(piece if SLOT.fullmatch(piece) else clean(piece) for piece in SLOT.split(html))
