"""The Steering Group pack and the "What we still need" page, in the real build: the pack (PDF and
Word) lists exactly what `make publish-check` lists, its form can be filled in, the page gives each
item its anchor, and every placeholder on the site links there rather than to an empty list.
Expectations come from the sources, so the Steering Group's answers, once entered, never fail a test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_scripts.model.addresses import SIGNATORIES_PAGE, STILL_NEEDED_PAGE, page_url, step_page
from build_scripts.model.contacts import CHAMPIONS
from build_scripts.pipeline import Checked, check
from build_scripts.render.steering_pack import PACK_DOCX, PACK_PDF, field_names, pack_of
from tests.support.site import links_to
from tests.support.steering_pack import field_values, filled, pdf_sources, word_items, word_sources


def slug(heading: str) -> str:
    """The id MkDocs' table of contents gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[\s]+", "-", re.sub(r"[^\w\s-]", "", heading.lower()).strip())


STILL_NEEDED_HTML = page_url("", STILL_NEEDED_PAGE).lstrip("/") + "index.html"


@pytest.fixture(scope="module")
def checked(root: Path) -> Checked:
    found = check(root)
    assert found.ok and found.handbook is not None
    return found


def html_of(site: Path, page: str) -> str:
    return (site / (page_url("", page).lstrip("/") + "index.html")).read_text(encoding="utf-8")


def test_the_pack_lists_exactly_what_publish_check_lists(site: Path, checked: Checked) -> None:
    waiting = sorted(str(problem.source) for problem in checked.before_publishing)
    assert sorted(pdf_sources(PdfReader(site / PACK_PDF))) == waiting
    data = (site / PACK_DOCX).read_bytes()
    assert sorted(word_sources(data)) == waiting
    whats = [item.what for item in checked.still_needed]
    assert word_items(data) == whats + whats


def test_the_packs_form_can_be_filled_in(site: Path, checked: Checked) -> None:
    assert checked.handbook is not None
    data = (site / PACK_PDF).read_bytes()
    names = field_names(pack_of(checked.handbook, checked.still_needed))
    fields = PdfReader(site / PACK_PDF).get_fields() or {}
    assert list(fields) == names
    values = {name: f"Answer {number}" for number, name in enumerate(names)}
    assert field_values(filled(data, values)) == values


def test_the_page_gives_each_item_its_anchor_and_leads_to_the_pack(site: Path, checked: Checked) -> None:
    html = (site / STILL_NEEDED_HTML).read_text(encoding="utf-8")
    for item in checked.still_needed:
        assert f'id="{item.id}"' in html, item.id
    assert "steering-group-pack.pdf" in html and "steering-group-pack.docx" in html
    assert {"downloads/steering-group-pack.pdf", "downloads/steering-group-pack.docx"} <= links_to(site, "downloads/")


def test_no_placeholder_sends_a_reader_to_an_empty_list_of_champions(site: Path, checked: Checked) -> None:
    handbook = checked.handbook
    assert handbook is not None and handbook.guide is not None and handbook.register is not None
    ids = {item.id for item in checked.still_needed}
    champions_contact = handbook.contacts.contact(CHAMPIONS) if handbook.contacts else None
    assert champions_contact is not None
    champions_name = champions_contact.name
    signatories = html_of(site, SIGNATORIES_PAGE)
    recorded = any(organisation.champion for organisation in handbook.register.organisations)
    assert ("compact-champions" in ids) == (not recorded)
    for outcome in handbook.guide.outcomes:
        html = html_of(site, step_page(outcome.id))
        who = html.split('id="who"', 1)[1].split('id="time"', 1)[0]
        champions = who.split(f'<h3 id="{slug(champions_name)}"', 1)[1].split("<h", 1)[0]
        if not recorded:
            # Not the Signatories page, where every Champion would be "Not yet recorded".
            assert "signatories/" not in champions, outcome.id
            assert 'about/still-needed/#compact-champions"' in champions, outcome.id
        for link in re.findall(r'href="[./]*about/still-needed/#([a-z0-9-]+)"', who):
            assert link in ids, f"{outcome.id} links to an item that is not needed: {link}"
    if not recorded:
        assert 'about/still-needed/#compact-champions">Not yet recorded</a>' in signatories
