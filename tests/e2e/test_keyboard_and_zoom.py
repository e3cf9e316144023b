"""The handbook with a keyboard and zoomed in, as a disabled reader and an accessibility auditor test
it, where axe-core cannot look: every focused element wholly on screen, never under the sticky
header, and visibly marked (WCAG 2.4.7, 2.4.11), tabbing forwards and backwards; the closed
navigation drawer out of the tab order; no page scrolling sideways at 320 CSS px (1.4.10).

Zoom is a narrower viewport: a window 1280 by 800 CSS px at 200% zoom lays a page out in 640 by
400, at 400% in 320 by 200.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from build_scripts.model.html5 import parse as parse_html
from tests.support.browser import context
from tests.support.server import SiteServer
from tests.support.site import audited_pages, page_file, pages

VIEWS = {"phone": (390, 844), "zoom-200": (640, 400), "zoom-400": (320, 200)}
# A question of the guide, with its answers so far, and the Compact's principles and commitments:
# disclosures, a link to each item, a long table of contents.
WALKED = ["guide/start/raising/public-and-third/", "compact/principles-and-commitments/"]
MAX_STOPS = 400
SETTLE_MS = 100

# The page's side of one tab stop. `window.hbBefore` keeps the element focused before the key
# press, with its focus style then; its style now, unfocused, must differ. For the element focused
# now: where it is drawn, what is drawn on top of it (a point under the sticky header hits the
# header), whether it sits in the closed navigation drawer, and its focus style.
_STOP = """(settling) => {
  const style = el => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow];
  };
  const describe = el => {
    const rects = [...el.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    const covered = [];
    for (const r of rects) {
      const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 1, r.top + 1],
                      [r.right - 1, r.top + 1], [r.left + 1, r.bottom - 1], [r.right - 1, r.bottom - 1]];
      for (const [x, y] of points) {
        const hit = document.elementFromPoint(x, y);
        if (hit && !el.contains(hit) && !hit.contains(el)) {
          covered.push(hit.tagName.toLowerCase() + '.' + hit.className);
        }
      }
    }
    const name = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
    const drawer = document.getElementById('__drawer');
    return {
      label: el.tagName.toLowerCase() + (el.classList.length ? '.' + el.classList[0] : '') + ' "' + name + '"',
      rects: rects.map(r => [r.left, r.top, r.right, r.bottom]),
      width: document.documentElement.clientWidth,
      height: innerHeight,
      covered: covered,
      inClosedDrawer: !!el.closest('.md-sidebar--primary') && innerWidth < 1220 && !!drawer && !drawer.checked,
      focusStyle: style(el),
    };
  };
  const active = document.activeElement;
  const el = active && active !== document.body && active !== document.documentElement ? active : null;
  const before = settling ? null : window.hbBefore;
  const focused = el && describe(el);
  const result = {
    before: before && {label: before.focused.label, focusStyle: before.focused.focusStyle, style: style(before.el)},
    focused: focused,
  };
  window.hbBefore = el && {el: el, focused: focused};
  return result;
}"""


def _marked(focus_style: list[str]) -> bool:
    outline_style, outline_width, outline_color, shadow = focus_style
    outline = outline_style != "none" and outline_width != "0px" and not outline_color.endswith(", 0)")
    return outline or shadow != "none"


def _problems(focused: dict[str, Any]) -> list[str]:
    problems = []
    width, height = focused["width"], focused["height"]
    if not focused["rects"]:
        problems.append("takes focus but is not drawn")
    for left, top, right, bottom in focused["rects"]:
        if left < -0.5 or top < -0.5 or right > width + 0.5 or bottom > height + 0.5:
            problems.append(f"not wholly on screen ({left:.0f},{top:.0f})-({right:.0f},{bottom:.0f})")
            break
    if focused["covered"]:
        problems.append(f"covered by {focused['covered'][0]}")
    if focused["inClosedDrawer"]:
        problems.append("is in the closed navigation drawer")
    return problems


def walk(page: Page, key: str) -> list[str]:
    """Press `key` until focus leaves the page; what is wrong at each stop."""
    found = []
    page.evaluate("window.hbBefore = null")
    for _ in range(MAX_STOPS):
        page.keyboard.press(key)
        stop = page.evaluate(_STOP, False)
        before, focused = stop["before"], stop["focused"]
        if before and (not _marked(before["focusStyle"]) or before["style"] == before["focusStyle"]):
            found.append(f"{before['label']}: no visible focus indicator")
        if focused and _problems(focused):
            # The theme's script answers focus a moment later (it opens the search when its field
            # is focused, and below 960px fixes the page in place while the search is open, from
            # 400 ms after it opens): judge what a reader sees once the page is free again.
            expect(page.locator("body[data-md-scrolllock]")).to_have_count(0)
            page.wait_for_timeout(SETTLE_MS)
            focused = page.evaluate(_STOP, True)["focused"]
        if not focused:
            return found
        found += [f"{focused['label']}: {problem}" for problem in _problems(focused)]
    return [*found, f"focus never left the page after {MAX_STOPS} stops"]


@pytest.fixture(scope="module", params=[True, False], ids=["with-javascript", "without-javascript"])
def reader(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    """A reader's browser, scripts on or off: one context for every walk of a mode. The reader asks
    for reduced motion, which Material honours by turning its transitions off, so that each stop is
    seen as it ends, not halfway through the search sliding open."""
    ctx = browser.new_context(java_script_enabled=request.param, reduced_motion="reduce")
    yield ctx
    ctx.close()


@pytest.mark.browser
@pytest.mark.parametrize("address", WALKED)
def test_every_focused_element_is_on_screen_uncovered_and_marked(
    reader: BrowserContext, server: SiteServer, address: str
) -> None:
    page = reader.new_page()
    found = []
    for view, (width, height) in VIEWS.items():
        page.set_viewport_size({"width": width, "height": height})
        for key in ("Tab", "Shift+Tab"):
            page.goto(server.url(address))
            found += [f"{view}, {key}: {problem}" for problem in walk(page, key)]
    page.close()
    assert not found, "\n".join(found)


@pytest.mark.browser
def test_the_header_logo_shows_focus_in_a_desktop_window(reader: BrowserContext, server: SiteServer) -> None:
    """The logo link is in the header only from 1220 px: walked there too (Material hides its focus
    ring until its script runs)."""
    page = reader.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(server.url(WALKED[0]))
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('.md-header a.md-logo')")
    page.goto(server.url(WALKED[0]))
    found = walk(page, "Tab")
    page.close()
    assert not found, "\n".join(found)


@pytest.mark.browser
def test_the_walk_finds_a_link_without_focus_indicator_and_one_under_the_header(reader: BrowserContext) -> None:
    """The walk is not blind: on a page whose links show no focus, and whose sticky header covers
    the top of a tall link that the browser centres on focus, it reports both."""
    page = reader.new_page()
    page.set_viewport_size({"width": 390, "height": 300})
    page.set_content(
        '<html lang="en-GB"><style>a { outline: none } html { scroll-padding-top: 0 }'
        " .md-header { position: sticky; top: 0; height: 60px; background: #fff }</style>"
        '<header class="md-header">Header</header><main><p style="height: 900px">Text</p>'
        '<a href="#1" style="display: block; height: 200px">One</a><p style="height: 900px">Text</p>'
        '<a href="#2">Two</a></main></html>'
    )
    found = walk(page, "Shift+Tab")
    page.close()
    assert 'a "Two": no visible focus indicator' in found
    assert 'a "One": covered by header.md-header' in found


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_the_navigation_drawer_takes_focus_only_when_open(
    browser: Browser, server: SiteServer, javascript: bool
) -> None:
    ctx = browser.new_context(java_script_enabled=javascript, viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    page.goto(server.url("compact/context/"))
    first_link = page.locator(".md-sidebar--primary a.md-nav__link").first
    expect(first_link).to_be_hidden()
    page.get_by_role("checkbox", name="Show the navigation menu").click()
    expect(page.locator(".md-sidebar--primary a.md-nav__link:visible").first).to_be_visible()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            break
    else:
        pytest.fail("no link of the opened drawer takes focus")
    ctx.close()


@pytest.mark.browser
@pytest.mark.parametrize("address", ["", "compact/context/", "guide/"])
def test_every_focus_stop_of_the_opened_drawer_is_seen(
    reader: BrowserContext, server: SiteServer, address: str
) -> None:
    """Opened on a phone, every stop of the drawer is wholly in sight as it scrolls, and the page under
    the drawer's overlay takes no focus. (From the home page no section is current; from a page of a
    section, it is, and from the guide's start page its table of contents is shown too.)"""
    page = reader.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    found = []
    for key in ("Tab", "Shift+Tab"):
        page.goto(server.url(address))
        page.get_by_role("checkbox", name="Show the navigation menu").click()
        expect(page.locator(".md-sidebar--primary a.md-nav__link:visible").first).to_be_visible()
        page.wait_for_timeout(3 * SETTLE_MS)  # until the drawer has slid in
        found += [f"{key}: {problem}" for problem in walk(page, key)]
    page.close()
    assert not found, "\n".join(found)


