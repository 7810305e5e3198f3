"""Case study bodies come from many schools: their HTML is cut down to a safe allow-list.

Markdown lets an author write raw HTML. Whatever a body holds, no script, event handler,
style or `javascript:` link survives into the page (nh3, the Ammonia sanitiser).
"""

from __future__ import annotations

import nh3

from .markup import HTML_SLOT, HTML_SLOT_AFTER

_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
for _tag in nh3.ALLOWED_TAGS:
    _ATTRIBUTES.setdefault(_tag, set()).update({"id", "class", "title"})
_ATTRIBUTES["a"].update({"href", "title"})


_CLEANER = nh3.Cleaner(
    tags=set(nh3.ALLOWED_TAGS),
    attributes=_ATTRIBUTES,
    url_schemes={"http", "https", "mailto"},
    link_rel=None,
)


def clean(html: str) -> str:
    return _CLEANER.clean(html) if html.strip() else html


def clean_body(html: str) -> str:
    """Sanitise a page's rendered body; the slots for our own HTML (markup.HTML_SLOT...) stay."""
    before, _, rest = html.partition(HTML_SLOT)
    if not _:
        return clean(html)
    body, found, after = rest.rpartition(HTML_SLOT_AFTER)
    if not found:
        return clean(before) + HTML_SLOT + clean(rest)
    return clean(before) + HTML_SLOT + clean(body) + HTML_SLOT_AFTER + clean(after)
