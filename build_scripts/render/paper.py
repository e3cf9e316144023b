"""What every printed document shares: where it is published, its cover, its sections, and what
each of its pages carries so that the paper stands alone (the handbook's web address, the edition,
how to reach the lead body)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model.addresses import GUIDE_INDEX, page_url
from ..model.handbook import Code, Handbook
from ..model.text import one_line_text
from .environment import html_environment, long_date
from .print_markdown import PrintLinks, document_id, print_address, print_html

DOWNLOADS = "downloads"
HANDBOOK_PDF = f"{DOWNLOADS}/darlington-compact-handbook.pdf"
PROCESS_PDF = f"{DOWNLOADS}/disputes-process-on-one-page.pdf"
ADOPTION_PACK_PDF = f"{DOWNLOADS}/codes-of-practice-adoption-pack.pdf"
BLANK_COPY_PDF = f"{DOWNLOADS}/signatory-copy-for-a-new-signatory.pdf"
"""Beside the register's copies, not among them, so that no organisation's id can take its name."""
DRAFT_HEADER = "Draft \u2013 not adopted"
"""The running header of every page of a draft code of practice."""


def code_pdf(code_id: str) -> str:
    return f"{DOWNLOADS}/code-of-practice-{code_id}.pdf"


def signatory_pdf(organisation_id: str) -> str:
    return f"{DOWNLOADS}/signatory-copies/{organisation_id}.pdf"


@dataclass(frozen=True)
class Paper:
    """What every page of every printed document carries."""

    edition: str
    """"First online edition, 25 November 2026"."""
    site_url: str
    """Where the handbook is published (mkdocs.yml's site_url); empty where it is not known."""
    lead: str
    """How to reach the lead body, in a line: its name and its contact, or what to do meanwhile."""

    @property
    def site_address(self) -> str:
        """The web address as printed: "darlington-compact.example.org"."""
        return print_address(self.site_url)

    @property
    def guide_url(self) -> str:
        return page_url(self.site_url, GUIDE_INDEX) if self.site_url else ""

    @property
    def guide_address(self) -> str:
        return print_address(self.guide_url)

    def footer(self) -> tuple[str, ...]:
        first = " · ".join(part for part in ("The Darlington Compact", self.edition, self.site_address) if part)
        return (first, self.lead) if self.lead else (first,)


@dataclass(frozen=True)
class PrintDocument:
    path: str
    title: str
    description: str
    html: str
    footer: tuple[str, ...]
    """The lines at the foot of every page but the cover."""
    running_head: str = ""
    """What the top right of every page but the cover says ("Signatory copy for HSE"), or nothing."""
    forms: bool = False
    """Whether the document has fields to fill in on screen."""


@dataclass(frozen=True)
class Section:
    id: str
    kind: str
    html: str
    title: str
    draft: bool = False
    """A page of a draft code of practice: its running header says so."""


@dataclass(frozen=True)
class Cover:
    kicker: str
    title: str
    subtitle: str
    notice: str
    """A warning set apart on the cover (what is a draft), or nothing."""
    facts: tuple[tuple[str, str], ...]


def paper_of(handbook: Handbook, site_url: str) -> Paper:
    register = handbook.register
    lead = register.organisation(register.lead.id) if register else None
    return Paper(
        edition=f"{handbook.edition.name}, {long_date(handbook.edition.published)}",
        site_url=site_url,
        lead=f"Lead body: {lead.name}" if lead else "",
    )


def sections(
    pages: list[str], files: Mapping[str, str | bytes], kind: str, links: PrintLinks, draft: bool = False
) -> list[Section]:
    result = []
    for page in pages:
        text = files[page]
        assert isinstance(text, str)
        result.append(Section(document_id(page), kind, print_html(page, text, links), _first_heading(text), draft))
    return result


def _first_heading(markdown: str) -> str:
    line = next(line for line in markdown.split("\n") if line.startswith("# "))
    return one_line_text(line.removeprefix("# ").split(" {")[0])


def drafts_notice(codes: tuple[Code, ...]) -> str:
    """What a cover says of the codes it holds that are drafts: nothing once all are adopted."""
    drafts = [code.title for code in codes if code.is_draft]
    if not drafts:
        return ""
    if len(drafts) == len(codes):
        return (
            "The codes of practice in this document are drafts for adoption by the Compact Steering Group: "
            "none has been adopted."
        )
    names = ", ".join(drafts[:-1]) + f" and {drafts[-1]}" if len(drafts) > 1 else drafts[0]
    verb = "are drafts" if len(drafts) > 1 else "is a draft"
    return f"Of the codes of practice in this document, {names} {verb} for adoption by the Compact Steering Group."


def document(
    template: str, path: str, title: str, description: str, paper: Paper, running_head: str = "", **context: object
) -> PrintDocument:
    html = (
        html_environment().get_template(template).render(title=title, description=description, paper=paper, **context)
    )
    forms = bool(context.get("forms"))
    return PrintDocument(path, title, description, html, paper.footer(), running_head, forms)
