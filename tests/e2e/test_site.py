"""The built handbook as its readers meet it: addresses, anchors, notes, navigation and print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from build_scripts.model.handbook import Handbook
from build_scripts.model.text import words
from build_scripts.pipeline import check
from tests.support.browser import context
from tests.support.server import SiteServer
from tests.support.site import page_file, pages, parse, target_file


@pytest.fixture(scope="module")
def handbook(root: Path) -> Handbook:
    checked = check(root)
    assert checked.handbook is not None
    return checked.handbook


def address(page_id: str) -> str:
    return "compact/" if page_id == "index" else f"compact/{page_id}/"


def test_every_page_is_in_british_english(site: Path) -> None:
    for page in pages(site):
        html = page_file(site, page).read_text("utf-8")
        assert re.search(r'<html lang="en-GB"', html), page


def test_the_compact_pages_have_clean_addresses(site: Path, handbook: Handbook) -> None:
    assert [address(p.id) for p in handbook.pages][:3] == ["compact/", "compact/introduction/", "compact/context/"]
    assert (site / "compact/resolving-disagreements/index.html").is_file()
    for page in handbook.pages:
        assert (site / address(page.id) / "index.html").is_file(), page.id


@pytest.mark.browser
def test_previous_and_next_links_follow_the_source_order(
    browser: Browser, server: SiteServer, handbook: Handbook
) -> None:
    ctx = context(browser, javascript=False)
    page = ctx.new_page()
    for here, there in zip(handbook.pages, handbook.pages[1:], strict=False):
        page.goto(server.url(address(here.id)))
        page.get_by_role("link", name=re.compile(r"^Next")).click()
        assert page.url == server.url(address(there.id))
        expect(page.locator("h1")).to_contain_text(there.heading)
    ctx.close()


@pytest.mark.browser
def test_each_principle_and_commitment_has_its_own_anchor_and_link(
    browser: Browser, server: SiteServer, handbook: Handbook
) -> None:
    ctx = context(browser, javascript=False)
    page = ctx.new_page()
    page.goto(server.url("compact/principles-and-commitments/"))
    for item in handbook.items:
        entry = page.locator(f"li#{item.id}")
        expect(entry).to_have_count(1)
        expect(entry).to_contain_text(" ".join(item.text.split()[:6]))
        link = entry.locator("a.hb-permalink")
        expect(link).to_have_attribute("href", f"#{item.id}")
        expect(link).to_have_accessible_name(f"Link to this: {item.title}")
    ctx.close()


@pytest.mark.browser
def test_the_link_to_this_shows_on_focus_and_on_hover(browser: Browser, server: SiteServer) -> None:
    ctx = context(browser, javascript=False)
    page = ctx.new_page()
    page.goto(server.url("compact/principles-and-commitments/"))
    link = page.locator("li#principle-partnership a.hb-permalink")
    expect(link).to_have_css("opacity", "0")
    link.focus()
    expect(link).to_have_css("opacity", "1")
    page.locator("h1").click()
    page.locator("li#public-mixed-funding").hover()
    expect(page.locator("li#public-mixed-funding a.hb-permalink")).to_have_css("opacity", "1")
    link.click()
    assert page.url.endswith("#principle-partnership")
    ctx.close()


@pytest.mark.browser
def test_editorial_notes_sit_after_the_passage_they_concern(
    browser: Browser, server: SiteServer, handbook: Handbook
) -> None:
    ctx = context(browser, javascript=False, auditable=True)
    page = ctx.new_page()
    for note in handbook.edition.notes:
        page.goto(server.url(address(note.page)))
        box = page.locator(f"#note-{note.id}")
        expect(box).to_have_class(re.compile(r"\beditorial\b"))
        expect(box).to_have_attribute("role", "note")
        expect(box).to_contain_text(f"Editorial note: {note.title}")
        passage = box.evaluate(
            """note => {
                let before = note.previousElementSibling;
                while (before && before.classList.contains("editorial")) before = before.previousElementSibling;
                return before.textContent;
            }"""
        )
        assert " ".join(words(note.after)) in " ".join(words(passage)), note.id
    ctx.close()


def test_about_this_edition_lists_every_correction_and_note(site: Path, handbook: Handbook) -> None:
    about = parse(site / "about/this-edition/index.html")
    for correction in handbook.edition.corrections:
        assert f"correction-{correction.id}" in about.ids
    hrefs = {href for _, href in about.links}
    for note in handbook.edition.notes:
        assert f"../../{address(note.page)}#note-{note.id}" in hrefs


@pytest.mark.browser
def test_the_home_page_leads_to_the_four_ways_in(browser: Browser, server: SiteServer) -> None:
    ctx = context(browser, javascript=False)
    page = ctx.new_page()
    for name, destination in [
        ("I have a disagreement: what should I do?", "guide/"),
        ("Read the Compact", "compact/"),
        ("Codes of practice", "codes/"),
        ("Downloads", "downloads/"),
    ]:
        page.goto(server.url(""))
        page.locator("article").get_by_role("link", name=name, exact=True).click()
        assert page.url == server.url(destination), name
    ctx.close()


def test_every_page_links_to_the_accessibility_statement(site: Path) -> None:
    statement = site / "about/accessibility/index.html"
    for page in pages(site):
        links = parse(page_file(site, page)).links
        assert any(target_file(site, page, href) == statement for _, href in links), page


@pytest.mark.browser
def test_navigation_works_on_a_phone_without_javascript(browser: Browser, server: SiteServer) -> None:
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 740})
    page = ctx.new_page()
    page.goto(server.url(""))
    section6 = page.locator("nav.md-nav--primary").get_by_role("link", name="Section 6: Resolving Disagreements")
    expect(section6).not_to_be_in_viewport()
    # The menu button, under which its checkbox lies.
    page.get_by_role("checkbox", name="Show the navigation menu").click()
    section6.click()
    assert page.url == server.url("compact/resolving-disagreements/")
    ctx.close()


@pytest.mark.browser
def test_a_page_prints_without_its_chrome_and_with_link_addresses(browser: Browser, server: SiteServer) -> None:
    ctx = context(browser, javascript=False)
    page = ctx.new_page()
    page.emulate_media(media="print")
    page.goto(server.url("about/accessibility/"))
    for chrome in ("header.md-header", ".md-sidebar--primary", "footer.md-footer"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    external = page.locator("article a[href^='http']").first
    href = external.get_attribute("href")
    after = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert href and href in after
    ctx.close()
