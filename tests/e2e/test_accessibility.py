"""axe-core finds no WCAG 2.2 A/AA violation, nor any best-practice one, on any page: with JavaScript
and without it, in a desktop window and at 320 CSS px (a phone, or a desktop window at 400% zoom)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.support.browser import axe_violations, context, describe
from tests.support.server import SiteServer
from tests.support.site import audited_pages

WIDTHS = {"1280px": (1280, 800), "320px": (320, 640)}


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_no_axe_violations_on_any_page(browser: Browser, server: SiteServer, javascript: bool, width: str) -> None:
    ctx = context(browser, javascript, auditable=True)
    page = ctx.new_page()
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    found = {}
    addresses = audited_pages(server.root)
    assert len(addresses) >= 12
    for address in addresses:
        page.goto(server.url(address))
        if not javascript:
            assert page.evaluate("document.documentElement.classList.contains('no-js')"), "page scripts ran"
        violations = axe_violations(page)
        if violations:
            found[address or "/"] = describe(violations)
    ctx.close()
    assert not found, "\n".join(f"{address}:\n{text}" for address, text in found.items())


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_no_axe_violations_in_the_opened_navigation_drawer(
    browser: Browser, server: SiteServer, javascript: bool
) -> None:
    """On a phone the navigation is a drawer, which axe sees only once opened: from the home page (no
    section current) and from a page in a section (its link marked as the current page)."""
    ctx = context(browser, javascript, auditable=True)
    page = ctx.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    found = {}
    for address in ("", "compact/context/"):
        page.goto(server.url(address))
        page.get_by_role("checkbox", name="Show the navigation menu").click()
        expect(page.locator(".md-sidebar--primary a.md-nav__link:visible").first).to_be_visible()
        violations = axe_violations(page)
        if violations:
            found[address or "/"] = describe(violations)
    ctx.close()
    assert not found, "\n".join(f"{address}:\n{text}" for address, text in found.items())


@pytest.mark.browser
def test_axe_reports_a_known_violation(browser: Browser) -> None:
    """The audit is not blind: an image without a text alternative is reported."""
    ctx = context(browser, javascript=False, auditable=True)
    page = ctx.new_page()
    page.set_content('<html lang="en-GB"><title>t</title><main><h1>t</h1><img src="x.png"></main></html>')
    ids = {violation["id"] for violation in axe_violations(page)}
    ctx.close()
    assert "image-alt" in ids