def test_on_every_page_of_the_navigation_the_contents_title_closes_the_contents(site: Path) -> None:
    """In the phone's drawer, the current page's entry opens its table of contents (the "__toc" toggle),
    and the contents' title is the way back: a label for that toggle, on every page that has one, in
    every engine's templates (overrides*/partials/toc.html); on the guide's steps, outside the
    navigation, there is no toggle and the title is plain text."""
    checked = []
    for address in pages(site):
        tree = parse_html(page_file(site, address).read_text(encoding="utf-8"))
        title = tree.css_first(".md-nav--secondary .md-nav__title")
        if title is None:
            continue
        toggle = tree.css_first("input#__toc") is not None
        assert (title.tag, title.attributes.get("for")) == (("label", "__toc") if toggle else ("div", None)), address
        checked.append(toggle)
    assert checked.count(True) >= 10 and checked.count(False) >= 10, "too few pages of either kind"


_TAB_STOP = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (el.id === '__drawer') return '(the menu button)';
  return el.hasAttribute('href') ? el.getAttribute('href') : el.tagName.toLowerCase();
}"""


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
@pytest.mark.parametrize("view", ["phone", "zoom-400"])
@pytest.mark.parametrize("address", ["", "compact/principles-and-commitments/"])
def test_the_keyboard_reaches_every_link_of_the_opened_menu_and_nothing_under_it(
    browser: Browser, server: SiteServer, javascript: bool, view: str, address: str
) -> None:
    """Opened with the keyboard, the menu's stops are its button, then every link of the navigation
    in the order it is read (its sections and the current page's contents shown in full, not behind
    titles the keyboard cannot open), and nothing else: not the skip link, the search or the page
    under the overlay, which lead where the reader cannot see."""
    width, height = VIEWS[view]
    ctx = browser.new_context(
        java_script_enabled=javascript, viewport={"width": width, "height": height}, reduced_motion="reduce"
    )
    page = ctx.new_page()
    page.goto(server.url(address))
    links = page.evaluate(
        "[...document.querySelectorAll('.md-nav--primary .md-nav__list a[href]')].map(a => a.getAttribute('href'))"
    )
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    stops = [page.evaluate(_TAB_STOP)]
    while stops[-1] is not None and len(stops) < MAX_STOPS:
        page.keyboard.press("Tab")
        stops.append(page.evaluate(_TAB_STOP))
    page.keyboard.press("Tab")
    round_again = page.evaluate(_TAB_STOP)
    page.keyboard.press("Shift+Tab")
    before = page.evaluate(_TAB_STOP)
    ctx.close()
    assert stops == ["(the menu button)", *links, None]
    assert round_again == "(the menu button)", f"after the menu's last link, {round_again} takes focus"
    # Going back from the button leaves the page, or comes round to the menu's last link: not to the
    # skip link, which lies before it.
    assert before in (None, links[-1]), f"{before} takes focus before the open menu's button"


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_the_navigation_menu_opens_and_closes_with_the_keyboard(
    browser: Browser, server: SiteServer, javascript: bool
) -> None:
    """On a phone, or zoomed in, the navigation is a menu behind a button: the keyboard reaches it
    right after the skip link, which shows focus on it, and Space opens and closes it (WCAG 2.1.1).
    Open, the button stays in sight, with its focus (2.4.11), and the menu's links follow it."""
    ctx = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 390, "height": 844}, reduced_motion="reduce"
    )
    page = ctx.new_page()
    page.goto(server.url("compact/context/"))
    menu = page.get_by_role("checkbox", name="Show the navigation menu")
    shown_links = page.locator(".md-sidebar--primary a.md-nav__link:visible")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(menu).to_be_focused()
    for state in ("closed", "open"):
        focused = page.evaluate(_STOP, True)["focused"]
        assert focused["rects"] and not _problems(focused), f"{state}: {_problems(focused)}"
        assert _marked(focused["focusStyle"]), f"{state}: the menu button shows no focus"
        page.keyboard.press("Space")
        if state == "closed":
            expect(shown_links.first).to_be_visible()
            page.wait_for_timeout(3 * SETTLE_MS)
    expect(shown_links).to_have_count(0)
    page.keyboard.press("Space")
    expect(shown_links.first).to_be_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), (
        "the next stop after the open menu's button is not in the menu"
    )
    ctx.close()


