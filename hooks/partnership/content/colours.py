"""The brand colours as WCAG sees them: contrast ratios, and which pairs the theme puts together.

A rule of the content (colours must be readable), used by the schema; the stylesheet in
partnership/outputs/brand.py mixes its tints with the same function.
"""

from __future__ import annotations

WHITE = "#ffffff"
SLATE = "#1e2129"  # Material's dark ("slate") background: hsl(225deg 15% 14%)
AA = 4.5  # WCAG 2.2 AA for normal text (1.4.3)
SLATE_TINT = 0.6  # on the dark palette, links use the primary (and hover the accent) mixed with this much white


def mix(colour: str, other: str, share: float) -> str:
    """Blend two #rrggbb colours: share of `other`."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


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
