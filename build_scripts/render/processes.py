"""Child processes that never outlive the process that started them, however it ends."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
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
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held while it was forked (see _start)


def on_every_core(function: Callable[..., R], tasks: Sequence[tuple[Any, ...]], per_task: int = 1) -> list[R]:
    """`function` applied to each task's arguments, in order, on up to WORKERS processes, `per_task`
    tasks at a time; in this process where there is one core or too little work to share.

    Leaving, also by an interrupt or a failed task, terminates the workers: none goes on working
    after the build has stopped, and none outlives this process if it is killed.
    """
    workers = min(WORKERS, os.cpu_count() or 1)
    if workers < 2 or len(tasks) < 2 * per_task:
        return [function(*task) for task in tasks]
    return _start(function, tasks, workers, per_task).results()


def in_background(function: Callable[..., R], tasks: Sequence[tuple[Any, ...]]) -> Underway[R]:
    """`function` applied to each task's arguments on up to WORKERS processes, one task at a time,
    while this process goes on; `results()` waits for them. On one core, one worker still takes the
    tasks, so that this process is not held up by them."""
    if not tasks:
        return Underway(None, [])
    return _start(function, tasks, max(1, min(WORKERS, os.cpu_count() or 1, len(tasks))), 1)


@dataclass
class Underway(Generic[R]):
    """Tasks handed to worker processes, in chunks, while this process goes on with other work."""

    _workers: ProcessPoolExecutor | None
    _chunks: list[Future[list[R]]]

    def results(self) -> list[R]:
        """Wait for every task's result, in the order of the tasks; called once. A task that failed
        raises here, and so does a worker that died (BrokenProcessPool), instead of waiting for ever;
        either, or an interrupt while waiting, terminates the workers."""
        try:
            results = [result for chunk in self._chunks for result in chunk.result()]
        except BaseException:
            self.cancel()
            raise
        if self._workers is not None:
            self._workers.shutdown()
        self._forget()
        return results

    def cancel(self) -> None:
        """Stop the workers, whatever they are doing."""
        if self._workers is None:
            return
        # Python 3.14 has ProcessPoolExecutor.terminate_workers(); until then, its own list of them.
        for process in list((getattr(self._workers, "_processes", None) or {}).values()):
            process.terminate()
        # The executor's own thread notices, and reaps them: shutting down waits for it.
        self._workers.shutdown(wait=True, cancel_futures=True)
        self._forget()

    def _forget(self) -> None:
        # The exit handler keeps this object until the process ends (a live preview's rebuilds, a
        # test run): it then holds nothing, neither workers nor results.
        self._workers, self._chunks = None, []


def _start(function: Callable[..., R], tasks: Sequence[tuple[Any, ...]], workers: int, per_task: int) -> Underway[R]:
    # An interrupt that arrived while a worker was being forked would be raised inside the handlers
    # Python runs after a fork (the logging module's), which print it and go on: the build would not
    # stop. It is held until the workers are started, then raised here.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"), initializer=start_worker, initargs=(os.getpid(),)
        )
        chunks = [pool.submit(_chunk, function, tasks[i : i + per_task]) for i in range(0, len(tasks), per_task)]
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    underway = Underway(pool, chunks)
    # A process leaving without waiting for the results (an interrupt the site engine does not catch)
    # would otherwise wait, at exit, for every task: the executor's own exit handler lets them finish.
    # Handlers registered here run before it (the private hook concurrent.futures itself uses).
    threading._register_atexit(underway.cancel)  # type: ignore[attr-defined]
    return underway


def _chunk(function: Callable[..., R], tasks: Sequence[tuple[Any, ...]]) -> list[R]:
    return [function(*task) for task in tasks]
