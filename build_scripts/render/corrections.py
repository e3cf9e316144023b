"""Each correction that puts words into the Compact, marked where it stands.

The Compact is printed "as adopted in 2009", so a reader, on screen or on paper, must see on the
page itself where this edition's words differ from the 2009 text: the words a correction put in are
marked, with a link to a note after their paragraph that quotes the 2009 wording. Which corrections
these are follows from the data (`changed_words`): one that only takes out a print artefact or
changes formatting adds no words, and is listed on "About this edition" only.
"""

from __future__ import annotations

from ..model.handbook import Correction
from ..model.text import changed_words, link_spans, word_spans, words

MARK_CLASS = "hb-correction-mark"
"""The class of the mark after corrected words: not the Compact's words (tests/support/site.py)."""


def corrected_anchor(correction: Correction) -> str:
    """The anchor of a correction's note on its page (the About page's own is "correction-<id>")."""
    return f"corrected-{correction.id}"


def mark_corrections(block: str, corrections: tuple[Correction, ...]) -> tuple[str, list[Correction]]:
    """A block of a Compact page with the words each correction put into it marked, and the
    corrections so marked, in the order they stand."""
    spans = word_spans(block)
    found: list[tuple[int, int, Correction]] = []
    for correction in corrections:
        for replacement in correction.replacements:
            span = _changed_span(block, spans, replacement.before, replacement.after)
            if span is not None:
                found.append((*span, correction))
    for start, end, correction in sorted(found, key=lambda item: item[0], reverse=True):
        mark = (
            f'<ins class="hb-corrected">{block[start:end]}</ins><sup class="{MARK_CLASS}">'
            f'<a href="#{corrected_anchor(correction)}">corrected</a></sup>'
        )
        block = block[:start] + mark + block[end:]
    marked = []
    for _, _, correction in sorted(found, key=lambda item: item[0]):
        if correction not in marked:
            marked.append(correction)
    return block, marked


def _changed_span(block: str, spans: list[tuple[str, int, int]], before: str, after: str) -> tuple[int, int] | None:
    """Where, in the block, stand the words a replacement put in (a link they touch taken whole, so
    that the mark never falls inside one), or None."""
    start, end = changed_words(before, after)
    new = words(after)
    if start == end:
        return None
    block_words = [word for word, _, _ in spans]
    at = next((i for i in range(len(spans) - len(new) + 1) if block_words[i : i + len(new)] == new), None)
    if at is None:
        return None
    first, last = spans[at + start][1], spans[at + end - 1][2]
    for link_start, link_end in link_spans(block):
        if link_start < last and first < link_end:
            first, last = min(first, link_start), max(last, link_end)
    return first, last


def adds_words(correction: Correction) -> bool:
    """Whether a correction put words into the Compact that the 2009 text does not have (and so is
    marked where it stands), rather than only taking out a print artefact or changing formatting."""
    return any(start < end for start, end in (changed_words(r.before, r.after) for r in correction.replacements))
