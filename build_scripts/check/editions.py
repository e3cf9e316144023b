"""Checks of the editions: the archived ones as handbooks in their own right, their ids and dates in
order, and the edition each signature names."""

from __future__ import annotations

from ..load.editions import edition_folder, in_archive
from ..model.handbook import Handbook
from ..model.problems import Problem
from .handbook import check_handbook
from .references import id_problem


def check_editions(handbook: Handbook) -> list[Problem]:
    """The archive's own problems (each at its path under editions/), the order of the editions, and
    the editions the register's signatures name."""
    problems = []
    for archived in handbook.archive:
        docs = [page.path for page in archived.hand_written]
        problems += [in_archive(found, archived.edition.id) for found in check_handbook(archived, docs)]
    return [*problems, *_order(handbook), *_signed_editions(handbook)]


def _order(handbook: Handbook) -> list[Problem]:
    """Every edition has an id of its own and a later date than the one before it (the archive is
    sorted by date, so two editions with one date, or the current edition dated before an archived
    one, are what can go wrong)."""
    problems = []
    current = handbook.edition
    for before, after in zip(handbook.archive, handbook.archive[1:], strict=False):
        if before.edition.published == after.edition.published:
            message = (
                f"this archived edition has the same date ({after.edition.published}) as "
                f"{edition_folder(before.edition.id)}/; each edition is published on a day of its own: "
                "correct the date of the one that is wrong."
            )
            problems.append(in_archive(Problem(after.edition.source, message), after.edition.id))
    for archived in handbook.archive:
        edition = archived.edition
        if edition.id == current.id:
            problems.append(
                Problem(
                    current.source,
                    f'"{current.id}" is the id of the archived edition in {edition_folder(edition.id)}/. After '
                    "`make edition`, give the new edition an id of its own (and its name and date) here.",
                )
            )
        elif edition.published >= current.published:
            problems.append(
                Problem(
                    current.source,
                    f"this edition is dated {current.published}, but the archived edition in "
                    f"{edition_folder(edition.id)}/ is dated {edition.published}: the current edition is the latest, "
                    "so give it the date it is published, after every archived one.",
                )
            )
    return problems


def _signed_editions(handbook: Handbook) -> list[Problem]:
    """Each signature names an edition that exists, and was signed on or after the day it was published."""
    if handbook.register is None:
        return []
    editions = {h.edition.id: h.edition for h in (*handbook.archive, handbook)}
    problems = []
    for organisation in handbook.register.organisations:
        signed = editions.get(organisation.edition)
        if organisation.edition and signed is None:
            what = "an edition of the handbook (compact/edition.yml, or an archived one in editions/)"
            problems.append(
                Problem(
                    organisation.source,
                    f'"{organisation.name}" signed {id_problem(organisation.edition, what, editions)}',
                )
            )
        elif signed is not None and organisation.signed_on and organisation.signed_on < signed.published:
            problems.append(
                Problem(
                    organisation.source,
                    f'"{organisation.name}" signed on {organisation.signed_on}, before the edition '
                    f'"{signed.id}" it names was published'
                    f" ({signed.published}): correct the date or the edition.",
                )
            )
    return problems
