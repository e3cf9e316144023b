"""Facts the handbook states that are not in the 2009 text, and where each comes from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .source import Source

RECHECK_AFTER = datetime.timedelta(days=365)
"""A fact is checked again once a year, at the Compact Steering Group's annual review (Section 5)."""


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from, when someone last checked it, and whether it is still to confirm."""

    cited: str
    """The source, as Markdown: a title and, where there is one, a link."""
    checked_on: str
    """The date the fact was last checked against that source (2026-11-26)."""
    to_confirm: str
    """What the Compact Steering Group must still confirm; empty once the fact is confirmed."""
    source: Source
    """Where in our own sources the fact is recorded: the line of its "checked_on"."""
    to_confirm_source: Source
    """The line of its "to_confirm", where it has one."""

    @property
    def confirmed(self) -> bool:
        return not self.to_confirm

    def is_due(self, today: datetime.date) -> bool:
        """Whether the fact was last checked more than a year before `today`."""
        return bool(self.checked_on) and datetime.date.fromisoformat(self.checked_on) < today - RECHECK_AFTER
