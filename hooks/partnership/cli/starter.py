"""The starter content `partnership init` writes: the files every site needs, one case study, no optional parts.

Every value is a placeholder that says so; `partnership check --go-live` refuses them until they are replaced.
"""

from __future__ import annotations

import datetime as dt

from partnership.cli.scaffold import academic_year

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img" aria-label="Logo">'
    '<rect width="48" height="48" rx="8" fill="#ffffff"/><path d="M12 34V14h6v14h10v6z" fill="#24527a"/></svg>\n'
)

STARTER_NAME = "Example Learning Partnership"
PARTNERSHIP = """# Who you are. Replace every value: `partnership check --go-live` refuses the placeholders.
name: Example Learning Partnership
short_name: ELP
borough: our area
council: our council
email: team@example.org
description: The schools of our area and their council, working together so that every school keeps improving.
chair_role: Chair of the partnership
colours:
  primary: "#24527a"
  accent: "#a4343a"
logo: assets/logo.svg
# The site's public address (ending in /), once it has one:
# website: https://www.our-partnership.org.uk/
"""

TAXONOMY = """# The lists case studies and schools choose from. Add your own; keep ids short and stable.
themes:
  - id: reading
    label: Reading
  - id: mathematics
    label: Mathematics
  - id: leadership
    label: Leadership
phases:
  - id: primary
    label: Primary
  - id: secondary
    label: Secondary
types:
  - id: project
    label: Project
  - id: network
    label: Network
school_types:
  - id: maintained
    label: Maintained school
  - id: academy
    label: Academy
question_topics:
  - id: joining
    label: Joining
"""


def accessibility(today: dt.date) -> str:
    review = today.replace(year=today.year + 1) if (today.month, today.day) != (2, 29) else today + dt.timedelta(365)
    return f"""# The accessibility statement. Review it whenever the site changes, and at least once a year.
compliance: partially compliant
how_accessible: >-
  This website is built to meet the Web Content Accessibility Guidelines 2.2 at level AA. You
  should be able to use every page with a keyboard, zoom to 400% without losing content, and
  use it with a screen reader.
known_problems:
  - Some documents we link to may not be accessible; ask us for another format.
improvements: >-
  We check new pages before they are published and fix what we find.
response_days: 5
testing: >-
  The site's own tests check every kind of page with automated accessibility tools on each change.
prepared: {today.isoformat()}
last_reviewed: {today.isoformat()}
review_by: {review.isoformat()}
"""


INDEX = """---
title: Welcome
description: The website of our learning partnership.
---

# Welcome

The {{ partnership.name }} brings together the schools of {{ partnership.borough }} and
{{ partnership.council }}. Replace this page with your own welcome: who you are, what you do
together and how a school can take part.

## Contact

{{ block:contact }}
"""

PRIVACY = """---
title: Privacy
description: What this website records about its visitors.
---

# Privacy

This website sets no cookies and records nothing about you. It loads nothing from other websites.

If you email us, we use your message only to reply to you. Replace this page with your own
privacy notice, and name who is responsible for the personal data you hold.
"""


def case_study(today: dt.date) -> str:
    """The sample, dated the first day of this academic year (so that it is published already)."""
    year = academic_year(today)
    published = dt.date(int(year[:4]), 9, 1)
    review = published.replace(year=published.year + 2)
    return f"""---
title: "Sample case study: reading together"
summary: "A sample to replace: how two schools could share what they learnt about reading."
themes: [Reading]
phases: [Primary]
type: Project
organisations: [A sample school]
academic_year: {year}
published: {published.isoformat()}
review_by: {review.isoformat()}
contact: Headteacher of the sample school
status: published
---

This is a sample case study: replace it with one of your own, or delete it once you have.

## The challenge

What needed to change, and how you knew.

## What we did

The steps you took, who was involved and over what time.

## What changed

What is different now for pupils and staff.
"""


def starter_files(today: dt.date) -> dict[str, str]:
    """Project-relative path -> text of the starter content."""
    return {
        "content/partnership.yml": PARTNERSHIP,
        "content/taxonomy.yml": TAXONOMY,
        "content/accessibility.yml": accessibility(today),
        "docs/index.md": INDEX,
        "docs/privacy.md": PRIVACY,
        "docs/assets/logo.svg": LOGO,
        "case_studies/sample-case-study.md": case_study(today),
    }
