"""The preview's rebuilds (issue 16): under `mkdocs serve --dirty` (what `make serve` runs), a rebuild after a
saved file renders again only the pages the change touched, and gives the site a clean build gives, file by file.

Each test runs MkDocs as `mkdocs serve` does (one process, `on_startup` once, a fresh configuration for every
rebuild, `build(config, serve_url=..., dirty=True)`), on a small project unlike the default site: two case
studies whose slugs differ from their titles, schools, news, taxonomy, and hand-written pages.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
import logging
import re
import time
import urllib.request
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import TODAY, make_project, mkdocs_serve, partnership
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from partnership import buildcache, deferred, preview
from partnership.content import checked, checked_json
from partnership.content.load import load
from partnership.content.model import CaseStudy
from partnership.content.records import position
from partnership.formats import memo
from partnership.session import Session

SERVE_URL = "http://127.0.0.1:8000/"

SECOND_STUDY = """---
title: "Maths mastery & the 'bar model' <3"
summary: Three schools tried a shared approach to teaching fractions with bar models.
themes: [Writing]
phases: [Secondary]
type: Network
schools: [elm-academy, maple-school]
academic_year: 2023-24
published: 2024-06-01
review_by: 2027-06-01
contact: Head of mathematics, Elm Academy
status: published
---

## What we did

Teachers planned fraction lessons together and visited each other's classrooms.
"""

NEWS = """---
title: Autumn conference announced
summary: The partnership's autumn conference will be about reading.
published: 2026-10-01
status: published
---

