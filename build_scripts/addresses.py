"""Where each thing is published: the docs-relative page of every generated page, and its fixed anchors.

Addresses are promised to partner websites; they are made from checked ids only.
"""

from __future__ import annotations

COMPACT_DIR = "compact"
CODES_DIR = "codes"
ABOUT_EDITION = "about/this-edition.md"
CODES_INDEX = f"{CODES_DIR}/index.md"

CODE_ANCHORS = ("status", "purpose", "scope", "principles", "public", "third", "both", "checklist", "if-not-kept")
"""The headings of every code page, in order; a clause's id is its own anchor."""


def compact_page(page_id: str) -> str:
    return f"{COMPACT_DIR}/{page_id}.md"


def code_page(code_id: str) -> str:
    return f"{CODES_DIR}/{code_id}.md"
