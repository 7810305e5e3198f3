"""Every page type at 1280 and 375 CSS pixels, light and dark: axe (newest, WCAG and best practice),
no sideways scrolling, no text under 12 px, nothing spilling out of its box; and the keyboard
journeys of a small screen: the menu button, focus never on hidden content, the skip to results."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from helpers import PAGE_TYPES, axe_violations, block_offsite
from playwright.sync_api import Browser, Page
from sitefacts import MENU as SITE_MENU
from sitefacts import NEWS, PROJECT, SCHOOLS, STUDIES, THERE, a_word_of, crumbs_to, in_a_section, label_of, url_of

from partnership.content import parts

WIDTHS = (1280, 375)
SCHEMES = ("light", "dark")
EVERY_PAGE = [*PAGE_TYPES, "/404.html"]
DARK = (
    'localStorage.setItem("/.__palette", JSON.stringify({index: 1, color: '
    '{media: "", scheme: "slate", primary: "custom", accent: "custom"}}))'
)


@pytest.fixture
def open_page(browser: Browser, server: str) -> Iterator[Callable[[str, int, str], Page]]:
    """open_page(path, width, scheme): the page loaded at that width in that palette."""
    contexts = []

    def opener(path: str, width: int, scheme: str = "light") -> Page:
        context = browser.new_context(viewport={"width": width, "height": 800})
        contexts.append(context)
        if scheme == "dark":  # Material keeps the visitor's palette in localStorage
            context.add_init_script(DARK)
        page = context.new_page()
        page.errors = []  # type: ignore[attr-defined]
        page.on("pageerror", lambda e: page.errors.append(str(e)))  # type: ignore[attr-defined]
        block_offsite(page, server)
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        want = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == want
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", EVERY_PAGE)
def test_every_page_type_passes_axe_at_both_widths_in_both_palettes(
    open_page: Callable[..., Page], path: str, width: int, scheme: str
) -> None:
    page = open_page(path, width, scheme)
    assert axe_violations(page) == []
    assert page.offsite == []  # type: ignore[attr-defined]
    assert page.errors == []  # type: ignore[attr-defined]


# Boxes that scroll on purpose (tables, code, Material's search results), and the drawer and the
# table of contents Material keeps off screen on narrow screens until they are opened.
SCROLLERS = ".ps-table, pre, [class*=scrollwrap], .md-sidebar, .md-search, svg"

LAYOUT = """(scrollers) => {
  const visible = (e) => e.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const out = {wide: document.documentElement.scrollWidth, small: [], spilling: []};
  const describe = (e) => `${e.tagName.toLowerCase()}.${String(e.className.baseVal ?? e.className).trim()}`
    + ` "${(e.textContent || "").trim().slice(0, 40)}"`;
  for (const e of document.body.querySelectorAll("*")) {
    if (e.closest(scrollers) || !visible(e)) continue;
    const style = getComputedStyle(e);
    const text = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (text && parseFloat(style.fontSize) < 12) out.small.push(`${describe(e)} at ${style.fontSize}`);
    if (style.display !== "inline" && style.overflowX === "visible" && e.clientWidth > 0
        && e.scrollWidth > e.clientWidth + 1) out.spilling.push(`${describe(e)}: ${e.scrollWidth} > ${e.clientWidth}`);
  }
  return out;
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", EVERY_PAGE)
def test_no_sideways_scrolling_no_tiny_text_nothing_spills_out_of_its_box(
    open_page: Callable[..., Page], path: str, width: int
) -> None:
    page = open_page(path, width)
    found = page.evaluate(LAYOUT, SCROLLERS)
    assert found["wide"] <= width, "the page scrolls sideways"
    assert found["small"] == [], "text smaller than 12 CSS pixels"
    assert found["spilling"][:5] == [], "content wider than the box it is in"


# Where keyboard focus is, and whether a person can see it there: shown, and inside the window.
FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {tag: "body", seen: true};
  const next = e.nextElementSibling;  // a visually hidden control is drawn by the label after it
  const shown = [e, next && next.tagName === "LABEL" ? next : null, ...(e.labels || [])]
    .find((x) => x && x.checkVisibility({visibilityProperty: true}) && x.getBoundingClientRect().width > 0);
  const r = (shown || e).getBoundingClientRect();
  const inside = r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth
    && r.bottom > 0 && r.top < innerHeight;
  return {tag: e.outerHTML.slice(0, 100), seen: Boolean(shown) && inside};
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", EVERY_PAGE)
def test_keyboard_focus_never_goes_to_hidden_content(open_page: Callable[..., Page], path: str, width: int) -> None:
    page = open_page(path, width)
    unseen = []
    for _ in range(30):
        page.keyboard.press("Tab")
        where = page.evaluate(FOCUS)
        if not where["seen"]:
            unseen.append(where["tag"])
    assert unseen == [], "Tab reached something that cannot be seen"


MENU = ".md-header .ps-menu-button"


def tab_to(page: Page, selector: str, limit: int = 30) -> int:
    """Press Tab until `selector` has the focus; the number of presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def drawer_open(page: Page) -> bool:
    return page.evaluate("document.getElementById('__drawer').checked")


# The home page, a page written by hand, a case study and the directory: those the content has.
WRITTEN = next((url_of(src) for src in sorted(PROJECT.pages) if src != "index.md"), "/")
MENU_PAGES = list(dict.fromkeys(["/", WRITTEN, *(f"/{s.url}" for s in STUDIES[:1])]))
MENU_PAGES += ["/directory/"] if "directory" in THERE else []


@pytest.mark.parametrize("key", ["Enter", " "])
@pytest.mark.parametrize("path", MENU_PAGES)
def test_menu_opens_and_closes_by_keyboard_at_375(open_page: Callable[..., Page], path: str, key: str) -> None:
    page = open_page(path, 375)
    assert tab_to(page, MENU) <= 3, "the menu button is among the first stops"
    assert page.get_attribute(MENU, "aria-expanded") == "false"
    page.keyboard.press(key)
    assert drawer_open(page)
    assert page.get_attribute(MENU, "aria-expanded") == "true"
    page.wait_for_timeout(300)  # the drawer slides in
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"), "focus moves into it"
    links = page.locator(".md-sidebar--primary .md-nav__link[href]")
    assert links.count() >= len(parts.in_menu(SITE_MENU))  # every page of the menu (and the page's contents)
    assert page.evaluate(FOCUS)["seen"]
    page.keyboard.press("Escape")
    assert not drawer_open(page)
    assert page.evaluate("(s) => document.activeElement.matches(s)", MENU), "focus goes back to the button"
    assert page.get_attribute(MENU, "aria-expanded") == "false"
    page.keyboard.press(key)  # and it opens again; a tap beside the drawer closes it, and the button knows
    assert drawer_open(page)
    page.wait_for_timeout(300)
    page.mouse.click(360, 400)
    assert not drawer_open(page)
    assert page.get_attribute(MENU, "aria-expanded") == "false"


# The menu's last top-level link (News on the default content): several Tabs into the drawer.
LAST_LINK = next(
    ((label, page) for label, page in reversed(SITE_MENU) if isinstance(page, str) and page != "index.md"), None
)


@pytest.mark.skipif(LAST_LINK is None, reason="the menu has no top-level link but the home page")
def test_menu_link_by_keyboard_leads_to_the_page(open_page: Callable[..., Page], server: str) -> None:
    assert LAST_LINK is not None
    label, target = LAST_LINK
    page = open_page("/", 375)
    tab_to(page, MENU)
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    link = f'.md-sidebar--primary a.md-nav__link[href$="{url_of(target).lstrip("/")}"]'
    tab_to(page, link)
    assert page.evaluate("document.activeElement.textContent.trim()") == label
    page.keyboard.press("Enter")
    page.wait_for_url(server + url_of(target))
    assert page.locator("article h1").count() >= 1


def test_closed_drawer_takes_no_focus_at_375(open_page: Callable[..., Page]) -> None:
    page = open_page(WRITTEN, 375)
    for _ in range(30):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') === null")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_hidden_back_to_top_button_takes_no_focus(open_page: Callable[..., Page], width: int) -> None:
    """Material only fades the button out; a hidden button must not be reachable by keyboard."""
    page = open_page("/", width)
    button = page.locator(".md-top")
    assert button.count() == 1 and button.get_attribute("hidden") is not None, "at the top of the page it is hidden"
    button.evaluate("element => element.focus()")
    assert page.evaluate("document.activeElement.classList.contains('md-top')") is False
    for _ in range(60):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('md-top')") is False


def test_skip_link_leads_from_the_search_box_to_the_results(open_page: Callable[..., Page]) -> None:
    page = open_page("/directory/", 375)
    assert STUDIES, "the content has no published case study"
    page.focus("#ps-q")
    page.keyboard.type(a_word_of(STUDIES[0]))
    page.wait_for_selector(".ps-result a")  # the results of the query are drawn before the focus moves on
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the results"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('.ps-result') !== null")
    assert focused, "the next Tab after the skip link is the first result"
    href = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/case-studies/**")
    assert href.split("/")[-2] in page.url


def crumbed() -> list[tuple[str, list[str], str]]:
    """(page, its breadcrumbs, its marked tab) for one page of each kind the content has, from the menu."""
    out = []
    listed = {"directory": STUDIES[:1], "schools": SCHOOLS[:1], "news": NEWS[:1]}
    menu_pages = parts.in_menu(SITE_MENU)
    for part, items in listed.items():
        index = THERE.get(part)
        if index in menu_pages:
            out += [(f"/{item.url}", ["Home", *crumbs_to(index)], label_of(index)) for item in items]
    if STUDIES and THERE.get("directory") in menu_pages:
        theme = STUDIES[0].themes[0]
        directory = "directory/index.md"
        out.append((f"/directory/theme/{theme}/", ["Home", *crumbs_to(directory)], label_of(directory)))
    out += [(url_of(src), ["Home", label_of(src)], label_of(src)) for src in in_a_section()[:1]]
    return out


@pytest.mark.parametrize(("path", "crumbs", "tab"), crumbed())
def test_breadcrumbs_and_marked_tab(open_page: Callable[..., Page], server: str, path: str, crumbs, tab) -> None:
    page = open_page(path, 1280)
    links = page.locator("nav.ps-breadcrumbs a")
    assert links.all_inner_texts() == crumbs
    assert page.locator(".md-tabs__link[aria-current]").inner_text() == tab
    for n in range(links.count()):  # every crumb leads to a page
        response = page.request.get(
            server + page.evaluate("(a) => new URL(a.href).pathname", links.nth(n).element_handle())
        )
        assert response.status == 200


@pytest.mark.parametrize("width", WIDTHS)
def test_home_page_offers_joining_and_the_directory_first(
    open_page: Callable[..., Page], server: str, width: int
) -> None:
    page = open_page("/", width)
    # joining, when the content has a page for it, and the directory, when it has case studies
    expected = [("Join the partnership", "/join/")] if "join.md" in PROJECT.pages else []
    expected += [("Find good practice", "/directory/")] if "directory" in THERE else []
    actions = page.locator("article .ps-actions a")
    assert actions.all_inner_texts() == [name for name, _path in expected]
    if expected:
        box = actions.first.bounding_box()
        assert box is not None and box["y"] + box["height"] < 800, "the first action shows without scrolling"
    dates = (PROJECT.data.get("key_dates") or {}).get("dates") or []
    coming = page.locator("#ps-coming-up ~ ol.ps-dates li").count()
    assert coming >= 1 if any(not d["date"].past(PROJECT.today) for d in dates) else coming == 0
    assert page.locator("#ps-latest-news ~ ul.ps-cards li").count() == min(3, len(NEWS))
    for name, path in expected:
        page.goto(server + "/")
        page.get_by_role("link", name=name).click()
        page.wait_for_url(server + path)


def test_home_page_has_no_navigation_column_or_contents(open_page: Callable[..., Page]) -> None:
    page = open_page("/", 1280)
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-sidebar--secondary").is_visible()
