"""The earlier editions: each one's sources, kept in the repository in editions/<id>/, loaded as a
handbook of its own by the same loaders as the current edition.

Archived sources live in the repository, not in git tags, so that any clone, a shallow one on CI or
an unpacked archive, builds every edition. `make edition` makes the copy (`snapshot`).
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from ..model.addresses import EDITIONS_DIR
from ..model.handbook import Handbook
from ..model.problems import Problem, problem
from ..model.source import Source
from .docs import DOCS_DIR
from .handbook import load_handbook
from .records import SLUG_RULE, is_slug

SNAPSHOT_PARTS = ("compact", "codes_of_practice", "guide", "signatories", "contacts.yml", DOCS_DIR)
"""What an edition's handbook is loaded from: every source the loaders read (of docs/, the Markdown
pages only, which the checks need to know as link targets; the site's stylesheet and images are the
current ones)."""


def edition_folder(edition_id: str) -> str:
    return f"{EDITIONS_DIR}/{edition_id}"


def in_archive(found: Problem, edition_id: str) -> Problem:
    """A problem of an archived edition, its path made from the project's root: editions/<id>/..."""
    return replace(found, source=Source(f"{edition_folder(edition_id)}/{found.source.path}", found.source.line))


def with_archive(root: Path, handbook: Handbook, problems: list[Problem]) -> Handbook:
    """The handbook with its earlier editions, oldest first; none when editions/ does not exist."""
    folder = root / EDITIONS_DIR
    if folder.is_symlink() or not folder.is_dir():
        return handbook  # a linked editions/ is reported by load.handbook, and nothing is read through it
    archive = []
    for path in sorted(folder.iterdir()):
        archived = _load_archived(root, path, problems)
        if archived is not None:
            archive.append(archived)
    archive.sort(key=lambda h: (h.edition.published, h.edition.id))
    return replace(handbook, archive=tuple(archive))


def _load_archived(root: Path, path: Path, problems: list[Problem]) -> Handbook | None:
    relative = path.relative_to(root).as_posix()
    if path.is_symlink() or not path.is_dir():
        problems.append(
            problem(relative, 1, f"only folders of archived editions belong in {EDITIONS_DIR}/; remove it.")
        )
        return None
    if not is_slug(path.name):
        problems.append(problem(relative, 1, f'"{path.name}" is not a valid edition id: use {SLUG_RULE}.'))
        return None
    loaded = load_handbook(path)
    problems += [in_archive(found, path.name) for found in loaded.problems]
    if loaded.handbook is None:
        return None
    edition = loaded.handbook.edition
    if edition.id != path.name:
        message = (
            f'the archived edition\'s id is "{edition.id}", but its folder is {relative}/: an archived edition is '
            f"published at /{relative}/, so write its folder's name as its id (never change a published id)."
        )
        problems.append(in_archive(problem(edition.source.path, edition.source.line, message), path.name))
        return None
    return loaded.handbook


def snapshot(root: Path, edition_id: str) -> Path:
    """Copy the current edition's sources into editions/<id>/; the folder must not exist yet."""
    target = root / edition_folder(edition_id)
    target.mkdir(parents=True)
    for part in SNAPSHOT_PARTS:
        source = root / part
        if source.is_dir():
            markdown_only = part == DOCS_DIR
            shutil.copytree(source, target / part, ignore=_only_markdown if markdown_only else None)
        elif source.is_file():
            shutil.copy2(source, target / part)
    return target


def _only_markdown(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if not name.endswith(".md") and not (Path(folder) / name).is_dir()]
