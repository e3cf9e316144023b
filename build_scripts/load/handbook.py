"""Sources -> model, keeping the file and line of everything, collecting every problem on the way."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..model.handbook import Handbook
from ..model.problems import Problem, problem
from .codes import load_codes
from .compact import load_edition, load_pages
from .contacts import load_contacts
from .docs import load_hand_written
from .guide import load_guide
from .signatories import load_register
from .yaml_source import LINKED


@dataclass
class Loaded:
    """What loading gave: the handbook, when the sources could be read at all, and every problem."""

    handbook: Handbook | None
    problems: list[Problem] = field(default_factory=list)


SOURCE_FOLDERS = (
    "compact",
    "codes_of_practice",
    "guide",
    "signatories",
    "docs",
    "editions",
    "overrides",
    "overrides-zensical",
    "overrides-shared",
)
"""The folders the build reads and publishes from."""


def linked_paths(root: Path) -> list[Problem]:
    """A symbolic link in a folder the build reads, the folder itself included: what it leads to, in the
    project or outside, would be read and published as if it were here."""
    problems = []
    for folder in SOURCE_FOLDERS:
        if (root / folder).is_symlink():
            problems.append(problem(folder, 1, LINKED))
            continue
        for parent, folders, names in os.walk(root / folder):
            for name in sorted([*folders, *names]):
                path = Path(parent, name)
                if path.is_symlink() and not path.is_relative_to(root / "docs"):  # docs/ says so itself
                    problems.append(problem(path.relative_to(root).as_posix(), 1, LINKED))
    return problems


def load_handbook(root: Path) -> Loaded:
    problems: list[Problem] = linked_paths(root)
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
