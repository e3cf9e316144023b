"""The Steering Group pack of a small handbook with something of each kind still needed, laid out and
read back: its items are the list publish-check prints, its form has a field for each contact and fact
and a row for each organisation's Champion, which can be filled in; and the Word version says the same."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from build_scripts.pipeline import Checked, check
from build_scripts.render.paper import paper_of
from build_scripts.render.pdf import lay_out
from build_scripts.render.steering_pack import field_names, pack_of, steering_pack_document
from build_scripts.render.steering_pack_word import pack_word_document
from build_scripts.render.still_needed import still_needed_page
from tests.support.pdf import structure_elements
from tests.support.project import copy_fixture, edit
from tests.support.steering_pack import (
    field_values,
    filled,
    pdf_sources,
    word_champion_rows,
    word_items,
    word_sources,
)

SITE = "https://compact.example.org/"


@pytest.fixture(scope="module")
def needing(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    """The minimal handbook with a contact to supply, no Champion recorded, a fact to confirm and an example
    address."""
    project = copy_fixture("minimal", tmp_path_factory.mktemp("needing"))
    edit(
        project / "contacts.yml",
        "    source: The Compact, Section 6\n",
        "    to_supply:\n      details: a phone number\n      ask: the secretary\n      until_then: Ask.\n"
        "    source: The Compact, Section 6\n",
    )
    edit(project / "signatories/register.yml", "    champion: A. Champion\n", "")
    edit(
        project / "compact/edition.yml",
        '    checked_on: "2026-01-10"\n',
        '    checked_on: "2026-01-10"\n    to_confirm: Is it closed?\n',
    )
    (project / "mkdocs.yml").write_text(f"site_name: T\nsite_url: {SITE}\n", encoding="utf-8")
    checked = check(project)
    assert checked.ok and len(checked.still_needed) == 4, checked.still_needed
    return checked


@pytest.fixture(scope="module")
def pdf_data(needing: Checked) -> bytes:
    handbook = needing.handbook
    assert handbook is not None
    return lay_out(steering_pack_document(handbook, needing.still_needed, paper_of(handbook, SITE)), {}).data


def test_the_pdf_lists_what_publish_check_lists(needing: Checked, pdf_data: bytes) -> None:
    pdf = PdfReader(io.BytesIO(pdf_data))
    assert sorted(pdf_sources(pdf)) == sorted(str(p.source) for p in needing.before_publishing)
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    for item in needing.still_needed:
        assert item.what in text
    assert "How to send it back" in text


def test_the_pdf_is_tagged_with_a_bookmark_for_each_part(pdf_data: bytes) -> None:
    pdf = PdfReader(io.BytesIO(pdf_data))
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and root["/Lang"] == "en-GB"
    assert pdf.metadata is not None and pdf.metadata.title
    titles = [getattr(entry, "title", "") for entry in pdf.outline if not isinstance(entry, list)]
    assert titles == ["About this pack", "What we still need", "The form", "How to send it back"]


def test_the_form_has_a_field_for_each_thing_and_a_row_for_each_organisation(needing: Checked, pdf_data: bytes) -> None:
    handbook = needing.handbook
    assert handbook is not None and handbook.register is not None
    pack = pack_of(handbook, needing.still_needed)
    pdf = PdfReader(io.BytesIO(pdf_data))
    fields = pdf.get_fields()
    assert fields is not None and list(fields) == field_names(pack)
    for organisation in handbook.register.organisations:
        assert f"compact-champions__{organisation.id}__name" in fields
    for name, field in fields.items():
        assert field.get("/TU"), f"{name} has no accessible name"
    assert sum(1 for element in structure_elements(pdf) if element["/S"] == "/Form") == len(fields)


def test_the_form_can_be_filled_in_and_read_back(needing: Checked, pdf_data: bytes) -> None:
    handbook = needing.handbook
    assert handbook is not None
    values = {
        "contact-the-chair__phone": "01325 000001",
        "compact-champions__the-cvs__name": "B. Champion",
        "confirm-note-commission-closed__answer": "Yes, in 2011",
        "site-address__answer": "https://compact.darlington.gov.uk/",
    }
    read = field_values(filled(pdf_data, values))
    for name, value in values.items():
        assert read[name] == value


def test_the_word_version_says_the_same(needing: Checked) -> None:
    handbook = needing.handbook
    assert handbook is not None and handbook.register is not None
    data = pack_word_document(pack_of(handbook, needing.still_needed, SITE), handbook.edition.published)
    whats = [item.what for item in needing.still_needed]
    assert word_items(data) == whats + whats, "each item in the list, then on the form"
    assert sorted(word_sources(data)) == sorted(str(p.source) for p in needing.before_publishing)
    assert word_champion_rows(data) == [o.name for o in handbook.register.organisations]
    assert data == pack_word_document(pack_of(handbook, needing.still_needed, SITE), handbook.edition.published)


def test_the_page_gives_each_item_its_anchor(needing: Checked) -> None:
    page = still_needed_page(needing.still_needed, with_pdfs=True)["about/still-needed.md"]
    for item in needing.still_needed:
        assert f"{{: #{item.id} }}" in page
    anchors = re.findall(r"\{: #([a-z0-9-]+) \}", page)
    assert len(anchors) == len(set(anchors)), "an anchor used twice"
    assert "(../downloads/steering-group-pack.pdf)" in page and "(../downloads/steering-group-pack.docx)" in page
