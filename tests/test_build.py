"""Fixture sites built for real with `mkdocs build --strict`, and the `partnership` command."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import icalendar
from helpers import MINIMAL, build, make_project, mkdocs_serve, partnership

from partnership.content.schema import CASE_STUDY


def fixture(path: str) -> str:
    """A file of the minimal fixture project, as text."""
    return (MINIMAL / path).read_text(encoding="utf-8")


BROKEN = {
    "case_studies/bad-theme.md": fixture("case_studies/shared-reading.md").replace(
        "themes: [Reading]", "themes: [Reading, Readng]"
    ),
    "case_studies/bad-yaml.md": "---\ntitle: Reading: a story\n---\n\nBody.\n",
    "case_studies/no-front-matter.md": "# Just a heading\n\nBody.\n",
    "content/schools.yml": fixture("content/schools.yml").replace("phase: Primary", "phase: Primry", 1),
}


def html(out: Path, page: str) -> str:
    return (out / page).read_text(encoding="utf-8")


def test_minimal_site_builds_with_strict(minimal_site: Path) -> None:
    out = minimal_site  # built with --strict, exit code 0 and no WARNING asserted (tests/conftest.py)
    page = html(out, "case-studies/shared-reading/index.html")
    assert "<h1>Shared reading in Year 2</h1>" in page
    assert "<dt>Themes</dt>" in page and "Oak Primary School" in page and "2016-17" in page
    assert '<time datetime="2017-07-14">14 July 2017</time>' in page
    assert '<dt>Last reviewed</dt>\n<dd><time datetime="2017-07-14">' in page  # never reviewed: the published date
    directory = html(out, "directory/index.html")
    assert 'href="../case-studies/shared-reading/"' in directory
    assert 'data-value="reading"' in directory and 'data-value="writing"' not in directory  # unused: left out
    assert '<p role="status" id="ps-status" class="ps-status">1 case study</p>' in directory
    questions = html(out, "questions/index.html")
    assert 'id="how-to-join"' in questions and 'id="topic-joining"' in questions


def test_case_studies_stay_out_of_the_navigation(minimal_site: Path) -> None:
    out = minimal_site
    nav = re.search(r'<nav class="md-nav md-nav--primary.*?</nav>', html(out, "index.html"), re.S)
    assert nav and "case-studies" not in nav.group(0)


def test_key_dates_are_split_by_build_date(minimal_site: Path) -> None:
    out = minimal_site
    home = html(out, "index.html")
    upcoming, past = home.split('id="past-dates"')
    assert "Deadline to commit" in upcoming and "Launch event" not in upcoming
    assert "Launch event" in past


def test_partnership_file_rebrands_the_site(tmp_path: Path) -> None:
    identity = fixture("content/partnership.yml")
    identity = identity.replace("Testborough Learning Partnership", "Riverside Schools Together")
    identity = identity.replace('"#1d4f91"', '"#00594c"')
    project = make_project(tmp_path / "p", {"content/partnership.yml": identity})
    out = tmp_path / "out"
    assert build(project, out).returncode == 0
    home = html(out, "index.html")
    assert "<title>Welcome - Riverside Schools Together</title>" in home
    assert "Welcome to the Riverside Schools Together" in home
    assert "--md-primary-fg-color: #00594c;" in html(out, "assets/partnership.css")
    assert 'src="assets/logo.svg"' in home


def test_drafts_are_not_published(tmp_path: Path) -> None:
    source = fixture("case_studies/shared-reading.md")
    project = make_project(
        tmp_path / "p", {"case_studies/a-draft.md": source.replace("status: published", "status: draft")}
    )
    out = tmp_path / "out"
    assert build(project, out).returncode == 0
    assert not (out / "case-studies/a-draft").exists()
    assert (out / "case-studies/shared-reading/index.html").exists()


def test_front_matter_text_is_escaped_in_the_page(tmp_path: Path) -> None:
    source = fixture("case_studies/shared-reading.md")
    source = source.replace(
        "summary: Two schools paired up to improve early reading.",
        'summary: "Pupils aged <7 read \\"more\\" books; R&D paid off"',
    )
    project = make_project(tmp_path / "p", {"case_studies/shared-reading.md": source})
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    page = html(out, "case-studies/shared-reading/index.html")
    assert 'content="Pupils aged &lt;7 read &quot;more&quot; books; R&amp;D paid off"' in page
    assert "Pupils aged &lt;7 read &quot;more&quot; books; R&amp;D paid off</p>" in page


def test_broken_site_reports_every_problem_and_fails(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", BROKEN)
    result = build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for expected in (
        "case_studies/bad-theme.md:4:",
        "themes[1]: 'Readng' is not a known theme; did you mean 'Reading'?",
        "case_studies/bad-yaml.md:2:",
        "case_studies/no-front-matter.md:1:1:",
        "content/schools.yml:4:",
        "'Primry' is not a known phase; did you mean 'Primary'?",
    ):
        assert expected in result.stderr
    assert "problem(s) in the content" in result.stdout + result.stderr


def test_check_command_passes_on_good_content(project: Path) -> None:
    result = partnership("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stderr
    assert result.stdout == ""


def test_check_command_lists_problems_in_three_formats(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", BROKEN)
    text = partnership("check", cwd=project)
    assert text.returncode == 1
    lines = text.stdout.strip().splitlines()
    assert len(lines) == 4
    assert all(re.match(r"^[\w/.-]+:\d+:\d+: ", line) for line in lines)
    github = partnership("check", "--format", "github", cwd=project)
    assert github.returncode == 1
    assert "::error file=case_studies/bad-theme.md,line=4,col=" in github.stdout
    as_json = json.loads(partnership("check", "--format", "json", cwd=project).stdout)
    assert {item["path"] for item in as_json} == {
        "case_studies/bad-theme.md",
        "case_studies/bad-yaml.md",
        "case_studies/no-front-matter.md",
        "content/schools.yml",
    }


def test_failed_build_keeps_the_last_good_site(project: Path) -> None:
    assert partnership("build", cwd=project).returncode == 0
    good = (project / "site/index.html").read_text(encoding="utf-8")
    (project / "content/aims.yml").write_text("aims: [\n", encoding="utf-8")
    result = partnership("build", cwd=project)
    assert result.returncode == 1
    assert "still holds the last good build" in result.stderr
    assert (project / "site/index.html").read_text(encoding="utf-8") == good
    assert not list(project.glob(".site-new-*")) and not list(project.glob(".site-old-*"))


def test_hostile_case_study_bodies_are_refused_before_the_build_each_on_its_line(tmp_path: Path) -> None:
    """Issue 13 changed this test: such a body used to be built and quietly cut by the sanitiser."""
    source = fixture("case_studies/shared-reading.md")
    source = source.replace(
        "We read together every day.",
        'We read <script>alert("body")</script> together\n\n'
        '<img src="https://example.org/x.png" alt="" onerror="alert(1)">\n\n'
        '<a href="javascript:alert(2)">a link</a> <a href="https://example.org/" onclick="alert(3)">ok</a>\n\n'
        '<!-- ps:html-after -->\n\n<iframe src="https://example.org/"></iframe>',
    )
    project = make_project(tmp_path / "p", {"case_studies/shared-reading.md": source})
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode != 0
    for line, phrase in (
        (17, "<script> is not allowed"),
        (19, "image from another site"),
        (19, "onerror runs a script"),
        (21, "links to 'javascript:'"),
        (21, "onclick runs a script"),
        (23, "is reserved for the site's own use"),
        (25, "<iframe> is not allowed"),
    ):
        assert f"case_studies/shared-reading.md:{line}:" in result.stderr and phrase in result.stderr, phrase
    assert not (out / "case-studies").exists()


def test_future_dated_case_studies_wait_for_their_day(tmp_path: Path) -> None:
    source = fixture("case_studies/shared-reading.md")
    future = source.replace("published: 2017-07-14", "published: 2027-01-05")
    project = make_project(tmp_path / "p", {"case_studies/next-term.md": future})
    out = tmp_path / "out"
    assert build(project, out).returncode == 0  # the build date is TODAY, 2026-11-22
    assert not (out / "case-studies/next-term").exists()
    assert "next-term" not in html(out, "directory/case-studies.json")
    assert partnership("check", cwd=project).returncode == 0


def test_overdue_reviews_warn_in_check_and_report_but_do_not_stop_the_build(tmp_path: Path) -> None:
    source = fixture("case_studies/shared-reading.md")
    stale = source.replace("review_by: 2027-07-14", "review_by: 2025-09-01")
    project = make_project(tmp_path / "p", {"case_studies/shared-reading.md": stale})
    checked = partnership("check", cwd=project)
    assert checked.returncode == 0
    assert checked.stdout.startswith(
        "case_studies/shared-reading.md:10:12: warning: review_by: was due for review on 2025-09-01"
    )
    assert "Headteacher, Oak Primary School" in checked.stdout
    reported = partnership("report", cwd=project)
    assert reported.stdout.strip() == (
        "case_studies/shared-reading.md: review was due 2025-09-01 (447 days ago); "
        "contact: Headteacher, Oak Primary School"
    )
    result = build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr


def test_content_guide_is_written_from_the_schema(minimal_site: Path) -> None:
    out = minimal_site
    guide = html(out, "guide/index.html")
    for field in CASE_STUDY.fields:  # every field of a case study, with whether it is required
        required = "yes" if field.required else "no"
        assert re.search(rf"<td><code>{field.name}</code></td>\s*<td>{required}</td>", guide), field.name
    # allowed values come from this project's taxonomy
    assert "<code>Leadership development</code>" in guide and "<code>published</code>, <code>draft</code>" in guide
    assert "<td><code>[Reading]</code></td>" in guide


def test_make_serve_previews_drafts_and_scheduled_case_studies_with_a_banner(tmp_path: Path) -> None:
    source = fixture("case_studies/shared-reading.md")
    project = make_project(
        tmp_path / "p",
        {
            "case_studies/a-draft.md": source.replace("status: published", "status: draft"),
            "case_studies/next-term.md": source.replace("published: 2017-07-14", "published: 2027-01-05"),
        },
    )
    with mkdocs_serve(project) as base:

        def get(path: str) -> str:
            with urllib.request.urlopen(f"{base}{path}", timeout=5) as response:
                return response.read().decode("utf-8")

        assert "Draft: this case study is not published" in get("/case-studies/a-draft/")
        assert "Scheduled: this case study will be published on 5 January 2027" in get("/case-studies/next-term/")
        assert "ps-banner" not in get("/case-studies/shared-reading/")


def test_a_renamed_case_study_keeps_its_old_address(tmp_path: Path) -> None:
    source = fixture("case_studies/shared-reading.md")
    renamed = source.replace("status: published", "status: published\nredirect_from: [paired-reading]")
    project = make_project(tmp_path / "p", {"case_studies/shared-reading.md": renamed})
    out = tmp_path / "out"
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    redirect = html(out, "case-studies/paired-reading/index.html")
    assert 'http-equiv="refresh" content="0; url=../shared-reading/"' in redirect


def test_two_case_studies_cannot_claim_one_address(tmp_path: Path) -> None:
    source = fixture("case_studies/shared-reading.md")
    project = make_project(
        tmp_path / "p",
        {
            "case_studies/other.md": source.replace(
                "status: published", "status: published\nredirect_from: [shared-reading]"
            ),
            "case_studies/third.md": source.replace(
                "status: published", "status: published\nredirect_from: [old, old-2]"
            ),
            "case_studies/fourth.md": source.replace("status: published", "status: published\nredirect_from: [old-2]"),
        },
    )
    result = partnership("check", cwd=project)
    assert result.returncode == 1
    assert (
        "case_studies/other.md:13:17: redirect_from[0]: 'shared-reading' is the web address of "
        "case_studies/shared-reading.md; a redirect cannot take it over"
    ) in result.stdout
    assert (
        "case_studies/third.md:13:22: redirect_from[1]: 'old-2' already leads to case_studies/fourth.md; "
        "an old address leads to one page"
    ) in result.stdout


def test_a_review_date_shows_and_must_make_sense(tmp_path: Path) -> None:
    source = fixture("case_studies/shared-reading.md")
    good = source.replace("status: published", "status: published\nreviewed: 2025-06-30")
    project = make_project(tmp_path / "p", {"case_studies/shared-reading.md": good})
    out = tmp_path / "out"
    assert build(project, out).returncode == 0
    page = html(out, "case-studies/shared-reading/index.html")
    assert '<dt>Last reviewed</dt>\n<dd><time datetime="2025-06-30">30 June 2025</time></dd>' in page
    bad = source.replace("status: published", "status: published\nreviewed: 2016-01-01")
    (project / "case_studies/shared-reading.md").write_text(bad, encoding="utf-8")
    result = partnership("check", cwd=project)
    assert "case_studies/shared-reading.md:13:11: reviewed: must fall between the published date and review_by" in (
        result.stdout
    )


def test_news_posts_are_checked_like_everything_else(tmp_path: Path) -> None:
    post = "---\ntitle: A post\nsummary: Short.\npublished: 2026-02-30\nstatus: publshed\n---\n\nText.\n"
    project = make_project(
        tmp_path / "p",
        {
            "news/a-post.md": post,
            "news/Bad Name.md": post.replace("2026-02-30", "2026-01-01").replace("publshed", "draft"),
        },
    )
    result = partnership("check", cwd=project)
    assert result.returncode == 1
    assert "news/a-post.md:4:12: published: '2026-02-30' is not a real date: February 2026 has 28 days" in result.stdout
    assert "news/a-post.md:5:9: status: 'publshed' is not a known status; did you mean 'published'?" in result.stdout
    assert "news/Bad Name.md:1:1: the file name 'Bad Name.md' cannot be a web address" in result.stdout


def test_key_dates_calendar_parses_and_matches_the_data(minimal_site: Path) -> None:
    out = minimal_site
    calendar = icalendar.Calendar.from_ical((out / "calendar.ics").read_bytes())
    events = [(str(e["summary"]), e.decoded("dtstart").isoformat()) for e in calendar.walk("VEVENT")]
    assert events == [("Launch event", "2026-01-10"), ("Deadline to commit", "2027-03-18")]
    assert len({str(e["uid"]) for e in calendar.walk("VEVENT")}) == 2
    assert 'href="calendar.ics">subscribe to our key dates</a>' in html(out, "index.html")


def test_home_page_can_show_the_next_dates(tmp_path: Path) -> None:
    home = fixture("docs/index.md")
    project = make_project(
        tmp_path / "p", {"docs/index.md": home.replace("{{ block:aims }}", "{{ block:next_dates }}")}
    )
    out = tmp_path / "out"
    assert build(project, out).returncode == 0
    page = html(out, "index.html")
    assert '<time datetime="2027-03-18">Thursday 18 March 2027</time>: <strong>Deadline to commit</strong>' in page
    assert page.count("Launch event") == 1  # past: only in the key dates block, not in the next dates


def test_accessibility_statement_has_every_required_section_and_is_linked_from_every_page(minimal_site: Path) -> None:
    out = minimal_site
    statement = html(out, "accessibility/index.html")
    for section in (
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website",
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
    ):
        assert f">{section}" in statement, section
    assert "This website is partially compliant with the" in statement
    assert "It was last reviewed on\nSunday 22 November 2026" in statement
    for page in ("index.html", "case-studies/shared-reading/index.html", "directory/theme/reading/index.html"):
        assert "Accessibility statement</a>" in html(out, page) and "Privacy</a>" in html(out, page)


def test_an_overdue_accessibility_statement_makes_check_warn(tmp_path: Path) -> None:
    statement = fixture("content/accessibility.yml")
    project = make_project(tmp_path / "p", {"content/accessibility.yml": statement.replace("2027-11-22", "2026-11-01")})
    result = partnership("check", cwd=project)
    assert result.returncode == 0
    assert "content/accessibility.yml:1:1: warning: review_by: the accessibility statement was due for review" in (
        result.stdout
    )


def test_accessibility_statement_values_are_checked(tmp_path: Path) -> None:
    statement = fixture("content/accessibility.yml")
    project = make_project(tmp_path / "p", {"content/accessibility.yml": statement.replace("partially", "partialy")})
    result = partnership("check", cwd=project)
    assert result.returncode == 1
    assert (
        "content/accessibility.yml:2:13: compliance: 'partialy compliant' is not a known compliance status; "
        "did you mean 'partially compliant'?"
    ) in result.stdout
