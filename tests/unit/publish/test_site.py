"""The site swap: one build at a time, leftovers removed, an exchange that never leaves site/ missing."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from build_scripts.publish.site import build_lock, exchange, interrupts_kept, remove_leftovers, remove_tree


def test_the_exchange_swaps_two_folders(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site/old.txt").write_text("old")
    (tmp_path / ".site-new-1").mkdir()
    (tmp_path / ".site-new-1/new.txt").write_text("new")
    exchange(tmp_path / ".site-new-1", tmp_path / "site")
    assert (tmp_path / "site/new.txt").is_file() and (tmp_path / ".site-new-1/old.txt").is_file()


def test_the_exchange_with_no_site_yet_moves_the_new_one_in(tmp_path: Path) -> None:
    (tmp_path / ".site-new-1").mkdir()
    exchange(tmp_path / ".site-new-1", tmp_path / "site")
    assert (tmp_path / "site").is_dir() and not (tmp_path / ".site-new-1").exists()


def test_leftovers_of_killed_builds_are_removed_even_read_only(tmp_path: Path) -> None:
    for name in (".site-new-abc", ".site-old", ".site-old-def"):
        (tmp_path / name / "sub").mkdir(parents=True)
        (tmp_path / name / "sub/page.html").write_text("x")
        for path in (tmp_path / name / "sub", tmp_path / name):
            path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    (tmp_path / "site").mkdir()
    remove_leftovers(tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_removing_a_folder_that_is_gone_does_nothing(tmp_path: Path) -> None:
    remove_tree(tmp_path / "nothing")


def test_a_second_build_says_that_it_waits_for_the_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from build_scripts.publish.site import build_lock; from pathlib import Path; import time\n"
            f"with build_lock(Path({str(tmp_path / 'site')!r})):\n    print('held', flush=True); time.sleep(1.5)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    start = time.monotonic()
    with build_lock(tmp_path / "site"):
        waited = time.monotonic() - start
    message = capsys.readouterr().err
    holder.wait()
    assert waited > 0.5
    assert f"Another build of site/ is running (process {holder.pid}); waiting for it to finish." in message


class _DroppedInterrupt:
    """An object whose finaliser is interrupted: Python prints the KeyboardInterrupt and goes on."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(10_000):  # the handler runs between two of these steps, inside the finaliser
            pass


# Python reporting the interrupt it drops is what this test brings about.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_interrupt_python_drops_is_raised_again_before_the_site_is_replaced() -> None:
    assert threading.current_thread() is threading.main_thread(), "signals reach only the main thread"
    with interrupts_kept() as interrupted:
        _DroppedInterrupt()  # dropped at once: its finaliser runs here
        with pytest.raises(KeyboardInterrupt):
            interrupted()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_without_an_interrupt_the_build_goes_on() -> None:
    with interrupts_kept() as interrupted:
        interrupted()
