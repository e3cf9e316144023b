"""What changed from one edition to the next, found by comparing the two handbooks as loaded.

Pure functions on the model: nothing here is written by hand, so the "What changed" page and the feed
can never leave a change out. Two things are the same when everything but where they were written
is the same: moving a clause down a file is not a change.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .guide import Letter, Outcome, Question
from .handbook import Clause, Code, CompactPage, Edition, EditorialNote, Handbook, Signatory
from .source import Source

_WHERE_WRITTEN = ("source", "field_lines", "to_confirm_source", "body_line")
"""Fields that say where something was written, not what it says."""
T = TypeVar("T")
V = TypeVar("V")


@dataclass(frozen=True)
class Changed(Generic[T]):
    """One thing as it was in the earlier edition and as it is in the later one."""

    before: T
    after: T


@dataclass(frozen=True)
class InCode(Generic[T]):
    """A clause, with the code it belongs to (in the edition where it is)."""

    code: Code
    clause: T
    code_before: Code | None = None
    """For a changed clause, the code it belonged to in the earlier edition (it may have moved)."""


@dataclass(frozen=True)
class Rechecked:
    note: EditorialNote
    checked_before: str
    """When the note's facts were checked for the earlier edition."""


@dataclass(frozen=True)
class Changes:
    """What an edition changed since the one before it; `before` is None for the first edition."""

    before: Edition | None
    edition: Edition
    pages_changed: tuple[Changed[CompactPage], ...] = ()
    clauses_added: tuple[InCode[Clause], ...] = ()
    clauses_changed: tuple[InCode[Changed[Clause]], ...] = ()
    clauses_removed: tuple[InCode[Clause], ...] = ()
    codes_added: tuple[Code, ...] = ()
    """New codes of practice, each with its status: a new code may already be adopted."""
    codes_status: tuple[Changed[Code], ...] = ()
    """Codes whose status or date of adoption changed: a draft adopted, above all."""
    steps_added: tuple[Question | Outcome, ...] = ()
    steps_changed: tuple[Changed[Question | Outcome], ...] = ()
    steps_removed: tuple[Question | Outcome, ...] = ()
    letters_changed: tuple[Changed[Letter | None], ...] = ()
    """Model letters added (before is None), changed, or removed (after is None)."""
    notes_added: tuple[EditorialNote, ...] = ()
    notes_changed: tuple[Changed[EditorialNote], ...] = ()
    notes_rechecked: tuple[Rechecked, ...] = ()
    notes_removed: tuple[EditorialNote, ...] = ()
    signed: tuple[Signatory, ...] = ()
    """The organisations that signed this edition, as the latest register records it."""

    @property
    def count(self) -> int:
        """How many changes there are, signatures included."""
        return sum(len(getattr(self, f.name)) for f in dataclasses.fields(self) if f.name not in ("before", "edition"))


def content(value: Any) -> Any:
    """What a model value says, without where it was written: two values are the same thing when their
    contents are equal."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, Source):
            return None
        return tuple(content(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name not in _WHERE_WRITTEN)
    if isinstance(value, tuple | list):
        return tuple(content(item) for item in value)
    return value


def same(first: object, second: object) -> bool:
    return bool(content(first) == content(second))


def edition_changes(before: Handbook | None, after: Handbook, register: Iterable[Signatory] = ()) -> Changes:
    """What `after` changed since `before` (None: the first edition, where nothing is compared), with the
    organisations of `register` (the latest register) that signed `after`."""
    signed = tuple(o for o in register if o.edition == after.edition.id)
    if before is None:
        return Changes(None, after.edition, signed=signed)
    old_clauses, new_clauses = _clauses(before), _clauses(after)
    old_steps, new_steps = _steps(before), _steps(after)
    old_notes = {n.id: n for n in before.edition.notes}
    return Changes(
        before=before.edition,
        edition=after.edition,
        pages_changed=_changed_pairs({p.id: p for p in before.pages}, {p.id: p for p in after.pages}),
        clauses_added=tuple(new_clauses[i] for i in new_clauses if i not in old_clauses),
        clauses_changed=tuple(
            InCode(new_clauses[i].code, Changed(old_clauses[i].clause, new_clauses[i].clause), old_clauses[i].code)
            for i in new_clauses
            if i in old_clauses
            and (
                not same(old_clauses[i].clause, new_clauses[i].clause)
                or old_clauses[i].code.id != new_clauses[i].code.id
            )
        ),
        clauses_removed=tuple(old_clauses[i] for i in old_clauses if i not in new_clauses),
        codes_added=tuple(code for code in after.codes if code.id not in {c.id for c in before.codes}),
        codes_status=_status_changes(before.codes, after.codes),
        steps_added=tuple(new_steps[i] for i in new_steps if i not in old_steps),
        steps_changed=_changed_pairs(old_steps, new_steps),
        steps_removed=tuple(old_steps[i] for i in old_steps if i not in new_steps),
        letters_changed=_letters(before, after),
        notes_added=tuple(n for n in after.edition.notes if n.id not in old_notes),
        notes_changed=_changed_pairs(old_notes, {n.id: n for n in after.edition.notes}, ignore_checked=True),
        notes_rechecked=tuple(
            Rechecked(n, old_notes[n.id].evidence.checked_on)
            for n in after.edition.notes
            if n.id in old_notes and old_notes[n.id].evidence.checked_on != n.evidence.checked_on
        ),
        notes_removed=tuple(n for n in before.edition.notes if n.id not in {m.id for m in after.edition.notes}),
        signed=signed,
    )


def _clauses(handbook: Handbook) -> dict[str, InCode[Clause]]:
    return {clause.id: InCode(code, clause) for code in handbook.codes for clause in code.clauses}


def _steps(handbook: Handbook) -> dict[str, Question | Outcome]:
    if handbook.guide is None:
        return {}
    return {step.id: step for step in handbook.guide.steps}


def _changed_pairs(before: dict[str, V], after: dict[str, V], ignore_checked: bool = False) -> tuple[Changed[V], ...]:
    """The things of both editions, by id, that say something else now (for notes, other than the date
    they were checked, which is a re-check)."""

    def said(value: V) -> Any:
        if ignore_checked and isinstance(value, EditorialNote):
            return content(dataclasses.replace(value, evidence=dataclasses.replace(value.evidence, checked_on="")))
        return content(value)

    return tuple(Changed(before[i], after[i]) for i in after if i in before and said(before[i]) != said(after[i]))


def _status_changes(before: tuple[Code, ...], after: tuple[Code, ...]) -> tuple[Changed[Code], ...]:
    old = {code.id: code for code in before}
    return tuple(
        Changed(old[code.id], code)
        for code in after
        if code.id in old and (old[code.id].status, old[code.id].adopted_on) != (code.status, code.adopted_on)
    )


def _letters(before: Handbook, after: Handbook) -> tuple[Changed[Letter | None], ...]:
    old = {letter.id: letter for letter in before.guide.letters} if before.guide else {}
    new = {letter.id: letter for letter in after.guide.letters} if after.guide else {}
    return tuple(
        Changed[Letter | None](old.get(i), new.get(i))
        for i in sorted(old.keys() | new.keys())
        if not same(old.get(i), new.get(i))
    )
