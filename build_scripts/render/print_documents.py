"""The printed documents as HTML: which pages each one holds, its cover and its contents.

The pages are the site's own generated Markdown pages, so paper and screen say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model.addresses import ABOUT_EDITION, CODES_INDEX, PROCESS_DIAGRAM, code_page, compact_page
from ..model.handbook import Code, Handbook, Signatory
from ..model.text import one_line_text
from .environment import html_environment, long_date, markdown_environment
from .guide import example_walks
from .print_markdown import document_id, print_html

DOWNLOADS = "downloads"
HANDBOOK_PDF = f"{DOWNLOADS}/darlington-compact-handbook.pdf"
PROCESS_PDF = f"{DOWNLOADS}/disputes-process-on-one-page.pdf"
ADOPTION_PACK_PDF = f"{DOWNLOADS}/codes-of-practice-adoption-pack.pdf"
ADOPTION_DIR = "adoption-pack"
PACK_SECTORS = {
    "public": "for public sector signatories",
    "third": "for third sector signatories",
    "both": "for both sectors",
}
"""The pack's pages are made for print only: they are not pages of the site."""
PROCESS_SECTION = "disputes-process"


def code_pdf(code_id: str) -> str:
    return f"{DOWNLOADS}/code-of-practice-{code_id}.pdf"


def signatory_pdf(organisation_id: str) -> str:
    return f"{DOWNLOADS}/signatory-copies/{organisation_id}.pdf"


@dataclass(frozen=True)
class PrintDocument:
    path: str
    title: str
    description: str
    footer: str
    html: str


@dataclass(frozen=True)
class Section:
    id: str
    kind: str
    html: str
    title: str


@dataclass(frozen=True)
class Cover:
    kicker: str
    title: str
    subtitle: str
    draft: bool
    facts: tuple[tuple[str, str], ...]


def print_documents(handbook: Handbook, files: Mapping[str, str | bytes]) -> list[PrintDocument]:
    """The handbook, each code, and the process on one page (the signatory copies are made apart)."""
    documents = [_handbook(handbook, files)]
    documents += [_code(handbook, code, files) for code in handbook.codes]
    if handbook.codes:
        documents.append(_adoption_pack(handbook))
    if handbook.guide is not None:
        documents.append(_process(handbook))
    return documents


def _edition(handbook: Handbook) -> str:
    return f"{handbook.edition.name}, {long_date(handbook.edition.published)}"


def _sections(pages: list[str], files: Mapping[str, str | bytes], kind: str) -> list[Section]:
    in_document = set(pages)
    sections = []
    for page in pages:
        text = files[page]
        assert isinstance(text, str)
        html = print_html(page, text, in_document)
        sections.append(Section(document_id(page), kind, html, _first_heading(text)))
    return sections


def _first_heading(markdown: str) -> str:
    line = next(line for line in markdown.split("\n") if line.startswith("# "))
    return one_line_text(line.removeprefix("# ").split(" {")[0])


def _handbook(handbook: Handbook, files: Mapping[str, str | bytes]) -> PrintDocument:
    pages = [compact_page(page.id) for page in handbook.pages] + [ABOUT_EDITION]
    sections = _sections(pages, files, "compact")
    if handbook.codes:
        sections += _sections([CODES_INDEX, *(code_page(code.id) for code in handbook.codes)], files, "code")
    if handbook.guide is not None:
        html = (
            html_environment()
            .get_template("print/process_section.html.j2")
            .render(guide=handbook.guide, diagram=PROCESS_DIAGRAM, walks=example_walks(handbook.guide, ""))
        )
        sections.append(Section(PROCESS_SECTION, "process", html, "The disputes process"))
    title = "The Darlington Compact handbook"
    cover = Cover(
        "Handbook",
        "The Darlington Compact",
        "Supporting Partnerships for Success: the Compact, its codes of practice and the disputes process",
        False,
        (("Edition", handbook.edition.name), ("Published", long_date(handbook.edition.published))),
    )
    return _document(
        "print/handbook.html.j2",
        HANDBOOK_PDF,
        title,
        "The Darlington Compact, About this edition, the codes of practice and the disputes process.",
        handbook,
        cover=cover,
        sections=sections,
        contents=[{"title": s.title, "target": s.id, "level": 1} for s in sections],
    )


