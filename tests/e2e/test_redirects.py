"""A page that moves keeps its old addresses: mkdocs-redirects writes a page at the old address that
leads on to the new one, carrying the link's #anchor across with a small inline script. Served as
Netlify or Cloudflare Pages serve the site, with the headers of its `_headers` file on every
response, the policy there must let that script run, or a partner's link to a section lands at the
top of the page instead.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from build_scripts.model.html5 import parse
from tests.conftest import build_site
from tests.support.browser import context
from tests.support.project import copy_project, edit
from tests.support.redirects import PAGE, relative_url
from tests.support.server import read_headers, serve
from tests.support.shared import once

OLD, NEW, ANCHOR = "compact/disputes/", "compact/resolving-disagreements/", "stage-2"


@pytest.fixture(scope="module")
def moved(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook built from a copy whose mkdocs.yml redirects an old address (no PDFs)."""

    def build(site: Path) -> subprocess.CompletedProcess[str]:
        project = copy_project(root, site.parent)
        edit(
            project / "mkdocs.yml",
            "redirect_maps: {}",
            "redirect_maps:\n        compact/disputes.md: compact/resolving-disagreements.md",
        )
        return build_site(project, site, env={"HANDBOOK_PDFS": "0"})

    return once(tmp_path_factory, "site-with-a-redirect", build).assert_built()


@pytest.mark.browser
def test_an_old_address_with_an_anchor_lands_on_the_anchor_under_the_headers_policy(
    browser: Browser, moved: Path
) -> None:
    rules = read_headers(moved)
    with serve(moved, rules) as server:
        ctx = context(browser, javascript=True)
        page = ctx.new_page()
        reports: list[str] = []
        page.on("console", lambda message: reports.append(message.text))
        response = page.goto(server.url(f"{OLD}#{ANCHOR}"))
        assert response is not None and "default-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_url(f"**/{NEW}*")
        page.wait_for_load_state()
        landed = page.url
        in_view = page.evaluate(f"document.getElementById('{ANCHOR}').getBoundingClientRect().top < innerHeight / 2")
        ctx.close()
    blocked = [report for report in reports if "Content Security Policy" in report]
    assert landed == server.url(f"{NEW}#{ANCHOR}"), f"landed on {landed}; {blocked}"
    assert in_view
    assert blocked == []


def _what_it_does(html: str) -> tuple[object, ...]:
    tree = parse(html)
    return (
        [script.text() for script in tree.css("script")],
        [(link.attributes.get("rel"), link.attributes.get("href")) for link in tree.css("link")],
        [meta.attributes.get("content") for meta in tree.css("meta[http-equiv=refresh]")],
        [a.attributes.get("href") for a in tree.css("a")],
        tree.body.text(deep=True).split() if tree.body else [],
    )


def test_the_engine_writes_the_redirect_page_the_tests_copy(moved: Path) -> None:
    """tests/support/redirects.PAGE stands for the page mkdocs-redirects writes (Zensical's template
    copies it), so that tests without a built site have one: the engine's own page must do the same,
    script for script and address for address, or those tests pass on a page no engine makes."""
    written = (moved / OLD / "index.html").read_text(encoding="utf-8")
    copied = PAGE.format(url=relative_url(f"{OLD.rstrip('/')}.md", NEW))
    assert _what_it_does(written) == _what_it_does(copied)
