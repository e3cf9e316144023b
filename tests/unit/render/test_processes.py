"""Work handed to worker processes: results in the order of the tasks, and a failure, of a task or of
a worker, raised in the process that waits, with no worker left behind and no wait for ever."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from concurrent.futures.process import BrokenProcessPool

import pytest

from build_scripts.render.processes import in_background, on_every_core


def square(number: int) -> int:
    time.sleep(0.01 * (number % 3))  # finishing out of order
    return number * number


def fail_on(number: int, bad: int) -> int:
    if number == bad:
        raise ValueError(f"task {number} failed")
    return number


def die(number: int) -> int:
    if number == 2:
        os._exit(1)  # as the kernel's out-of-memory killer would end it
    time.sleep(0.2)
    return number


def test_results_come_in_the_order_of_the_tasks() -> None:
    tasks = [(number,) for number in range(12)]
    assert in_background(square, tasks).results() == [n * n for n in range(12)]
    assert on_every_core(square, tasks, per_task=5) == [n * n for n in range(12)]


def test_no_tasks_start_no_worker() -> None:
    assert in_background(square, []).results() == []
    assert multiprocessing.active_children() == []


def test_a_failed_task_raises_where_the_results_are_awaited_and_stops_the_workers() -> None:
    underway = in_background(fail_on, [(number, 3) for number in range(8)])
    with pytest.raises(ValueError, match="task 3 failed"):
        underway.results()
    assert multiprocessing.active_children() == []


def test_a_worker_that_dies_is_reported_instead_of_waited_for() -> None:
    underway = in_background(die, [(number,) for number in range(4)])
    with pytest.raises(BrokenProcessPool):
        underway.results()
    assert multiprocessing.active_children() == []


def test_cancelled_work_leaves_no_worker() -> None:
    underway = in_background(die, [(number,) for number in range(10, 20)])
    underway.cancel()
    assert multiprocessing.active_children() == []


def test_a_process_that_leaves_without_the_results_does_not_wait_for_them() -> None:
    """As when an interrupt ends a site engine while the PDFs are laid out: it exits at once, and its
    workers with it, instead of waiting at exit for tasks that would take a minute."""
    script = (
        "import time; from build_scripts.render.processes import in_background; "
        "in_background(time.sleep, [(60,), (60,), (60,)]); print('left', flush=True)"
    )
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=50, check=False)
    assert result.stdout == "left\n" and result.returncode == 0, result.stderr
    assert time.monotonic() - started < 30, "the process waited for its workers' tasks"
