"""The PDFs of the real build: every one there, accessible and well-formed, carrying the whole
model's text, and the same bytes from two builds of one commit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from build_scripts.model.handbook import Handbook
from build_scripts.model.text import words
from build_scripts.pipeline import check
from tests.support.pdf import header_text, page_text, reader
from tests.support.site import resolve

# The PDFs are read once in a run, by one worker (tests/support/pdf.py keeps what it has read).
pytestmark = pytest.mark.xdist_group("pdfs")

HANDBOOK = "downloads/darlington-compact-handbook.pdf"
PROCESS = "downloads/disputes-process-on-one-page.pdf"
ADOPTION_PACK = "downloads/codes-of-practice-adoption-pack.pdf"
BLANK_COPY = "downloads/signatory-copy-for-a-new-signatory.pdf"
STEERING_PACK = "downloads/steering-group-pack.pdf"
# What paper adds to a page's words: the page a link leads to, and the address after a link's text.
PAGE_REFERENCE = re.compile(r"\(page \d+\)")
PRINTED_ADDRESS = re.compile(r"\((?:[\w-]+\.)+[a-z]{2,}(?:/[^\s()]*)?\)|\([^\s()@]+@[^\s()]+\)")


@pytest.fixture(scope="module")
def handbook(root: Path) -> Handbook:
    checked = check(root)
    assert checked.handbook is not None and checked.problems == ()
    return checked.handbook


def expected_pdfs(handbook: Handbook) -> dict[str, tuple[int, int]]:
    """Each PDF the build must make, with the range its page count must fall in."""
    assert handbook.register is not None
    pdfs = {HANDBOOK: (25, 80), PROCESS: (1, 1)}
    pdfs |= {f"downloads/code-of-practice-{code.id}.pdf": (2, 8) for code in handbook.codes}
    pdfs |= {f"downloads/signatory-copies/{o.id}.pdf": (6, 20) for o in handbook.register.organisations}
    pdfs[BLANK_COPY] = (6, 20)
    # The Steering Group pack: a cover, about, its list and form (a page at least), how to send it back.
    pdfs[STEERING_PACK] = (4, 40)
    if handbook.codes:
        # A cover, contents and guide, then a page a code at least, and at most a page a clause.
        pdfs[ADOPTION_PACK] = (3 + len(handbook.codes), 3 + len(handbook.codes) + len(handbook.clauses))
    return pdfs


def outline_titles(outline: list[object]) -> list[str]:
    titles: list[str] = []
    for entry in outline:
        titles += outline_titles(entry) if isinstance(entry, list) else [getattr(entry, "title", "")]
    return titles


def text_words(pdf: PdfReader) -> list[str]:
    """The words of a PDF's pages as its sources give them: without the running header and footer,
    and without what paper adds to a link (its address, the page it leads to)."""
    result: list[str] = []
    for page in pdf.pages:
        # A line may end at the hyphen of a word such as "co-operation", or an address at a slash.
        text = page_text(page).replace("-\n", "-").replace("/\n", "/")
        lines = [line for line in text.split("\n") if not re.search(r"Page \d+ of \d+$", line)]
        body = PRINTED_ADDRESS.sub(" ", PAGE_REFERENCE.sub(" ", " ".join(lines)))
        result += words(body)
    return result


def contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def test_every_pdf_is_made_with_a_sensible_number_of_pages(site: Path, handbook: Handbook) -> None:
    made = {p.relative_to(site).as_posix() for p in (site / "downloads").rglob("*.pdf")}
    expected = expected_pdfs(handbook)
    assert made == set(expected)
    for path, (least, most) in expected.items():
        pages = len(reader(site / path).pages)
        assert least <= pages <= most, f"{path} has {pages} pages"


def test_every_pdf_is_tagged_titled_in_british_english_with_fonts_embedded(site: Path, handbook: Handbook) -> None:
    for path in expected_pdfs(handbook):
        pdf = reader(site / path)
        root = pdf.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"]), f"{path} is not tagged"
        assert "/StructTreeRoot" in root, path
        assert root["/Lang"] == "en-GB", path
        assert pdf.metadata is not None and pdf.metadata.title, path
    fonts = set()
    for page in reader(site / HANDBOOK).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert "Open-Sans" in fonts


def test_the_handbook_has_a_bookmark_for_every_section_and_code(site: Path, handbook: Handbook) -> None:
    titles = outline_titles(reader(site / HANDBOOK).outline)
    for page in handbook.pages:
        assert page.heading in titles
    for code in handbook.codes:
        assert f"{code.title}: code of practice" in titles
    assert "About this edition" in titles and "The disputes process" in titles
    for code in handbook.codes:
        assert outline_titles(reader(site / f"downloads/code-of-practice-{code.id}.pdf").outline)[0] == (
            f"{code.title}: code of practice"
        )


def test_every_principle_commitment_and_clause_is_in_the_handbook(site: Path, handbook: Handbook) -> None:
    text = text_words(reader(site / HANDBOOK))
    missing = [item.id for item in handbook.items if not contains(text, words(item.text))]
    missing += [clause.id for clause in handbook.clauses if not contains(text, words(clause.text))]
    assert not missing, f"not found in the handbook PDF: {missing}"


def test_the_contents_give_page_numbers_and_links(site: Path) -> None:
    pdf = reader(site / HANDBOOK)
    contents = pdf.pages[1]
    found = re.search(r"Section 6: Resolving Disagreements[ .]*(\d+)", contents.extract_text(extraction_mode="layout"))
    assert found, "no page number for Section 6 in the contents"
    section_6 = page_text(pdf.pages[int(found.group(1)) - 1])
    assert "Section 6: Resolving Disagreements" in section_6.split("\n")[:3]
    links = [a.get_object() for a in contents.get("/Annots", [])]
    assert len(links) >= 10 and all(a["/Subtype"] == "/Link" for a in links)


def test_the_process_fits_on_one_page_with_its_diagram(site: Path) -> None:
    pdf = reader(site / PROCESS)
    assert len(pdf.pages) == 1
    text = " ".join(words(page_text(pdf.pages[0])))
    assert "Stage 3" in text and "closed in 2011" in text


def test_a_signatory_copy_names_its_organisation_on_its_cover_signature_page_and_every_page(
    site: Path, handbook: Handbook
) -> None:

    assert handbook.register is not None
    for organisation in handbook.register.organisations:
        pdf = reader(site / f"downloads/signatory-copies/{organisation.id}.pdf")
        cover, signature = page_text(pdf.pages[0]), page_text(pdf.pages[-1])
        assert organisation.signs_as in cover and organisation.name in cover
        assert f"Signed for and on behalf of {organisation.signs_as}" in " ".join(signature.split())
        assert "Counter-signed" in signature
        total = len(pdf.pages)
        assert f"Page {total} of {total}" in signature
        assert "Section 6: Resolving Disagreements" in outline_titles(pdf.outline)
        for number, page in enumerate(pdf.pages[1:], start=2):
            assert f"Signatory copy for {organisation.signs_as}" in header_text(page), f"{organisation.id}: {number}"


def test_the_downloads_page_lists_every_pdf_with_its_pages_and_size(site: Path, handbook: Handbook) -> None:
    page = (site / "downloads/index.html").read_text(encoding="utf-8")
    for path in expected_pdfs(handbook):
        pages = len(reader(site / path).pages)
        size = round((site / path).stat().st_size / 1024)
        listed = re.findall(rf'href="([^"]+)">[^<]+</a> \(PDF, {pages} pages?, {size} KB\)', page)
        assert path in {resolve("downloads/index.html", href) for href in listed}, path


def test_no_pdf_has_an_empty_page(site: Path, handbook: Handbook) -> None:
    assert handbook.register is not None
    for path in [HANDBOOK, PROCESS, f"downloads/signatory-copies/{handbook.register.organisations[-1].id}.pdf"]:
        for number, page in enumerate(reader(site / path).pages, start=1):
            lines = [line for line in page_text(page).split("\n") if line.strip()]
            body = [line for line in lines if not re.search(r"Page \d+ of \d+$", line)]
            assert len(body) > 2, f"{path}: page {number} is empty"


def test_the_adoption_pack_sets_each_clause_beside_the_compact_words_it_expands(site: Path, handbook: Handbook) -> None:
    pack = text_words(reader(site / ADOPTION_PACK))
    items = {item.id: item for item in handbook.items}
    for clause in handbook.clauses:
        assert contains(pack, words(clause.text)), f"{clause.id}: its text is not in the pack"
        for reference in clause.expands:
            assert contains(pack, words(items[reference.id].text)), f"{clause.id}: {reference.id} is not quoted"
        if clause.basis:
            assert contains(pack, words(clause.basis)), f"{clause.id}: its basis is not in the pack"
    titles = outline_titles(reader(site / ADOPTION_PACK).outline)
    assert [code.title for code in handbook.codes] == [t for t in titles if t in {c.title for c in handbook.codes}]


def structure_elements(node: object) -> Iterator[DictionaryObject]:
    """Every element of a tagged PDF's structure tree under `node`."""
    node = node.get_object() if isinstance(node, IndirectObject) else node
    if not isinstance(node, DictionaryObject):
        return
    if "/S" in node:
        yield node
    kids = node.get("/K")
    kids = kids.get_object() if isinstance(kids, IndirectObject) else kids
    for kid in kids if isinstance(kids, ArrayObject) else [kids]:
        yield from structure_elements(kid)


def test_no_table_header_lacks_the_scope_a_pdf_ua_checker_asks_for(site: Path, handbook: Handbook) -> None:
    """WeasyPrint 70 tags a header cell without /Scope (Kozea/WeasyPrint#2508), which PDF/UA
    checkers report: the signature page's lines to fill in are labelled lines, not a table."""
    for path in expected_pdfs(handbook):
        pdf = reader(site / path)
        for element in structure_elements(pdf.trailer["/Root"]["/StructTreeRoot"]):
            if element["/S"] == "/TH":
                attributes = element.get("/A")
                attributes = attributes.get_object() if isinstance(attributes, IndirectObject) else attributes
                assert attributes is not None and "/Scope" in attributes, f"{path}: a table header without /Scope"
    assert handbook.register is not None
    signature = reader(site / f"downloads/signatory-copies/{handbook.register.organisations[0].id}.pdf").pages[-1]
    text = page_text(signature)
    for label in ("Name", "Position", "Signature", "Date", "Email or telephone"):
        assert label in text, label
