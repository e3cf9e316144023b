"""Facts that are not in the 2009 text: each is re-checked yearly."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from ..model.facts import RECHECK_AFTER, Evidence
from ..model.problems import WARNING, Problem


def check_facts(evidence: Iterable[Evidence], today: datetime.date) -> list[Problem]:
    """A warning for each fact last checked more than a year before `today`. (Each fact still to confirm
    is in the list of what is still needed: check/still_needed.py.)"""
    problems = []
    for fact in evidence:
        if fact.is_due(today):
            problems.append(
                Problem(
                    fact.source,
                    f"this fact was last checked on {fact.checked_on}, more than {RECHECK_AFTER.days} days ago; "
                    f'check it again against its source and change "checked_on" to the date you did.',
                    WARNING,
                )
            )
    return problems
