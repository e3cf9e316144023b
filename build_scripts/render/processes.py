"""Child processes that never outlive the process that started them, however it ends."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, Generic, TypeVar

_PR_SET_PDEATHSIG = 1
WORKERS = 2
R = TypeVar("R")


def die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies, even by SIGKILL; elsewhere, do nothing.

    Called first thing in a child, with the parent's process id taken before the fork: a parent that
    died in between is noticed, since the child then has another parent already.
    """
    if sys.platform != "linux":
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def start_worker(parent: int) -> None:
    """The start of a pool's worker: it dies with its parent, and leaves an interrupt (Ctrl-C) to it,
    which then stops every worker, instead of each printing its own traceback."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def on_every_core(function: Callable[..., R], tasks: Sequence[tuple[Any, ...]], per_task: int = 1) -> list[R]:
    """`function` applied to each task's arguments, in order, on up to WORKERS processes, `per_task`
    tasks at a time; in this process where there is one core or too little work to share.

    Leaving the pool, also by an interrupt, terminates its workers: none goes on working after the
    build has stopped, and none outlives this process if it is killed.
    """
    workers = min(WORKERS, os.cpu_count() or 1)
    if workers < 2 or len(tasks) < 2 * per_task:
        return [function(*task) for task in tasks]
    with _pool(workers) as pool:
        return pool.starmap(function, tasks, chunksize=per_task)


@dataclass
class Underway(Generic[R]):
    """Tasks handed to worker processes while this process goes on with other work."""

    _pool: Pool | None
    _result: AsyncResult[list[R]] | None

    def results(self) -> list[R]:
        """Wait for every task's result, in the order of the tasks; a task that failed raises here.

        An interrupt while waiting, or a failed task, terminates the workers."""
        if self._pool is None or self._result is None:
            return []
        try:
            results = self._result.get()
        except BaseException:
            self.cancel()
            raise
        self._pool.join()
        return results

    def cancel(self) -> None:
        """Stop the workers, whatever they are doing."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()


def in_background(function: Callable[..., R], tasks: Sequence[tuple[Any, ...]]) -> Underway[R]:
    """`function` applied to each task's arguments on up to WORKERS processes, one task at a time,
    while this process goes on; `results()` waits for them. On one core, one worker still takes the
    tasks, so that this process is not held up by them."""
    if not tasks:
        return Underway(None, None)
    pool = _pool(max(1, min(WORKERS, os.cpu_count() or 1, len(tasks))))
    result = pool.starmap_async(function, tasks, chunksize=1)
    pool.close()
    return Underway(pool, result)


def _pool(workers: int) -> Pool:
    return multiprocessing.get_context("fork").Pool(workers, initializer=start_worker, initargs=(os.getpid(),))
