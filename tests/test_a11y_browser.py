"""Keyboard focus is always visible (WCAG 2.4.7) and pages reflow at 320 CSS pixels (WCAG 1.4.10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import PAGE_TYPES, PAGES
from playwright.sync_api import Page

TAB_STOPS = 25  # at most: a short page has fewer, and the walk ends where focus leaves the page

# The element that shows the focus: the focused one, or for a visually hidden control (Material's
# palette switch is a hidden radio button) the label drawn in its place. Then its look, once
# transitions have ended (Material fades a heading's link in when it takes focus).
FOCUS_LOOK = """async (element) => {
  await Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished));
  const visible = (e) => e && e.checkVisibility({opacityProperty: true, visibilityProperty: true})
    && e.getBoundingClientRect().width * e.getBoundingClientRect().height > 0;
  const sibling = element.nextElementSibling;
  const shown = [element, sibling && sibling.tagName === "LABEL" ? sibling : null, ...(element.labels || [])]
    .find(visible);
  if (!shown) return null;
  const s = getComputedStyle(shown);
  return {
    outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0,
    shadow: s.boxShadow,
    background: s.backgroundColor,
    describe: `${shown.tagName.toLowerCase()}.${String(shown.className.baseVal ?? shown.className).trim()}`
      + ` "${(shown.textContent || shown.getAttribute("aria-label") || "").trim().slice(0, 30)}"`,
  };
}"""


def case_study(default_site: Path) -> str:
    return "/case-studies/" + sorted(p.name for p in (default_site / "case-studies").iterdir())[0] + "/"


# The home page, the directory, a case study and the questions: those of them the content has.
FOCUS_PAGES = [p for p in ("/", "/directory/", "/questions/") if p in PAGES]
FOCUS_PAGES += ["case study"] if "/directory/" in PAGES else []  # the directory exists when case studies do


@pytest.mark.parametrize("path", FOCUS_PAGES)
def test_keyboard_focus_is_always_visible(page: Page, server: str, default_site: Path, path: str) -> None:
    page.goto(server + (case_study(default_site) if path == "case study" else path))
    page.wait_for_load_state("networkidle")
    previous = None  # (element, its look while focused): its look now, without focus, tells a change
    hidden = []
    stops = 0
    for _ in range(TAB_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement === document.body || document.activeElement === null"):
            break  # past the last stop: focus left the page, and every stop has been seen
        stops += 1
        element = page.evaluate_handle("document.activeElement")
        if previous:
            check(previous[0].evaluate(FOCUS_LOOK), previous[1])
        look = element.evaluate(FOCUS_LOOK)
        if look is None:
            hidden.append(element.evaluate("e => e.outerHTML.slice(0, 120)"))
            previous = None
            continue
        previous = (element, look)
    if previous:
        page.evaluate("document.activeElement.blur()")
        check(previous[0].evaluate(FOCUS_LOOK), previous[1])
    assert stops >= 3, "the skip link, the logo and the menu at least take focus"
    assert hidden == [], "keyboard focus went to something that cannot be seen"


def check(unfocused: dict | None, focused: dict) -> None:
    changed = unfocused is not None and (
        focused["shadow"] != unfocused["shadow"] or focused["background"] != unfocused["background"]
    )
    assert focused["outline"] or changed, f"no visible focus on {focused['describe']}"


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_page_reflows_at_320_css_pixels_without_scrolling_sideways(page: Page, server: str, path: str) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    wide = page.evaluate(
        """() => [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().left + e.scrollWidth > 320.5 && e.checkVisibility())
          .filter((e) => !e.closest("[class*=scrollwrap], pre, .md-typeset__table"))
          .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${String(e.className.baseVal ?? e.className)}`)"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, wide
