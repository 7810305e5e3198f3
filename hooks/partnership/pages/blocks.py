"""Placeholders in docs pages filled in: `{{ partnership.name }}` inline, `{{ block:aims }}` for a whole block.

Pages written by people stay prose; facts that live in content/ (the name, the aims, the key
dates) are filled in from there, so one YAML change updates every page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from partnership.content.placeholders import BLOCK_NAMES, INLINE_FIELDS, PLACEHOLDER
from partnership.content.when import when_tag
from partnership.formats.markup import h, md


def _bullets(items: list[str]) -> str:
    """Plain-text items as a Markdown list: shown exactly as written, never as markup."""
    return "\n".join(f"- {md(item)}" for item in items) + "\n"


def _date_item(entry: dict[str, Any]) -> str:
    details = f" {md(entry['details'])}" if entry.get("details") else ""
    return f"- {when_tag(entry['date'])}: **{md(entry['title'])}**.{details}"


def _split_dates(data: dict[str, Any], today: dt.date) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dates = sorted((data.get("key_dates") or {"dates": []})["dates"], key=lambda d: d["date"])
    return [d for d in dates if not d["date"].past(today)], [d for d in dates if d["date"].past(today)]


def _subscribe(data: dict[str, Any]) -> str:
    calendar = data.get("_site_root", "") + "calendar.ics"
    return f"Add these dates to your own calendar: [subscribe to our key dates]({calendar})."


def _key_dates(data: dict[str, Any], today: dt.date) -> str:
    upcoming, past = _split_dates(data, today)
    lines = ["### Coming up { #coming-up }", ""]
    lines += [_date_item(d) for d in upcoming] or ["- No dates are coming up at the moment."]
    lines += ["", _subscribe(data)]
    if past:
        lines += ["", "### Past dates { #past-dates }", ""] + [_date_item(d) for d in reversed(past)]
    return "\n".join(lines + [""])


def _next_dates(data: dict[str, Any], today: dt.date, count: int = 3) -> str:
    """The next few dates, for the home page."""
    upcoming, _past = _split_dates(data, today)
    lines = [_date_item(d) for d in upcoming[:count]] or ["- No dates are coming up at the moment."]
    return "\n".join([*lines, "", _subscribe(data), ""])


def _contact(data: dict[str, Any], today: dt.date) -> str:
    identity = data.get("partnership") or {}
    email = identity.get("email", "")  # a plain address (kinds.EMAIL): nothing to escape in the link
    promise = f" We aim to reply within {md(identity['reply_within'])}." if identity.get("reply_within") else ""
    return f"Email the {md(identity.get('name', 'partnership'))} team at [{md(email)}](mailto:{h(email)}).{promise}\n"


def _join(data: dict[str, Any], today: dt.date) -> str:
    """How to sign up (a form, or an email with its subject filled in), the fee and what it covers."""
    identity = data.get("partnership") or {}
    membership = identity.get("membership") or {}
    email = identity.get("email", "")
    if membership.get("signup_url"):
        href, action = membership["signup_url"], "Sign up for membership"
        how = "The sign-up form asks for your school, its headteacher and the support your staff most want."
    else:
        subject = membership.get("signup_subject") or f"Joining the {identity.get('name', 'partnership')}"
        href, action = f"mailto:{email}?subject={quote(subject)}", "Email us to sign up"
        how = (
            f"The button opens an email to {h(email)} with the subject filled in: tell us your school "
            "and its headteacher, and we will send you the sign-up survey."
        )
    lines = [
        f'<p class="ps-actions"><a class="md-button md-button--primary ps-start" href="{h(href)}">{h(action)}</a></p>',
        "",
        how,
        "",
    ]
    if membership.get("fee"):
        lines += [f"**The fee.** {h(membership['fee'])}", ""]
    if membership.get("fee_covers"):
        lines += ["The fee covers:", "", _bullets(membership["fee_covers"])]
    return "\n".join(lines) + "\n"


BLOCKS: dict[str, Callable[[dict[str, Any], dt.date], str]] = {
    "value_proposition": lambda data, today: (data.get("aims") or {}).get("value_proposition", "") + "\n",
    "aims": lambda data, today: _bullets((data.get("aims") or {}).get("aims", [])),
    "principles": lambda data, today: _bullets((data.get("aims") or {}).get("principles", [])),
    "impact_measures": lambda data, today: _bullets((data.get("aims") or {}).get("impact_measures", [])),
    "key_dates": _key_dates,
    "next_dates": _next_dates,
    "contact": _contact,
    "join": _join,
}

assert tuple(BLOCKS) == BLOCK_NAMES, "every block named in content/placeholders.py is drawn here"


def render(markdown: str, data: dict[str, Any], today: dt.date, page: str = "index.md") -> str:
    """Fill in every placeholder in the page at `page` (its path in docs/).

    Unknown placeholders were refused by `check`; they are left as they are.
    """
    data = {**data, "_site_root": "../" * page.count("/")}  # for links to files at the site root
    identity = data.get("partnership") or {}

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("partnership.") and name[12:] in INLINE_FIELDS:
            return md(str(identity.get(name[12:], "")))
        if name.startswith("block:") and name[6:] in BLOCKS:
            return BLOCKS[name[6:]](data, today)
        return match.group()

    return PLACEHOLDER.sub(replace, markdown)