def _code(handbook: Handbook, code: Code, files: Mapping[str, str | bytes]) -> PrintDocument:
    status = (
        "Draft for adoption by the Compact Steering Group"
        if code.is_draft
        else f"Adopted on {long_date(code.adopted_on)}"
    )
    cover = Cover(
        "Darlington Compact: code of practice",
        code.title,
        code.summary,
        code.is_draft,
        (
            ("Status", status),
            ("Version", code.version),
            ("Next review", long_date(code.review_date)),
            ("Edition", _edition(handbook)),
        ),
    )
    return _document(
        "print/single.html.j2",
        code_pdf(code.id),
        f"{code.title}: a code of practice of the Darlington Compact",
        code.summary,
        handbook,
        cover=cover,
        sections=_sections([code_page(code.id)], files, "code"),
    )


def _adoption_pack(handbook: Handbook) -> PrintDocument:
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
    sections = _sections(list(pages), pages, "pack")
    cover = Cover(
        "Adoption pack",
        "The codes of practice",
        "For the Compact Steering Group: each clause beside the words of the Compact it puts into practice",
        bool(drafts),
        (
            ("Codes", f"{len(handbook.codes)}, {_drafts(len(drafts), len(handbook.codes))}"),
            ("Clauses", str(len(handbook.clauses))),
            ("Edition", _edition(handbook)),
        ),
    )
    return _document(
        "print/handbook.html.j2",
        ADOPTION_PACK_PDF,
        "The codes of practice of the Darlington Compact: adoption pack",
        "Each clause of the codes of practice beside the words of the Compact it expands, with its basis and "
        "status, for the Compact Steering Group.",
        handbook,
        cover=cover,
        sections=sections,
        contents=[{"title": s.title, "target": s.id, "level": 1} for s in sections],
    )


def _drafts(drafts: int, codes: int) -> str:
    if drafts == codes:
        return "all drafts for adoption"
    return f"{drafts} of them drafts" if drafts else "all adopted"


def _process(handbook: Handbook) -> PrintDocument:
    return _document(
        "print/process.html.j2",
        PROCESS_PDF,
        "Resolving a disagreement under the Darlington Compact",
        "The Compact's three-stage process for resolving disagreements, on one page.",
        handbook,
        guide=handbook.guide,
        diagram=PROCESS_DIAGRAM,
    )


def signatory_document(
    handbook: Handbook, organisation: Signatory, files: Mapping[str, str | bytes], with_agreement: bool
) -> PrintDocument:
    """A signatory copy: cover, the agreement (Sections 1 to 6) unless left out, signature page."""
    register = handbook.register
    assert register is not None
    lead = register.organisation(register.lead.id)
    agreement = [compact_page(page.id) for page in handbook.pages if page.label.startswith("Section")]
    cover = Cover(
        "Signatory copy",
        "The Darlington Compact",
        f"For {organisation.name}",
        False,
        (("Organisation", organisation.name), ("Edition", _edition(handbook))),
    )
    return _document(
        "print/signatory.html.j2",
        signatory_pdf(organisation.id),
        f"The Darlington Compact: signatory copy for {organisation.name}",
        f"The agreement, Sections 1 to 6, with a signature page for {organisation.name}.",
        handbook,
        cover=cover,
        sections=_sections(agreement, files, "compact") if with_agreement else [],
        organisation=organisation,
        lead=lead,
    )


def _document(
    template: str, path: str, title: str, description: str, handbook: Handbook, **context: object
) -> PrintDocument:
    footer = f"The Darlington Compact · {_edition(handbook)}"
    html = html_environment().get_template(template).render(title=title, description=description, **context)
    return PrintDocument(path, title, description, footer, html)
