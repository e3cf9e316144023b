"""Every sentence of the Compact as adopted is on the site, word for word and in order, apart from
the corrections listed in compact/edition.yml, which are applied to the source here and nowhere else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts.model.handbook import Handbook
from build_scripts.model.text import words
from build_scripts.pipeline import check
from tests.support.site import article_text

SOURCE = Path(__file__).resolve().parent.parent / "fixtures" / "darlington-compact-2009.txt"
_LINE_MARKERS = re.compile(r"^\s*(?:(?:#+|[-•*]|\d+\.)\s+)+", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@pytest.fixture(scope="module")
def handbook(root: Path) -> Handbook:
    checked = check(root)
    assert checked.handbook is not None and checked.problems == ()
    return checked.handbook


def source_text() -> str:
    """The source without heading marks, bullets and list numbers: its words and punctuation."""
    return " ".join(_LINE_MARKERS.sub("", SOURCE.read_text(encoding="utf-8")).split())


def corrected_sentences(handbook: Handbook) -> list[list[str]]:
    """The source's sentences as words, after this edition's corrections and only those."""
    sentences = [words(sentence) for sentence in _SENTENCE_END.split(source_text())]
    flat = [word for sentence in sentences for word in sentence + ["\n"]]
    for correction in handbook.edition.corrections:
        for replacement in correction.replacements:
            before, after = words(replacement.before), words(replacement.after)
            starts = [i for i in range(len(flat)) if _matches(flat, i, before)]
            assert len(starts) == 1, f"{replacement.source}: {replacement.before!r} should stand once in the source"
            end = _match_end(flat, starts[0], before)
            flat[starts[0] : end] = after
    text = " ".join(flat)
    return [sentence.split() for sentence in text.split("\n") if sentence.strip()]


def _matches(flat: list[str], start: int, needle: list[str]) -> bool:
    return _match_end(flat, start, needle) > 0


def _match_end(flat: list[str], start: int, needle: list[str]) -> int:
    """Where `needle` ends if it stands at `start` (sentence breaks between its words allowed), else 0."""
    i = start
    for word in needle:
        while i < len(flat) and flat[i] == "\n" and i > start:
            i += 1
        if i >= len(flat) or flat[i] != word:
            return 0
        i += 1
    return i


def site_words(site: Path, handbook: Handbook) -> list[str]:
    result: list[str] = []
    for page in handbook.pages:
        path = site / "compact" / ("index.html" if page.id == "index" else f"{page.id}/index.html")
        result += words(article_text(path))
    return result


def missing_sentences(on_site: list[str], sentences: list[list[str]]) -> list[str]:
    """The sentences not found on the site, each searched for after the one before it."""
    missing = []
    position = 0
    for sentence in sentences:
        n = len(sentence)
        found = next((i for i in range(position, len(on_site) - n + 1) if on_site[i : i + n] == sentence), None)
        if found is None:
            missing.append(" ".join(sentence))
        else:
            position = found + n
    return missing


def test_every_sentence_of_the_source_is_on_the_site_in_order(site: Path, handbook: Handbook) -> None:
    missing = missing_sentences(site_words(site, handbook), corrected_sentences(handbook))
    assert not missing, "sentences of the source missing from the site, or out of order:\n" + "\n".join(missing)


def test_the_corrected_defects_are_gone(site: Path, handbook: Handbook) -> None:
    text = " ".join(site_words(site, handbook))
    for defect in ("12 of 19", "set out in Section 2", "Local Disputes Panel", "referenced in Section 4", "Page 18"):
        assert " ".join(words(defect)) not in text, defect


def test_a_lost_or_moved_sentence_is_caught(site: Path, handbook: Handbook) -> None:
    on_site = site_words(site, handbook)
    sentences = corrected_sentences(handbook)
    lost = words("The group will meet quarterly.")
    start = next(i for i in range(len(on_site)) if on_site[i : i + len(lost)] == lost)
    without = on_site[:start] + on_site[start + len(lost) :]
    assert missing_sentences(without, sentences) == ["The group will meet quarterly"]
    moved = without + lost
    assert missing_sentences(moved, sentences), "a sentence out of its place is caught too"
