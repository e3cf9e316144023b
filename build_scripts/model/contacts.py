"""The people and bodies a reader may need to reach, and how: one source (contacts.yml) for the
guide's pages, the letters, and any printed document that names a contact.

A detail that nobody has supplied yet is never guessed: the contact says what is missing, whom to
ask for it, and what a reader should do meanwhile (`ToSupply`); `make publish-check` lists it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .facts import Evidence
from .source import Source

LEAD_BODY = "lead-body"
"""The contact of the body that leads the Compact (eVOLution, in the 2009 text)."""
CHAMPIONS = "compact-champions"
"""The contact that says where each organisation's Compact Champion is found: every outcome of
the guide shows it."""
REQUIRED = (LEAD_BODY, CHAMPIONS)

WAYS = ("email", "phone", "post", "web", "page")
"""How a contact may be reached: an email address, a phone number, a postal address, a web address
(https) or a page of this handbook (such as signatories.md)."""


@dataclass(frozen=True)
class Way:
    """One way to reach a contact."""

    how: str
    """One of WAYS."""
    value: str
    """The address, number or page; a postal address may have several lines."""
    label: str
    """What the way is for, where that helps ("for letters"); or empty."""
    source: Source


@dataclass(frozen=True)
class ToSupply:
    """A placeholder: details of a contact that are not known yet."""

    details: str
    """What is missing: "an email address and a postal address"."""
    ask: str
    """Whom the Compact Steering Group asks for them."""
    until_then: str
    """What a reader does meanwhile (Markdown)."""
    source: Source


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    """As a reader sees it: "eVOLution (Darlington CVS)"."""
    role: str
    """What the contact does in the Compact's process, in plain English (Markdown)."""
    reach: tuple[Way, ...]
    """The ways to reach it that are known."""
    to_supply: ToSupply | None
    """What is still missing, or None once everything has been supplied."""
    if_none: str
    """What to do where there is no such contact (an organisation with no Champion); or empty."""
    organisation: str
    """The id of the register's organisation this contact belongs to, or empty: the guide never
    sends a reader to a contact of an organisation that is in the dispute."""
    evidence: Evidence
    """Where the contact's details come from, and when they were checked."""
    source: Source

    def ways(self, how: str) -> tuple[Way, ...]:
        return tuple(way for way in self.reach if way.how == how)


@dataclass(frozen=True)
class Contacts:
    contacts: tuple[Contact, ...]
    source: Source

    def contact(self, contact_id: str) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    @property
    def placeholders(self) -> tuple[Contact, ...]:
        """The contacts with details still to supply."""
        return tuple(c for c in self.contacts if c.to_supply is not None)
