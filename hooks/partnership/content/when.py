"""Dates as precise as the facts: a day (2027-03-18), a month (2027-03) or a term (spring term 2027).

A key date or a course whose day is not known yet is shown as its month or term, never given a
false day; the calendar feed marks a month as an all-month event and leaves a term out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from partnership.content.context import INVALID, Context, Vocabulary
from partnership.content.kinds_numeric import Date
from partnership.content.yamlstrict import Node, Scalar
from partnership.formats.markup import h, time_tag

# The usual span of each school term: enough to sort them and to tell past from coming.
TERMS = {"autumn": ((9, 1), (12, 31)), "spring": ((1, 1), (3, 31)), "summer": ((4, 1), (7, 31))}
_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_TERM = re.compile(r"(autumn|spring|summer)\s+term\s+([0-9]{4})", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class When:
    start: dt.date
    end: dt.date  # the last day it may fall on
    precision: str = "day"  # day, month or term
    label: str = ""

    def isoformat(self) -> str:
        return self.start.isoformat() if self.precision == "day" else self.label

    def past(self, today: dt.date) -> bool:
        return self.end < today


def day(value: dt.date) -> When:
    return When(value, value, "day", value.isoformat())


def when_tag(when: When) -> str:
    """How a date is shown: 'Thursday 18 March 2027', 'March 2027' or 'Spring term 2027'."""
    if when.precision == "day":
        return time_tag(when.start, long=True)
    if when.precision == "month":
        return f'<time datetime="{when.start:%Y-%m}">{when.start:%B %Y}</time>'
    return h(when.label[:1].upper() + when.label[1:])


class DayMonthOrTerm(Date):
    """A day, or a month or term when the day is not known yet."""

    label = "date (YYYY-MM-DD), month (YYYY-MM) or term (spring term 2027)"

    def check(self, node: Node, ctx: Context, where: str) -> Any:
        if isinstance(node, Scalar):
            text = node.value.strip()
            month = _MONTH.fullmatch(text)
            if month:
                year, number = int(month.group(1)), int(month.group(2))
                if not 1 <= number <= 12:
                    return ctx.error(node, where, f"'{text}' is not a real month: there is no month {number}")
                last = calendar.monthrange(year, number)[1]
                return When(dt.date(year, number, 1), dt.date(year, number, last), "month", f"{year}-{number:02d}")
            term = _TERM.fullmatch(text)
            if term:
                season, year = term.group(1).lower(), int(term.group(2))
                (m1, d1), (m2, d2) = TERMS[season]
                return When(dt.date(year, m1, d1), dt.date(year, m2, d2), "term", f"{season} term {year}")
        before = len(ctx.problems)
        value = super().check(node, ctx, where)
        if value is INVALID:
            if len(ctx.problems) > before and "is not a date" in ctx.problems[-1].message:
                wrong = ctx.problems.pop()
                ctx.error(node, where, wrong.message + ", or a month like 2024-03, or a term like 'spring term 2025'")
            return INVALID
        return day(value)

    def json_schema(self, vocabularies: dict[str, Vocabulary] | None = None) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": r"^([0-9]{4}-[0-9]{2}(-[0-9]{2})?|(autumn|spring|summer) term [0-9]{4})$",
        }
