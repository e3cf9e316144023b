"""The locks and the .in files they are made from (`make lock`): is each lock up to date with its .in?

A lock is a requirements file written by `uv pip compile --generate-hashes`: every package pinned
with `==`, the hashes of its files, and `# via` lines naming what asked for it, `-r file.in` for a
package an .in file names. Requirements are read by `packaging`, as pip reads them. A lock is up to
date when it pins every requirement of its .in files at a version they allow, pins nothing that
only a former line of them asked for, agrees with the locks its .in file constrains it by, and
gives hashes for every pin.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LOCKS = {
    "requirements.in": "requirements.txt",
    "requirements/properdocs.in": "requirements/properdocs.txt",
    "requirements/zensical.in": "requirements/zensical.txt",
    "requirements/test.in": "requirements/test.txt",
}
"""Each .in file that `make lock` resolves, and its lock, relative to the project's root."""


@dataclass(frozen=True)
class Pin:
    version: str
    hashes: tuple[str, ...]
    via: frozenset[str]
    """What asked for the package: package names, and `-r path` or `-c path` with normalised paths."""


@dataclass(frozen=True)
class InFile:
    requirements: tuple[Requirement, ...]
    """Every requirement of the file and of the files it includes with `-r`."""
    files: frozenset[str]
    """The file itself and every file it includes, relative to the root."""
    constraints: frozenset[str]
    """The locks it is constrained by (`-c`), relative to the root."""


def _relative(root: Path, base: Path, name: str) -> str:
    return Path(os.path.normpath(base / name)).relative_to(root).as_posix()


def read_in(root: Path, path: str) -> InFile:
    requirements: list[Requirement] = []
    files = {path}
    constraints: set[str] = set()
    for line in (root / path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            included = read_in(root, _relative(root, (root / path).parent, line[3:].strip()))
            requirements += included.requirements
            files |= included.files
            constraints |= included.constraints
        elif line.startswith("-c "):
            constraints.add(_relative(root, (root / path).parent, line[3:].strip()))
        elif line:
            requirements.append(Requirement(line))
    return InFile(tuple(requirements), frozenset(files), frozenset(constraints))


def read_lock(root: Path, path: str) -> dict[str, Pin]:
    """Each package of a lock by its normalised name."""
    pins: dict[str, Pin] = {}
    name = ""
    version = ""
    hashes: list[str] = []
    via: set[str] = set()

    def close() -> None:
        if name:
            pins[name] = Pin(version, tuple(hashes), frozenset(via))

    for raw in (root / path).read_text(encoding="utf-8").splitlines():
        line = raw.strip().removesuffix("\\").strip()
        if not raw.startswith((" ", "#")) and line:
            close()
            requirement = Requirement(line.split(" --hash", 1)[0])
            specifiers = list(requirement.specifier)
            name = canonicalize_name(requirement.name)
            version = specifiers[0].version if len(specifiers) == 1 and specifiers[0].operator == "==" else ""
            hashes, via = [], set()
            line = line.partition(" ")[2]
        if line.startswith("--hash="):
            hashes.append(line.removeprefix("--hash="))
        elif name and line.startswith("#") and raw.startswith(" "):
            origin = line.lstrip("# ").removeprefix("via").strip()
            if origin.startswith(("-r ", "-c ")):
                origin = f"{origin[:2]} {_relative(root, root, origin[3:].strip())}"
            if origin:
                via.add(origin if origin.startswith("-") else canonicalize_name(origin))
    close()
    return pins


def stale(root: Path, in_path: str, lock_path: str) -> list[str]:
    """What makes the lock out of date with its .in file; nothing when it is up to date."""
    source = read_in(root, in_path)
    pins = read_lock(root, lock_path)
    problems = []
    asked = set()
    for requirement in source.requirements:
        name = canonicalize_name(requirement.name)
        asked.add(name)
        pin = pins.get(name)
        if pin is None:
            problems.append(f"{requirement.name} is asked for but not pinned")
        elif not requirement.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{requirement} is asked for, but {pin.version} is pinned")
    for name, pin in sorted(pins.items()):
        if not pin.version:
            problems.append(f"{name} is not pinned to one version with ==")
        if not pin.hashes:
            problems.append(f"{name} has no hashes")
        from_files = {origin[3:] for origin in pin.via if origin.startswith("-r ")}
        if from_files & source.files and name not in asked:
            problems.append(f"{name} is pinned for {', '.join(sorted(from_files))}, which no longer asks for it")
        if not pin.via:
            problems.append(f"{name} is pinned, but nothing asks for it")
        unpinned = sorted(other for other in pin.via - set(pins) if not other.startswith("-"))
        problems += [f"{name} is pinned for {other}, which is not pinned" for other in unpinned]
    for constraint in sorted(source.constraints):
        for name, pin in sorted(read_lock(root, constraint).items()):
            if name in pins and pins[name].version != pin.version:
                problems.append(f"{name} is pinned at {pins[name].version}, but {constraint} pins {pin.version}")
    return problems
