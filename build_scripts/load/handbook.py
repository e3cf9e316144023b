"""Sources -> model, keeping the file and line of everything, collecting every problem on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model.handbook import Handbook
from ..model.problems import Problem
from .codes import load_codes
from .compact import load_edition, load_pages
from .contacts import load_contacts
from .docs import load_hand_written
from .guide import load_guide
from .signatories import load_register


@dataclass
class Loaded:
    """What loading gave: the handbook, when the sources could be read at all, and every problem."""

    handbook: Handbook | None
    problems: list[Problem] = field(default_factory=list)


def load_handbook(root: Path) -> Loaded:
    problems: list[Problem] = []
    pages = tuple(load_pages(root, problems))
    edition = load_edition(root, problems)
    codes = load_codes(root, problems)
    guide = load_guide(root, problems)
    register = load_register(root, problems)
    hand_written = load_hand_written(root, problems)
    contacts = load_contacts(root, problems)
    if edition is None:
        return Loaded(None, problems)
    return Loaded(Handbook(pages, edition, codes, guide, register, hand_written, contacts), problems)
