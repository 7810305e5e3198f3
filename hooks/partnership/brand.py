"""The partnership's identity applied to the site: name, description, colours and logo."""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup

from .markup import h

WHITE = "#ffffff"
SLATE = "#1e2129"  # Material's dark ("slate") background: hsl(225deg 15% 14%)
AA = 4.5  # WCAG 2.2 AA for normal text (1.4.3)
SLATE_TINT = 0.6  # on the dark palette, links use the primary (and hover the accent) mixed with this much white


def _mix(colour: str, other: str, share: float) -> str:
    """Blend two #rrggbb colours: share of `other`."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def stylesheet(identity: dict[str, Any]) -> str:
    """CSS custom properties for Material's `custom` palette, from content/partnership.yml."""
    primary = identity["colours"]["primary"].lower()
    accent = identity["colours"]["accent"].lower()
    return (
        "/* Generated from content/partnership.yml: edit that file, not this one. */\n"
        ":root > * {\n"
        f"  --md-primary-fg-color: {primary};\n"
        f"  --md-primary-fg-color--light: {_mix(primary, '#ffffff', 0.25)};\n"
        f"  --md-primary-fg-color--dark: {_mix(primary, '#000000', 0.25)};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        f"  --md-accent-fg-color: {accent};\n"
        f"  --md-accent-fg-color--transparent: {accent}1a;\n"
        "}\n"
        '[data-md-color-scheme="default"] {\n'
        f"  --md-typeset-a-color: {primary};\n"
        "}\n"
        "/* On the dark scheme, links and the current page in menus use a light tint of the primary colour. */\n"
        '[data-md-color-scheme="slate"] {\n'
        f"  --md-typeset-a-color: {_mix(primary, WHITE, SLATE_TINT)};\n"
        f"  --md-accent-fg-color: {_mix(accent, WHITE, SLATE_TINT)};\n"
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


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colour_pairs(colours: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """Every pair of colours the theme puts one on the other: (field, foreground, background, where).

    On the dark palette links use the colours mixed with 60% white (SLATE_TINT), which always
    reaches at least 5.6:1 on Material's dark background whatever the brand colour, so only the
    light palette's pairs can fail.
    """
    primary, accent = colours["primary"].lower(), colours["accent"].lower()
    return [
        ("primary", WHITE, primary, "white text on the primary colour (the header, tabs and buttons)"),
        ("primary", primary, WHITE, "links in the primary colour on the white page"),
        ("accent", accent, WHITE, "links under the pointer or keyboard focus, in the accent colour on the white page"),
    ]


def contrast_problems(colours: dict[str, str]) -> list[tuple[str, str]]:
    """(field, message) for each pair below WCAG AA, with the ratio found."""
    out = []
    for name, fg, bg, where in colour_pairs(colours):
        ratio = contrast(fg, bg)
        if ratio < AA:
            out.append(
                (
                    name,
                    f"'{colours[name]}' gives a contrast of {ratio:.2f}:1 for {where}; WCAG AA needs at least "
                    f"{AA}:1, so choose a {'darker' if bg == WHITE or fg == WHITE else 'different'} colour",
                )
            )
    return out


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
