"""The scorecard's charts read in both palettes and at both sizes: contrast of every line with its
panel, and no label drawn past the edge of the drawing (charts.py)."""

from __future__ import annotations

import re

import pytest

from partnership.pages.charts import (
    DARK_PANEL,
    LIGHT_PANEL,
    NARROW,
    WIDE,
    contrast,
    dark_colours,
    line_chart,
    responsive_chart,
    series,
)

MEASURE = {
    "id": "ks2",
    "title": "Pupils at the expected standard",
    "unit": "percent",
    "results": [
        {
            "year": f"20{y}-{y + 1}",
            "partnership": 60 + y,
            "compared": [
                {"to": "london", "value": 62 + y},
                {"to": "england", "value": 58 + y},
                {"to": "neighbours", "value": 59 + y},
            ],
        }
        for y in range(19, 25)
    ],
}
# Three comparators, the most a scorecard may name: the widest legend.
COMPARATORS = [
    {"id": "london", "label": "London"},
    {"id": "england", "label": "England"},
    {"id": "neighbours", "label": "Statistical neighbours"},
]

BRANDS = ["#1d4f91", "#b5123e", "#00703c", "#4c2c92", "#0b0c0c", "#005ea5"]


@pytest.mark.parametrize("primary", BRANDS)
def test_every_line_has_3_to_1_contrast_with_its_panel_in_both_palettes(primary: str) -> None:
    for s in series(primary, COMPARATORS):
        if s.key != "partnership" or contrast(primary, "#ffffff") >= 4.5:  # brand colours carry white text
            assert contrast(s.colour, LIGHT_PANEL) >= 3, s
    for key, colour in dark_colours(primary).items():
        assert contrast(colour, DARK_PANEL) >= 3, (key, colour)
    assert contrast("#e2e4e9", DARK_PANEL) >= 4.5  # the dark palette's text on the panel


def test_contrast_is_the_wcag_ratio() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54


@pytest.mark.parametrize("frame", [WIDE, NARROW])
def test_no_label_runs_past_the_edge_of_the_drawing(frame) -> None:
    svg = line_chart(MEASURE, "#1d4f91", COMPARATORS, frame)
    assert f'viewBox="0 0 {frame.width} ' in svg  # the narrow one grows a line for a fourth legend entry
    legend = [float(y) for y in re.findall(r'<line x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"', svg)]
    plot_top = min(
        float(y) for y in re.findall(r'class="ps-chart__(?:grid|axis)" x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)"', svg)
    )
    assert max(legend[-4:]) < plot_top, "the legend runs into the plot"
    for x, anchor, text in re.findall(r'<text x="([\d.]+)" y="[\d.]+"(?: text-anchor="(\w+)")?>([^<]*)</text>', svg):
        half = len(text) * 15 * 0.55  # a generous width for 15-unit type
        left, right = {"middle": (float(x) - half / 2, float(x) + half / 2), "end": (float(x) - half, float(x))}.get(
            anchor, (float(x), float(x) + half)
        )
        assert left >= 0 and right <= frame.width, (text, left, right)


def test_both_drawings_are_there_with_their_own_names() -> None:
    html = responsive_chart(MEASURE, "#1d4f91", COMPARATORS)
    assert html.count("<svg") == 2
    assert 'aria-labelledby="chart-ks2-title chart-ks2-desc"' in html
    assert 'aria-labelledby="chart-ks2-narrow-title chart-ks2-narrow-desc"' in html
    assert "ps-chart__svg--wide" in html and "ps-chart__svg--narrow" in html
    assert "--ps-dark-partnership:" in html
