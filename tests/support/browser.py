"""Debian's Chromium driven by Playwright, never a downloaded browser; with axe-core for accessibility.

A page "without JavaScript" is opened in one of two ways. To walk the site as a reader whose browser
has scripts turned off: a context with JavaScript disabled. To audit such a page with axe, which is
itself a script: every page is served with `Content-Security-Policy: script-src 'none'`, so none of
the page's own scripts run (the page stays exactly as a script-less browser shows it), while axe is
evaluated through the DevTools protocol, which the policy does not govern.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google's hosts at start-up.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every WCAG 2.0, 2.1 and 2.2 A and AA rule, and axe's best practices. Only violations are reported
# in full (the passes, listed node by node, made a run three times slower).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _block_page_scripts(route: Route) -> None:
    if route.request.resource_type != "document":
        route.continue_()
        return
    response = route.fetch()
    route.fulfill(response=response, headers={**response.headers, "content-security-policy": "script-src 'none'"})


def context(browser: Browser, javascript: bool, *, auditable: bool = False) -> BrowserContext:
    """A fresh context; without JavaScript, `auditable` keeps scripting on for axe (see above)."""
    if javascript or not auditable:
        return browser.new_context(java_script_enabled=javascript)
    ctx = browser.new_context()
    ctx.route("**/*", _block_page_scripts)
    return ctx


def axe_violations(page: Page) -> list[dict[str, Any]]:
    result = Axe().run(page, options=AXE_OPTIONS)
    violations: list[dict[str, Any]] = result.response["violations"]
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        for node in violation["nodes"][:3]:
            lines.append(f"  {violation['id']} ({violation['impact']}): {node['target']} - {violation['help']}")
    return "\n".join(lines)


def printed(browser: Browser, url: str) -> bytes:
    """The page at `url` printed to A4 by Chromium, as a reader with scripts turned off prints it."""
    ctx = context(browser, javascript=False)
    page = ctx.new_page()
    page.goto(url)
    page.emulate_media(media="print")
    data = page.pdf(format="A4")
    ctx.close()
    return data
