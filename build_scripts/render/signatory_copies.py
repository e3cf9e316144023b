"""The signatory copies: the agreement (Sections 1 to 6) with a signature page, one for each
organisation of the register, and a blank one, with fields to fill in, for an organisation that is
not in it.

What a signature commits an organisation to follows from the data: the Compact's principles and
commitments in this edition, and the codes of practice once adopted (`status`), never from an edit
to a template.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model.addresses import compact_page
from ..model.handbook import Handbook, Signatory
from .corrections import adds_words
from .environment import html_environment
from .paper import (
    BLANK_COPY_PDF,
    Cover,
    Paper,
    PrintDocument,
    Section,
    document,
    lead_contact,
    reach_text,
    sections,
    signatory_pdf,
    steering_group_contact,
)
from .print_markdown import PrintLinks

SECTOR_NAMES = {"public": "public sector", "third": "third sector"}
BLANK_HEAD = "Signatory copy for a new signatory"
"""Short enough to stand on one line beside the longest section title in the running header."""


def signatory_documents(
    handbook: Handbook, organisations: Sequence[Signatory | None], files: Mapping[str, str | bytes], paper: Paper
) -> list[PrintDocument]:
    """The signatory copy of each organisation; None stands for the blank copy. The agreement is put
    into print once, for every copy."""
    agreement = [compact_page(page.id) for page in handbook.pages if page.label.startswith("Section")]
    links = PrintLinks(frozenset(agreement), paper.site_url, page_references=False)
    agreed = sections(agreement, files, "compact", links)
    return [signatory_document(handbook, organisation, agreed, paper) for organisation in organisations]


def signatory_document(
    handbook: Handbook, organisation: Signatory | None, agreement: list[Section], paper: Paper
) -> PrintDocument:
    """A signatory copy: cover, the agreement (Sections 1 to 6, as `agreement` gives it in print),
    signature page. With no organisation, the blank copy, whose names, roles and date are fields to
    fill in."""
    register = handbook.register
    assert register is not None
    agreed_pages = {compact_page(page.id) for page in handbook.pages if page.label.startswith("Section")}
    lead = register.organisation(register.lead.id)
    counter_signer = register.counter_signer(organisation) if organisation else lead
    context = {
        "sections": agreement,
        "organisation": organisation,
        "lead": lead,
        "counter_signer": counter_signer,
        "sectors": SECTOR_NAMES,
        "adopted": [code for code in handbook.codes if not code.is_draft],
        "drafts": [code for code in handbook.codes if code.is_draft],
        "edition": paper.edition,
        "corrected": any(adds_words(c) for c in handbook.edition.corrections if compact_page(c.page) in agreed_pages),
        "forms": organisation is None,
        "return_reach": _return_reach(
            handbook, organisation is not None and organisation.id == register.lead.id, paper
        ),
    }
    if organisation is None:
        return document(
            "print/signatory.html.j2",
            BLANK_COPY_PDF,
            "The Darlington Compact: signatory copy for a new signatory",
            "The agreement, Sections 1 to 6, with a signature page whose fields can be filled in on screen, for "
            "an organisation that is not yet in the register.",
            paper,
            BLANK_HEAD,
            cover=Cover(
                "Signatory copy",
                "The Darlington Compact",
                "For an organisation joining the Compact",
                "",
                # A line to write the organisation's name on, as each named copy's cover gives it.
                (("Organisation", ""), ("Edition", paper.edition)),
            ),
            **context,
        )
    return document(
        "print/signatory.html.j2",
        signatory_pdf(organisation.id),
        f"The Darlington Compact: signatory copy for {organisation.signs_as}",
        f"The agreement, Sections 1 to 6, with a signature page for {organisation.signs_as}.",
        paper,
        f"Signatory copy for {organisation.signs_as}",
        cover=Cover(
            "Signatory copy",
            "The Darlington Compact",
            f"For {organisation.signs_as}",
            "",
            _cover_facts(organisation, paper),
        ),
        **context,
    )


def _cover_facts(organisation: Signatory, paper: Paper) -> tuple[tuple[str, str], ...]:
    facts = [("Organisation", organisation.signs_as)]
    if organisation.signs_as != organisation.name:
        facts.append(("In the 2009 Compact", organisation.name))
    facts.append(("Sector", SECTOR_NAMES[organisation.sector].capitalize()))
    if organisation.since_2009 and organisation.since_2009.change != "unchanged":
        # The sentence the Signatories page shows, from the one template that words it (escaped as made).
        since_2009 = html_environment().get_template("_since_2009.j2").module.since_2009  # type: ignore[attr-defined]
        facts.append(("Since 2009", since_2009(organisation.since_2009)))
    facts.append(("Edition", paper.edition))
    return tuple(facts)


def _return_reach(handbook: Handbook, lead_copy: bool, paper: Paper) -> str:
    """How to reach whoever a signed copy is sent to: the lead body, or for the lead body's own copy
    the Compact Steering Group (contacts.yml); what its placeholder says while details are missing."""
    contact = steering_group_contact(handbook) if lead_copy else lead_contact(handbook)
    return reach_text(contact, paper.site_url) if contact else ""