Headteachers and subject leaders will meet for a day of workshops on reading.
"""

ZEBRA = SECOND_STUDY.replace("Maths mastery", "Zebras zigzag").replace("fractions", "zoology")

FIXTURE = {
    "case_studies/fractions-2024.md": SECOND_STUDY,
    "news/autumn-conference.md": NEWS,
    "news/new-schools-join.md": NEWS.replace("Autumn conference announced", "Two schools join").replace(
        "10-01", "09-01"
    ),
}


class ServedSite:
    """A project under `mkdocs serve --dirty`, or, with dirty False, built clean as `mkdocs serve` builds it.

    MkDocs loads a hook module once per process, so the sites of one test share hooks/site.py: each
    site keeps its own session of it and of Material's search plugin, as its own process would.
    """

    def __init__(self, project: Path, site: Path, dirty: bool) -> None:
        self.project, self.site, self.dirty = project, site, dirty
        config = self.config()
        self.hook.run = Session()
        config.plugins.on_startup(command="serve", dirty=dirty)
        self.session = self.hook.run
        if dirty:
            build(config, serve_url=SERVE_URL, dirty=dirty)
            return
        with nothing_kept():  # a clean build: nothing from the preview's process
            build(config, serve_url=SERVE_URL, dirty=dirty)

    def config(self) -> MkDocsConfig:
        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site), strict=True)
        config.site_url = SERVE_URL
        self.hook = next(plugin for name, plugin in config.plugins.items() if name.endswith("site.py"))
        return config

    def rebuild(self) -> None:
        config = self.config()
        self.hook.run = self.session
        config.plugins["material/search"].on_startup(command="serve", dirty=self.dirty)
        build(config, serve_url=SERVE_URL, dirty=self.dirty)


@contextlib.contextmanager
def nothing_kept() -> Iterator[None]:
    """What the package keeps between builds, by hand-made keys, set aside (then put back): the case studies
    checked before. (Its memos, formats/memo.py, keyed by every argument or reused only for an equal value,
    are turned off by the clean build, which forgets them, and are on again after it.)"""
    kept_studies, memos = checked.CASE_STUDIES, memo.kept()
    checked.CASE_STUDIES = checked.CheckedFiles()
    try:
        yield
    finally:
        checked.CASE_STUDIES = kept_studies
        memo.keep(memos)  # the clean build's `mkdocs serve` turned them off


@pytest.fixture
def quiet_engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The tests' date; the filters the preview adds to MkDocs' build log are taken away afterwards."""
    monkeypatch.setenv("PARTNERSHIP_TODAY", TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    build_log = logging.getLogger("mkdocs.commands.build")
    filters = list(build_log.filters)
    yield
    build_log.filters[:] = filters


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def differences(rebuilt: Path, clean: Path) -> list[str]:
    """The files in which a preview's rebuild differs from a clean build: missing, extra, or other bytes."""
    a, b = files_of(rebuilt), files_of(clean)
    return sorted({name for name in a.keys() | b.keys() if a.get(name) != b.get(name)})


def times(site: Path) -> dict[str, int]:
    return {str(path.relative_to(site)): path.stat().st_mtime_ns for path in site.rglob("*.html")}


def edit(project: Path, relative: str, old: str, new: str) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{relative} does not hold {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# The pages a rebuild always writes: those written by hand (docs/), which pull in content, and the theme's 404.
HAND_WRITTEN = {
    "404.html",
    "index.html",
    "about/index.html",
    "aims/index.html",
    "join/index.html",
    "privacy/index.html",
}

# In order, as one editing session: (what the comms officer did, the change, a page the rebuild must write
# again, a page it must leave as it was)
EDITS = [
    (
        "a case study's summary",
        lambda p: edit(p, "case_studies/shared-reading.md", "improve early reading", "improve early reading for all"),
        "case-studies/shared-reading/index.html",
        "case-studies/fractions-2024/index.html",
    ),
    (
        "a case study's title",
        lambda p: edit(p, "case_studies/fractions-2024.md", "Maths mastery", "Mathematics mastery"),
        "directory/index.html",
        "case-studies/shared-reading/index.html",
    ),
    (
        "a case study's theme",
        lambda p: edit(
            p, "case_studies/fractions-2024.md", "themes: [Writing]", "themes: [Writing, Leadership development]"
        ),
        "directory/theme/leadership/index.html",
        "case-studies/shared-reading/index.html",
    ),
    (
        "a new case study",
        lambda p: (p / "case_studies" / "third.md").write_text(
            SECOND_STUDY.replace("Maths mastery", "Times tables").replace("fractions", "times tables"), encoding="utf-8"
        ),
        "directory/index.html",
        "case-studies/shared-reading/index.html",
    ),
    (
        "a school's name",
        lambda p: edit(p, "content/schools.yml", "name: Maple School", "name: Maple Community School"),
        "case-studies/fractions-2024/index.html",
        "case-studies/shared-reading/index.html",
    ),
    (
        "a taxonomy label",
        lambda p: (
            edit(p, "content/taxonomy.yml", "label: Network", "label: School network")
            or edit(p, "case_studies/fractions-2024.md", "type: Network", "type: School network")
        ),
        "case-studies/fractions-2024/index.html",
        "case-studies/shared-reading/index.html",
    ),
    (
        "an old address for a case study",
        lambda p: edit(
            p, "case_studies/fractions-2024.md", "status: published", "status: published\nredirect_from: [fractions]"
        ),
        "case-studies/fractions/index.html",
        "case-studies/shared-reading/index.html",
    ),
    (
        "the old address taken away",
        lambda p: edit(p, "case_studies/fractions-2024.md", "\nredirect_from: [fractions]", ""),
        "index.html",  # the old address's page is deleted (the comparison with a clean build shows it)
        "case-studies/shared-reading/index.html",
    ),
    (
        "a news post's title",
        lambda p: edit(
            p, "news/autumn-conference.md", "Autumn conference announced", "Booking opens for the autumn conference"
        ),
        "news/index.html",
        "case-studies/shared-reading/index.html",
    ),
    (
        "a hand-written page",
        lambda p: edit(p, "docs/about.md", "Text.", "Text, and a sentence the comms officer added."),
        "about/index.html",
        "case-studies/shared-reading/index.html",
    ),
    (
        "the partnership's name (every page shows it)",
        lambda p: edit(p, "content/partnership.yml", "name: ", "name: The "),
        "case-studies/shared-reading/index.html",
        None,
    ),
    (
        "the partnership's email (in every page's footer)",
        lambda p: edit(p, "content/partnership.yml", "email: tlp@example.org", "email: hello@example.org"),
        "case-studies/fractions-2024/index.html",
        None,
    ),
    (
        "a template of the theme",
        lambda p: edit(p, "docs/overrides/partials/copyright.html", "<div class=", "<p>Edited.</p><div class="),
        "news/autumn-conference/index.html",
        None,
    ),
    (
        "a case study deleted",
        lambda p: (p / "case_studies" / "fractions-2024.md").unlink(),
        "directory/index.html",
        "case-studies/shared-reading/index.html",
    ),
    (
        "a news post deleted",
        lambda p: (p / "news" / "autumn-conference.md").unlink(),
        "news/index.html",
        "case-studies/shared-reading/index.html",
    ),
]


def test_each_preview_rebuild_in_an_editing_session_is_the_clean_build_and_renders_only_what_changed(
    tmp_path: Path, quiet_engine: None
) -> None:
    """One `mkdocs serve --dirty` through every edit in turn, each rebuild compared with a clean build."""
    project = make_project(tmp_path / "project", FIXTURE)
    served = ServedSite(project, tmp_path / "preview", dirty=True)
    assert "case-studies/fractions-2024/index.html" in times(served.site)  # the slug is the file name, not the title
    before = times(served.site)
    served.rebuild()  # a rebuild with nothing changed renders no generated page again
    assert {name for name, when in times(served.site).items() if before[name] != when} <= HAND_WRITTEN
    for number, (what, change, written, kept) in enumerate(EDITS):
        before = times(served.site)
        change(project)
        served.rebuild()
        after = times(served.site)
        rewritten = {name for name, when in after.items() if before.get(name) != when}
        assert written in rewritten, f"{what}: {written} was not rendered again"
        if kept is not None:
            assert kept in after and kept not in rewritten, f"{what}: {kept} was rendered again"
        clean = ServedSite(project, tmp_path / f"clean-{number}", dirty=False).site
        assert differences(served.site, clean) == [], what
    # A file in the site newer than its source (a cache from elsewhere) is copied again when the settings change.
    (served.site / "assets" / "site.css").write_text("/* not ours */", encoding="utf-8")
    edit(project, "content/partnership.yml", "email: hello@example.org", "email: office@example.org")
    served.rebuild()
    assert differences(served.site, ServedSite(project, tmp_path / "clean-last", dirty=False).site) == []


# (file, text, the mistake it becomes, the fix): a content error stops a rebuild before it writes anything;
# a broken link, after it has written the site.
FAILURES = [
    ("case_studies/fractions-2024.md", "themes: [Writing]", "themes: [Writng]", "themes: [Reading]"),
    (
        "case_studies/shared-reading.md",
        "every day.",
        "every day, as [the guide](/guide/missing/) says.",
        "every day, as the guide says.",
    ),
]


def test_after_a_failed_rebuild_the_next_one_is_the_clean_build(tmp_path: Path, quiet_engine: None) -> None:
    project = make_project(tmp_path / "project", FIXTURE)
    served = ServedSite(project, tmp_path / "preview", dirty=True)
    for number, (relative, text, mistake, fix) in enumerate(FAILURES):
        edit(project, relative, text, mistake)
        with pytest.raises(Abort):
            served.rebuild()
        edit(project, relative, mistake, fix)
        served.rebuild()
        assert differences(served.site, ServedSite(project, tmp_path / f"clean-{number}", dirty=False).site) == []


def test_a_build_without_dirty_is_untouched_by_the_preview(tmp_path: Path, quiet_engine: None) -> None:
    """`mkdocs build` and `mkdocs serve` without --dirty keep no preview state and write every page."""
    project = make_project(tmp_path / "project", FIXTURE)
    served = ServedSite(project, tmp_path / "site", dirty=False)
    before = times(served.site)
    served.rebuild()
    assert all(times(served.site)[name] != when for name, when in before.items())
    assert preview.for_engine(False) is None


def test_a_case_study_checked_before_is_checked_again_when_what_it_refers_to_changes(tmp_path: Path) -> None:
    """The load keeps case studies it checked (content/checked.py), found by their bytes; a change to the
    vocabularies or to docs/ must still reach a case study whose own file did not change."""
    picture = (
        "image:\n  file: assets/pictures/fractions.png\n  alt: A bar model of three quarters.\n"
        "  consent: no pupils shown\n"
    )
    study = SECOND_STUDY.replace("status: published\n", f"status: published\n{picture}")
    project = make_project(tmp_path / "project", {**FIXTURE, "case_studies/fractions-2024.md": study})
    (project / "docs" / "assets" / "pictures").mkdir(parents=True)
    (project / "docs" / "assets" / "pictures" / "fractions.png").write_bytes(b"\x89PNG\r\n\x1a\n")

    def problems() -> list[str]:
        return [str(problem) for problem in load(project).problems if problem.path.startswith("case_studies/")]

    assert problems() == []
    assert problems() == []  # from what was checked before
    edit(project, "content/taxonomy.yml", "id: writing\n    label: Writing", "id: composition\n    label: Composition")
    assert any("'Writing' is not a known theme" in found for found in problems()), problems()
    edit(project, "content/taxonomy.yml", "id: composition\n    label: Composition", "id: writing\n    label: Writing")
    assert problems() == []
    (project / "docs" / "assets" / "pictures" / "fractions.png").unlink()
    assert any("assets/pictures/fractions.png" in found for found in problems()), problems()
    (project / "docs" / "assets" / "pictures" / "fractions.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert problems() == []
    schools = "id: maple-school\n    name: Maple School"
    edit(project, "content/schools.yml", schools, "id: maple-primary\n    name: Maple School")
    edit(project, "content/schools.yml", "elm-academy, maple-school]", "elm-academy, maple-primary]")
    assert any("maple-school" in found for found in problems()), problems()


def test_a_build_from_the_build_cache_is_the_clean_build_and_renders_only_what_changed(tmp_path: Path) -> None:
    """`partnership build --cache DIR` (as CI runs it): a second build after an edit renders only what the
    edit touched and publishes the site a clean build gives; a failed build leaves the site and empties
    the cache's state; a cache written by other code is not used."""
    project = make_project(tmp_path / "project", FIXTURE)
    cache = project / ".build-cache"
    first = partnership("build", "--cache", ".build-cache", cwd=project)
    assert first.returncode == 0, first.stderr
    assert (cache / "state.json").is_file()
    before = times(cache / "site")
    edit(project, "case_studies/shared-reading.md", "improve early reading", "improve early reading for all")
    second = partnership("build", "--cache", ".build-cache", cwd=project)
    assert second.returncode == 0, second.stderr
    rewritten = {name for name, when in times(cache / "site").items() if before.get(name) != when}
    assert "case-studies/shared-reading/index.html" in rewritten
    assert "case-studies/fractions-2024/index.html" not in rewritten
    clean = partnership("build", "--dest", "clean", cwd=project)
    assert clean.returncode == 0, clean.stderr
    assert differences(project / "site", project / "clean") == []

    published = files_of(project / "site")
    edit(project, "case_studies/shared-reading.md", "themes: [Reading]", "themes: [Readng]")
    failed = partnership("build", "--cache", ".build-cache", cwd=project)
    assert failed.returncode == 1 and "'Readng' is not a known theme" in failed.stderr
    assert files_of(project / "site") == published and not (cache / "state.json").exists()
    edit(project, "case_studies/shared-reading.md", "themes: [Readng]", "themes: [Reading]")
    assert partnership("build", "--cache", ".build-cache", cwd=project).returncode == 0
    state = json.loads((cache / "state.json").read_text(encoding="utf-8"))
    (cache / "state.json").write_text(json.dumps({**state, "version": "other code"}), encoding="utf-8")
    assert buildcache.load(cache).trusted is False  # and its state is gone: the next build starts from nothing
    assert not (cache / "state.json").exists()


def cached_build(project: Path, cache: Path) -> None:
    """A build cache's build (`partnership build --cache` runs `mkdocs build --dirty` so), in this process."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(cache / "site"), strict=True)
    hook = next(plugin for name, plugin in config.plugins.items() if name.endswith("site.py"))
    hook.run = Session()
    config.plugins.on_startup(command="build", dirty=True)
    build(config, dirty=True)


def test_directory_data_made_beside_the_engine_gives_the_site_a_clean_build_gives(
    tmp_path: Path, quiet_engine: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the directory's data files made in a forked child (deferred.py; here from the first case study
    on), a build cache's builds equal clean builds that make them with the pages: after an edit, a file
    whose text is the same is not written again, and a file no longer made (a word's shard) is gone."""
    project = make_project(tmp_path / "project", {**FIXTURE, "case_studies/zebra.md": ZEBRA})
    cache = tmp_path / "cache"
    monkeypatch.setenv(buildcache.CACHE_VARIABLE, str(cache))
    monkeypatch.setattr(deferred, "WORKER_FROM", 0)
    kept = checked.CASE_STUDIES
    try:
        cached_build(project, cache)
        assert partnership("build", "--dest", "clean", cwd=project).returncode == 0
        assert differences(cache / "site", project / "clean") == []
        shard = cache / "site/directory/text/ze.json"
        assert shard.is_file()
        before = {path: path.stat().st_mtime_ns for path in (cache / "site/directory").rglob("*.json")}
        # One word for another: the mean lengths, and so every other weight, stay as they were.
        edit(project, "case_studies/shared-reading.md", "improve early reading", "improve quick reading")
        cached_build(project, cache)
        assert partnership("build", "--dest", "clean2", cwd=project).returncode == 0
        assert differences(cache / "site", project / "clean2") == []
        rewritten = {path for path, when in before.items() if path.stat().st_mtime_ns != when}
        assert {"words.json", "case-studies.json"} <= {path.name for path in rewritten}
        assert (cache / "site/directory/text/qu.json").is_file()  # the new word's shard
        assert shard not in rewritten and len(rewritten) < len(before) / 2  # no zebra in the edit
        (project / "case_studies/zebra.md").unlink()  # its words' shard goes
        cached_build(project, cache)
        assert partnership("build", "--dest", "clean3", cwd=project).returncode == 0
        assert differences(cache / "site", project / "clean3") == [] and not shard.exists()
    finally:
        checked.CASE_STUDIES = kept


def test_a_cached_build_with_nothing_changed_renders_no_generated_page_again(tmp_path: Path) -> None:
    """Each page's key is the same in the next process (whose strings hash differently, and whose case
    studies come from the cache's JSON rather than from their files), so nothing generated is rendered."""
    project = make_project(tmp_path / "project", FIXTURE)
    cache = project / ".build-cache"
    assert partnership("build", "--cache", ".build-cache", cwd=project).returncode == 0
    before = times(cache / "site")
    again = partnership("build", "--cache", ".build-cache", cwd=project)
    assert again.returncode == 0, again.stderr
    rewritten = {name for name, when in times(cache / "site").items() if before.get(name) != when}
    generated = {name for name in before if name.startswith(("case-studies/", "directory/", "news/", "schools/"))}
    assert len(generated) > 10 and not rewritten & generated, sorted(rewritten & generated)


def test_a_cached_build_takes_unchanged_case_studies_from_the_cache_and_checks_changed_ones(tmp_path: Path) -> None:
    """A cached build in a new process finds each case study by its bytes in the cache's state, and checks
    again only those whose bytes changed. Shown by a cache whose titles were altered: the unchanged case
    study's page shows the cache's title; the edited one's shows its file's."""
    project = make_project(tmp_path / "project", FIXTURE)
    cache = project / ".build-cache"
    assert partnership("build", "--cache", ".build-cache", cwd=project).returncode == 0
    state = json.loads((cache / "state.json").read_text(encoding="utf-8"))
    for _shown, _digest, outcome in state["checked"]["outcomes"]:
        if outcome["study"]:
            outcome["study"]["title"] = f"Cached {outcome['study']['slug']}"
    (cache / "state.json").write_text(json.dumps(state), encoding="utf-8")
    edit(project, "case_studies/shared-reading.md", "improve early reading", "improve early reading for all")
    built = partnership("build", "--cache", ".build-cache", cwd=project)
    assert built.returncode == 0, built.stderr
    unchanged = (project / "site/case-studies/fractions-2024/index.html").read_text(encoding="utf-8")
    edited = (project / "site/case-studies/shared-reading/index.html").read_text(encoding="utf-8")
    assert "Cached fractions-2024" in unchanged
    assert "Cached" not in edited and "Shared reading in Year 2" in edited


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda checked: checked.pop("context"), id="no context"),
        pytest.param(lambda checked: checked["outcomes"][0].pop(), id="an outcome short"),
        pytest.param(lambda checked: checked["outcomes"][0][2].update(study={"slug": "x"}), id="a study short"),
        pytest.param(lambda checked: checked["outcomes"][0][2]["study"].update(published="soon"), id="a bad date"),
        pytest.param(lambda checked: checked["outcomes"][0][2]["study"].update(node=["q", 1, 1]), id="a bad node"),
        pytest.param(lambda checked: checked["outcomes"][0][2].update(problems=[["a", "b"]]), id="a bad problem"),
    ],
)
def test_a_spoilt_cache_of_checked_case_studies_is_not_used(tmp_path: Path, spoil: Callable[[dict], object]) -> None:
    project = make_project(tmp_path / "project", FIXTURE)
    cache = project / ".build-cache"
    assert partnership("build", "--cache", ".build-cache", cwd=project).returncode == 0
    state = json.loads((cache / "state.json").read_text(encoding="utf-8"))
    state["checked"]["outcomes"].sort(key=lambda entry: entry[2]["study"] is None)  # one with a study first
    spoil(state["checked"])
    (cache / "state.json").write_text(json.dumps(state), encoding="utf-8")
    kept = checked.CASE_STUDIES
    try:
        assert buildcache.load(cache).trusted is False
        assert checked.CASE_STUDIES is kept
    finally:
        checked.CASE_STUDIES = kept


