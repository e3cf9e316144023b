"""Child processes that never outlive the process that started them, however it ends."""

from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1


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
