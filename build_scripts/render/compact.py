"""The Compact's pages and the "About this edition" page, as Markdown for the site."""

from __future__ import annotations

from ..model import CompactPage, EditorialNote, Handbook
from ..text import blocks, contains_words, words
from .environment import markdown_environment

ABOUT_EDITION = "about/this-edition.md"


def compact_pages(handbook: Handbook) -> dict[str, str]:
    """Each generated page's address (as a docs-relative `.md` path) and its Markdown."""
    env = markdown_environment()
    page_template = env.get_template("compact_page.md.j2")
    pages = {
        f"compact/{page.id}.md": page_template.render(page=page, body=body_with_notes(page, handbook.edition.notes))
        for page in handbook.pages
    }
    pages[ABOUT_EDITION] = env.get_template("about_edition.md.j2").render(handbook=handbook)
    return pages


def body_with_notes(page: CompactPage, notes: tuple[EditorialNote, ...]) -> list[tuple[str, list[EditorialNote]]]:
    """The page's blocks, each with the editorial notes that sit after it."""
    page_notes = [note for note in notes if note.page == page.id]
    result = []
    for _, block in blocks(page.body):
        block_words = words(block)
        result.append((block, [n for n in page_notes if contains_words(block_words, words(n.after))]))
    return result
