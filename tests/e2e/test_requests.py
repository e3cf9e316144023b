"""No page asks any host but the handbook's own for anything: no fonts, scripts or analytics."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Request

from tests.support.browser import context
from tests.support.server import SiteServer
from tests.support.site import audited_pages, pages


@pytest.mark.browser
def test_every_request_goes_to_the_local_server(browser: Browser, server: SiteServer) -> None:
    ctx = context(browser, javascript=True)
    requests: list[tuple[str, str]] = []
    page = ctx.new_page()
    current = {"address": ""}

    def record(request: Request) -> None:
        requests.append((current["address"], request.url))

    page.on("request", record)
    for address in audited_pages(server.root):
        current["address"] = address or "/"
        page.goto(server.url(address), wait_until="networkidle")
    ctx.close()
    assert len(requests) > len(audited_pages(server.root)), "the recorder saw the pages' own requests"
    elsewhere = [(page, url) for page, url in requests if urlsplit(url).netloc != server.host]
    assert not elsewhere, "requests to other hosts:\n" + "\n".join(f"{p}: {u}" for p, u in elsewhere)


@pytest.mark.browser
def test_a_request_elsewhere_would_be_seen(browser: Browser, server: SiteServer) -> None:
    """The recorder is not blind: a page that loads a font from elsewhere is caught."""
    ctx = context(browser, javascript=True)
    page = ctx.new_page()
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.route("http://fonts.invalid/**", lambda route: route.abort())
    page.set_content('<link rel="stylesheet" href="http://fonts.invalid/css">')
    ctx.close()
    assert "http://fonts.invalid/css" in seen


@pytest.mark.browser
def test_no_page_breaks_its_content_security_policy(browser: Browser, server: SiteServer) -> None:
    """Every page, each path page of the guide too, declares a policy that allows only this site, and
    nothing the page does breaks it: Material's own scripts run (search, navigation), and Chromium
    reports no violation."""
    ctx = context(browser, javascript=True)
    page = ctx.new_page()
    reports: list[str] = []
    page.on("console", lambda message: reports.append(f"{page.url}: {message.text}"))
    for address in pages(server.root):
        page.goto(server.url(address), wait_until="networkidle")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1, address
        assert "default-src 'self'" in (policy.get_attribute("content") or "")
        # The guide's step pages load no scripts, by design; every other page's scripts must run.
        light = address.startswith(("guide/start/", "guide/step/"))
        scripts_ran = not page.evaluate("document.documentElement.classList.contains('no-js')")
        assert scripts_ran != light, f"{address}: scripts {'ran' if scripts_ran else 'did not run'}"
    ctx.close()
    violations = [r for r in reports if "Content Security Policy" in r or "Content-Security-Policy" in r]
    assert not violations, "\n".join(violations)


@pytest.mark.browser
def test_a_policy_violation_would_be_seen(browser: Browser) -> None:
    ctx = context(browser, javascript=True)
    page = ctx.new_page()
    reports: list[str] = []
    page.on("console", lambda message: reports.append(message.text))
    page.set_content(
        '<meta http-equiv="Content-Security-Policy" content="script-src \'self\'"><script>document.title="x"</script>'
    )
    ctx.close()
    assert any("Content Security Policy" in r for r in reports)