@pytest.mark.browser
def test_with_scripts_enter_opens_the_menu_and_escape_closes_it(browser: Browser, server: SiteServer) -> None:
    """With scripts, the menu button also answers the keys of a menu button (docs/assets/javascripts/
    keyboard.js): Enter opens and closes it, like Space; Escape closes it from one of its links and puts
    the focus back on the button."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    page = ctx.new_page()
    page.goto(server.url("compact/context/"))
    menu = page.get_by_role("checkbox", name="Show the navigation menu")
    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_be_checked()
    page.keyboard.press("Enter")
    expect(menu).not_to_be_checked()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(".md-sidebar--primary a:focus")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(menu).not_to_be_checked()
    expect(menu).to_be_focused()
    expect(page.locator(".md-sidebar--primary a.md-nav__link:visible")).to_have_count(0)
    assert page.url == server.url("compact/context/"), "Enter on the menu button followed a link"
    ctx.close()


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
@pytest.mark.parametrize("width", [390, 1280])
def test_a_search_control_shows_only_where_search_works(
    browser: Browser, server: SiteServer, site: Path, javascript: bool, width: int
) -> None:
    """Search is the theme's script: with it, a search control shows at every width; without it
    (scripts off, or on the guide's steps, which load none), none shows, as a search button that does
    nothing would leave the reader stuck (overrides-zensical/assets/stylesheets/theme/search.css)."""
    step = next(address for address in pages(site) if address.startswith("guide/step/"))
    ctx = browser.new_context(java_script_enabled=javascript, viewport={"width": width, "height": 844})
    page = ctx.new_page()
    shown = {}
    for address in ("", step):
        page.goto(server.url(address))
        page.wait_for_timeout(SETTLE_MS)
        controls = page.locator(".md-search__input, .md-search__button, label[for='__search']")
        shown[address] = [i for i in range(controls.count()) if controls.nth(i).is_visible()] != []
    ctx.close()
    assert shown == {"": javascript, step: False}


@pytest.mark.browser
def test_tabbing_out_of_the_opened_search_on_a_phone_shows_the_focused_link(
    browser: Browser, server: SiteServer
) -> None:
    """The next stop after the search, the page's first link, must be in sight once the search has
    closed (WCAG 2.4.11). Below 960px Material fixes the page in place while its search is open,
    400 ms after it opens, and the fixed page could not scroll to it; Zensical's search is a dialog
    that a button opens and Escape closes, giving the focus back to the button. The reader has
    scrolled down the page first, so that the link is out of sight whatever the page holds."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    page = ctx.new_page()
    page.goto(server.url(WALKED[1]))
    page.evaluate("window.scrollTo(0, 1500)")
    assert page.evaluate("window.scrollY") > 0
    if page.locator(".md-search__input").count():  # Material: its search opens as its field takes focus
        page.locator(".md-search__input").focus()
        expect(page.locator("body[data-md-scrolllock]")).to_have_count(1)
        page.keyboard.press("Tab")
        expect(page.locator("body[data-md-scrolllock]")).to_have_count(0)
    else:  # Zensical
        page.locator(".md-search__button").focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(SETTLE_MS)
        assert not page.evaluate("document.activeElement.matches('.md-search__button')"), "Enter opened no search"
        page.keyboard.press("Escape")
        expect(page.locator(".md-search__button")).to_be_focused()
        page.keyboard.press("Tab")
    page.wait_for_timeout(SETTLE_MS)
    focused = page.evaluate(_STOP, True)["focused"]
    ctx.close()
    assert focused and focused["label"].startswith("a"), f"the stop after the search is {focused}"
    assert not _problems(focused), f"{focused['label']}: {_problems(focused)}"


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_no_page_scrolls_sideways_at_320_css_pixels(
    browser: Browser, server: SiteServer, site: Path, javascript: bool
) -> None:
    """WCAG 1.4.10 (a 1280 px window at 400% zoom): a page may scroll down, never across; a wide
    table scrolls inside its own box. Of the guide's path pages, which share one template, the
    sample of `audited_pages`: for each step the deepest, whose list of answers is the longest."""
    ctx = context(browser, javascript)
    page = ctx.new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    wider = {}
    for address in audited_pages(site):
        page.goto(server.url(address))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wider[address or "/"] = width
    ctx.close()
    assert len(pages(site)) >= 50
    assert not wider, f"pages wider than 320 CSS px: {wider}"


def _contrast(rgb: str, background: tuple[int, int, int] = (255, 255, 255)) -> float:
    def luminance(channels: tuple[int, ...]) -> float:
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in channels)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    colour = tuple(int(part) for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    lighter, darker = sorted((luminance(colour), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.browser
def test_links_keep_4_5_to_1_when_hovered_or_focused(browser: Browser, server: SiteServer) -> None:
    """axe-core checks colours at rest only; a link's hover and focus colour is checked here."""
    ctx = browser.new_context(reduced_motion="reduce", viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.goto(server.url("compact/resolving-disagreements/"))
    colours = {}
    links = {"link in text": ".md-content .md-typeset p a", "navigation link": ".md-nav--primary a.md-nav__link"}
    for name, selector in links.items():
        link = page.locator(selector).first
        link.hover()
        colours[f"{name}, hovered"] = link.evaluate("el => getComputedStyle(el).color")
        page.mouse.move(0, 0)
        link.focus()
        colours[f"{name}, focused"] = link.evaluate("el => getComputedStyle(el).color")
    ctx.close()
    low = {state: round(_contrast(colour), 2) for state, colour in colours.items() if _contrast(colour) < 4.5}
    assert not low, f"below 4.5:1 on white: {low}"


class _Permalinks(HTMLParser):
    """The attributes of each heading permalink ("¶", Python-Markdown's toc extension) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "a" and "headerlink" in (attributes.get("class") or "").split():
            self.found.append(attributes)


def test_no_heading_permalink_is_a_tab_stop_or_part_of_a_heading_s_name(site: Path) -> None:
    """overrides/partials/content.html marks each "¶" so; this fails if the toc extension's markup
    changes under it."""
    seen = 0
    for address in pages(site):
        parser = _Permalinks()
        parser.feed(page_file(site, address).read_text(encoding="utf-8"))
        seen += len(parser.found)
        for attributes in parser.found:
            assert attributes.get("aria-hidden") == "true" and attributes.get("tabindex") == "-1", address
    assert seen > 50


@pytest.mark.browser
def test_a_heading_s_accessible_name_is_its_words(reader: BrowserContext, server: SiteServer) -> None:
    page = reader.new_page()
    page.goto(server.url("compact/resolving-disagreements/"))
    heading = page.locator("h1[id]")
    expect(heading).to_have_accessible_name(heading.evaluate("h => h.firstChild.textContent.trim()"))
    page.goto(server.url(WALKED[0]))
    expect(page.locator("h1 a.headerlink")).to_be_hidden()
    page.close()
