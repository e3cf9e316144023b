"""The model letters as files to download and fill in: a Word document (.docx, made with
python-docx, each [field to fill in] highlighted) and plain text. Neither has a title line: the
title is what the letter is for, shown above it on the page, not part of the letter.

A letter holds only lines, **bold** and [fields] (the loader sees to it), so both are made from
those alone. Two builds give the same bytes: every date inside the document is the edition's.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from functools import partial

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ..model.addresses import letter_file
from ..model.guide import Letter
from ..model.text import blocks
from .word_cache import WordCache

FIELD = re.compile(r"(\[[^\[\]]*\])")
HIGHLIGHT = WD_COLOR_INDEX.YELLOW
LANGUAGE = "en-GB"
AUTHOR = "The Darlington Compact handbook"


def letter_files(letters: tuple[Letter, ...], published: str, words: WordCache | None = None) -> dict[str, str | bytes]:
    """Each letter as plain text and as a Word document (kept in `words` between builds), by
    docs-relative path."""
    files: dict[str, str | bytes] = {}
    dated = datetime.date.fromisoformat(published)
    for letter in letters:
        files[letter_file(letter.id)] = plain_text(letter)
        files[letter_file(letter.id, "docx")] = (words or WordCache.off()).document(
            ("letter", letter.title, letter.body, published), partial(word_document, letter, dated)
        )
    return files


def plain_text(letter: Letter) -> str:
    return letter.body.replace("**", "") + "\n"


def word_document(letter: Letter, dated: datetime.date) -> bytes:
    """The letter as a .docx: a paragraph for each block of lines, bold kept, fields highlighted."""
    document = Document()
    set_language(document)
    for _, block in blocks(letter.body):
        paragraph = document.add_paragraph()
        for index, line in enumerate(block.split("\n")):
            if index:
                paragraph.add_run().add_break()
            _add_line(paragraph, line)
    properties = document.core_properties
    moment = datetime.datetime.combine(dated, datetime.time(), tzinfo=datetime.UTC)
    properties.title = letter.title
    properties.author = properties.last_modified_by = AUTHOR
    properties.comments = "A model letter: fill in the highlighted parts in square brackets."
    properties.language = LANGUAGE
    properties.created = properties.modified = moment
    properties.revision = 1
    out = io.BytesIO()
    document.save(out)
    return fixed_dates(out.getvalue(), dated)


def _add_line(paragraph: Paragraph, line: str) -> None:
    for number, part in enumerate(line.split("**")):
        bold = number % 2 == 1
        for piece in FIELD.split(part):
            if not piece:
                continue
            run = paragraph.add_run(piece)
            run.bold = bold or None
            if FIELD.fullmatch(piece):
                run.font.highlight_color = HIGHLIGHT


def set_language(document: object) -> None:
    """British English for spelling and for screen readers, on the style every paragraph uses."""
    style = document.styles["Normal"]  # type: ignore[attr-defined]
    properties = style.element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE)
    properties.append(language)


def fixed_dates(data: bytes, dated: datetime.date) -> bytes:
    """The same zip with every entry dated `dated`, in the same order: python-docx stamps the time
    of saving on each entry, which would make every build differ."""
    stamp = (max(dated.year, 1980), dated.month, dated.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
