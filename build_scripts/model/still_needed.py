"""What the Compact Steering Group must still supply or confirm before the handbook goes live.

One list (`check/still_needed.py` makes it) is read by everything that shows it: `make publish-check`
prints each item as a problem "before publishing", the site's "What we still need" page and the
Steering Group pack (PDF and Word) show each with why it is needed and where. So none of them can
list something the others do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from .contacts import CHAMPIONS as CHAMPIONS_CONTACT
from .problems import BEFORE_PUBLISHING, Problem
from .source import Source

CONTACT = "contact"
"""A contact's details still to supply (contacts.yml, `to_supply`)."""
CHAMPIONS = "champions"
"""The Compact Champions, none of which the register records yet (signatories/register.yml)."""
FACT = "fact"
"""A fact the handbook states that is still to confirm (`to_confirm`)."""
ADDRESS = "address"
"""The address the site is published at (mkdocs.yml, `site_url`)."""
KINDS = (CONTACT, CHAMPIONS, FACT, ADDRESS)
"""In the order they are shown: who to reach first, then what to confirm, then the address."""


@dataclass(frozen=True)
class Use:
    """A place in the handbook where an item is used: a page, or a part of one."""

    page: str
    """Docs-relative, with an anchor where there is one: signatories.md#evolution."""
    title: str
    """What a reader calls it: "Signatories, eVOLution (Darlington CVS)"."""


@dataclass(frozen=True)
class Needed:
    """One thing the Compact Steering Group must supply or confirm."""

    id: str
    """A slug unique in the list: its anchor on the "What we still need" page and its form fields' names."""
    kind: str
    """One of KINDS."""
    what: str
    """A short heading, plain text: "The chair of the Compact Steering Group"."""
    asked: str
    """What exactly is wanted (Markdown, from the sources): the details, or the question to answer."""
    ask: str
    """Whom the Steering Group asks, or who answers."""
    why: str
    """Why the handbook needs it, plain text."""
    used_on: tuple[Use, ...]
    """Where the handbook uses it."""
    until_then: str
    """What a reader sees until it is supplied (Markdown, links written as from the home page)."""
    source: Source
    """The line to edit once it is supplied."""
    to_do: str
    """What the editor does there, in a sentence: `make publish-check` says it after the question."""
    contact: str = ""
    """The contact's id in contacts.yml, for a contact."""

    @property
    def problem(self) -> Problem:
        """The item as `make publish-check` prints it."""
        return Problem(self.source, self.message, BEFORE_PUBLISHING)

    @property
    def message(self) -> str:
        if self.kind == CONTACT:
            return f'the details of "{self.what}" are still to supply. Ask {self.ask} for: {self.asked}. {self.to_do}'
        if self.kind == CHAMPIONS:
            return f"no Compact Champion is recorded yet. Ask {self.ask} for: {self.asked}. {self.to_do}"
        if self.kind == FACT:
            return f"to confirm: {self.asked} {self.to_do}"
        return " ".join(part for part in (self.asked, self.to_do) if part)


CHAMPIONS_ID = "compact-champions"
"""The id of the Champions' item."""


def contact_item_id(contact_id: str) -> str:
    """The id of the item a contact's placeholder stands for: the Champions' for the contact that says
    where each organisation's Champion is found, else the contact's own."""
    return CHAMPIONS_ID if contact_id == CHAMPIONS_CONTACT else f"contact-{contact_id}"


def in_order(items: list[Needed]) -> tuple[Needed, ...]:
    """The items by kind (KINDS), then as written in the sources."""
    return tuple(sorted(items, key=lambda item: (KINDS.index(item.kind), item.source)))
