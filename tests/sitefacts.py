"""What the default site's content holds, read from that content: the default-site tests expect what it says.

Any partnership's content may stand in this repository (`partnership init` writes a site with one case study
and none of the optional parts): the tests of the built default site take their pages, titles, links and
menu from here, never from one partnership's names. A plain module, like helpers.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from helpers import ROOT, TODAY

from partnership.content import parts
from partnership.content.load import load
from partnership.content.model import CaseStudy
from partnership.content.schema_cms import backend_config

PROJECT = load(ROOT, today=dt.date.fromisoformat(TODAY))
assert PROJECT.ok, "\n".join(str(p) for p in PROJECT.problems)  # the default-site tests need content that builds
IDENTITY = PROJECT.identity
STUDIES: list[CaseStudy] = sorted(PROJECT.published_case_studies(), key=lambda s: s.slug)
# The case study the built site lists first (its folder name sorts first).
FIRST_STUDY = STUDIES[0] if STUDIES else None
NEWS = PROJECT.published_news()
SCHOOLS = (PROJECT.data.get("schools") or {}).get("schools") or []
MENU = parts.menu(PROJECT)
THERE = parts.present(PROJECT)  # optional part -> its page

# The content manager at /admin/ exists when content/partnership.yml gives it a backend.
BACKEND = backend_config(IDENTITY.get("cms"), IDENTITY.get("repository") or "OWNER/REPOSITORY")
NO_ADMIN = "the content gives the content manager no backend (cms: in content/partnership.yml): no /admin/"


def label_of(page: str) -> str:
    """The label of the page's tab: the top-level menu entry that is the page or holds it."""
    for label, target in MENU:
        if target == page or (not isinstance(target, str) and any(p == page for _t, p in target)):
            return label
    raise LookupError(f"{page} is not in the menu")


def url_of(src: str) -> str:
    """A docs-relative page's address: 'about.md' -> '/about/', 'news/index.md' -> '/news/'."""
    return "/" + (src.removesuffix("index.md") if src.endswith("index.md") else src.removesuffix(".md") + "/")


def theme_counts() -> Counter[str]:
    """How many published case studies each theme has."""
    return Counter(theme for study in STUDIES for theme in study.themes)


def label(vocabulary: str, value: str) -> str:
    """The label the taxonomy gives a value (a theme id -> 'Reading')."""
    return PROJECT.vocabularies[vocabulary].labels.get(value, value)


# The content manager's login button for that backend, as Decap labels it.
LOGIN = {"github": "GitHub", "gitlab": "GitLab", "gitea": "Gitea", "forgejo": "Forgejo"}
LOGIN_BUTTON = f"Login with {LOGIN[BACKEND['name']]}" if BACKEND else ""


def sharing_a_theme(study: CaseStudy) -> list[CaseStudy]:
    """The other published case studies with a theme in common (those its related studies come from)."""
    return [s for s in STUDIES if s.slug != study.slug and set(s.themes) & set(study.themes)]


def a_word_of(study: CaseStudy) -> str:
    """A word of the study's title that a person might search for (its longest)."""
    return max(re.findall(r"[A-Za-z]{4,}", study.title) or [study.title.split()[0]], key=len).lower()


def crumbs_to(parent: str) -> list[str]:
    """The breadcrumbs (after Home) of a page listed on `parent` (a case study on directory/index.md): the
    menu's section (unless the parent is its first page, which stands for it) and the parent's own link."""
    for label, target in MENU:
        if target == parent:
            return [label]
        if not isinstance(target, str):
            for number, (text, page) in enumerate(target):
                if page == parent:
                    return [text] if number == 0 else [label, text]
    raise LookupError(f"{parent} is not in the menu")


def in_a_section() -> list[str]:
    """The hand-written pages inside a section of the menu, but its first (their crumbs: Home, the section)."""
    return [
        page for _label, target in MENU if not isinstance(target, str) for _t, page in target[1:] if "/" not in page
    ]


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (a swap is one edit), as the directory's search.js counts."""
    rows = [list(range(len(b) + 1))] + [[i] + [0] * len(b) for i in range(1, len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[len(a)][len(b)]


def a_typo(vocabulary: list[str]) -> tuple[str, str]:
    """(a misspelling, the known word the search should offer for it): a frequent word of the content with a
    letter left out, that no more frequent word (earlier in words.json) is as near to."""
    known = set(vocabulary)
    for index, word in enumerate(vocabulary):
        typo = word[:2] + word[3:]
        if len(word) < 6 or not word.isalpha() or typo in known:
            continue
        if all(_distance(typo, other) > 1 for other in vocabulary[:index]):
            return typo, word
    raise LookupError("no word of the content is long enough to misspell")


def a_distinctive_word() -> str | None:
    """A word of one case study's title whose start is in no other case study's text (a search for it narrows)."""
    texts = {s.slug: f"{s.title} {s.summary} {s.body}".lower() for s in STUDIES}
    for study in STUDIES:
        for word in sorted(set(re.findall(r"[a-z]{6,}", study.title.lower())), key=len, reverse=True):
            if not any(word[:5] in text for slug, text in texts.items() if slug != study.slug):
                return word
    return None
