"""Kinds for dates and numbers: a real calendar date, a whole number, a figure with decimals."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from partnership.content.context import Context, Vocabulary
from partnership.content.kinds import Kind, _describe
from partnership.content.yamlstrict import Node, Scalar

# Dates any content can mean: a calendar file, a sort or a date a day later never overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2199
MAX_DIGITS = 15  # longer numbers are refused before they are converted


@dataclass
class Date(Kind):
    label = "date (YYYY-MM-DD)"

    def check(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, Scalar):
            return ctx.error(node, where, f"should be a date like 2024-03-01, not {_describe(node)}")
        value = node.value.strip()
        match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", value)
        if not match:
            if re.match(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[Tt ]", value):
                return ctx.error(node, where, f"'{value}' has a time; give the date only, like 2024-03-01")
            return ctx.error(node, where, f"'{value}' is not a date; write it as YYYY-MM-DD, like 2024-03-01")
        year, month, day = (int(part) for part in match.groups())
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return ctx.error(
                node, where, f"'{value}' is out of range: give a date between the years {FIRST_YEAR} and {LAST_YEAR}"
            )
        if not 1 <= month <= 12:
            return ctx.error(node, where, f"'{value}' is not a real date: there is no month {month}")
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            month_name = calendar.month_name[month]
            return ctx.error(node, where, f"'{value}' is not a real date: {month_name} {year} has {days} days")
        return dt.date(year, month, day)

    def json_schema(self, vocabularies: dict[str, Vocabulary] | None = None) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


@dataclass
class Integer(Kind):
    minimum: int | None = None
    maximum: int | None = None
    label = "whole number"

    def check(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, Scalar):
            return ctx.error(node, where, f"should be a whole number like 2014, not {_describe(node)}")
        if not node.plain:
            return ctx.error(node, where, f"'{_short(node.value)}' should be a whole number without quotes, like 2014")
        if re.fullmatch(r"-?0[0-9]+", node.value):
            return ctx.error(
                node, where, f"'{node.value}' starts with 0, which YAML reads as an octal number; remove the leading 0"
            )
        if not re.fullmatch(r"-?(0|[1-9][0-9]*)", node.value):
            return ctx.error(node, where, f"'{_short(node.value)}' should be a whole number, like 2014")
        if len(node.value) > MAX_DIGITS:
            return ctx.error(node, where, f"{_short(node.value)} has {len(node.value)} digits; it is far too large")
        value = int(node.value)
        if self.minimum is not None and value < self.minimum or self.maximum is not None and value > self.maximum:
            return ctx.error(node, where, f"{value} should be between {self.minimum} and {self.maximum}")
        return value

    def json_schema(self, vocabularies: dict[str, Vocabulary] | None = None) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema


@dataclass
class Number(Kind):
    """A figure such as a percentage: a whole number or a decimal with up to `places` decimal places."""

    minimum: float
    maximum: float
    places: int = 1
    label = "number"

    def check(self, node: Node, ctx: Context, where: str) -> Any:
        if not isinstance(node, Scalar) or not node.plain:
            shown = f"'{node.value}'" if isinstance(node, Scalar) else _describe(node)
            return ctx.error(node, where, f"{shown} should be a number without quotes, like 64.5")
        match = re.fullmatch(r"-?(0|[1-9][0-9]*)(\.([0-9]+))?", node.value)
        if not match:
            return ctx.error(node, where, f"'{_short(node.value)}' should be a number, like 64.5 (no % sign or commas)")
        if len(node.value) > MAX_DIGITS:
            return ctx.error(node, where, f"{_short(node.value)} has {len(node.value)} digits; it is far too long")
        if match.group(3) and len(match.group(3)) > self.places:
            return ctx.error(node, where, f"'{node.value}' has too many decimal places; give at most {self.places}")
        value = float(node.value)
        if not self.minimum <= value <= self.maximum:
            return ctx.error(node, where, f"{node.value} should be between {self.minimum:g} and {self.maximum:g}")
        return value

    def json_schema(self, vocabularies: dict[str, Vocabulary] | None = None) -> dict[str, Any]:
        return {"type": "number", "minimum": self.minimum, "maximum": self.maximum}


def _short(text: str, limit: int = 40) -> str:
    """A value as quoted in a message: long ones cut, so a 5,000-digit number does not fill the screen."""
    return text if len(text) <= limit else f"{text[:limit]}…"
