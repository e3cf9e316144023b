"""Paper that stands alone, read back from the real build's PDFs: every page says where the handbook
is online, a link on paper shows where it goes, every page of a draft code says it is a draft, the
one-page process is readable on a noticeboard, and the layout leaves no heading alone at the foot of
a page and no page mostly empty in the middle of a section.

Expectations come from the sources (which codes are drafts, mkdocs.yml's site_url), so adopting a
code or changing the address never fails a test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_scripts.model.handbook import Handbook
from build_scripts.model.text import one_line_text
from build_scripts.pipeline import check, configured_site_url
from build_scripts.render.paper import (
    DRAFT_HEADER,
    HANDBOOK_PDF,
    PROCESS_PDF,
    code_pdf,
    drafts_notice,
    lead_contact,
    signatory_pdf,
)
from build_scripts.render.print_markdown import print_address
from tests.support.pdf import (
    BOTTOM_MARGIN,
    MARGIN,
    body_runs,
    flat_text,
    footer_runs,
    footer_text,
    header_text,
    marked_text,
    page_text,
    reader,
    structure_elements,
    structure_leaves,
    web_links,
)

# The PDFs are read once in a run, by one worker (tests/support/pdf.py keeps what it has read).
pytestmark = pytest.mark.xdist_group("pdfs")

HEADINGS = {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/Lbl"}
"""What must not stand alone at the foot of a page: a heading, or the label of a list item or term."""


@pytest.fixture(scope="module")
def handbook(root: Path) -> Handbook:
    checked = check(root)
    assert checked.handbook is not None and checked.problems == ()
    return checked.handbook


@pytest.fixture(scope="module")
def site_address(root: Path) -> str:
    address = print_address(configured_site_url(root))
    assert address, "mkdocs.yml gives the site's address"
    return address


def every_pdf(site: Path) -> list[Path]:
    return sorted((site / "downloads").rglob("*.pdf"))


def section_starts(pdf: PdfReader) -> dict[str, int]:
    """The first page (0-based) of each top-level section, by its bookmark's title."""
    return {item.title: pdf.get_destination_page_number(item) for item in pdf.outline if not isinstance(item, list)}


def test_every_page_of_every_pdf_gives_the_handbooks_web_address(site: Path, site_address: str) -> None:
    for path in every_pdf(site):
        pdf = reader(path)
        # The one-page process has no cover; every other document's first page is its cover.
        cover = 0 if path.name != Path(PROCESS_PDF).name else None
        for number, page in enumerate(pdf.pages):
            text = flat_text(page) if number == cover else re.sub(r"\s+", "", footer_text(page))
            assert site_address in text, f"{path.name}: page {number + 1} does not say {site_address}"


def test_every_page_of_every_pdf_says_how_to_reach_the_lead_body(site: Path, handbook: Handbook) -> None:
    lead = lead_contact(handbook)
    assert lead is not None, "contacts.yml names the lead body"
    # Where its details are still to supply, the placeholder's "until then" is printed, never a guess.
    says = [f"Lead body: {lead.name}."]
    if lead.to_supply:
        says.append(one_line_text(lead.to_supply.until_then))
    for way in lead.reach:
        says.append(print_address(way.value) if way.how == "web" else ", ".join(way.value.splitlines()))
    expected = [re.sub(r"\s+", "", text) for text in says]
    for path in every_pdf(site):
        pdf = reader(path)
        cover = 0 if path.name != Path(PROCESS_PDF).name else None
        for number, page in enumerate(pdf.pages):
            text = flat_text(page) if number == cover else re.sub(r"\s+", "", footer_text(page))
            for part in expected:
                assert part in text, f"{path.name}: page {number + 1} does not say {part}"


def test_no_link_on_paper_leads_to_a_web_page_without_printing_its_address(site: Path) -> None:
    for path in every_pdf(site):
        pdf = reader(path)
        for number, page in enumerate(pdf.pages):
            # An address may go on to the next page after its link's text.
            text = flat_text(page) + (flat_text(pdf.pages[number + 1]) if number + 1 < len(pdf.pages) else "")
            for uri in web_links(page):
                address = re.sub(r"\s+", "", print_address(uri))
                assert address in text, f"{path.name}: page {number + 1} links to {uri} without printing it"


def test_no_phrase_for_screens_is_left_stranded_on_paper(site: Path) -> None:
    handbook_text = " ".join(" ".join(page_text(page).split()) for page in reader(site / HANDBOOK_PDF).pages)
    assert re.search(r"The process in words \(page \d+\)", handbook_text)
    process = " ".join(page_text(reader(site / PROCESS_PDF).pages[0]).split())
    assert re.search(r"the disagreement guide of the Darlington Compact handbook, at \S+/guide\.", process)


def test_every_page_of_a_draft_code_says_so_at_its_head(site: Path, handbook: Handbook) -> None:
    for code in handbook.codes:
        pdf = reader(site / code_pdf(code.id))
        for number, page in enumerate(pdf.pages[1:], start=2):
            assert (DRAFT_HEADER in header_text(page)) == code.is_draft, f"{code.id}: page {number}"
    pdf = reader(site / HANDBOOK_PDF)
    starts = sorted(section_starts(pdf).items(), key=lambda item: item[1])
    for (title, first), (_, after) in zip(starts, [*starts[1:], ("", len(pdf.pages))], strict=True):
        code = next((c for c in handbook.codes if title == f"{c.title}: code of practice"), None)
        for number in range(first, after):
            expected = code is not None and code.is_draft
            assert (DRAFT_HEADER in header_text(pdf.pages[number])) == expected, f"handbook: page {number + 1}"


