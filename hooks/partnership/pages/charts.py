"""Line charts of the scorecard, drawn at build time as inline SVG: no JavaScript, no images to fetch.

Each chart has a <title> and a <desc> that reads out every figure, so a screen reader gets the
whole chart in words. The three series differ by colour, by line pattern and by marker shape,
so no one needs to tell the colours apart. Every chart is drawn twice: wide, and narrow for
phones (fewer pixels per label, the legend stacked), and CSS shows the one that fits; both
follow the palette (dark colours from `dark_colours`), and every line has at least 3:1
contrast with its panel in each (WCAG 1.4.11), as tests/test_charts.py checks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from partnership.formats.markup import h

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 48, 56, 40  # room for the axis labels (the last year's too) and the legend


@dataclass(frozen=True)
class Frame:
    """The size of a drawing and its margins, in SVG units; `stacked` puts the legend one per line."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    stacked: bool = False


WIDE = Frame(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM)
NARROW = Frame(360, 340, 50, 34, 92, 40, stacked=True)  # shown at phone widths: about 1 px per unit

# The panel and ink of each palette; the dark palette's line colours are light tints (dark_colours).
LIGHT_PANEL, DARK_PANEL = "#ffffff", "#1e2129"
DARK_COMPARATORS = {"c1": "#ff8a80", "c2": "#c4c4c4", "c3": "#8fd6a8"}  # by the comparator's place


@dataclass(frozen=True)
class Series:
    key: str  # the field in each year's results
    label: str
    colour: str
    dash: str  # stroke-dasharray; "" for a solid line
    marker: str  # circle, square or triangle
    line: str = "partnership"  # its place, which the dark palette's colours follow: partnership, c1, c2, c3


# How each comparator's line is drawn, in the order the scorecard names them: colour, pattern, marker.
COMPARATOR_STYLES = [("#b3261e", "9 5", "square"), ("#4b4b4b", "2 4", "triangle"), ("#00703c", "14 4 3 4", "diamond")]


RESERVED_KEYS = ("year", "partnership")  # no comparator may have these ids


def comparator_key(comparator_id: str) -> str:
    """The key of a comparator's figure in a flattened year of results (see flatten): its id."""
    return comparator_id


def flatten(measure: dict[str, Any]) -> list[dict[str, Any]]:
    """A measure's results by year, each as {year, partnership, <comparator id>: value}, oldest first."""
    rows = []
    for result in sorted(measure["results"], key=lambda r: r["year"]):
        row = {"year": result["year"], "partnership": result["partnership"]}
        row.update({comparator_key(c["to"]): c["value"] for c in result["compared"]})
        rows.append(row)
    return rows


def series(primary: str, comparators: Sequence[dict[str, Any]] = ()) -> list[Series]:
    """The partnership in its own colour (dark enough for white text, so fine on white), then its comparators."""
    out = [Series("partnership", "Partnership", primary, "", "circle")]
    for comparator, (colour, dash, marker) in zip(comparators, COMPARATOR_STYLES, strict=False):
        line = f"c{len(out)}"
        out.append(Series(comparator_key(comparator["id"]), comparator["label"], colour, dash, marker, line))
    return out


def _mix(colour: str, other: str, share: float) -> str:
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def dark_colours(primary: str) -> dict[str, str]:
    """Each series' colour on the dark panel: the partnership's a light tint of its own colour."""
    return {"partnership": _mix(primary, "#ffffff", 0.6), **DARK_COMPARATORS}


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b_ = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def format_value(value: float, unit: str) -> str:
    text = f"{value:g}"
    if unit == "percent":
        return f"{text}%"
    return f"+{text}" if value > 0 else text


def _scale(values: list[float], unit: str) -> tuple[float, float, float]:
    """(low, high, step) of the value axis: round numbers that include every value (and 0 for scores)."""
    low, high = min(values), max(values)
    if unit == "score":
        low, high = min(low, 0.0), max(high, 0.0)
    if high - low < 1e-9:  # a flat line still needs an axis
        high = low + 1
    span = high - low
    raw = span / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    if unit == "percent":
        low, high = max(low, 0.0), min(high, 100.0)
    return low, high, step


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'
    if kind == "square":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}"/>'
    if kind == "diamond":
        points = f"M{x:.1f} {y - 7:.1f}L{x + 7:.1f} {y:.1f}L{x:.1f} {y + 7:.1f}L{x - 7:.1f} {y:.1f}Z"
        return f'<path d="{points}" fill="{colour}"/>'
    return f'<path d="M{x:.1f} {y - 6:.1f}L{x + 6:.1f} {y + 5:.1f}L{x - 6:.1f} {y + 5:.1f}Z" fill="{colour}"/>'


