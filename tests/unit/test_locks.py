"""The locks: every package pinned with its hashes, and each lock up to date with its .in file, so
that `make test` fails until `make lock` has been run after a change to a .in file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.locks import LOCKS, read_in, read_lock, stale
from tests.support.project import ROOT, edit


@pytest.mark.parametrize(("in_path", "lock_path"), sorted(LOCKS.items()))
def test_each_lock_is_up_to_date_with_its_in_file(in_path: str, lock_path: str) -> None:
    problems = stale(ROOT, in_path, lock_path)
    assert not problems, f"{lock_path} is out of date with {in_path}: run `make lock`.\n" + "\n".join(problems)


def test_every_in_file_is_locked_or_included_in_one_that_is() -> None:
    locked = set().union(*(read_in(ROOT, in_path).files for in_path in LOCKS))
    found = {p.relative_to(ROOT).as_posix() for p in [*ROOT.glob("*.in"), *ROOT.glob("requirements/*.in")]}
    assert found == locked


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The .in files and the locks, to change without touching the real ones."""
    for path in {*LOCKS, *LOCKS.values(), "requirements/handbook.in"}:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / path, tmp_path / path)
    return tmp_path


def test_the_copies_are_up_to_date(copy: Path) -> None:
    assert [stale(copy, in_path, lock_path) for in_path, lock_path in LOCKS.items()] == [[]] * len(LOCKS)


def pytest_pin(copy: Path) -> str:
    """The version of pytest the test lock pins (the tests below change it, whatever it is)."""
    return read_lock(copy, "requirements/test.txt")["pytest"].version


def test_a_new_pin_in_an_in_file_is_caught(copy: Path) -> None:
    pinned = pytest_pin(copy)
    edit(copy / "requirements/test.in", f"pytest=={pinned}", "pytest==99.0.0")
    assert stale(copy, "requirements/test.in", "requirements/test.txt") == [
        f"pytest==99.0.0 is asked for, but {pinned} is pinned"
    ]


def test_a_new_package_in_an_included_file_is_caught(copy: Path) -> None:
    edit(copy / "requirements/handbook.in", "pillow==13.0.0\n", "pillow==13.0.0\nmarkdown-it-py==4.0.0\n")
    expected = ["markdown-it-py is asked for but not pinned"]
    assert stale(copy, "requirements.in", "requirements.txt") == expected
    assert stale(copy, "requirements/properdocs.in", "requirements/properdocs.txt") == expected
    assert stale(copy, "requirements/zensical.in", "requirements/zensical.txt") == expected


def test_a_package_removed_from_an_in_file_is_caught(copy: Path) -> None:
    edit(copy / "requirements/test.in", "pypdf==7.1.1\n", "")
    assert stale(copy, "requirements/test.in", "requirements/test.txt") == [
        "pypdf is pinned for requirements/test.in, which no longer asks for it"
    ]


def test_a_lock_that_disagrees_with_the_build_lock_is_caught(copy: Path) -> None:
    edit(copy / "requirements.txt", "packaging==26.4", "packaging==26.3")
    assert "packaging is pinned at 26.4, but requirements.txt pins 26.3" in stale(
        copy, "requirements/test.in", "requirements/test.txt"
    )


def test_a_pin_without_hashes_is_caught(copy: Path) -> None:
    lock = copy / "requirements/test.txt"
    text = lock.read_text(encoding="utf-8")
    pin = f"pytest=={pytest_pin(copy)}"
    start = text.index(pin)
    end = text.index("    # via", start)
    lock.write_text(text[:start] + pin + "\n" + text[end:], encoding="utf-8")
    assert stale(copy, "requirements/test.in", "requirements/test.txt") == ["pytest has no hashes"]
