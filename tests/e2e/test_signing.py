"""Signing, in the real build: each copy's signature page says what is signed as the codes' status
gives it, who counter-signs, and which sector signs; the blank copy has its fields; the Signatories
and Downloads pages lead to it, and each code's page to its PDF. Expectations come from the
sources, so adopting a code or recording a signature never fails a test."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_scripts.model.handbook import Handbook
from build_scripts.pipeline import check
from build_scripts.render.paper import BLANK_COPY_PDF, code_pdf, signatory_pdf
from build_scripts.render.signatory_copies import SECTOR_NAMES
from tests.support.pdf import BLANK_COPY_FIELDS, fields
from tests.support.site import links_to


@pytest.fixture(scope="module")
def handbook(root: Path) -> Handbook:
    checked = check(root)
    assert checked.handbook is not None and checked.problems == ()
    return checked.handbook


@cache
def signature_page(path: Path) -> str:
    return " ".join(PdfReader(path).pages[-1].extract_text().split())


def test_each_signature_page_says_what_is_signed_from_the_codes_status(site: Path, handbook: Handbook) -> None:
    assert handbook.register is not None
    for organisation in handbook.register.organisations:
        text = signature_page(site / signatory_pdf(organisation.id))
        commits, _, not_signed = text.partition("Not part of what is signed:")
        assert "commits itself to the principles and commitments of the Darlington Compact (Section 3)" in commits
        assert handbook.edition.name in commits
        assert "the editorial notes printed beside the text" in not_signed
        for code in handbook.codes:
            signed_part = commits if not code.is_draft else not_signed.split("As Section 1 says")[0]
            assert code.title in signed_part, f"{organisation.id}: {code.id}"
        assert f"a {SECTOR_NAMES[organisation.sector]} signatory" in text


def test_the_lead_body_counter_signs_every_copy_but_its_own(site: Path, handbook: Handbook) -> None:
    register = handbook.register
    assert register is not None
    lead = register.organisation(register.lead.id)
    assert lead is not None
    for organisation in register.organisations:
        counter_signer = register.counter_signer(organisation)
        assert counter_signer is not None and counter_signer.id != organisation.id
        text = signature_page(site / signatory_pdf(organisation.id))
        if organisation.id == lead.id:
            assert f"its own is counter-signed by {counter_signer.name}" in text
        else:
            assert f"Counter-signed by {lead.name}, the lead body" in text


def test_the_blank_copy_has_its_fields_and_is_tagged(site: Path) -> None:
    pdf = PdfReader(site / BLANK_COPY_PDF)
    found = fields(pdf)
    assert set(found) == BLANK_COPY_FIELDS
    assert all(field.get("/TU") for field in found.values())
    root = pdf.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root and "/AcroForm" in root


@pytest.mark.parametrize("page", ["signatories/", "downloads/"])
def test_the_blank_copy_is_linked_from_the_signatories_and_downloads_pages(site: Path, page: str) -> None:
    assert BLANK_COPY_PDF in links_to(site, page)


def test_each_code_page_links_to_its_own_pdf(site: Path, handbook: Handbook) -> None:
    for code in handbook.codes:
        html = (site / f"codes/{code.id}/index.html").read_text(encoding="utf-8")
        assert f'href="../../{code_pdf(code.id)}"' in html, code.id
