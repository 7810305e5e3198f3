"""The good-practice directory in headless Chromium: search as you type, facets, URL state, no-JS."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
from helpers import axe_violations
from playwright.sync_api import Page, expect
from sitefacts import STUDIES, a_distinctive_word, a_word_of, sharing_a_theme, theme_counts

from partnership.directory.pages import PAGE_SIZE, SEARCH_PAGE_SIZE

SHOWN_BY_SCRIPT = 10  # results directory.js adds at a time before "Show more"


def open_directory(page: Page, server: str, query: str = "") -> None:
    page.goto(f"{server}/directory/{query}")
    page.wait_for_selector("#ps-form[data-ready=true]")
    wait_rendered(page)


def wait_rendered(page: Page, before: int = 0) -> None:
    # a function, not an expression: Playwright would eval() an expression, which the CSP forbids
    page.wait_for_function("(n) => Number(document.querySelector('#ps-form').dataset.rendered || 0) > n", arg=before)


def rendered(page: Page) -> int:
    return int(page.get_attribute("#ps-form", "data-rendered") or 0)


def count(page: Page) -> int:
    text = page.inner_text("#ps-status")
    match = re.match(r"([\d,]+) case stud", text)
    return int(match.group(1).replace(",", "")) if match else 0


def facet_button(page: Page, facet: str, value: str):
    return page.locator(f'button[data-facet="{facet}"][data-value="{value}"]')


def facet_count(page: Page, facet: str, value: str) -> int:
    return int(facet_button(page, facet, value).locator(".ps-facet__count").inner_text().replace(",", ""))


def wait_for_address(page: Page, query: str) -> None:
    page.wait_for_function("(q) => new URLSearchParams(location.search).get('q') === q", arg=query)


def params(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def busiest_theme(page: Page) -> str:
    buttons = page.locator('button[data-facet="theme"]')
    best = max(
        range(buttons.count()),
        key=lambda i: int(buttons.nth(i).locator(".ps-facet__count").inner_text().replace(",", "")),
    )
    return buttons.nth(best).get_attribute("data-value") or ""


def test_typing_narrows_results(page: Page, server: str) -> None:
    open_directory(page, server)
    total = count(page)
    assert page.locator("#ps-results li").count() == min(total, SEARCH_PAGE_SIZE)  # the list the page came with
    wanted = page.locator("#ps-results h3").last.inner_text()
    before = rendered(page)
    page.fill("#ps-q", wanted.lower())  # every word of one title: a narrow search
    wait_rendered(page, before)
    narrowed = count(page)
    assert 0 < narrowed <= total
    titles = page.locator("#ps-results h3").all_inner_texts()
    assert len(titles) == min(narrowed, SHOWN_BY_SCRIPT)
    assert titles[0] == wanted  # a title match comes first
    wait_for_address(page, wanted.lower())  # the address follows once the typing pauses
    assert params(page)["q"] == [wanted.lower()]
    distinctive = a_distinctive_word()  # a word of one case study only, when the content has one
    if distinctive and len(STUDIES) > 1:
        before = rendered(page)
        page.fill("#ps-q", distinctive)
        wait_rendered(page, before)
        assert 0 < count(page) < total
    before = rendered(page)
    page.fill("#ps-q", "zzzqqxx")
    wait_rendered(page, before)
    assert page.inner_text("#ps-status").startswith("No case studies match")
    assert page.locator("#ps-results li").count() == 0
    assert page.errors == []  # type: ignore[attr-defined]


def test_facet_click_updates_results_counts_and_url(page: Page, server: str) -> None:
    open_directory(page, server)
    total = count(page)
    theme = busiest_theme(page)
    expected = facet_count(page, "theme", theme)
    phase_counts = {
        b.get_attribute("data-value"): b.locator(".ps-facet__count").inner_text()
        for b in page.locator('button[data-facet="phase"]').all()
    }
    before = rendered(page)
    facet_button(page, "theme", theme).click()
    wait_rendered(page, before)
    assert count(page) == expected == theme_counts()[theme] <= total
    assert facet_button(page, "theme", theme).get_attribute("aria-pressed") == "true"
    assert params(page)["theme"] == [theme]
    new_phase_counts = {
        b.get_attribute("data-value"): b.locator(".ps-facet__count").inner_text()
        for b in page.locator('button[data-facet="phase"]').all()
    }
    in_theme = [s for s in STUDIES if theme in s.themes]
    # counts in other facets follow the filter: each phase counts only the theme's case studies
    assert {p: str(sum(p in s.phases for s in in_theme)) for p in new_phase_counts} == new_phase_counts
    if expected < total:
        assert new_phase_counts != phase_counts
    assert sum(int(v) for v in new_phase_counts.values()) >= expected


def test_url_reproduces_the_view_and_back_restores(page: Page, server: str) -> None:
    open_directory(page, server)
    total = count(page)
    theme = busiest_theme(page)
    before = rendered(page)
    facet_button(page, "theme", theme).click()
    wait_rendered(page, before)
    before = rendered(page)
    page.fill("#ps-q", "school")
    wait_rendered(page, before)
    wait_for_address(page, "school")
    view_url, view_count = page.url, count(page)
    view_titles = page.locator("#ps-results h3").all_inner_texts()

    before = rendered(page)
    page.go_back()  # undoes the typing
    wait_rendered(page, before)
    assert page.input_value("#ps-q") == ""
    assert count(page) == facet_count(page, "theme", theme)
    before = rendered(page)
    page.go_back()  # undoes the facet
    wait_rendered(page, before)
    assert count(page) == total
    assert facet_button(page, "theme", theme).get_attribute("aria-pressed") == "false"

    other = page.context.new_page()
    other.goto(view_url)
    other.wait_for_selector("#ps-form[data-ready=true]")
    wait_rendered(other)
    assert other.input_value("#ps-q") == "school"
    assert facet_button(other, "theme", theme).get_attribute("aria-pressed") == "true"
    assert count(other) == view_count
    assert other.locator("#ps-results h3").all_inner_texts() == view_titles


def test_everything_works_by_keyboard(page: Page, server: str) -> None:
    open_directory(page, server)
    page.focus("#ps-q")
    word = a_word_of(STUDIES[0])  # a word the content has
    page.keyboard.type(word)
    page.wait_for_function("(w) => document.querySelector('#ps-form').dataset.renderedQuery === w", arg=word)
    typed = count(page)
    assert typed > 0
    # Tab from the search box to the first facet button and press it with the keyboard.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.facet || ''"):
            break
    focused = page.evaluate("[document.activeElement.dataset.facet, document.activeElement.dataset.value]")
    assert focused[0] == "theme"
    before = rendered(page)
    page.keyboard.press("Enter")
    wait_rendered(page, before)
    assert facet_button(page, *focused).get_attribute("aria-pressed") == "true"
    assert count(page) <= typed
    before = rendered(page)
    page.keyboard.press("Space")
    wait_rendered(page, before)
    assert facet_button(page, *focused).get_attribute("aria-pressed") == "false"
    assert count(page) == typed
    # the status region announces the count
    expect(page.locator("#ps-status")).to_have_attribute("role", "status")


def test_results_are_text_not_html(page: Page, server: str) -> None:
    open_directory(page, server)
    html = page.inner_html("#ps-results")
    assert "<script" not in html
    first = page.locator("#ps-results li").first
    href = first.locator("h3 a").get_attribute("href") or ""
    assert urlparse(urljoin(page.url, href)).path.startswith("/case-studies/")


@pytest.mark.no_javascript
def test_without_javascript_facet_pages_and_form_work(page: Page, server: str) -> None:
    page.goto(f"{server}/directory/")
    total = count(page)
    assert page.locator("#ps-results li").count() == min(total, SEARCH_PAGE_SIZE)
    theme = busiest_theme(page)
    expected = facet_count(page, "theme", theme)
    facet_button(page, "theme", theme).click()  # a plain GET form submission
    page.wait_for_load_state()
    assert urlparse(page.url).path == f"/directory/theme/{theme}/"
    assert page.locator("ol.ps-results li").count() == min(expected, PAGE_SIZE)
    assert page.locator("h1").inner_text().startswith("Theme: ")
    first = page.locator("ol.ps-results li h3 a").first
    first.click()
    page.wait_for_load_state()
    assert urlparse(page.url).path.startswith("/case-studies/")
    assert page.locator("dl.ps-meta").count() == 1


@pytest.mark.parametrize("query", ["", "?q=reading", "?q=zzzqqxx"])
def test_directory_has_no_axe_violations(page: Page, server: str, query: str) -> None:
    open_directory(page, server, query)
    assert axe_violations(page) == []
    assert page.offsite == []  # type: ignore[attr-defined]


def test_case_study_links_its_facets_and_related_studies(page: Page, server: str) -> None:
    study = STUDIES[0]
    page.goto(f"{server}/{study.url}")
    theme_link = page.locator("dl.ps-meta dd a").first
    href = theme_link.get_attribute("href") or ""
    assert href in {f"../../directory/theme/{theme}/" for theme in study.themes}
    related = page.locator("#related + ul li a")
    assert related.count() == min(3, len(sharing_a_theme(study)))  # none, and no heading, when it is alone
    assert page.locator("#related").count() == (related.count() > 0)
    theme_link.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Theme: ")
    assert axe_violations(page) == []
