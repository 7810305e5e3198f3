"""The partnership's identity applied to the site: name, description, colours and logo."""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup

from partnership.content.colours import SLATE_TINT, WHITE, mix
from partnership.formats.markup import h


def stylesheet(identity: dict[str, Any]) -> str:
    """CSS custom properties for Material's `custom` palette, from content/partnership.yml."""
    primary = identity["colours"]["primary"].lower()
    accent = identity["colours"]["accent"].lower()
    return (
        "/* Generated from content/partnership.yml: edit that file, not this one. */\n"
        ":root > * {\n"
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {mix(primary, '#ffffff', 0.25)};\n"
        f"  --md-primary-fg-color--dark: {mix(primary, '#000000', 0.25)};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        f"  --md-accent-fg-color: {accent};\n"
        f"  --md-accent-fg-color--transparent: {accent}1a;\n"
        "}\n"
        '[data-md-color-scheme="default"] {\n'
        f"  --md-typeset-a-color: {primary};\n"
        "}\n"
        "/* On the dark scheme, links and the current page in menus use a light tint of the primary colour. */\n"
        '[data-md-color-scheme="slate"] {\n'
        f"  --md-typeset-a-color: {mix(primary, WHITE, SLATE_TINT)};\n"
        f"  --md-accent-fg-color: {mix(accent, WHITE, SLATE_TINT)};\n"
        "}\n"
    )


def site_settings(identity: dict[str, Any], today: dt.date) -> dict[str, str]:
    """Values for mkdocs.yml settings that come from the identity, escaped for Material's templates.

    MkDocs' Jinja does not autoescape, and Material prints these both bare and through |e: as
    Markup (already escaped text) they come out escaped exactly once either way.
    """
    return {
        "site_name": Markup(h(identity["name"])),
        "site_description": Markup(h(identity["description"])),
        "copyright": Markup(h(f"© {today.year} {identity['council']} and the {identity['name']}")),
    }


def contact(identity: dict[str, Any]) -> dict[str, Any]:
    """The footer's contact block (email, and phone and address when given), escaped once as Markup."""
    phone = identity.get("phone") or ""
    return {
        "name": Markup(h(identity["name"])),
        "email": Markup(h(identity["email"])),
        "phone": Markup(h(phone)),
        "tel": Markup(h("".join(c for c in phone if c.isdigit() or c == "+"))),
        "address": [Markup(h(line)) for line in identity.get("address") or []],
    }
