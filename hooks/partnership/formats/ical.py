"""/calendar.ics: the key dates as an iCalendar feed that a school can subscribe to."""

from __future__ import annotations

import datetime as dt
import zlib
from typing import Any

import icalendar


def key_dates_calendar(identity: dict[str, Any], dates: list[dict[str, Any]], today: dt.date) -> str:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{identity['name']}//Key dates//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{identity['name']}: key dates")
    stamp = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    domain = identity["email"].split("@", 1)[1]
    for entry in sorted(dates, key=lambda d: d["date"]):
        when = entry["date"]
        if when.precision == "term":
            continue  # no day to give: a term is shown on the site, never as a false day in a calendar
        event = icalendar.Event()
        # A stable id: the same date and title keep the same event in subscribers' calendars.
        event.add("uid", f"{when.isoformat()}-{hash_text(entry['title']):08x}@{domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", when.start)
        event.add("dtend", when.end + dt.timedelta(days=1))  # a month: an all-month event
        month = f" (during {when.start:%B %Y}; the day is not set yet)" if when.precision == "month" else ""
        event.add("summary", entry["title"] + month)
        if entry.get("details"):
            event.add("description", entry["details"])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return str(calendar.to_ical().decode("utf-8"))


def hash_text(text: str) -> int:
    """A hash that stays the same between builds (Python's own hash() of text does not)."""
    return zlib.crc32(text.encode("utf-8"))
