"""A page printed from the browser keeps what a reader needs on paper: an outcome of the guide
prints its model letter whole, though the box that holds it is closed on screen, and a page of the
Compact prints each correction where it stands. Chromium (Debian's, through Playwright) prints
each page to a PDF, which is read back."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from build_scripts.model.addresses import compact_page, page_url, step_page
from build_scripts.model.guide import Guide
from build_scripts.model.handbook import Handbook
from build_scripts.model.text import one_line_text, words
from build_scripts.pipeline import check
from build_scripts.render.corrections import adds_words
from tests.support.browser import printed
from tests.support.server import SiteServer


@pytest.fixture(scope="module")
def handbook(root: Path) -> Handbook:
    checked = check(root)
    assert checked.handbook is not None and checked.problems == ()
    return checked.handbook


def printed_words(browser: Browser, url: str) -> list[str]:
    data = printed(browser, url)
    return words(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def contains(haystack: list[str], needle: list[str]) -> bool:
    return any(haystack[i : i + len(needle)] == needle for i in range(len(haystack) - len(needle) + 1))


@pytest.mark.browser
def test_an_outcome_prints_its_model_letter_whole(browser: Browser, server: SiteServer, handbook: Handbook) -> None:
    guide = handbook.guide
    assert isinstance(guide, Guide)
    outcome = next(outcome for outcome in guide.outcomes if outcome.letter is not None)
    assert outcome.letter is not None
    letter = guide.letter(outcome.letter.id)
    assert letter is not None
    on_paper = printed_words(browser, server.url(page_url("", step_page(outcome.id)).lstrip("/")))
    # Every line of the letter, its fields in square brackets and all, is on the paper.
    for line in letter.body.splitlines():
        line_words = words(one_line_text(line))
        if line_words:
            assert contains(on_paper, line_words), f"{outcome.id}: the printed letter lacks {line!r}"


@pytest.mark.browser
def test_a_page_of_the_compact_prints_each_correction_where_it_stands(
    browser: Browser, server: SiteServer, handbook: Handbook
) -> None:
    for correction in filter(adds_words, handbook.edition.corrections):
        on_paper = printed_words(browser, server.url(page_url("", compact_page(correction.page)).lstrip("/")))
        assert contains(on_paper, words(correction.source_said.replace("…", ""))), correction.id
        assert contains(on_paper, ["Corrected", "in", "this", "edition"]), correction.id


def test_each_correction_is_marked_where_it_stands_with_the_2009_wording_beside_it(
    site: Path, handbook: Handbook
) -> None:
    for correction in filter(adds_words, handbook.edition.corrections):
        html = (site / page_url("", compact_page(correction.page)).lstrip("/") / "index.html").read_text("utf-8")
        mark = re.search(rf'<sup class="hb-correction-mark"><a href="#corrected-{correction.id}">', html)
        assert mark, f"{correction.id}: no mark where the correction stands"
        note = html.index(f'id="corrected-{correction.id}"')
        assert mark.start() < note, f"{correction.id}: its note comes before the mark"
        assert f"about/this-edition/#correction-{correction.id}" in html[note:]
