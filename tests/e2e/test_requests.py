"""No page asks any host but the handbook's own for anything: no fonts, scripts or analytics."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Request

from tests.support.browser import context
from tests.support.server import SiteServer
from tests.support.site import audited_pages, page_file, pages

# The two tests read one walk through the pages in Chromium, which they share on one worker.
pytestmark = pytest.mark.xdist_group("requests-walk")


@dataclass
class Walk:
    """What Chromium saw while opening every audited page with JavaScript on."""

    requests: list[tuple[str, str]] = field(default_factory=list)
    """(page, address) of every request."""
    console: list[str] = field(default_factory=list)
    policies: dict[str, list[str]] = field(default_factory=dict)
    """Each page's Content-Security-Policy <meta> elements, as the browser parsed them."""
    scripts_ran: dict[str, bool] = field(default_factory=dict)


@pytest.fixture(scope="module")
def walk(browser: Browser, server: SiteServer) -> Walk:
    """Every page but the guide's path pages, which share one template, of which a sample
    (`audited_pages`). A page with scripts is left only once the network is idle, so that what its
    scripts fetch is seen; the guide's step pages load no scripts, so their load is enough."""
    seen = Walk()
    ctx = context(browser, javascript=True)
    page = ctx.new_page()
    current = {"address": ""}

    def record(request: Request) -> None:
        seen.requests.append((current["address"], request.url))

    page.on("request", record)
    page.on("console", lambda message: seen.console.append(f"{current['address']}: {message.text}"))
    for address in audited_pages(server.root):
        current["address"] = address or "/"
        light = address.startswith(("guide/start/", "guide/step/"))
        page.goto(server.url(address), wait_until="load" if light else "networkidle")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        seen.policies[current["address"]] = [
            policy.nth(i).get_attribute("content") or "" for i in range(policy.count())
        ]
        seen.scripts_ran[current["address"]] = not page.evaluate("document.documentElement.classList.contains('no-js')")
    ctx.close()
    return seen


@pytest.mark.browser
def test_every_request_goes_to_the_local_server(walk: Walk, server: SiteServer) -> None:
    assert len(walk.requests) > len(walk.policies), "the recorder saw the pages' own requests"
    elsewhere = [(page, url) for page, url in walk.requests if urlsplit(url).netloc != server.host]
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
def test_no_page_breaks_its_content_security_policy(walk: Walk) -> None:
    """Every page declares a policy that allows only this site, and nothing the page does breaks it:
    Material's own scripts run (search, navigation), and Chromium reports no violation. Of the
    guide's path pages, which share one template and differ only in the answers they list, the
    sample of `audited_pages`; `test_every_page_carries_the_policy` reads every page."""
    for address, policies in walk.policies.items():
        assert len(policies) == 1 and "default-src 'self'" in policies[0], address
        # The guide's step pages load no scripts, by design; every other page's scripts must run.
        light = address.startswith(("guide/start/", "guide/step/"))
        assert walk.scripts_ran[address] != light, (
            f"{address}: scripts {'ran' if walk.scripts_ran[address] else 'did not run'}"
        )
    violations = [r for r in walk.console if "Content Security Policy" in r or "Content-Security-Policy" in r]
    assert not violations, "\n".join(violations)


class _Policies(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(values.get("content") or "")


def test_every_page_carries_the_policy(site: Path) -> None:
    for address in pages(site):
        reader = _Policies()
        reader.feed(page_file(site, address).read_text(encoding="utf-8"))
        assert len(reader.policies) == 1, address
        assert "default-src 'self'" in reader.policies[0], address


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
