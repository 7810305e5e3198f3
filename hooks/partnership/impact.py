"""The impact page (/impact/): the scorecard's measures as charts, data tables and CSV files."""

from __future__ import annotations

import csv
import io
from typing import Any

from .charts import format_value, responsive_chart, series
from .markup import h, md, slot

ILLUSTRATIVE = "Illustrative figures: these are examples, not published results."
CSV_ALL = "impact/scorecard.csv"


def csv_path(measure: dict[str, Any]) -> str:
    return f"impact/{measure['id']}.csv"


def _source(measure: dict[str, Any]) -> str:
    return measure["source"] or "illustrative"


def scorecard_csv(measures: list[dict[str, Any]]) -> str:
    """One row per measure and year; 'illustrative' in the source column where no source is given."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["measure_id", "measure", "unit", "year", "partnership", "london", "england", "source"])
    for measure in measures:
        for result in sorted(measure["results"], key=lambda r: r["year"]):
            writer.writerow(
                [
                    measure["id"],
                    _cell(measure["title"]),
                    measure["unit"],
                    result["year"],
                    f"{result['partnership']:g}",
                    f"{result['london']:g}",
                    f"{result['national']:g}",
                    _cell(_source(measure)),
                ]
            )
    return buffer.getvalue()


def _cell(text: str) -> str:
    """Text that a spreadsheet would take for a formula is kept as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_files(scorecard: dict[str, Any]) -> dict[str, str]:
    measures = scorecard["measures"]
    files = {CSV_ALL: scorecard_csv(measures)}
    files.update({csv_path(m): scorecard_csv([m]) for m in measures})
    return files


def _table(measure: dict[str, Any]) -> str:
    unit = measure["unit"]
    columns = series("#000")  # the colour is not used: only the labels and keys
    heads = "".join(f'<th scope="col">{h(s.label)}</th>' for s in columns)
    rows = "".join(
        f'<tr><th scope="row">{h(r["year"])}</th>'
        + "".join(f"<td>{h(format_value(r[s.key], unit))}</td>" for s in columns)
        + "</tr>"
        for r in sorted(measure["results"], key=lambda r: r["year"])
    )
    caption = h(measure["title"]) + ("" if measure["source"] else " (illustrative)")
    return (
        f"<table><caption>{caption}</caption>"
        f'<thead><tr><th scope="col">Year</th>{heads}</tr></thead><tbody>{rows}</tbody></table>'
    )


def impact_markdown(scorecard: dict[str, Any], primary: str) -> tuple[str, dict[str, str]]:
    """Markdown, and a slot per measure for its chart and table: headings stay in the table of contents."""
    measures = scorecard["measures"]
    lines = ["# Impact: the annual scorecard", "", scorecard["introduction"].strip(), ""]
    if any(not m["source"] for m in measures):
        lines += [
            '<p class="ps-banner" role="note"><strong>Illustrative figures.</strong> Measures marked '
            "illustrative show invented example figures, not published results.</p>",
            "",
        ]
    lines += [f'<p><a href="{CSV_ALL.removeprefix("impact/")}">Download every figure (CSV)</a></p>', ""]
    parts: dict[str, str] = {}
    for measure in measures:
        ident = h(measure["id"])
        source = f"Source: {h(measure['source'])}." if measure["source"] else f"<strong>{ILLUSTRATIVE}</strong>"
        lines += [f"## {md(measure['title'])} {{ #{measure['id']} }}", "", slot(f"measure-{measure['id']}"), ""]
        parts[f"measure-{measure['id']}"] = (
            f'<div class="ps-chart" id="{ident}-chart">'
            f"<p>{h(measure['description'])}</p>"
            f'<figure class="ps-chart__figure">{responsive_chart(measure, primary)}</figure>'
            f"{_table(measure)}"
            f'<p class="ps-chart__source">{source} '
            f'<a href="{h(csv_path(measure).removeprefix("impact/"))}">Download these figures (CSV)</a></p>'
            "</div>"
        )
    return "\n".join(lines), parts
