"""The impact page (/impact/): the scorecard's measures as charts, data tables and CSV files."""

from __future__ import annotations

from typing import Any

from partnership.formats.csvfile import csv_text
from partnership.formats.markup import h, md, slot
from partnership.pages.charts import comparator_key, flatten, format_value, responsive_chart, series

ILLUSTRATIVE = "Illustrative figures: these are examples, not published results."
CSV_ALL = "impact/scorecard.csv"


def csv_path(measure: dict[str, Any]) -> str:
    return f"impact/{measure['id']}.csv"


def _source(measure: dict[str, Any]) -> str:
    return measure["source"] or "illustrative"


def scorecard_against(scorecard: dict[str, Any]) -> str:
    """ " against X and Y", from the comparators the scorecard names ("" when it names none)."""
    labels: list[str] = [c["label"] for c in scorecard["comparators"]]
    if not labels:
        return ""
    return " against " + (labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1])


def scorecard_csv(measures: list[dict[str, Any]], comparators: list[dict[str, Any]]) -> str:
    """One row per measure and year; 'illustrative' in the source column where no source is given."""
    header = ["measure_id", "measure", "unit", "year", "partnership", *(c["id"] for c in comparators), "source"]
    rows = [
        [
            measure["id"],
            measure["title"],
            measure["unit"],
            row["year"],
            float(row["partnership"]),  # numbers stay numbers (csvfile writes floats as %g)
            *(float(row[comparator_key(c["id"])]) for c in comparators),
            _source(measure),
        ]
        for measure in measures
        for row in flatten(measure)
    ]
    return csv_text(header, rows)


def csv_files(scorecard: dict[str, Any]) -> dict[str, str]:
    measures, comparators = scorecard["measures"], scorecard["comparators"]
    files = {CSV_ALL: scorecard_csv(measures, comparators)}
    files.update({csv_path(m): scorecard_csv([m], comparators) for m in measures})
    return files


def _table(measure: dict[str, Any], comparators: list[dict[str, Any]]) -> str:
    unit = measure["unit"]
    columns = series("#000", comparators)  # the colour is not used: only the labels and keys
    heads = "".join(f'<th scope="col">{h(s.label)}</th>' for s in columns)
    rows = "".join(
        f'<tr><th scope="row">{h(r["year"])}</th>'
        + "".join(f"<td>{h(format_value(r[s.key], unit))}</td>" for s in columns)
        + "</tr>"
        for r in flatten(measure)
    )
    caption = h(measure["title"]) + ("" if measure["source"] else " (illustrative)")
    return (
        f"<table><caption>{caption}</caption>"
        f'<thead><tr><th scope="col">Year</th>{heads}</tr></thead><tbody>{rows}</tbody></table>'
    )


def impact_markdown(scorecard: dict[str, Any], primary: str) -> tuple[str, dict[str, str]]:
    """Markdown, and a slot per measure for its chart and table: headings stay in the table of contents."""
    measures, comparators = scorecard["measures"], scorecard["comparators"]
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
            '<figure class="ps-chart__figure" data-search-exclude>'
            f"{responsive_chart(measure, primary, comparators)}</figure>"
            f"<div data-search-exclude>{_table(measure, comparators)}</div>"  # site search runs cells together
            f'<p class="ps-chart__source">{source} '
            f'<a href="{h(csv_path(measure).removeprefix("impact/"))}">Download these figures (CSV)</a></p>'
            "</div>"
        )
    return "\n".join(lines), parts