def test_checked_case_studies_survive_the_round_trip_through_json(tmp_path: Path) -> None:
    """Every field of every case study, its YAML nodes (for the line numbers of later messages) and
    its problems come back from the cache's JSON as they were."""
    hostile = SECOND_STUDY.replace("Three schools", "Ünïcödé & <3 'quotes' \"double\"").replace(
        "status: published", "status: published\nredirect_from: [old-maths, older-maths]\nreviewed: 2025-01-02"
    )
    wrong = SECOND_STUDY.replace("themes: [Writing]", "themes: [Writng]")  # an outcome with a problem, no study
    studies = {"case_studies/fractions-2024.md": hostile, "case_studies/wrong.md": wrong}
    project = make_project(tmp_path / "project", {**FIXTURE, **studies})
    kept = checked.CASE_STUDIES
    checked.CASE_STUDIES = checked.CheckedFiles()
    try:
        loaded = load(project)
        assert [problem.path for problem in loaded.problems] == ["case_studies/wrong.md"], loaded.problems
        found = checked.CASE_STUDIES
    finally:
        checked.CASE_STUDIES = kept
    again = checked_json.outcomes(json.loads(json.dumps(checked_json.as_json(found))))
    assert again.context == found.context and again.outcomes == found.outcomes
    assert len(found.outcomes) == 3
    for key, outcome in found.outcomes.items():
        study, before = again.outcomes[key].study, outcome.study
        assert (study is None) == (before is None)
        if study is not None and before is not None:  # the nodes, not compared by CaseStudy's ==
            assert study.node is not None and before.node is not None
            for name in [*checked_json.POSITIONED, "title"]:
                kept = position(study.node, name)
                assert (kept.line, kept.column) == (
                    (position(before.node, name).line, position(before.node, name).column)
                    if name in checked_json.POSITIONED
                    else (before.node.line, before.node.column)  # the front matter's own place
                ), name
    assert {study.redirect_from for study in loaded.case_studies} >= {("old-maths", "older-maths")}
    # Every place a checked case study's node is looked at names a field whose node the cache keeps.
    package = Path(checked_json.__file__).parents[1]
    lines = [line for path in package.rglob("*.py") if path.name != "checked_json.py" for line in path.open()]
    uses = [line for line in lines if "study.node" in line]
    assert uses and all('position(study.node, "' in line for line in uses), uses
    looked_up = {name for line in uses for name in re.findall(r'position\(study\.node, "(\w+)"\)', line)}
    assert looked_up == set(checked_json.POSITIONED)
    named = {f.name for f in dataclasses.fields(CaseStudy)}
    handled = {*checked_json._TEXTS, *checked_json._TUPLES, *checked_json._DATES}
    assert named == handled | {"contact_email", "image", "body_line", "node"}


