"""The handbook as data: what the sources say, checked and typed, with where each thing was written.

Every id is a lowercase slug (checked when loaded); page addresses and anchors are made from ids only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .contacts import Contacts
from .facts import Evidence
from .guide import Guide
from .source import Reference, Source


@dataclass(frozen=True)
class CompactItem:
    """A shared principle or a sector commitment of Section 3."""

    id: str
    """The anchor on the Compact page, and the name codes and the guide use for it."""
    title: str
    """The principle's own name, or for a commitment a short editorial label."""
    text: str
    """The Compact's words, as adopted (Markdown)."""
    group: str
    kind: str
    """What the item is, for naming it on other pages: "public sector commitment"."""
    source: Source

    @property
    def name(self) -> str:
        """The item's name where it is listed away from its group: "Partnership (shared principle)"."""
        return f"{self.title} ({self.kind})"


@dataclass(frozen=True)
class ItemGroup:
    """A list of Section 3: the shared principles, or one sector's commitments."""

    id: str
    heading: str
    lead: str
    titles_are_source_text: bool
    """True where the titles are the Compact's own words (the principles) and are shown in the text."""
    items: tuple[CompactItem, ...]
    source: Source


@dataclass(frozen=True)
class CompactPage:
    """One page of the Compact: the front matter, a section or an appendix."""

    id: str
    """The page's address under /compact/ ("index" is /compact/ itself)."""
    label: str
    """"Section 6", "Appendix 1", or empty for the front matter."""
    title: str
    body: str
    """The page's Markdown, as written, without its front matter."""
    body_line: int
    """The line of the source file on which the body starts."""
    groups: tuple[ItemGroup, ...]
    source: Source

    @property
    def heading(self) -> str:
        return f"{self.label}: {self.title}" if self.label else self.title


@dataclass(frozen=True)
class Replacement:
    """Exactly what a correction changed: text of the source, and the text of this edition."""

    before: str
    after: str
    source: Source


@dataclass(frozen=True)
class Correction:
    """A change this edition makes to the source, listed on the "About this edition" page."""

    id: str
    title: str
    page: str
    kind: str
    source_said: str
    edition_says: str
    why: str
    replacements: tuple[Replacement, ...]
    source: Source


@dataclass(frozen=True)
class EditorialNote:
    """A note beside the text, never inside it: after the block that contains `after`."""

    id: str
    page: str
    after: str
    title: str
    text: str
    figure: str
    """A figure the build draws, shown in the note (a key of addresses.FIGURES), or empty."""
    evidence: Evidence
    """Where the note's facts come from, and when they were last checked."""
    source: Source


@dataclass(frozen=True)
class Edition:
    id: str
    """The edition's id: an archived edition is published at /editions/<id>/; a signature names it."""
    name: str
    published: str
    """The day it was published, written 2026-11-25: editions are ordered by it."""
    source_description: str
    corrections: tuple[Correction, ...]
    notes: tuple[EditorialNote, ...]
    source: Source


SECTORS = ("public", "third", "both")
"""Who a clause of a code binds: public sector signatories, third sector signatories, or both."""


@dataclass(frozen=True)
class Clause:
    """One undertaking of a code of practice, expanding principles or commitments of Section 3."""

    id: str
    """The clause's anchor on its code's page; unique across every code."""
    sector: str
    """One of SECTORS."""
    title: str
    """A short name, used where the clause is listed elsewhere ("Put into practice by")."""
    text: str
    """What signatories will do (Markdown)."""
    expands: tuple[Reference, ...]
    """The principles and commitments of Section 3 that this clause puts into practice."""
    basis: str
    """Where a figure the clause sets comes from (Markdown): a commitment of the national Compact of
    2010, a statutory duty, or "Proposed in this draft."; empty for a clause that sets no figure."""
    basis_evidence: Evidence | None
    """When the facts its basis cites were last checked, and what is still to confirm; None for a
    basis that cites no source outside the Compact."""
    source: Source


@dataclass(frozen=True)
class Code:
    """A code of practice: one page on the site, one PDF."""

    id: str
    """The code's file name and its address: /codes/<id>/."""
    title: str
    status: str
    """"draft" (written for this edition, for adoption) or "adopted"."""
    version: str
    review_date: str
    adopted_on: str
    summary: str
    purpose: str
    scope: str
    principles: tuple[str, ...]
    sectors: tuple[str, ...]
    """The sectors the code has clauses for, each a heading on its page."""
    clauses: tuple[Clause, ...]
    checklist: tuple[str, ...]
    retired_clauses: tuple[Reference, ...]
    """Ids of clauses taken out of the code. Their addresses were published, so each is kept alive as
    an anchor on the section "If this code is not kept", which now says what they said."""
    source: Source
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    """The line on which each field of the code's file starts."""

    def source_of(self, name: str) -> Source:
        return Source(self.source.path, self.field_lines.get(name, self.source.line))

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def clauses_for(self, sector: str) -> tuple[Clause, ...]:
        return tuple(clause for clause in self.clauses if clause.sector == sector)


