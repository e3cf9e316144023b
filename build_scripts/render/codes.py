"""The codes of practice: an overview page, one page a code, and what links them to the Compact."""

from __future__ import annotations

import posixpath

from ..model.addresses import CODES_INDEX, code_page, compact_page, relative
from ..model.handbook import Clause, Code, Handbook
from .environment import markdown_environment
from .paper import code_pdf

SECTOR_HEADINGS = {
    "public": "What public sector signatories will do",
    "third": "What third sector signatories will do",
    "both": "What both sectors will do",
}


def code_pages(handbook: Handbook, with_pdfs: bool = False) -> dict[str, str]:
    """The code pages; with the PDFs (not made in the live preview), each links to its own."""
    env = markdown_environment()
    items = {item.id: item for item in handbook.items}

    def item_link(item_id: str, here: str) -> str:
        page = handbook.item_page(item_id)
        target = posixpath.relpath(compact_page(page.id if page else "index"), posixpath.dirname(here))
        return f"{target}#{item_id}"

    template = env.get_template("code_page.md.j2")
    pages = {
        code_page(code.id): template.render(
            code=code,
            items=items,
            item_link=item_link,
            here=code_page(code.id),
            sectors=SECTOR_HEADINGS,
            pdf=relative(code_page(code.id), code_pdf(code.id)) if with_pdfs else "",
        )
        for code in handbook.codes
    }
    pages[CODES_INDEX] = env.get_template("codes_index.md.j2").render(codes=handbook.codes)
    return pages


def practice_by(handbook: Handbook) -> dict[str, list[tuple[Code, Clause]]]:
    """For each principle or commitment, the code clauses that expand it, in the order of the codes."""
    result: dict[str, list[tuple[Code, Clause]]] = {}
    for code in handbook.codes:
        for clause in code.clauses:
            for reference in clause.expands:
                result.setdefault(reference.id, []).append((code, clause))
    return result
