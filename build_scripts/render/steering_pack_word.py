"""The Steering Group pack as a Word document (python-docx, as render/letters.py uses it): the same
content as the PDF (steering_pack.py, `pack_of`), its form as tables to type into, one row an
organisation for the Compact Champions. Dated by the edition, so two builds give the same bytes.
"""

from __future__ import annotations

import datetime
import io

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table

from ..model.still_needed import CHAMPIONS, CONTACT
from .letters import AUTHOR, LANGUAGE, fixed_dates, set_language
from .steering_pack import CHAMPION_FIELDS, CONTACT_FIELDS, DESCRIPTION, TITLE, Pack
from .word_cache import WordCache

RETURN = (
    "Fill in what you can, in the tables of the form, and return this document to whoever sent it to you, who "
    "maintains the handbook. Say where each answer comes from (a minute of a meeting, an organisation's own "
    "letter or website) and the date: the handbook records where each fact comes from and when it was checked. "
    "Each answer is entered in the handbook's sources at the line given for it; once entered, the item leaves "
    'this pack, the list that "make publish-check" prints and the page "What we still need".'
)


def pack_word_document(pack: Pack, published: str, words: WordCache | None = None) -> bytes:
    """The pack as a .docx, dated `published` (the edition's date, 2026-11-25); kept in `words` between
    builds."""
    return (words or WordCache.off()).document(("pack", repr(pack), published), lambda: _document(pack, published))


def _document(pack: Pack, published: str) -> bytes:
    dated = datetime.date.fromisoformat(published)
    document = Document()
    set_language(document)
    document.add_heading("What the handbook still needs", level=0)
    document.add_paragraph(f"For the Compact Steering Group. {pack.edition}, {pack.prepared}.")
    document.add_heading("About this pack", level=1)
    document.add_paragraph(
        "The Darlington Compact handbook puts online the Compact adopted in 2009: its text, its codes of practice, "
        "the register of signatories, and a guide through the Compact's process for resolving a disagreement."
    )
    document.add_paragraph(
        f"Before it can go live, the Compact Steering Group must supply or confirm the {len(pack.items)} "
        f"thing{'s' if len(pack.items) != 1 else ''} listed here. Nothing missing is guessed: until each is supplied, "
        "the handbook says what is missing and what to do meanwhile. Until the contacts and each organisation's "
        "Compact Champion are supplied, no one can act on the guide as the Compact intends."
    )
    if pack.items:
        document.add_heading("What we still need", level=1)
        entries = {entry.item.id: entry for entry in pack.entries}
        for group in pack.groups:
            document.add_heading(group.heading, level=2)
            document.add_paragraph(group.lead)
            for item in group.items:
                entry = entries[item.id]
                document.add_heading(f"{entry.number}. {item.what}", level=3)
                facts = [("To confirm", entry.asked)] if item.kind not in (CONTACT, CHAMPIONS) else []
                if item.kind in (CONTACT, CHAMPIONS):
                    facts = [("What is needed", _sentence(entry.asked)), ("Whom to ask", _sentence(entry.ask))]
                facts += [
                    ("Why", item.why),
                    ("Where it is used", entry.used_on),
                    ("Until then", entry.until_then),
                    ("In the sources", str(item.source)),
                ]
                for term, value in facts:
                    paragraph = document.add_paragraph()
                    paragraph.add_run(f"{term}: ").bold = True
                    paragraph.add_run(value)
        document.add_heading("The form", level=1)
        document.add_paragraph("Fill in what you can. A cell left empty stays on the list until it is supplied.")
        for group in pack.groups:
            document.add_heading(group.heading, level=2)
            for item in group.items:
                _form(document, pack, item.id, item.kind, f"{entries[item.id].number}. {item.what}")
    document.add_heading("How to send it back", level=1)
    document.add_paragraph(RETURN)
    properties = document.core_properties
    moment = datetime.datetime.combine(dated, datetime.time(), tzinfo=datetime.UTC)
    properties.title = TITLE
    properties.subject = DESCRIPTION
    properties.author = properties.last_modified_by = AUTHOR
    properties.language = LANGUAGE
    properties.created = properties.modified = moment
    properties.revision = 1
    out = io.BytesIO()
    document.save(out)
    return fixed_dates(out.getvalue(), dated)


def _form(document: object, pack: Pack, item_id: str, kind: str, heading: str) -> None:
    document.add_heading(heading, level=3)  # type: ignore[attr-defined]
    if kind == CHAMPIONS:
        table = _table(document, ["Organisation", *(label for _, label in CHAMPION_FIELDS)])
        for organisation in pack.organisations:
            table.add_row().cells[0].text = organisation.name  # type: ignore[no-untyped-call]
        return
    rows = CONTACT_FIELDS if kind == CONTACT else (("answer", "Answer"),)
    table = _table(document, ["Asked", "Your answer"])
    for _, label in rows:
        table.add_row().cells[0].text = label  # type: ignore[no-untyped-call]


def _table(document: object, headers: list[str]) -> Table:
    table: Table = document.add_table(rows=1, cols=len(headers))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = header
        cell.paragraphs[0].runs[0].bold = True
    # The first row is the header row: repeated on each page, and read as headers by a screen reader.
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
    return table


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."