CHANGES = ("unchanged", "renamed", "reconstituted", "merged", "replaced", "abolished", "closed", "not-known")
"""What has become of an organisation the 2009 Compact names: the kinds of `Since2009.change`."""
CHANGES_WITH_SUCCESSOR = ("renamed", "reconstituted", "merged", "replaced")
"""The changes that name the organisation, or the body, it now is (`Since2009.now`)."""
STILL_SIGNS_AS_NOW = ("renamed", "reconstituted")
"""The changes after which the same organisation goes on under its new name, and signs under it."""


@dataclass(frozen=True)
class Since2009:
    """What has become of an organisation since the 2009 Compact named it, and where that is known from."""

    change: str
    """One of CHANGES."""
    now: str
    """Its name now, or the body that took over its work; empty where there is none."""
    when: str
    """When it changed, as precisely as known: 2015-04-01, 2023-06 or 2017; or empty."""
    note: str
    """More about it (Markdown), or empty."""
    evidence: Evidence

    @property
    def confirmed(self) -> bool:
        return self.evidence.confirmed


@dataclass(frozen=True)
class Signatory:
    """An organisation in the signatory register."""

    id: str
    """Its signatory copy's file name: /downloads/signatory-copies/<id>.pdf."""
    name: str
    """As the 2009 Compact gives it (or, for an organisation that joined later, as it signed)."""
    sector: str
    """"public" or "third"."""
    status: str
    """"involved" (in preparing the Compact, as the 2009 source says) or "signed"."""
    signed_on: str
    champion: str
    """Its nominated Compact Champion, where known."""
    edition: str
    """The id of the edition it signed (signed organisations only), the current one or an archived one."""
    since_2009: Since2009 | None
    """What has become of it since 2009, where someone has checked; None where nobody has yet."""
    source: Source
    name_source: Source
    """Where its name is written."""

    @property
    def signs_as(self) -> str:
        """The name it signs under today: its new name after a confirmed renaming, else the register's."""
        since = self.since_2009
        if since and since.change in STILL_SIGNS_AS_NOW and since.now and since.confirmed:
            return since.now
        return self.name


@dataclass(frozen=True)
class Register:
    lead: Reference
    """The lead body, which counter-signs each signatory copy but its own."""
    lead_copy_counter_signed_by: Reference
    """The organisation that counter-signs the lead body's own copy, for the Compact Steering Group."""
    organisations: tuple[Signatory, ...]
    source: Source

    def organisation(self, organisation_id: str) -> Signatory | None:
        return next((o for o in self.organisations if o.id == organisation_id), None)

    def counter_signer(self, organisation: Signatory) -> Signatory | None:
        """Who counter-signs an organisation's copy: the lead body, or for the lead body's own copy the
        organisation the register names for it."""
        if organisation.id == self.lead.id:
            return self.organisation(self.lead_copy_counter_signed_by.id)
        return self.organisation(self.lead.id)


@dataclass(frozen=True)
class HandWrittenPage:
    """A page of docs/, written by hand as the engine's Markdown (the home page, the accessibility statement)."""

    path: str
    """Docs-relative: about/accessibility.md."""
    body: str
    body_line: int
    source: Source
    front: tuple[tuple[str, str | tuple[str, ...]], ...] = ()
    """Its front matter as checked (title, description, hide), which the published page carries."""


@dataclass(frozen=True)
class Handbook:
    pages: tuple[CompactPage, ...]
    edition: Edition
    codes: tuple[Code, ...] = ()
    guide: Guide | None = None
    register: Register | None = None
    hand_written: tuple[HandWrittenPage, ...] = ()
    contacts: Contacts | None = None
    archive: tuple[Handbook, ...] = ()
    """The earlier editions, oldest first, each loaded from its archived sources (editions/<id>/)."""

    def page(self, page_id: str) -> CompactPage | None:
        return next((p for p in self.pages if p.id == page_id), None)

    @property
    def items(self) -> tuple[CompactItem, ...]:
        return tuple(item for page in self.pages for group in page.groups for item in group.items)

    def item_page(self, item_id: str) -> CompactPage | None:
        """The page on which a principle or commitment stands."""
        return next((p for p in self.pages for g in p.groups for i in g.items if i.id == item_id), None)

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(clause for code in self.codes for clause in code.clauses)

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """Where every fact comes from that the handbook states beside the 2009 text: the editorial
        notes, the bases of the codes' clauses, what has become of the register's organisations, the
        contacts (their details, and what is said of them) and the guide's facts."""
        organisations = self.register.organisations if self.register else ()
        contacts = self.contacts.contacts if self.contacts else ()
        guide_facts = self.guide.all_facts if self.guide else ()
        return (
            *(note.evidence for note in self.edition.notes),
            *(fact.evidence for fact in guide_facts),
            *(clause.basis_evidence for clause in self.clauses if clause.basis_evidence),
            *(o.since_2009.evidence for o in organisations if o.since_2009),
            *(contact.evidence for contact in contacts),
        )
