"""Reading the Steering Group pack back, as the Steering Group and a program would: the items it
lists (their number, heading and the source line it gives), its form's fields filled in, and the
Word version's headings and tables."""

from __future__ import annotations

import io
import re

from docx import Document
from pypdf import PdfReader, PdfWriter

ITEM_HEADING = re.compile(r"^(\d+)\. (.+)$")
SOURCE_LINE = re.compile(r"^In the sources (\S+:\d+)$", re.MULTILINE)


def pdf_sources(pdf: PdfReader) -> list[str]:
    """The `path:line` each item of the list gives ("In the sources"), in the order printed."""
    text = "\n".join(page.extract_text() for page in pdf.pages)
    return SOURCE_LINE.findall(text)


def filled(data: bytes, values: dict[str, str]) -> PdfReader:
    """The PDF with its form's fields filled in with `values`, as a reader saves it, read back."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return PdfReader(io.BytesIO(out.getvalue()))


def field_values(pdf: PdfReader) -> dict[str, str]:
    return {name: str(field.get("/V", "")) for name, field in (pdf.get_fields() or {}).items()}


def word_items(data: bytes) -> list[str]:
    """The headings of the items the Word version lists ("3. The chair"), without their numbers, in order;
    each is listed once in the list and once on the form."""
    document = Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 3"]
    return [match.group(2) for heading in headings if (match := ITEM_HEADING.match(heading))]


def word_sources(data: bytes) -> list[str]:
    document = Document(io.BytesIO(data))
    return [
        p.text.removeprefix("In the sources: ") for p in document.paragraphs if p.text.startswith("In the sources: ")
    ]


def word_champion_rows(data: bytes) -> list[str]:
    """The organisations of the Champions' table, one a row, in order."""
    document = Document(io.BytesIO(data))
    for table in document.tables:
        if table.rows[0].cells[0].text == "Organisation":
            return [row.cells[0].text for row in table.rows[1:]]
    return []
