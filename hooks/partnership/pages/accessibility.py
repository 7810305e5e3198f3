"""The accessibility statement at /accessibility/, with the sections the GOV.UK sample requires."""

from __future__ import annotations

import datetime as dt
from typing import Any

from partnership.formats.markup import h, long_date


def statement_markdown(identity: dict[str, Any], data: dict[str, Any]) -> str:
    name, email = h(identity["name"]), h(identity["email"])
    problems = data["known_problems"]
    known = "\n".join(f"- {h(p)}" for p in problems) or "We know of no content that fails the standard."

    because = "" if data["compliance"] == "fully compliant" else ", because of the problems listed below"

    def day(value: dt.date) -> str:
        return long_date(value)

    return f"""# Accessibility statement

This statement applies to the {name} website. The {name} and {h(identity["council"])} are
responsible for it.

## How accessible this website is

{data["how_accessible"].strip()}

## Feedback and contact information

If you need information on this website in a different format, such as accessible PDF, large
print, easy read, an audio recording or braille, email [{email}](mailto:{email}). We will
consider your request and get back to you within {data["response_days"]} working days.

## Reporting accessibility problems with this website

We are always looking to improve the accessibility of this website. If you find a problem not
listed on this page, or think we are not meeting the accessibility requirements, email
[{email}](mailto:{email}).

## Enforcement procedure

The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector
Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the
accessibility regulations). If you are not happy with how we respond to your complaint, contact
the Equality Advisory and Support Service (EASS).

## Technical information about this website's accessibility

The {name} is committed to making its website accessible, in accordance with the Public Sector
Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.

### Compliance status

This website is {h(data["compliance"])} with the
[Web Content Accessibility Guidelines version 2.2](https://www.w3.org/TR/WCAG22/) AA standard{because}.

## Non-accessible content

{known}

## What we are doing to improve accessibility

{data["improvements"].strip()}

## Preparation of this accessibility statement

This statement was prepared on {day(data["prepared"])}. It was last reviewed on
{day(data["last_reviewed"])}, and will be reviewed again by {day(data["review_by"])}.

{data["testing"].strip()}
"""