def description(measure: dict[str, Any], lines: list[Series]) -> str:
    results = flatten(measure)
    parts = [
        f"{s.label}: " + ", ".join(f"{format_value(r[s.key], measure['unit'])} in {r['year']}" for r in results)
        for s in lines
    ]
    first, last = results[0]["year"], results[-1]["year"]
    span = f"Chart of {first}" if first == last else f"Line chart from {first} to {last}"
    return f"{span}. " + ". ".join(parts) + "."


def responsive_chart(measure: dict[str, Any], primary: str, comparators: Sequence[dict[str, Any]] = ()) -> str:
    """The wide and the narrow drawing of a chart; CSS shows one (the other is display: none)."""
    return line_chart(measure, primary, comparators) + line_chart(measure, primary, comparators, NARROW)


def line_chart(
    measure: dict[str, Any], primary: str, comparators: Sequence[dict[str, Any]] = (), frame: Frame = WIDE
) -> str:
    """An accessible SVG line chart of one measure's results by year."""
    lines = series(primary, comparators)
    results = flatten(measure)
    unit = measure["unit"]
    low, high, step = _scale([r[s.key] for r in results for s in lines], unit)
    WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = (  # noqa: N806 (the frame's, for this drawing)
        frame.width,
        frame.height,
        frame.left,
        frame.right,
        frame.top,
        frame.bottom,
    )
    if frame.stacked and len(lines) > 3:  # a legend line more than the narrow frame has room for
        TOP, HEIGHT = TOP + 24 * (len(lines) - 3), HEIGHT + 24 * (len(lines) - 3)  # noqa: N806
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    gap = plot_w / max(len(results) - 1, 1)

    def x(i: int) -> float:
        return LEFT + (i * gap if len(results) > 1 else plot_w / 2)

    def y(value: float) -> float:
        return TOP + plot_h - (value - low) / (high - low) * plot_h

    ident = h(measure["id"]) + ("-narrow" if frame.stacked else "")
    darks = dark_colours(primary)
    style = ";".join(f"--ps-dark-{key}:{colour}" for key, colour in darks.items())
    variant = "ps-chart__svg--narrow" if frame.stacked else "ps-chart__svg--wide"
    out = [
        f'<svg class="ps-chart__svg {variant}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" style="{style}" '
        f'aria-labelledby="chart-{ident}-title chart-{ident}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="chart-{ident}-title">{h(measure["title"])}</title>',
        f'<desc id="chart-{ident}-desc">{h(description(measure, lines))}</desc>',
        f'<rect class="ps-chart__panel" width="{WIDTH}" height="{HEIGHT}" fill="{LIGHT_PANEL}"/>',
        '<g class="ps-chart__ink" font-size="15" fill="#0b0c0c" font-family="inherit">',
    ]
    ticks = round((high - low) / step)
    for n in range(ticks + 1):
        value = low + n * step
        ty = y(value)
        axis = value == 0 or n == 0
        stroke, kind = ("#505a5f", "axis") if axis else ("#d8d8d8", "grid")
        out.append(
            f'<line class="ps-chart__{kind}" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}" '
            f'stroke="{stroke}"/>'
        )
        out.append(f'<text x="{LEFT - 8}" y="{ty + 4:.1f}" text-anchor="end">{h(format_value(value, unit))}</text>')
    for i, result in enumerate(results):
        out.append(f'<text x="{x(i):.1f}" y="{HEIGHT - 14}" text-anchor="middle">{h(result["year"])}</text>')
    for s in lines:
        points = " ".join(f"{x(i):.1f},{y(r[s.key]):.1f}" for i, r in enumerate(results))
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        out.append(f'<g data-series="{h(s.key)}" data-line="{s.line}">')
        out.append(
            f'<polyline points="{points}" fill="none" stroke="{s.colour}" stroke-width="3"'
            f' stroke-linecap="round"{dash}/>'
        )
        out.extend(_marker(s.marker, x(i), y(r[s.key]), s.colour) for i, r in enumerate(results))
        out.append("</g>")
    for n, s in enumerate(lines):  # the legend, across the top (or one per line, narrow)
        if frame.stacked:
            lx, ly = 12, 20 + n * 24
        elif len(lines) > 3:  # four lines: two rows of two, so long names fit
            lx, ly = LEFT + (n % 2) * (WIDTH - LEFT) // 2, 16 + (n // 2) * 22
        else:
            lx, ly = LEFT + n * (WIDTH - LEFT) // 3, 20
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        out.append(f'<g data-series="{h(s.key)}" data-line="{s.line}">')
        out.append(f'<line x1="{lx}" x2="{lx + 40}" y1="{ly}" y2="{ly}" stroke="{s.colour}" stroke-width="3"{dash}/>')
        out.append(_marker(s.marker, lx + 20, ly, s.colour))
        out.append("</g>")
        out.append(f'<text x="{lx + 48}" y="{ly + 5}">{h(s.label)}</text>')
    out += ["</g>", "</svg>"]
    return "".join(out)
