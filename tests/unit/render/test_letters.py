"""The model letters as files: a Word document that opens, shows every [field to fill in]
highlighted and has no title line, the same bytes every time; and plain text without markup."""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX

from build_scripts.model.guide import Letter
from build_scripts.model.source import Source
from build_scripts.pipeline import check
from build_scripts.render.letters import plain_text, word_document
from tests.support.project import CONTENT

FIELD = re.compile(r"\[[^\[\]]*\]")
DATED = datetime.date(2026, 11, 25)


def real_letters() -> list[Letter]:
    checked = check(CONTENT)
    assert checked.handbook is not None and checked.handbook.guide is not None
    return list(checked.handbook.guide.letters)


def read_back(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("letter", real_letters(), ids=lambda letter: letter.id)
def test_each_letter_opens_with_its_fields_highlighted_and_no_title(letter: Letter) -> None:
    document = read_back(word_document(letter, DATED))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    fields = FIELD.findall(letter.body)
    assert fields, f"{letter.id} has nothing to fill in"
    highlighted = [
        run.text
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]
    assert highlighted == fields
    assert text.replace("\n", " ").split() == letter.body.replace("**", "").split()
    assert letter.title not in text
    assert document.core_properties.title == letter.title
    assert document.core_properties.language == "en-GB"


def test_bold_stays_bold_and_lines_stay_lines() -> None:
    letter = Letter("a-letter", "A letter", None, "[Name]\n[Address]\n\n**Re: [the issue]** and more", Source("x", 1))
    first, second = read_back(word_document(letter, DATED)).paragraphs
    assert first.text == "[Name]\n[Address]"
    assert [(run.text, bool(run.bold)) for run in second.runs] == [
        ("Re: ", True),
        ("[the issue]", True),
        (" and more", False),
    ]


def test_the_same_letter_gives_the_same_bytes_dated_by_the_edition() -> None:
    letter = real_letters()[0]
    first = word_document(letter, DATED)
    assert first == word_document(letter, DATED)
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {entry.date_time for entry in package.infolist()} == {(2026, 11, 25, 0, 0, 0)}
    properties = read_back(first).core_properties
    assert properties.created == properties.modified == datetime.datetime(2026, 11, 25, tzinfo=datetime.UTC)


def test_the_plain_text_has_no_title_and_no_markup() -> None:
    for letter in real_letters():
        text = plain_text(letter)
        assert "**" not in text and not text.startswith(letter.title)
        assert FIELD.findall(text) == FIELD.findall(letter.body)
