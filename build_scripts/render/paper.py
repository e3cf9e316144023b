"""What every printed document shares: where it is published, its cover, its sections, and what
each of its pages carries so that the paper stands alone (the handbook's web address, the edition,
how to reach the lead body)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model.addresses import GUIDE_INDEX, page_url
from ..model.contacts import LEAD_BODY, Contact, Way
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
STEERING_GROUP = "steering-group"
"""The contact of the Compact Steering Group in contacts.yml, where the lead body's own copy goes;
without it, the lead body's contact is used."""
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
        """The edition, the web address on a line of its own (at 9 pt the three do not fit on one, and
        an address must not break at its own hyphen), and how to reach the lead body."""
        lines = ("The Darlington Compact · " + self.edition if self.edition else "The Darlington Compact",)
        return lines + tuple(line for line in (self.site_address, self.lead) if line)


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
    lead = lead_contact(handbook)
    return Paper(
        edition=f"{handbook.edition.name}, {long_date(handbook.edition.published)}",
        site_url=site_url,
        lead=f"Lead body: {lead.name}. {reach_text(lead, site_url)}" if lead else "",
    )


def lead_contact(handbook: Handbook) -> Contact | None:
    return handbook.contacts.contact(LEAD_BODY) if handbook.contacts else None


def steering_group_contact(handbook: Handbook) -> Contact | None:
    contacts = handbook.contacts
    return (contacts.contact(STEERING_GROUP) or contacts.contact(LEAD_BODY)) if contacts else None


def reach_text(contact: Contact, site_url: str) -> str:
    """How to reach a contact, as a sentence of plain text for paper (contacts.yml): its ways, or,
    while its details are still to supply, what the placeholder says to do meanwhile. Never a guess."""
    ways = "; ".join(_way_text(way, site_url) for way in contact.reach)
    if contact.to_supply is None:
        return f"To reach it: {ways}." if ways else ""
    meanwhile = one_line_text(contact.to_supply.until_then)
    known = f" Known so far: {ways}." if ways else ""
    return f"Its contact details are not yet in this handbook.{known} {meanwhile}"


def _way_text(way: Way, site_url: str) -> str:
    if way.how == "page":
        page, _, anchor = way.value.partition("#")
        value = print_address(page_url(site_url, page, anchor)) if site_url else way.label or way.value
        return f"{one_line_text(way.label)}, {value}" if way.label and site_url else value
    value = print_address(way.value) if way.how == "web" else ", ".join(way.value.split("\n"))
    name = {"email": "email", "phone": "phone", "post": "post", "web": "website"}[way.how]
    return f"{name} {' '.join(value.split())}"


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