def test_under_make_serve_a_saved_summary_reaches_the_served_pages(tmp_path: Path) -> None:
    """The comms officer's journey: `mkdocs serve --dirty --livereload` (as `make serve` runs it), a
    summary saved, and the case study's page and the directory's first page served with it."""
    project = make_project(tmp_path / "project", FIXTURE)
    with mkdocs_serve(project, "--dirty", "--livereload") as base:
        assert "Maths mastery" in fetch(f"{base}/case-studies/fractions-2024/")
        edit(project, "case_studies/shared-reading.md", "improve early reading", "improve early reading for all")
        deadline = time.monotonic() + 60
        while "early reading for all" not in fetch(f"{base}/case-studies/shared-reading/"):
            assert time.monotonic() < deadline, "the saved summary never reached the served page"
            time.sleep(0.2)
        assert "early reading for all" in fetch(f"{base}/directory/")
        assert "Maths mastery" in fetch(f"{base}/case-studies/fractions-2024/")


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # 127.0.0.1 only
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def test_memos_are_kept_only_while_previewing(quiet_engine: None) -> None:
    """A single build sees each text once: memos there would only hold every document's words in memory."""
    before = memo.kept()
    try:
        for command, dirty, kept in [("build", False, False), ("build", True, False), ("serve", False, False)]:
            Session().begin(command, dirty)
            assert memo.kept() is kept, (command, dirty)
        Session().begin("serve", True)
        assert memo.kept()
    finally:
        memo.keep(before)


