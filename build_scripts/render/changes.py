"""The "What changed" page of an edition, and the same changes told in short sentences (for the
Editions page and the feed). Made from `model.changes`, never written by hand."""

from __future__ import annotations

import posixpath

from ..model.addresses import code_page, compact_page, edition_page, step_page, what_changed_page
from ..model.changes import Changes
from ..model.problems import plural
from .environment import long_date, markdown_environment


def what_changed(changes: Changes, current_id: str) -> str:
    """The page, its links leading to each thing in the edition that has it: the current site's pages for
    the current edition (`current_id`), an archived edition's own pages for an earlier one."""
    here = what_changed_page(changes.edition.id)

    def link(edition_id: str, page: str, anchor: str = "") -> str:
        target = page if edition_id == current_id else edition_page(edition_id, page)
        return posixpath.relpath(target, posixpath.dirname(here)) + (f"#{anchor}" if anchor else "")

    before = changes.before.id if changes.before else ""
    return (
        markdown_environment()
        .get_template("what_changed.md.j2")
        .render(
            changes=changes,
            summary=summary(changes),
            now=lambda page, anchor="": link(changes.edition.id, page, anchor),
            then=lambda page, anchor="": link(before, page, anchor),
            compact_page=compact_page,
            code_page=code_page,
            step_page=step_page,
            step_text=step_text,
        )
    )


def step_text(step: object) -> str:
    """What a step of the guide asks or says, in one line: its question, or its title."""
    return str(getattr(step, "question", "") or getattr(step, "title", ""))


def summary(changes: Changes) -> list[str]:
    """One sentence for each kind of change there is, in plain text."""
    if changes.before is None:
        lines = ["The first edition: there is no earlier one to compare it with."]
    else:
        kinds = (
            (changes.pages_changed, "page of the Compact", "pages of the Compact", "changed"),
            (changes.clauses_added, "clause", "clauses", "added"),
            (changes.clauses_changed, "clause", "clauses", "changed"),
            (changes.clauses_removed, "clause", "clauses", "removed"),
            (changes.steps_added, "step of the guide", "steps of the guide", "added"),
            (changes.steps_changed, "step of the guide", "steps of the guide", "changed"),
            (changes.steps_removed, "step of the guide", "steps of the guide", "removed"),
            (changes.letters_changed, "model letter", "model letters", "added, changed or removed"),
            (changes.notes_added, "editorial note", "editorial notes", "added"),
            (changes.notes_changed, "editorial note", "editorial notes", "changed"),
            (changes.notes_rechecked, "editorial note", "editorial notes", "checked again"),
            (changes.notes_removed, "editorial note", "editorial notes", "removed"),
        )
        lines = [f"{plural(len(found), one, many)} {verb}." for found, one, many, verb in kinds if found]
        lines += [
            f"{code.title}: a new code of practice, {code.status}"
            + (f" on {long_date(code.adopted_on)}" if code.adopted_on else "")
            + "."
            for code in changes.codes_added
        ]
        lines += [
            f"{c.after.title}: {c.after.status}"
            + (f" on {long_date(c.after.adopted_on)}" if c.after.adopted_on else "")
            + f" (was {c.before.status})."
            for c in changes.codes_status
        ]
        if not lines:
            lines = ["Nothing in the text, the codes or the guide changed."]
    if changes.signed:
        lines.append(f"Signed by {', '.join(o.signs_as for o in changes.signed)}.")
    return lines
