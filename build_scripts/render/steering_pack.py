"""The Steering Group pack: a document addressed to the Compact Steering Group, saying what the
handbook is, what it still needs and why (the list `make publish-check` prints, check/still_needed.py),
with a form to fill in: a field for each contact and fact, and a row for each organisation's Compact
Champion. Printed as a PDF whose form can be filled in on screen (here) and as a Word document
(steering_pack_word.py), both made from `pack_of`, so they say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model.addresses import STEERING_PACK, STILL_NEEDED_PAGE, page_url
from ..model.handbook import Handbook, Signatory
from ..model.still_needed import CHAMPIONS, CONTACT, Needed
from ..model.text import one_line_text
from .environment import TEMPLATES, long_date
from .paper import Cover, Paper, PrintDocument, document
from .print_markdown import print_address
from .still_needed import Group, groups_of

PACK_PDF = f"{STEERING_PACK}.pdf"
PACK_DOCX = f"{STEERING_PACK}.docx"
TITLE = "What the Darlington Compact handbook still needs: a pack for the Compact Steering Group"
DESCRIPTION = (
    "What the Compact Steering Group must still supply or confirm before the handbook goes live, why, and where "
    "the handbook uses it, with a form to fill in for the contacts and each organisation's Compact Champion."
)
STYLESHEET = (TEMPLATES / "print" / "steering_pack.css").read_text(encoding="utf-8")
CONTACT_FIELDS = (
    ("name", "Name"),
    ("email", "Email address"),
    ("phone", "Telephone"),
    ("post", "Postal address"),
    ("other", "Anything else"),
)
"""The fields of the form for a contact: its name (for a body or a person), and the ways contacts.yml can record."""
CHAMPION_FIELDS = (("name", "Champion's name"), ("position", "Position"), ("reach", "Email or telephone"))


@dataclass(frozen=True)
class Entry:
    """An item as the pack prints it: plain text, its number in the list, where it is used with addresses."""

    item: Needed
    number: int
    asked: str
    ask: str
    until_then: str
    used_on: str
    """Where the handbook uses it, in a sentence: each place's title, with its address where the site has one."""


@dataclass(frozen=True)
class Pack:
    """What both versions of the pack hold."""

    items: tuple[Needed, ...]
    groups: tuple[Group, ...]
    entries: tuple[Entry, ...]
    organisations: tuple[Signatory, ...]
    """The organisations of the register with no Champion recorded: a row each on the form."""
    edition: str
    prepared: str
    """The edition's date, in words: the day the pack's content is as of."""


def pack_of(handbook: Handbook, items: Sequence[Needed], site_url: str = "") -> Pack:
    """The pack's content; `site_url` gives each place the handbook uses an item its printed address."""
    register = handbook.register
    organisations = tuple(o for o in register.organisations if not o.champion) if register else ()
    groups = tuple(groups_of(items))
    ordered = [item for group in groups for item in group.items]
    return Pack(
        tuple(ordered),
        groups,
        tuple(_entry(item, number, site_url) for number, item in enumerate(ordered, 1)),
        organisations if any(item.kind == CHAMPIONS for item in items) else (),
        handbook.edition.name,
        long_date(handbook.edition.published),
    )


def _entry(item: Needed, number: int, site_url: str) -> Entry:
    def place(title: str, page: str) -> str:
        path, _, anchor = page.partition("#")
        return f"{title} ({print_address(page_url(site_url, path, anchor))})" if site_url else title

    return Entry(
        item,
        number,
        one_line_text(item.asked),
        one_line_text(item.ask),
        one_line_text(item.until_then),
        "; ".join(place(use.title, use.page) for use in item.used_on) + ".",
    )


def field_names(pack: Pack) -> list[str]:
    """The name of every field of the form, in order: the PDF's fields, and the Word document's rows."""
    names = []
    for group in pack.groups:
        for item in group.items:
            if item.kind == CHAMPIONS:
                names += [f"{item.id}__{o.id}__{f}" for o in pack.organisations for f, _ in CHAMPION_FIELDS]
            elif item.kind == CONTACT:
                names += [f"{item.id}__{field}" for field, _ in CONTACT_FIELDS]
            else:
                names.append(f"{item.id}__answer")
    return names


def steering_pack_document(handbook: Handbook, items: Sequence[Needed], paper: Paper) -> PrintDocument:
    """The pack as a document to lay out as a PDF, with its form's fields."""
    pack = pack_of(handbook, items, paper.site_url)
    still_needed_url = page_url(paper.site_url, STILL_NEEDED_PAGE) if paper.site_url else ""
    cover = Cover(
        "For the Compact Steering Group",
        "What the handbook still needs",
        "What must be supplied or confirmed before the Darlington Compact handbook goes live, and a form to fill in",
        "",
        (("Things still needed", str(len(pack.items))), ("Edition", paper.edition)),
    )
    return _document(pack, paper, cover, still_needed_url)


def _document(pack: Pack, paper: Paper, cover: Cover, still_needed_url: str) -> PrintDocument:
    made = document(
        "print/steering_pack.html.j2",
        PACK_PDF,
        TITLE,
        DESCRIPTION,
        paper,
        "For the Compact Steering Group",
        cover=cover,
        items=pack.items,
        groups=pack.groups,
        entries={entry.item.id: entry for entry in pack.entries},
        organisations=pack.organisations,
        contact_fields=CONTACT_FIELDS,
        champion_fields=CHAMPION_FIELDS,
        stylesheet=STYLESHEET,
        still_needed_url=still_needed_url,
        still_needed_address=print_address(still_needed_url),
        forms=bool(pack.items),
    )
    return made
