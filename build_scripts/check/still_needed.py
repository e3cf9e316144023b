"""The one list of what the Compact Steering Group must still supply or confirm (model/still_needed.py).

`make publish-check` prints it (each item a problem "before publishing"); the "What we still need"
page and the Steering Group pack are made from it. Each item says where the handbook uses it, so
that the Steering Group sees why it matters, and which line an editor changes once it comes back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model.addresses import (
    ABOUT_EDITION,
    DOWNLOADS_PAGE,
    GUIDE_INDEX,
    LINKING_PAGE,
    SIGNATORIES_PAGE,
    code_page,
    compact_page,
    step_page,
)
from ..model.contacts import CHAMPIONS as CHAMPIONS_CONTACT
from ..model.contacts import LEAD_BODY, Contact
from ..model.facts import Evidence
from ..model.handbook import Handbook, Register
from ..model.still_needed import ADDRESS, CHAMPIONS, CHAMPIONS_ID, CONTACT, FACT, Needed, Use, contact_item_id, in_order
from .publication import site_address_problem

STEERING_GROUP = "the Compact Steering Group"
CONTACT_WHY = (
    "Readers of the guide are sent to this contact; until its details are in the handbook they cannot reach it."
)
CONTACT_TO_DO = 'Write them under "reach", then remove "to_supply".'
FACT_WHY = "The handbook states this beside the Compact's text; a fact not yet confirmed is shown as such."
FACT_UNTIL_THEN = (
    'The page shows the fact with a "To confirm" note saying that the Compact Steering Group has not yet confirmed it.'
)
FACT_TO_DO = 'Once confirmed, remove "to_confirm".'


def still_needed(handbook: Handbook, root: Path) -> tuple[Needed, ...]:
    """Everything still to supply or confirm in the current edition, in the order it is shown: the
    contacts, the Compact Champions, the facts to confirm, the site's address.

    An archived edition's sources are kept as published and never edited, so nothing of theirs is here.
    """
    items = [*_contacts(handbook), *_champions(handbook), *_facts(handbook)]
    address = site_address_problem(root)
    if address is not None:
        items.append(
            Needed(
                "site-address",
                ADDRESS,
                "The address the handbook is published at",
                address.message,
                STEERING_GROUP,
                "Every page names its own address for search engines, and the sitemap, the data files, the badge "
                "and the printed documents give the handbook's address.",
                (
                    Use(LINKING_PAGE, "Link to the Compact (the badge and the addresses partners link to)"),
                    Use(DOWNLOADS_PAGE, "Downloads (the address at the foot of every printed page)"),
                ),
                "Search engines and partners' websites are given the example address, which leads nowhere.",
                address.source,
                "",
            )
        )
    return in_order(items)


def champions_recorded(register: Register | None) -> bool:
    """Whether the register records any organisation's Compact Champion: until it does, the Signatories
    page has none to show, and the guide's endings do not send readers there for one."""
    return register is None or any(organisation.champion for organisation in register.organisations)


def contact_uses(handbook: Handbook, contact: Contact) -> tuple[Use, ...]:
    """The guide's outcomes that show a contact, or name it in their letter; the pages that name the
    lead body and the Steering Group. Every outcome shows the Champions."""
    guide = handbook.guide
    uses = []
    if guide is not None:
        addressed = {letter.id for letter in guide.letters if letter.to and letter.to.id == contact.id}
        for outcome in guide.outcomes:
            named = {reference.id for reference in outcome.contacts} | {CHAMPIONS_CONTACT}
            if contact.id in named or (outcome.letter and outcome.letter.id in addressed):
                uses.append(Use(step_page(outcome.id), f"The guide: {outcome.title}"))
    if contact.id == LEAD_BODY:
        uses += [
            Use(f"{SIGNATORIES_PAGE}#to-sign", "Signatories: to sign the Compact"),
            Use(DOWNLOADS_PAGE, "Downloads: the foot of every page of every printed document"),
        ]
    if not uses:
        uses.append(Use(GUIDE_INDEX, "The guide"))
    return tuple(uses)


