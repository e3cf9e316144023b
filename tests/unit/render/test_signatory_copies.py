"""Signatory copies of the small handbook, laid out and read back: what a signature commits an
organisation to follows from the codes' status, the lead body's own copy is counter-signed by
the organisation the register names, and the blank copy has fields to fill in on screen."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from build_scripts.model.handbook import Handbook
from build_scripts.pipeline import check, generated_files
from build_scripts.render.paper import paper_of
from build_scripts.render.pdf import lay_out
from build_scripts.render.signatory_copies import BLANK_HEAD, signatory_documents
from tests.support.pdf import BLANK_COPY_FIELDS, fields, header_text, structure_elements
from tests.support.project import edit

SITE = "https://compact.example.org/"
CODE = "codes_of_practice/fair-funding.yml"


def loaded(project: Path) -> Handbook:
    checked = check(project)
    assert checked.handbook is not None and checked.problems == ()
    return checked.handbook


def copy_of(handbook: Handbook, organisation_id: str | None) -> PdfReader:
    """The signatory copy of an organisation of the register, or with None the blank copy."""
    assert handbook.register is not None
    organisation = handbook.register.organisation(organisation_id) if organisation_id else None
    files = generated_files(handbook, SITE)
    [document] = signatory_documents(handbook, [organisation], files, paper_of(handbook, SITE))
    return PdfReader(io.BytesIO(lay_out(document, files).data))


def signature_page(pdf: PdfReader) -> str:
    return " ".join(pdf.pages[-1].extract_text().split())


def test_a_signature_commits_to_the_principles_and_commitments_not_to_a_draft_code(project: Path) -> None:
    text = signature_page(copy_of(loaded(project), "the-cvs"))
    assert "By signing, The CVS <& Friends> commits itself to the principles and commitments of the " in text
    assert (
        "Darlington Compact (Section 3), as adopted in 2009 and printed in this copy (Test edition, 1 January 2026), "
        "with each correction this edition makes to its wording marked where it stands and the 2009 wording printed "
        "beside it." in text
    )
    assert "Not part of what is signed: the editorial notes printed beside the text" in text
    assert "the code of practice still in draft, not adopted (Fair Funding)" in text
    assert "has adopted" not in text
    # Section 4 calls the codes part of the Compact: the copy says how that and "draft" are both true.
    assert "Section 4 names the codes of practice as part of the Compact" in text
    assert "each part of what is signed only once the Compact Steering Group adopts it" in text


def test_once_a_code_is_adopted_the_signature_commits_to_it(project: Path) -> None:
    edit(project / CODE, "status: draft\n", 'status: adopted\nadopted_on: "2027-03-01"\n')
    text = signature_page(copy_of(loaded(project), "the-cvs"))
    assert (
        "and to the code of practice that the Compact Steering Group has adopted: Fair Funding (adopted on "
        "1 March 2027). Not part of what is signed: the editorial notes printed beside the text, which record "
        "what has changed since 2009. As Section 1 says"
    ) in text
    assert "draft" not in text


def test_the_lead_body_counter_signs_every_copy_but_its_own(project: Path) -> None:
    handbook = loaded(project)
    council = signature_page(copy_of(handbook, "the-council"))
    assert "Counter-signed by The CVS <& Friends>, the lead body for the Darlington Compact" in council
    lead = signature_page(copy_of(handbook, "the-cvs"))
    assert (
        "This is the copy of The CVS <& Friends>, the lead body, which counter-signs every other copy; its own is "
        "counter-signed by The Council"
    ) in lead


def test_a_copy_names_its_sector_and_its_name_now_on_every_page(project: Path) -> None:
    pdf = copy_of(loaded(project), "the-council")
    text = signature_page(pdf)
    assert (
        "Signed for and on behalf of The Borough Council (named in the 2009 Compact as The Council), a public "
        "sector signatory of the Darlington Compact."
    ) in text
    assert "Renamed The Borough Council in April 2015." in " ".join(pdf.pages[0].extract_text().split())
    for page in pdf.pages[1:]:
        assert "Signatory copy for The Borough Council" in header_text(page)


def test_the_blank_copy_has_fields_to_fill_in_each_with_its_name(project: Path) -> None:
    pdf = copy_of(loaded(project), None)
    found = fields(pdf)
    assert set(found) == BLANK_COPY_FIELDS
    for name, field in found.items():
        assert field.get("/TU"), f"{name} has no accessible name"
        assert field.get("/FT") == ("/Btn" if name == "sector" else "/Tx"), name
    # Each field is tagged, so that a screen reader finds it where it stands (PDF/UA).
    # The sector is one choice of two: a radio group whose two buttons take one value between them.
    sector = found["sector"]
    assert int(sector["/Ff"]) & (1 << 15), "the sector is a choice of one (a radio group)"
    assert len(sector["/Kids"]) == 2
    # A name too long for its field shrinks to fit: the field's text size is 0, "auto" in a PDF form.
    annotations = [annotation.get_object() for page in pdf.pages for annotation in page.get("/Annots", [])]
    text_fields = [annotation for annotation in annotations if annotation.get("/FT") == "/Tx"]
    assert len(text_fields) == len(BLANK_COPY_FIELDS) - 1
    for field in text_fields:
        assert str(field["/DA"]).split()[-2:] == ["0", "Tf"], f"{field['/T']} has a fixed text size"
    # Each field, and each button of the choice, is tagged, so that a screen reader finds it where it
    # stands (PDF/UA).
    widgets = len(BLANK_COPY_FIELDS) - 1 + len(sector["/Kids"])
    assert sum(1 for element in structure_elements(pdf) if element["/S"] == "/Form") == widgets
    assert bool(pdf.trailer["/Root"]["/MarkInfo"]["/Marked"])
    for page in pdf.pages[1:]:
        assert BLANK_HEAD in header_text(page)
    text = signature_page(pdf)
    assert "Signed for and on behalf of the organisation named here" in text
    assert "A public sector body" in text and "A third sector organisation" in text


def test_a_copy_says_to_keep_one_and_where_to_send_the_other(project: Path) -> None:
    handbook = loaded(project)
    council = signature_page(copy_of(handbook, "the-council"))
    assert (
        "After signing. Print and sign two copies. Keep one with your organisation's records. Send the other to "
        "The CVS <& Friends>, the lead body, which counter-signs it for the Compact Steering Group and records The "
        "Borough Council in the register. To reach it: email compact@cvs.example.org;"
    ) in council
    lead = signature_page(copy_of(handbook, "the-cvs"))
    assert "Send the other to the Compact Steering Group, for The Council to counter-sign" in lead
