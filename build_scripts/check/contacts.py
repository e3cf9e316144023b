"""Checks of the contacts: unique ids, the contacts every guide page needs, and the organisations and
pages they name. (Each placeholder is in the list of what is still needed: check/still_needed.py.)"""

from __future__ import annotations

from ..model.addresses import SITE_ROOT
from ..model.contacts import REQUIRED, Contacts
from ..model.handbook import Register
from ..model.problems import Problem
from .references import id_problem, link_problem, link_problems, repeated_ids

REQUIRED_WHY = {
    "lead-body": "the body that leads the Compact, named wherever the handbook needs it",
    "compact-champions": "where to find each organisation's Compact Champion, shown on every outcome of the guide",
}


def check_contacts(
    contacts: Contacts, register: Register | None, anchors: dict[str, set[str]], known: set[str]
) -> list[Problem]:
    return [
        *_unique(contacts),
        *_required(contacts),
        *_organisations(contacts, register),
        *_links(contacts, anchors, known),
    ]


def _unique(contacts: Contacts) -> list[Problem]:
    return repeated_ids((contact.id, contact.source) for contact in contacts.contacts)


def _required(contacts: Contacts) -> list[Problem]:
    ids = {contact.id for contact in contacts.contacts}
    return [
        Problem(
            contacts.source,
            f'there is no contact "{contact_id}" ({REQUIRED_WHY[contact_id]}); add it, with that id.',
        )
        for contact_id in REQUIRED
        if contact_id not in ids
    ]


def _organisations(contacts: Contacts, register: Register | None) -> list[Problem]:
    if register is None:
        return []
    ids = [organisation.id for organisation in register.organisations]
    what = "an organisation of the register"
    return [
        Problem(contact.source, f'the contact "{contact.id}" belongs to {id_problem(contact.organisation, what, ids)}')
        for contact in contacts.contacts
        if contact.organisation and contact.organisation not in ids
    ]


def _links(contacts: Contacts, anchors: dict[str, set[str]], known: set[str]) -> list[Problem]:
    """Links in contacts are written as from the site's home page: [Signatories](signatories.md)."""
    problems = []
    for contact in contacts.contacts:
        texts = [contact.role, contact.if_none, contact.to_supply.until_then if contact.to_supply else ""]
        problems += [p for text in texts for p in link_problems(SITE_ROOT, text, contact.source, anchors, known)]
        for way in contact.ways("page"):
            message = link_problem(SITE_ROOT, way.value, way.value, anchors, known)
            if message:
                problems.append(Problem(way.source, message))
    return problems
