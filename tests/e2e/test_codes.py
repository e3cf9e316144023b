"""The codes of practice as readers meet them: marked as drafts, every clause traced to the Compact,
and every principle and commitment listing the clauses that put it into practice."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, expect

from build_scripts.model.handbook import Handbook
from build_scripts.pipeline import check
from tests.support.browser import context
from tests.support.server import SiteServer
from tests.support.site import parse, target_file


@pytest.fixture(scope="module")
def handbook(root: Path) -> Handbook:
    checked = check(root)
    assert checked.handbook is not None and checked.problems == ()
    return checked.handbook


def test_there_are_the_five_codes_of_section_4(handbook: Handbook) -> None:
    assert [code.title for code in handbook.codes] == [
        "Equalities and Diversity",
        "Involvement and Influence",
        "Partnerships",
        "Resources and Procurement",
        "Volunteering",
    ]
    for code in handbook.codes:
        assert 8 <= len(code.clauses) <= 15, code.id


@pytest.mark.browser
def test_each_clause_links_to_what_it_expands(
    browser: Browser, server: SiteServer, site: Path, handbook: Handbook
) -> None:
    ctx = context(browser, javascript=False)
    page = ctx.new_page()
    for code in handbook.codes:
        page.goto(server.url(f"codes/{code.id}/"))
        expect(page.locator("h1")).to_contain_text(f"{code.title}: code of practice")
        for clause in code.clauses:
            heading = page.locator(f"h3#{clause.id}")
            expect(heading).to_contain_text(clause.title)
            links = page.locator(f"h3#{clause.id} ~ p.hb-expands").first.locator("a")
            hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
            assert [urlsplit(href).fragment for href in hrefs] == [r.id for r in clause.expands], clause.id
            for href in hrefs:
                target = target_file(site, f"codes/{code.id}/", href)
                assert target is not None and urlsplit(href).fragment in parse(target).ids, href
    ctx.close()


@pytest.mark.browser
def test_each_principle_and_commitment_lists_the_clauses_that_expand_it(
    browser: Browser, server: SiteServer, handbook: Handbook
) -> None:
    expected: dict[str, list[str]] = {}
    for code in handbook.codes:
        for clause in code.clauses:
            for reference in clause.expands:
                expected.setdefault(reference.id, []).append(f"../../codes/{code.id}/#{clause.id}")
    ctx = context(browser, javascript=False)
    page = ctx.new_page()
    page.goto(server.url("compact/principles-and-commitments/"))
    for item in handbook.items:
        links = page.locator(f"li#{item.id} details.hb-practice a")
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == expected.get(item.id, []), item.id
    # The list opens without JavaScript, and its links lead to the clause.
    summary = page.locator("li#public-mixed-funding details.hb-practice summary")
    summary.click()
    page.locator("li#public-mixed-funding details.hb-practice").get_by_role(
        "link", name="Resources and Procurement: Pay promptly"
    ).click()
    assert page.url == server.url("codes/resources-and-procurement/#rp-prompt-payment")
    expect(page.locator("h3#rp-prompt-payment")).to_be_in_viewport()
    ctx.close()


def test_every_code_is_marked_as_a_draft_until_adopted(site: Path, handbook: Handbook) -> None:
    for code in handbook.codes:
        html = (site / "codes" / code.id / "index.html").read_text(encoding="utf-8")
        assert code.is_draft
        assert "Draft for adoption by the Compact Steering Group" in html, code.id
    about = (site / "about/this-edition/index.html").read_text(encoding="utf-8")
    assert 'id="codes-of-practice"' in about
    assert len(re.findall(r"draft for adoption by the Compact Steering Group", about)) == len(handbook.codes)


def test_the_overview_lists_every_code(site: Path, handbook: Handbook) -> None:
    overview = parse(site / "codes/index.html")
    hrefs = {href for _, href in overview.links}
    for code in handbook.codes:
        assert f"{code.id}/" in hrefs


def test_the_schemas_are_published(site: Path) -> None:
    assert (site / "schemas/code-of-practice.schema.json").is_file()
    assert (site / "schemas/codes-of-practice-contents.schema.json").is_file()