def test_unchanged_reuses_what_was_made_only_for_an_equal_value_and_only_while_previewing() -> None:
    made: list[object] = []

    def make(value: object) -> str:
        made.append(value)
        return json.dumps(value)

    before = memo.kept()
    try:
        memo.keep(False)
        assert memo.unchanged("shard", {"a": [1]}, make) == memo.unchanged("shard", {"a": [1]}, make) == '{"a": [1]}'
        assert len(made) == 2  # not previewing: made every time
        memo.keep(True)
        steps = [({"a": [1]}, 3), ({"a": [1]}, 3), ({"a": [1, 2]}, 4), ({"a": [1]}, 5)]
        for value, times in steps:
            assert memo.unchanged("shard", value, make) == json.dumps(value)
            assert len(made) == times, value
        assert memo.unchanged("other", {"a": [1]}, make) and len(made) == 6  # each name has its own
    finally:
        memo.keep(before)


def test_a_preview_collects_garbage_in_full_between_builds_not_during_them(tmp_path: Path, quiet_engine: None) -> None:
    """After each rebuild, one full collection runs once the engine is idle, then what is left is frozen;
    a single build leaves the collector as it is."""
    project = make_project(tmp_path / "project", FIXTURE)
    try:
        served = ServedSite(project, tmp_path / "preview", dirty=True)
        collector = served.session.collector
        assert collector is not None
        collector.idle = 0.05
        for _ in range(2):
            done = collector.collections
            served.rebuild()
            deadline = time.monotonic() + 10
            while collector.collections == done and time.monotonic() < deadline:
                time.sleep(0.02)
            assert collector.collections == done + 1 and gc.get_freeze_count() > 0
        collector.build_starts()

        class Kept:  # something a preview kept, frozen, and later let go
            me: object = None

        kept = Kept()
        kept.me, alive = kept, weakref.ref(kept)
        collector.collect()
        del kept
        gc.collect()
        assert alive() is not None  # frozen: the collections during a build do not look at it
        collector.collect()
        assert alive() is None  # the next idle collection frees it
        collector.stop()
        assert gc.get_freeze_count() == 0
        clean = ServedSite(project, tmp_path / "clean", dirty=False)
        assert clean.session.collector is None
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        pytest.param(lambda t: [t, t], lambda t: [t, "".join(list(t))], id="one text twice, or two equal texts"),
        pytest.param(lambda t: {"a": [t], "b": [t]}, lambda t: {"a": [t], "b": [t[:]]}, id="one list twice"),
        pytest.param(lambda t: ({"m": t}, {"m": t}), lambda t: ({"m": t}, {"m": str(t + " ")[:-1]}), id="in two parts"),
    ],
)
def test_a_pages_key_depends_on_its_values_not_on_which_are_one_object(
    one: Callable[[str], object], other: Callable[[str], object]
) -> None:
    """A build cache's next process reads its case studies from JSON, so values that were one object
    (a title in the metadata and in the HTML) are two: the page's key must not change."""
    text = "Shared reading in Year 2, with a long enough title"
    assert preview.key(one(text)) == preview.key(other(text))
    assert preview.key(one(text)) != preview.key(other(text + "!"))


def test_outcomes_read_from_a_cache_are_written_back_as_read_only_while_they_still_hold() -> None:
    """A build cache writes an outcome it read back as it was read (no second encoding), unless the
    file's outcome was made again or the vocabularies or docs/ changed."""
    shown, key = "case_studies/a.md", checked.digest(b"the file's bytes")
    problem = [shown, 2, 8, "title", "contains HTML", "error"]
    data = {"context": "c", "outcomes": [[shown, key, {"problems": [problem], "study": None, "slug_written": False}]]}
    found = checked_json.outcomes(json.loads(json.dumps(data)))
    assert checked_json.as_json(found)["outcomes"][0][2] is found.saved[(shown, key)]
    found.put(shown, b"the file's bytes", checked.Outcome((), None, True))  # made again
    assert checked_json.as_json(found)["outcomes"] == [
        [shown, key, {"problems": [], "study": None, "slug_written": True}]
    ]
    found.saved[(shown, key)] = {"stale": True}
    found.begin({}, None)  # another context: every outcome, and every form read, forgotten
    assert found.outcomes == {} and found.saved == {}
