"""Facts that are not in the 2009 text: each is re-checked yearly, and none still "to confirm" is published."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from ..model.facts import RECHECK_AFTER, Evidence
from ..model.problems import BEFORE_PUBLISHING, WARNING, Problem


def check_facts(evidence: Iterable[Evidence], today: datetime.date) -> list[Problem]:
    """A warning for each fact last checked more than a year before `today`, and a problem to solve
    before publishing for each fact still to confirm."""
    problems = []
    for fact in evidence:
        if fact.to_confirm:
            problems.append(
                Problem(
                    fact.to_confirm_source,
                    f'to confirm: {fact.to_confirm} Once confirmed, remove "to_confirm".',
                    BEFORE_PUBLISHING,
                )
            )
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
