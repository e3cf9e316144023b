"""The codes of practice as readers meet them: marked as drafts, every clause traced to the Compact,
and every principle and commitment listing the clauses that put it into practice."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, expect

from build_scripts.model.handbook import Handbook
from build_scripts.model.text import contains_words, words
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
        assert code.clauses, code.id


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


@dataclass(frozen=True)
class SourceClause:
    """A clause as its YAML file gives it, read without the build's loader."""

    code_id: str
    code_title: str
    id: str
    title: str
    expands: tuple[str, ...]
    basis: str
    checked_on: str


def source_clauses(root: Path) -> list[SourceClause]:
    """Every clause of the codes, in the order of codes_of_practice/contents.yml and of each file."""
    folder = root / "codes_of_practice"
    contents = yaml.safe_load((folder / "contents.yml").read_text(encoding="utf-8"))
    clauses = []
    for code_id in contents["codes"]:
        code = yaml.safe_load((folder / f"{code_id}.yml").read_text(encoding="utf-8"))
        clauses += [
            SourceClause(
                code_id,
                code["title"],
                c["id"],
                c["title"],
                tuple(c["expands"]),
                c.get("basis", ""),
                str(c.get("checked_on", "")),
            )
            for c in code["clauses"]
        ]
    return clauses


@pytest.mark.browser
def test_each_principle_and_commitment_lists_the_clauses_that_expand_it(
    browser: Browser, server: SiteServer, root: Path, handbook: Handbook
) -> None:
    # What each list must hold comes from the codes' own files, read here without the build's
    # loader: for each principle or commitment, every clause whose "expands" names it.
    expected: dict[str, list[tuple[str, str]]] = {}
    for clause in source_clauses(root):
        for item_id in clause.expands:
            expected.setdefault(item_id, []).append(
                (f"../../codes/{clause.code_id}/#{clause.id}", f"{clause.code_title}: {clause.title}")
            )
    assert set(expected) <= {item.id for item in handbook.items}
    ctx = context(browser, javascript=False)
    page = ctx.new_page()
    for item in handbook.items:
        compact_page = handbook.item_page(item.id)
        assert compact_page is not None
        if not page.url.endswith(f"/compact/{compact_page.id}/"):
            page.goto(server.url(f"compact/{compact_page.id}/"))
        links = page.locator(f"li#{item.id} details.hb-practice a")
        found = [
            (links.nth(i).get_attribute("href"), (links.nth(i).text_content() or "").strip())
            for i in range(links.count())
        ]
        assert found == expected.get(item.id, []), item.id
    # The list opens without JavaScript, and its links lead to the clause.
    page.goto(server.url("compact/principles-and-commitments/"))
    summary = page.locator("li#public-mixed-funding details.hb-practice summary")
    summary.click()
    page.locator("li#public-mixed-funding details.hb-practice").get_by_role(
        "link", name="Resources and Procurement: Pay promptly"
    ).click()
    assert page.url == server.url("codes/resources-and-procurement/#rp-prompt-payment")
    expect(page.locator("h3#rp-prompt-payment")).to_be_in_viewport()
    ctx.close()


class CodePage(HTMLParser):
    """A built code page, read by a real HTML parser: its headings and alias anchors in order, and
    the text of the basis paragraph under each clause heading."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.landmarks: list[tuple[str, str]] = []
        """("h2" or "h3", id) for each heading, ("alias", id) for each retired clause's anchor."""
        self.basis: dict[str, str] = {}
        self._heading = ""
        self._in_basis = False
        self.feed(path.read_text(encoding="utf-8"))
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        classes = attributes.get("class", "").split()
        if tag in ("h2", "h3") and attributes.get("id"):
            self._heading = attributes["id"]
            self.landmarks.append((tag, self._heading))
        elif tag == "div" and "hb-retired" in classes:
            self.landmarks.append(("alias", attributes.get("id", "")))
        elif tag == "p" and "hb-basis" in classes:
            self._in_basis = True
            self.basis[self._heading] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._in_basis = False

    def handle_data(self, data: str) -> None:
        if self._in_basis:
            self.basis[self._heading] += data


def test_each_basis_is_shown_under_its_clause(site: Path, root: Path) -> None:
    """Every clause whose file gives a basis shows it under its heading, with the date its sources
    were checked; a clause without one shows none."""
    clauses = source_clauses(root)
    assert any(clause.basis for clause in clauses), "the codes give no basis at all"
    pages = {code_id: CodePage(site / "codes" / code_id / "index.html") for code_id in {c.code_id for c in clauses}}
    for clause in clauses:
        shown = pages[clause.code_id].basis.get(clause.id)
        if not clause.basis:
            assert shown is None, f"{clause.id} shows a basis its file does not give"
            continue
        assert shown is not None, f"{clause.id}: no basis under the clause"
        text = words(shown)
        assert text[:1] == ["Basis"], clause.id
        assert contains_words(text, words(clause.basis)) == 1, clause.id
        if clause.checked_on:
            day = datetime.date.fromisoformat(clause.checked_on)
            assert contains_words(text, words(f"Checked on {day.day} {day:%B %Y}")) == 1, clause.id


def test_a_retired_clause_address_leads_to_the_section_that_now_says_it(site: Path, root: Path) -> None:
    """A clause taken out of a code keeps its published address, on "If this code is not kept"."""
    folder = root / "codes_of_practice"
    retired_anywhere = []
    for code_id in yaml.safe_load((folder / "contents.yml").read_text(encoding="utf-8"))["codes"]:
        retired = yaml.safe_load((folder / f"{code_id}.yml").read_text(encoding="utf-8")).get("retired_clauses", [])
        landmarks = CodePage(site / "codes" / code_id / "index.html").landmarks
        for clause_id in retired:
            after = landmarks[landmarks.index(("alias", clause_id)) :]
            assert next(mark for mark in after if mark[0] != "alias") == ("h2", "if-not-kept"), clause_id
        retired_anywhere += retired
    assert retired_anywhere, "no code has a retired clause, so this test shows nothing"


def test_a_code_is_marked_as_a_draft_while_its_status_says_so(site: Path, handbook: Handbook) -> None:
    for code in handbook.codes:
        html = (site / "codes" / code.id / "index.html").read_text(encoding="utf-8")
        assert ("Draft for adoption by the Compact Steering Group" in html) == code.is_draft, code.id
    about = (site / "about/this-edition/index.html").read_text(encoding="utf-8")
    assert 'id="codes-of-practice"' in about
    drafts = sum(code.is_draft for code in handbook.codes)
    assert len(re.findall(r"draft for adoption by the Compact Steering Group", about)) == drafts


def test_the_overview_lists_every_code(site: Path, handbook: Handbook) -> None:
    overview = parse(site / "codes/index.html")
    hrefs = {href for _, href in overview.links}
    for code in handbook.codes:
        assert f"{code.id}/" in hrefs


def test_the_schemas_are_published(site: Path) -> None:
    assert (site / "schemas/code-of-practice.schema.json").is_file()
    assert (site / "schemas/codes-of-practice-contents.schema.json").is_file()