def test_the_handbook_cover_says_which_codes_are_drafts(site: Path, handbook: Handbook) -> None:
    cover = " ".join(page_text(reader(site / HANDBOOK_PDF).pages[0]).split())
    notice = drafts_notice(handbook.codes)
    if notice:
        assert notice in cover
    else:
        assert "draft" not in cover.lower()


def test_no_doubled_punctuation_and_every_date_in_words(site: Path) -> None:
    doubled = re.compile(r"[?!:;,]\.|\w\.\.(?!\.)")
    iso_date = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
    for path in every_pdf(site):
        for number, page in enumerate(reader(path).pages, start=1):
            text = " ".join(page_text(page).split())
            for uri in web_links(page):
                text = text.replace(print_address(uri), " ")
            assert not doubled.search(text), f"{path.name}: page {number}: {doubled.search(text)}"
            assert not iso_date.search(text), f"{path.name}: page {number}: {iso_date.search(text)}"


def test_no_heading_is_left_alone_at_the_foot_of_a_page(site: Path) -> None:
    for path in every_pdf(site):
        pdf = reader(path)
        last: dict[int, tuple[str, ...]] = {}
        for page, types in structure_leaves(pdf):
            last[page] = types
        for page, types in last.items():
            if page < len(pdf.pages) - 1:
                assert not HEADINGS & set(types), f"{path.name}: page {page + 1} ends with {types}"


def test_no_page_is_three_quarters_empty_within_a_section(site: Path) -> None:
    pdf = reader(site / HANDBOOK_PDF)
    starts = set(section_starts(pdf).values())
    height = float(pdf.pages[0].mediabox.height)
    top, bottom = height - MARGIN, BOTTOM_MARGIN
    # The cover and the contents are pages of their own; a section's last page may end where it ends.
    for number in range(2, len(pdf.pages) - 1):
        if number + 1 in starts:
            continue
        lowest = min(run.y for run in body_runs(pdf.pages[number]))
        assert (top - lowest) / (top - bottom) > 0.25, f"handbook: page {number + 1} is three quarters empty"


def test_the_one_page_process_is_in_the_handbooks_typeface_and_readable_on_a_noticeboard(site: Path) -> None:
    pdf = reader(site / PROCESS_PDF)
    (page,) = pdf.pages
    body = body_runs(page)
    assert body and all(run.font.startswith("Open-Sans") for run in body), {run.font for run in body}
    small = [(run.text, round(run.size, 1)) for run in body if run.size < 9]
    assert not small, f"text under 9 pt on the one-page process: {small}"
    # The diagram's own text is drawn in the page's body: its stage names are there.
    assert {"Stage 1", "Stage 2", "Stage 3"} <= {run.text.strip() for run in body}


def test_running_headers_and_footers_are_artifacts_and_nothing_else_is(site: Path, site_address: str) -> None:
    """A screen reader skips artifacts: the header, footer and page number, on every page, and only they."""
    for path in every_pdf(site):
        pdf = reader(path)
        for number, page in enumerate(pdf.pages):
            marked = marked_text(page)
            artifacts = re.sub(r"\s+", "", "".join(text for artifact, text in marked if artifact))
            content = re.sub(r"\s+", "", "".join(text for artifact, text in marked if not artifact))
            if path.name == Path(PROCESS_PDF).name or number > 0:
                assert site_address in artifacts, f"{path.name}: page {number + 1}'s footer is not an artifact"
                assert f"Page{number + 1}of{len(pdf.pages)}" in artifacts, f"{path.name}: page {number + 1}"
            assert f"Page{number + 1}of" not in content, f"{path.name}: page {number + 1} reads its number aloud"


def test_no_ligature_stands_for_two_letters(site: Path) -> None:
    """ "effective" printed with an "ﬀ" glyph is found by no search and read aloud wrongly."""
    for path in every_pdf(site):
        for number, page in enumerate(reader(path).pages):
            found = re.findall("[\ufb00-\ufb06]", page_text(page))
            assert not found, f"{path.name}: page {number + 1} has ligatures {found}"


def test_the_footer_is_at_least_9_pt(site: Path) -> None:
    for path in every_pdf(site):
        for number, page in enumerate(reader(path).pages):
            small = [run.text for run in footer_runs(page) if run.size < 8.95]
            assert not small, f"{path.name}: page {number + 1} prints {small} below 9 pt"


def test_the_web_address_is_never_broken_over_two_lines(site: Path, site_address: str) -> None:
    """An address broken at its own hyphen ("darlington-" / "compact.example.org") cannot be typed back."""
    for path in every_pdf(site):
        pdf = reader(path)
        cover = 0 if path.name != Path(PROCESS_PDF).name else None
        for number, page in enumerate(pdf.pages):
            if number == cover:
                continue
            lines = footer_text(page).splitlines()
            assert any(site_address in line for line in lines), f"{path.name}: page {number + 1}: {lines}"


def test_the_diagram_is_described_by_its_stages_wherever_it_is_printed(site: Path, handbook: Handbook) -> None:
    """A screen reader hears what the diagram shows: every stage of the process, in its alt text."""
    assert handbook.guide is not None and handbook.register is not None
    first = handbook.register.organisations[0]
    for name in (HANDBOOK_PDF, PROCESS_PDF, signatory_pdf(first.id)):
        figures = [str(e.get("/Alt", "")) for e in structure_elements(reader(site / name)) if e["/S"] == "/Figure"]
        described = [alt for alt in figures if all(stage.name in alt for stage in handbook.guide.stages)]
        assert described, f"{name}: no figure's alt text names every stage: {figures}"
