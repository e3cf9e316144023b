"""Two editions of a small handbook, built as `make build` builds them: the first archived by
`make edition`, the second changing a clause, adding one, retiring one, changing a step of the guide,
adopting the code, re-checking a note and recording a signature (tests/support/editions.py)."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from build_scripts.check.promise import source_addresses
from build_scripts.pipeline import check
from build_scripts.publish.promise import published_addresses, unresolved
from tests.conftest import build_site
from tests.support.browser import axe_violations, context, describe
from tests.support.editions import FIRST, SECOND, two_editions
from tests.support.server import serve
from tests.support.shared import Build, once
from tests.support.site import searched

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    def build(site: Path) -> subprocess.CompletedProcess[str]:
        project = two_editions(site.parent)
        (site.parent / "project-root").write_text(str(project), encoding="utf-8")
        return build_site(project, site)

    return once(tmp_path_factory, "two-editions", build)


@pytest.fixture(scope="module")
def site(built: Build) -> Path:
    return built.assert_built()


class _Text(HTMLParser):
    """A page's text, its canonical address and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.canonical = ""
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical = values.get("href") or ""
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read(page: Path) -> _Text:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.text = [" ".join("".join(parser.text).split())]
    return parser


def test_what_changed_lists_every_kind_of_change(site: Path) -> None:
    text = read(site / f"editions/{SECOND}/what-changed/index.html").text[0]
    assert "Fair Funding: now adopted (on 20 May 2026); it was draft." in text
    # The changed clause, old and new side by side, each labelled in words, not told by colour alone.
    assert "Before, in the Test edition: Public bodies will pay promptly." in text
    assert "Now, in the Second test edition: Public bodies will pay promptly, and in full." in text
    assert "Plan together (Fair Funding): Both sectors will plan funding together." in text
    assert "Talk first (Fair Funding), which said: Both sectors will talk before changing funding" in text
    assert 'Have you talked to your Compact Champion? (it was "Have you talked to your Champion?")' in text
    assert "Checked again on 20 May 2026 (last checked on 10 January 2026): The Old Commission closed" in text
    assert "The CVS <& Friends>, on 15 June 2026" in text


def test_the_feed_is_atom_read_back(site: Path) -> None:
    feed = ElementTree.parse(site / "editions/feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    # RFC 4287: a feed and each entry have an id, a title and an updated date; a feed has an author.
    for element in (feed, *feed.findall(f"{ATOM}entry")):
        assert all(element.findtext(f"{ATOM}{name}") for name in ("id", "title", "updated"))
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "What changed in the Second test edition",
        "What changed in the Test edition",
    ]
    assert entries[0].findtext(f"{ATOM}updated") == "2026-06-01T00:00:00+00:00"
    assert entries[0].find(f"{ATOM}link").get("href", "").endswith(f"/editions/{SECOND}/what-changed/")
    assert "1 clause changed." in entries[0].findtext(f"{ATOM}summary", "")


def test_archived_pages_say_they_are_not_current(site: Path) -> None:
    archived = site / f"editions/{FIRST}"
    pages = [p for p in archived.rglob("*.html") if "what-changed" not in p.parts]
    assert len(pages) > 8
    for page in pages:
        parsed = read(page)
        assert "Not the current edition" in parsed.text[0], page
        current = parsed.canonical.split("/", 3)[-1]
        assert (site / current / "index.html").is_file(), f"{page}: canonical {parsed.canonical}"
    code = read(archived / "codes/fair-funding/index.html")
    assert code.canonical.endswith("/codes/fair-funding/")
    assert "Both sectors will talk before changing funding" in code.text[0]  # the retired clause, as it was
    assert (archived / "downloads/darlington-compact-handbook.pdf").is_file()
    assert (archived / "downloads/signatory-copies/the-council.pdf").is_file()  # it signed the first edition
    assert not (archived / "downloads/signatory-copies/the-cvs.pdf").exists()


def test_archived_pages_are_not_searched_nor_in_the_sitemap(site: Path) -> None:
    assert not [doc for doc in searched(site) if doc["location"].startswith(f"editions/{FIRST}/codes")]
    assert f"editions/{FIRST}/codes" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_link_promise_covers_the_archive(site: Path, built: Build) -> None:
    project = Path((site.parent / "project-root").read_text(encoding="utf-8"))
    checked = check(project)
    assert checked.handbook is not None
    addresses = published_addresses(site, checked.handbook)
    for expected in (
        "/editions/",
        "/editions/feed.xml",
        f"/editions/{FIRST}/",
        f"/editions/{FIRST}/codes/fair-funding/",
        f"/editions/{FIRST}/guide/step/talked/",
        f"/editions/{FIRST}/downloads/darlington-compact-handbook.pdf",
        f"/editions/{SECOND}/what-changed/",
    ):
        assert expected in addresses
    assert unresolved(site, [a for a in addresses if a.startswith("/editions/")]) == []
    # `make check` knows every archived page, so it warns when one is not promised yet.
    pages = {a for a in addresses if a.startswith("/editions/") and a.endswith("/") and "#" not in a}
    assert pages - source_addresses(checked.handbook) == set()


def test_the_signatories_page_links_to_the_edition_signed(site: Path) -> None:
    links = read(site / "signatories/index.html").links
    assert f"../editions/{FIRST}/" in links
    assert "../about/this-edition/" in links


@pytest.mark.browser
def test_no_axe_violations_on_the_archive(site: Path, browser: Browser) -> None:
    with serve(site) as server:
        ctx = context(browser, javascript=False, auditable=True)
        page = ctx.new_page()
        found = {}
        for address in (
            "editions/",
            f"editions/{SECOND}/what-changed/",
            f"editions/{FIRST}/",
            f"editions/{FIRST}/codes/fair-funding/",
            f"editions/{FIRST}/guide/step/talked/",
        ):
            page.goto(server.url(address))
            if violations := axe_violations(page):
                found[address] = describe(violations)
        ctx.close()
    assert not found, "\n".join(f"{address}:\n{text}" for address, text in found.items())
