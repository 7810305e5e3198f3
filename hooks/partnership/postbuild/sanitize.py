"""Content comes from many hands: every page's rendered Markdown is cut down to a safe allow-list.

Markdown lets an author write raw HTML, and a Markdown link can point anywhere. Whatever a case
study body, an answer or a page holds, no script, event handler, style or `javascript:` link
survives into the page (nh3, the Ammonia sanitiser). Our own escaped HTML goes into slots
(markup.slot) that are filled after this.
"""

from __future__ import annotations

import re

import nh3

from partnership.formats.markup import SLOT

# Material's own interface (md-dialog, md-banner, md-header...) and its form controls (__drawer, __search):
# content may not borrow them to draw a fake dialog or banner. md-button is Material's documented button.
_OWN_CLASSES = ("md-",)
_ALLOWED_OWN = frozenset({"md-button", "md-button--primary"})
_ROLES_REFUSED = frozenset(
    {"dialog", "alertdialog", "alert", "banner", "navigation", "search", "status", "log", "marquee", "timer"}
    | {"main", "contentinfo", "complementary", "form", "menu", "menubar", "tooltip", "application"}
)
_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "longdesc", "action", "poster", "background"})
_SCHEME = re.compile(r"\s*([A-Za-z][A-Za-z0-9+.-]*):")
_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def attribute_filter(tag: str, name: str, value: str) -> str | None:
    """Keep an attribute, trimmed, or drop it (None): the sanitiser's last word on each one."""
    if name == "class":
        kept = [c for c in value.split() if not c.startswith(_OWN_CLASSES) or c in _ALLOWED_OWN]
        return " ".join(kept) or None
    if name == "id":
        return None if value.startswith("__") or value.startswith(_OWN_CLASSES) else value
    if name == "role":
        return None if value.strip().lower() in _ROLES_REFUSED else value
    if name in _URL_ATTRIBUTES:
        scheme = _SCHEME.match(value)
        if scheme:
            scheme_name = scheme.group(1).lower()
            if scheme_name not in _SCHEMES or scheme_name == "mailto" and ("?" in value or "&" in value):
                return None
    return value


_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
for _tag in nh3.ALLOWED_TAGS:
    _ATTRIBUTES.setdefault(_tag, set()).update({"id", "class", "title", "role"})
_ATTRIBUTES["a"].update({"href", "title"})
_ATTRIBUTES["time"].add("datetime")


_CLEANER = nh3.Cleaner(
    tags=set(nh3.ALLOWED_TAGS),
    attributes=_ATTRIBUTES,
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel=None,
    attribute_filter=attribute_filter,
)


def clean(html: str) -> str:
    return _CLEANER.clean(html) if html.strip() else html


def clean_body(html: str) -> str:
    """Sanitise a page's rendered body; the slots for our own HTML (markup.slot) stay."""
    return "".join(piece if SLOT.fullmatch(piece) else clean(piece) for piece in SLOT.split(html))