def _contacts(handbook: Handbook) -> Iterator[Needed]:
    contacts = handbook.contacts
    if contacts is None:
        return
    for contact in contacts.placeholders:
        wanted = contact.to_supply
        assert wanted is not None
        yield Needed(
            contact_item_id(contact.id),
            CONTACT,
            contact.name,
            wanted.details,
            wanted.ask,
            CONTACT_WHY,
            contact_uses(handbook, contact),
            f"Not yet in this handbook: {wanted.details}. {wanted.until_then}",
            wanted.source,
            CONTACT_TO_DO,
            contact.id,
        )


def _champions(handbook: Handbook) -> Iterator[Needed]:
    register = handbook.register
    if register is None or champions_recorded(register) or not register.organisations:
        return
    champions = handbook.contacts.contact(CHAMPIONS_CONTACT) if handbook.contacts else None
    uses = contact_uses(handbook, champions) if champions else ()
    yield Needed(
        CHAMPIONS_ID,
        CHAMPIONS,
        "Each organisation's Compact Champion",
        "the name of its Compact Champion, with their position and an email address or telephone number",
        "each organisation of the register",
        "A Champion is the first person to contact about a disagreement (Section 5): every ending of the guide "
        "sends the reader to the other organisation's Champion.",
        (Use(SIGNATORIES_PAGE, "Signatories: the Compact Champion of each organisation"), *uses),
        "Every Champion is \u201cNot yet recorded\u201d. The guide's endings say the Champions are not yet in the "
        "handbook, and what to do meanwhile.",
        register.organisations[0].source,
        'Write each under its organisation as "champion" (its name, position and how to reach it).',
    )


def _facts(handbook: Handbook) -> Iterator[Needed]:
    for item_id, what, evidence, uses in _evidence(handbook):
        if evidence.to_confirm:
            yield Needed(
                f"confirm-{item_id}",
                FACT,
                what,
                evidence.to_confirm,
                STEERING_GROUP,
                FACT_WHY,
                uses,
                FACT_UNTIL_THEN,
                evidence.to_confirm_source,
                FACT_TO_DO,
            )


def _evidence(handbook: Handbook) -> Iterator[tuple[str, str, Evidence, tuple[Use, ...]]]:
    """Every fact beside the 2009 text, with a slug, what it is about and where it is shown."""
    for note in handbook.edition.notes:
        page = handbook.page(note.page)
        title = page.heading if page else note.page
        yield (
            f"note-{note.id}",
            f"Editorial note: {note.title}",
            note.evidence,
            (
                Use(f"{compact_page(note.page)}#note-{note.id}", f"{title}: the editorial note"),
                Use(f"{ABOUT_EDITION}#editorial-notes", "About this edition: editorial notes"),
            ),
        )
    for code in handbook.codes:
        for clause in code.clauses:
            if clause.basis_evidence:
                yield (
                    f"clause-{clause.id}",
                    f"{code.title}: the basis of \u201c{clause.title}\u201d",
                    clause.basis_evidence,
                    (Use(f"{code_page(code.id)}#{clause.id}", f"{code.title}: {clause.title}"),),
                )
    for organisation in handbook.register.organisations if handbook.register else ():
        if organisation.since_2009:
            yield (
                f"organisation-{organisation.id}",
                f"What has become of {organisation.name}",
                organisation.since_2009.evidence,
                (Use(f"{SIGNATORIES_PAGE}#{organisation.id}", f"Signatories: {organisation.name}"),),
            )
    for contact in handbook.contacts.contacts if handbook.contacts else ():
        yield (f"contact-{contact.id}", f"About {contact.name}", contact.evidence, contact_uses(handbook, contact))
    yield from _guide_evidence(handbook)


def _guide_evidence(handbook: Handbook) -> Iterator[tuple[str, str, Evidence, tuple[Use, ...]]]:
    """The guide's facts: each outcome's, on its page, and those of the advice it gives, where the advice is."""
    guide = handbook.guide
    if guide is None:
        return
    start = Use(f"{GUIDE_INDEX}#sources", f"{guide.title}: where this comes from")
    for number, fact in enumerate(guide.notice_facts):
        yield (f"guide-notice-{number + 1}", f"The guide: {fact.about}", fact.evidence, (start,))
    for outcome in guide.outcomes:
        use = Use(f"{step_page(outcome.id)}#sources", f"{outcome.title}: where this comes from")
        for number, fact in enumerate(outcome.all_facts):
            yield (f"guide-{outcome.id}-{number + 1}", f"The guide: {fact.about}", fact.evidence, (use,))
