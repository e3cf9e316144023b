"""When each source file last changed, from the repository's history: one `git log` for all of them.

A page's "Last updated" is the latest of these days over its own sources, not the day of the last
commit. The history read is the branch's own line (its first parents), with each merge compared
with the branch it was merged into: a change made on another branch and merged dates from the day of
its merge, when it reached the pages built from this branch, and an edit made while resolving a
merge is not missed. (A change brought in without a merge commit keeps its own commit's day: a
fast-forward keeps the day it was committed, a rebase gives the day of the rebase.)

Where there is no history to read (an unpacked archive has no .git) or only part of it (a shallow
clone, whose oldest commit would seem to have changed every file), there is no answer, and the
caller falls back to the edition's date. The same commit always gives the same days.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def last_changed(root: Path) -> dict[str, str] | None:
    """The day (2026-11-25) each file under `root` was last changed by a commit, by path relative to `root`;
    None where the history is missing or shallow."""
    try:
        shallow = _git(root, "rev-parse", "--is-shallow-repository")
        if shallow.strip() != "false":
            return None
        log = _git(
            root,
            "log",
            "--first-parent",
            # Each merge against the branch it was merged into, whatever log.diffMerges says.
            "--diff-merges=first-parent",
            "--relative",
            "--no-renames",
            "--name-only",
            "--format=%x00%cs",
            "--",
            ".",
        )
    except (OSError, subprocess.SubprocessError):
        return None
    days: dict[str, str] = {}
    for commit in log.split("\0")[1:]:
        day, _, names = commit.partition("\n")
        for name in names.split("\n"):
            if name:
                days.setdefault(name, day.strip())
    return days


def _git(root: Path, *arguments: str) -> str:
    return subprocess.run(
        # Paths as they are (not quoted, with octal escapes, where they are not ASCII).
        ["git", "-C", str(root), "-c", "core.quotePath=false", *arguments],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
