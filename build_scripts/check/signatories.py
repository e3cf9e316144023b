"""Checks of the signatory register: unique ids and names, no two names that look alike, a lead body
that is in it, and someone else in it to counter-sign the lead body's own copy."""

from __future__ import annotations

from ..model.confusables import skeleton
from ..model.handbook import Register
from ..model.problems import Problem
from ..model.source import Source
from .references import id_problem


def _lookalikes(register: Register) -> list[Problem]:
    """Two organisations whose names look alike (UTS #39 skeletons): a reader would take one for the other."""
    problems = []
    seen: dict[str, tuple[str, Source]] = {}
    for organisation in register.organisations:
        name = organisation.name
        if not name:
            continue
        key = skeleton(name)
        if key in seen and seen[key][0] != name:
            first, where = seen[key]
            problems.append(
                Problem(
                    organisation.name_source,
                    f'the name "{name}" looks the same as "{first}" at {where}, though its letters differ (one may '
                    "be from another alphabet, such as a Cyrillic о for an o): a reader would take one for the other. "
                    "Retype the name; if they are two organisations, name them so that they can be told apart.",
                )
            )
        seen.setdefault(key, (name, organisation.name_source))
    return problems


def check_register(register: Register) -> list[Problem]:
    problems = []
    for kind in ("id", "name"):
        seen: dict[str, Source] = {}
        for organisation in register.organisations:
            value = getattr(organisation, kind)
            if value and value in seen:
                problems.append(
                    Problem(
                        organisation.source, f'the {kind} "{value}" is already used at {seen[value]}; choose another.'
                    )
                )
            seen.setdefault(value, organisation.source)
    problems += _lookalikes(register)
    ids = [o.id for o in register.organisations]
    if not all(ids):
        return problems  # an id that could not be read is reported where it is written
    roles = (
        (register.lead, "the lead body"),
        (register.lead_copy_counter_signed_by, "the counter-signer of the lead body's own copy"),
    )
    for reference, role in roles:
        if reference.id and reference.id not in ids:
            problems.append(
                Problem(
                    reference.source, f"{role} is {id_problem(reference.id, 'an organisation of the register', ids)}"
                )
            )
    counter = register.lead_copy_counter_signed_by
    if counter.id and counter.id == register.lead.id:
        problems.append(
            Problem(
                counter.source,
                f'the lead body\'s own copy cannot be counter-signed by the lead body itself ("{counter.id}"): name '
                "another organisation of the register, such as a public sector member of the Compact Steering Group.",
            )
        )
    return problems
