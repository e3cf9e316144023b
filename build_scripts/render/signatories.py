"""The signatory register's page on the site (its data is made in data.py)."""

from __future__ import annotations

from collections.abc import Callable

from ..check.still_needed import champions_recorded
from ..model.addresses import ABOUT_EDITION, SIGNATORIES_PAGE, SITE_ROOT, edition_page, relative
from ..model.contacts import Contact
from ..model.handbook import Handbook
from ..model.text import relink
from .contacts import way_markdown
from .environment import markdown_environment, markdown_text, plain_text, still_needed_href
from .paper import BLANK_COPY_PDF, lead_contact, signatory_pdf


def signatories_page(handbook: Handbook, with_pdfs: bool) -> dict[str, str]:
    register = handbook.register
    if register is None:
        return {}
    lead = register.organisation(register.lead.id)
    page = (
        markdown_environment()
        .get_template("signatories.md.j2")
        .render(
            register=register,
            codes=handbook.codes,
            lead=lead,
            counter_signer=lead and register.counter_signer(lead),
            lead_reach=_reach(lead_contact(handbook)),
            champions_missing=not champions_recorded(register),
            with_pdfs=with_pdfs,
            copy=signatory_pdf,
            blank_copy=BLANK_COPY_PDF,
            csv_file="data/signatories.csv",
            json_file="data/signatories.json",
            edition_link=_edition_link(handbook),
        )
    )
    return {SIGNATORIES_PAGE: page}


def _edition_link(handbook: Handbook) -> Callable[[str], str]:
    """The Markdown link to the edition an organisation signed: this one's "About this edition", or the
    archived edition's own pages."""
    names = {h.edition.id: h.edition.name for h in handbook.archive}

    def link(edition_id: str) -> str:
        if edition_id == handbook.edition.id:
            return f"[{plain_text(handbook.edition.name)}]({relative(SIGNATORIES_PAGE, ABOUT_EDITION)})"
        target = relative(SIGNATORIES_PAGE, edition_page(edition_id))
        return f"[{plain_text(names.get(edition_id, edition_id))}]({target})"

    return link


def _reach(contact: Contact | None) -> str:
    """How to reach the lead body, as Markdown for this page: its ways, or what the placeholder of
    contacts.yml says to do while its details are missing."""
    if contact is None:
        return ""
    ways = "; ".join(way_markdown(way, SIGNATORIES_PAGE) for way in contact.reach)
    if contact.to_supply is None:
        return f"To reach it: {ways}." if ways else ""
    meanwhile = markdown_text(relink(contact.to_supply.until_then, SITE_ROOT, SIGNATORIES_PAGE))
    why = f"[See \u201cWhat we still need\u201d]({still_needed_href(contact.id, SIGNATORIES_PAGE)})."
    return f"Its contact details are not yet in this handbook{': ' + ways if ways else ''}. {meanwhile} {why}"
