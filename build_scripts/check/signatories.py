"""Checks of the signatory register: unique ids and names, and a lead body that is in it."""

from __future__ import annotations

from ..model.handbook import Register
from ..model.problems import Problem
from ..model.source import Source
from .references import id_problem


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
    ids = [o.id for o in register.organisations]
    if register.lead.id and all(ids) and register.lead.id not in ids:
        problems.append(
            Problem(
                register.lead.source,
                f"the lead body is {id_problem(register.lead.id, 'an organisation of the register', ids)}",
            )
        )
    return problems
