"""The "What we still need" page: what the Compact Steering Group must still supply or confirm
(check/still_needed.py), each item under its own anchor, for the site's placeholders to link to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model.addresses import SITE_ROOT, STEERING_PACK, STILL_NEEDED_PAGE, relative
from ..model.still_needed import ADDRESS, CHAMPIONS, CONTACT, FACT, Needed
from ..model.text import relink
from .environment import markdown_environment

GROUPS = (
    (CONTACT, "contacts", "Contacts", "People and bodies the guide sends readers to, whose details are not known yet."),
    (
        CHAMPIONS,
        "champions",
        "Compact Champions",
        "Each organisation that signs the Compact names a Compact Champion (Section 5).",
    ),
    (FACT, "facts", "Facts to confirm", "Facts the handbook states beside the 2009 text, not yet confirmed."),
    (ADDRESS, "publication", "The site's address", "Where the handbook will be published."),
)


@dataclass(frozen=True)
class Group:
    id: str
    heading: str
    lead: str
    items: tuple[Needed, ...]


def groups_of(items: Sequence[Needed]) -> list[Group]:
    """The items by kind, each kind that has any under its heading."""
    found = [
        Group(anchor, heading, lead, tuple(i for i in items if i.kind == kind))
        for kind, anchor, heading, lead in GROUPS
    ]
    return [group for group in found if group.items]


def still_needed_page(items: Sequence[Needed], with_pdfs: bool) -> dict[str, str]:
    """The page, by its docs-relative path."""
    here = STILL_NEEDED_PAGE
    env = markdown_environment()
    env.filters["relink_root"] = lambda text: relink(text, SITE_ROOT, here)
    env.filters["link"] = lambda page: (
        relative(here, page.partition("#")[0]) + ("#" + page.partition("#")[2] if "#" in page else "")
    )
    page = env.get_template("still_needed.md.j2").render(
        items=items,
        groups=groups_of(items),
        pack_pdf=relative(here, f"{STEERING_PACK}.pdf") if with_pdfs else "",
        pack_docx=relative(here, f"{STEERING_PACK}.docx"),
    )
    return {here: page}
