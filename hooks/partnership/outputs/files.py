"""Everything the build writes besides pages: the brand stylesheet, the directory's script,
its search index, open data and feed. Paths are relative to the site root."""

from __future__ import annotations

import datetime as dt
from importlib import resources

from partnership.content.load import Project
from partnership.content.parts import present
from partnership.directory.facets import Directory
from partnership.directory.opendata import atom_feed, open_data, records, search_files, search_names
from partnership.directory.pages import SCRIPTS
from partnership.formats.ical import key_dates_calendar
from partnership.formats.memo import unchanged
from partnership.outputs import brand
from partnership.pages.impact import csv_files
from partnership.pages.news import news_feed

BRAND_CSS = "assets/partnership.css"
SEARCH_CSS = "assets/search.css"  # the directory's results and the site-wide search box's case studies
SITE_SEARCH = "assets/sitesearch.js"


def static_file(name: str) -> str:
    """A file shipped with the package (the directory's script)."""
    return resources.files("partnership.directory").joinpath("static", name).read_text(encoding="utf-8")


def generated_files(project: Project, directory: Directory, site_url: str, today: dt.date) -> dict[str, str]:
    identity = project.identity
    there = present(project)
    files = {
        BRAND_CSS: brand.stylesheet(identity),
        SITE_SEARCH: static_file("sitesearch.js"),
        SEARCH_CSS: static_file("search.css"),
    }
    if "directory" in there:  # the directory's scripts exist when case studies do (its data: directory_files)
        files.update({script: static_file(script.rsplit("/", 1)[1]) for script in SCRIPTS})
        files["assets/search-redirect.js"] = static_file("search-redirect.js")
    if "news" in there:
        files["news/feed.xml"] = news_feed(project, site_url, today)
    if scorecard := project.data.get("scorecard"):
        files.update(csv_files(scorecard))
    if key_dates := project.data.get("key_dates"):
        files["calendar.ics"] = key_dates_calendar(identity, key_dates["dates"], today)
    return files


def directory_files(project: Project, directory: Directory, site_url: str, today: dt.date) -> dict[str, str]:
    """The directory's data: its search index, open data and feed (none when there are no case studies).

    Most of a build's own work at 10,000 case studies; it needs nothing the engine does, so a single
    build makes it on the other core while the engine renders (see pipeline.py and deferred.py).
    """
    if "directory" not in present(project):
        return {}
    rows = records(directory, {name: v.labels for name, v in project.vocabularies.items()}, site_url)
    files = search_files(directory, *search_names(project.part("taxonomy")))
    files.update(unchanged("open data", rows, open_data))  # a preview's edit to words only: as before
    files["directory/feed.xml"] = atom_feed(rows, project.identity, site_url, today)
    return files
