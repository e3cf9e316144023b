"""When each source last changed, read from the history: the day a change reached the branch."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from build_scripts.load.history import last_changed


def git(repo: Path, *arguments: str, day: str = "2026-01-01") -> None:
    moment = f"{day}T12:00:00+00:00"
    # Not the machine's settings: the history must be read the same under any of them.
    env = {**os.environ, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}
    env |= {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    identity = ["-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "-C", str(repo), *identity, *arguments], check=True, capture_output=True, env=env)


def commit(repo: Path, files: dict[str, str], day: str) -> None:
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", ".", day=day)
    git(repo, "commit", "-q", "-m", f"Edit of {day}", day=day)


def test_a_change_merged_from_another_branch_dates_from_its_merge_and_so_does_an_edit_made_merging(
    tmp_path: Path,
) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, {"a.md": "A\n", "b.md": "B\n", "c.md": "C\n"}, "2026-01-01")
    git(tmp_path, "checkout", "-q", "-b", "edit")
    commit(tmp_path, {"a.md": "A, edited on a branch\n"}, "2026-02-01")
    git(tmp_path, "checkout", "-q", "main")
    commit(tmp_path, {"b.md": "B, edited on main\n"}, "2026-03-01")
    git(tmp_path, "merge", "-q", "--no-commit", "edit", day="2026-04-01")
    (tmp_path / "c.md").write_text("C, edited while merging\n", encoding="utf-8")
    git(tmp_path, "add", "c.md", day="2026-04-01")
    git(tmp_path, "commit", "-q", "-m", "Merge", day="2026-04-01")
    assert last_changed(tmp_path) == {"a.md": "2026-04-01", "b.md": "2026-03-01", "c.md": "2026-04-01"}


def test_a_merge_is_read_against_its_first_parent_whatever_the_settings_say(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, {"a.md": "A\n", "b.md": "B\n"}, "2026-01-01")
    git(tmp_path, "checkout", "-q", "-b", "edit")
    commit(tmp_path, {"a.md": "A, edited on a branch\n"}, "2026-02-01")
    git(tmp_path, "checkout", "-q", "main")
    commit(tmp_path, {"b.md": "B, edited on main\n"}, "2026-03-01")
    git(tmp_path, "merge", "-q", "-m", "Merge", "edit", day="2026-04-01")
    git(tmp_path, "config", "log.diffMerges", "combined")
    assert last_changed(tmp_path) == {"a.md": "2026-04-01", "b.md": "2026-03-01"}


def test_without_the_whole_history_there_is_no_answer(tmp_path: Path) -> None:
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    commit(origin, {"a.md": "A\n"}, "2026-01-01")
    commit(origin, {"a.md": "A again\n"}, "2026-02-01")
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", "shallow")
    assert last_changed(tmp_path / "shallow") is None
    assert last_changed(tmp_path / "not-a-repository") is None
