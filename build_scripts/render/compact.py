"""The Compact's pages and the "About this edition" page, as Markdown for the site."""

from __future__ import annotations

from collections import defaultdict

from ..model.addresses import ABOUT_EDITION, FIGURES, compact_page
from ..model.handbook import CompactPage, Correction, EditorialNote, Handbook
from ..model.text import blocks, contains_words, words
from .codes import practice_by
from .corrections import corrected_anchor, mark_corrections
from .diagram import diagram_description
from .environment import markdown_environment


def compact_pages(handbook: Handbook) -> dict[str, str]:
    """Each generated page's address (as a docs-relative `.md` path) and its Markdown."""
    env = markdown_environment()
    page_template = env.get_template("compact_page.md.j2")
    expanded_by = defaultdict(list, practice_by(handbook))
    pages = {
        compact_page(page.id): page_template.render(
            page=page,
            body=body_with_notes(page, handbook.edition.notes, handbook.edition.corrections),
            practice_by=expanded_by,
            figures=FIGURES,
            corrected_anchor=corrected_anchor,
            diagram_alt=_diagram_alt(handbook),
        )
        for page in handbook.pages
    }
    items_page = handbook.item_page(handbook.items[0].id) if handbook.items else None
    pages[ABOUT_EDITION] = env.get_template("about_edition.md.j2").render(
        handbook=handbook, items_page=items_page.id if items_page else "index"
    )
    return pages


def body_with_notes(
    page: CompactPage, notes: tuple[EditorialNote, ...], corrections: tuple[Correction, ...] = ()
) -> list[tuple[str, list[Correction], list[EditorialNote]]]:
    """The page's blocks, each with the words corrections put into it marked, and with the notes on
    those corrections and the editorial notes that sit after it."""
    page_notes = [note for note in notes if note.page == page.id]
    page_corrections = tuple(correction for correction in corrections if correction.page == page.id)
    result = []
    for _, block in blocks(page.body):
        block_words = words(block)
        marked, corrected = mark_corrections(block, page_corrections)
        result.append((marked, corrected, [n for n in page_notes if contains_words(block_words, words(n.after))]))
    return result


def _diagram_alt(handbook: Handbook) -> str:
    """The process diagram's text alternative: its stages in words (square brackets, which would end
    Markdown's alt text, written as round ones)."""
    if handbook.guide is None:
        return "Diagram of the disputes process, drawn from the disagreement guide."
    text = diagram_description(handbook.guide.stages)
    return " ".join(text.replace("[", "(").replace("]", ")").split())
