"""The printed documents as HTML: which pages each one holds, its cover and its contents.

The pages are the site's own generated Markdown pages, so paper and screen say the same thing. The
signatory copies are made in signatory_copies.py.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model.addresses import ABOUT_EDITION, CODES_INDEX, PROCESS_DIAGRAM, PROCESS_IN_WORDS, code_page, compact_page
from ..model.handbook import Code, Handbook
from .diagram import diagram_description
from .environment import html_environment, long_date, markdown_environment
from .guide import example_walks
from .paper import (
    ADOPTION_PACK_PDF,
    HANDBOOK_PDF,
    PROCESS_PDF,
    Cover,
    Paper,
    PrintDocument,
    Section,
    code_pdf,
    document,
    drafts_notice,
    sections,
)
from .print_markdown import PrintLinks

ADOPTION_DIR = "adoption-pack"
PACK_SECTORS = {
    "public": "for public sector signatories",
    "third": "for third sector signatories",
    "both": "for both sectors",
}
"""The pack's pages are made for print only: they are not pages of the site."""
PROCESS_SECTION = "disputes-process"
DRAFT_CODE = "Draft for adoption by the Compact Steering Group"


def print_documents(handbook: Handbook, files: Mapping[str, str | bytes], paper: Paper) -> list[PrintDocument]:
    """The handbook, each code, and the process on one page (the signatory copies are made apart)."""
    documents = [_handbook(handbook, files, paper)]
    documents += [_code(code, files, paper) for code in handbook.codes]
    if handbook.codes:
        documents.append(_adoption_pack(handbook, paper))
    if handbook.guide is not None:
        documents.append(_process(handbook, paper))
    return documents


def _handbook(handbook: Handbook, files: Mapping[str, str | bytes], paper: Paper) -> PrintDocument:
    compact = [compact_page(page.id) for page in handbook.pages]
    codes = [code_page(code.id) for code in handbook.codes]
    in_document = frozenset([*compact, ABOUT_EDITION, *((CODES_INDEX, *codes) if codes else ())])
    # The process in words is told in the handbook's own section on the disputes process.
    aliases = {PROCESS_IN_WORDS: PROCESS_SECTION} if handbook.guide is not None else {}
    links = PrintLinks(in_document, paper.site_url, aliases)
    # The Compact's words are printed as adopted: no page numbers added to its links.
    parts = sections(compact, files, "compact", PrintLinks(in_document, paper.site_url, aliases, False))
    parts += sections([ABOUT_EDITION], files, "edition", links)
    if handbook.codes:
        parts += sections([CODES_INDEX], files, "code", links)
        for code in handbook.codes:
            parts += sections([code_page(code.id)], files, "code", links, draft=code.is_draft)
    if handbook.guide is not None:
        html = (
            html_environment()
            .get_template("print/process_section.html.j2")
            .render(
                guide=handbook.guide,
                diagram=PROCESS_DIAGRAM,
                diagram_alt=diagram_description(handbook.guide.stages),
                walks=example_walks(handbook.guide, ""),
                paper=paper,
            )
        )
        parts.append(Section(PROCESS_SECTION, "process", html, "The disputes process"))
    cover = Cover(
        "Handbook",
        "The Darlington Compact",
        "Supporting Partnerships for Success: the Compact, its codes of practice and the disputes process",
        drafts_notice(handbook.codes),
        (("Edition", handbook.edition.name), ("Published", long_date(handbook.edition.published))),
    )
    return document(
        "print/handbook.html.j2",
        HANDBOOK_PDF,
        "The Darlington Compact handbook",
        "The Darlington Compact, About this edition, the codes of practice and the disputes process.",
        paper,
        cover=cover,
        sections=parts,
        contents=[{"title": s.title, "target": s.id, "level": 1} for s in parts],
    )


def _code(code: Code, files: Mapping[str, str | bytes], paper: Paper) -> PrintDocument:
    status = DRAFT_CODE if code.is_draft else f"Adopted on {long_date(code.adopted_on)}"
    cover = Cover(
        "Darlington Compact: code of practice",
        code.title,
        code.summary,
        f"Draft \u2013 not adopted. {DRAFT_CODE}." if code.is_draft else "",
        (
            ("Status", status),
            ("Version", code.version),
            ("Next review", long_date(code.review_date)),
            ("Edition", paper.edition),
        ),
    )
    page = code_page(code.id)
    return document(
        "print/single.html.j2",
        code_pdf(code.id),
        f"{code.title}: a code of practice of the Darlington Compact",
        code.summary,
        paper,
        cover=cover,
        sections=sections([page], files, "code", PrintLinks(frozenset([page]), paper.site_url), draft=code.is_draft),
    )


def _adoption_pack(handbook: Handbook, paper: Paper) -> PrintDocument:
    """Each clause of each code beside the Compact's words it expands, for the Steering Group to decide on."""
    env = markdown_environment()
    items = {item.id: item for item in handbook.items}
    item_pages = {item.id: page.heading for page in handbook.pages for g in page.groups for item in g.items}
    drafts = [code for code in handbook.codes if code.is_draft]
    pages = {
        f"{ADOPTION_DIR}/index.md": env.get_template("adoption_pack_intro.md.j2").render(
            codes=handbook.codes, drafts=drafts
        )
    }
    for code in handbook.codes:
        pages[f"{ADOPTION_DIR}/{code.id}.md"] = env.get_template("adoption_pack.md.j2").render(
            code=code, items=items, item_pages=item_pages, sectors=PACK_SECTORS
        )
    links = PrintLinks(frozenset(pages), paper.site_url)
    # A draft code's part of the pack says "Draft" at the head of every page, as the code's own PDF does.
    parts = sections([f"{ADOPTION_DIR}/index.md"], pages, "pack", links)
    for code in handbook.codes:
        parts += sections([f"{ADOPTION_DIR}/{code.id}.md"], pages, "pack", links, draft=code.is_draft)
    cover = Cover(
        "Adoption pack",
        "The codes of practice",
        "For the Compact Steering Group: each clause beside the words of the Compact it puts into practice",
        drafts_notice(handbook.codes),
        (
            ("Codes", f"{len(handbook.codes)}, {_drafts(len(drafts), len(handbook.codes))}"),
            ("Clauses", str(len(handbook.clauses))),
            ("Edition", paper.edition),
        ),
    )
    return document(
        "print/handbook.html.j2",
        ADOPTION_PACK_PDF,
        "The codes of practice of the Darlington Compact: adoption pack",
        "Each clause of the codes of practice beside the words of the Compact it expands, with its basis and "
        "status, for the Compact Steering Group.",
        paper,
        cover=cover,
        sections=parts,
        contents=[{"title": s.title, "target": s.id, "level": 1} for s in parts],
    )


def _drafts(drafts: int, codes: int) -> str:
    if drafts == codes:
        return "all drafts for adoption"
    return f"{drafts} of them drafts" if drafts else "all adopted"


def _process(handbook: Handbook, paper: Paper) -> PrintDocument:
    assert handbook.guide is not None, "made only for a handbook with a guide"
    return document(
        "print/process.html.j2",
        PROCESS_PDF,
        "Resolving a disagreement under the Darlington Compact",
        "The Compact's three-stage process for resolving disagreements, on one page.",
        paper,
        guide=handbook.guide,
        diagram=PROCESS_DIAGRAM,
        diagram_alt=diagram_description(handbook.guide.stages),
    )
