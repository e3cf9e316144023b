"""A contact's ways to reach it, as Markdown for a page: links a reader can follow (mailto:, tel:,
https:, a page of the handbook) made only from values the loader has checked; and the contacts as the
site shows them, where a page that would list nothing is not offered as a way to reach anyone."""

from __future__ import annotations

import dataclasses
import re

from ..check.still_needed import champions_recorded
from ..model.addresses import SIGNATORIES_PAGE, relative
from ..model.contacts import CHAMPIONS, Contact, Contacts, ToSupply, Way
from ..model.handbook import Register
from .environment import markdown_text, plain_text

CHAMPIONS_MISSING = "each organisation's Compact Champion: the register records none yet"

NAMES = {"email": "Email", "phone": "Phone", "post": "Post", "web": "Website"}


def way_markdown(way: Way, here: str) -> str:
    """One way to reach a contact, on the page `here` (docs-relative): "Email: [a@b.org](mailto:a@b.org)"."""
    if way.how == "page":
        page, _, anchor = way.value.partition("#")
        text = plain_text(way.label) if way.label else "This page of the handbook"
        return f"[{text}]({relative(here, page)}{'#' + anchor if anchor else ''})"
    name = NAMES[way.how] + (f" ({plain_text(way.label)})" if way.label else "")
    value = markdown_text(way.value)
    if way.how == "email":
        return f"{name}: [{value}](mailto:{way.value})"
    if way.how == "phone":
        return f"{name}: [{value}](tel:{re.sub(r'[^0-9+]', '', way.value)})"
    if way.how == "web":
        return f"{name}: [{value}]({way.value})"
    return f"{name}: " + ", ".join(markdown_text(line.strip()) for line in way.value.splitlines() if line.strip())


def published_contacts(contacts: Contacts, register: Register | None) -> Contacts:
    """The contacts as the site shows them. While the register records no Compact Champion, the
    Champions' contact does not send readers to the Signatories page, where every Champion would be
    "Not yet recorded": it says the Champions are still to supply, as any other placeholder does (and
    links, as they do, to the "What we still need" page)."""
    champions = contacts.contact(CHAMPIONS)
    if champions is None or champions_recorded(register) or register is None or not register.organisations:
        return contacts
    shown = tuple(_awaiting_champions(c, register) if c.id == CHAMPIONS else c for c in contacts.contacts)
    return dataclasses.replace(contacts, contacts=shown)


def _awaiting_champions(contact: Contact, register: Register) -> Contact:
    reach = tuple(way for way in contact.reach if not (way.how == "page" and way.value.startswith(SIGNATORIES_PAGE)))
    missing = ToSupply(CHAMPIONS_MISSING, "the Compact Steering Group", "", register.organisations[0].source)
    return dataclasses.replace(contact, reach=reach, to_supply=missing)
