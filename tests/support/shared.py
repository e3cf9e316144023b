"""What the tests of one run share, made once: the built site above all, which takes a whole build.

pytest-xdist runs the tests on several workers, each its own process with its own session-scoped
fixtures. So that a site is built once per run and not once per worker, `once` builds it in a folder
shared by the workers, under a file lock: the first worker to ask builds it, the others wait for the
lock and read the result, a failed build included.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Build:
    """A site built for the tests: where it is, and what the build said."""

    site: Path
    returncode: int
    output: str

    def assert_built(self) -> Path:
        assert self.returncode == 0, f"the build failed:\n{self.output}"
        return self.site


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this test run that every worker sees (under plain pytest, the run's own)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    build: Callable[[Path], subprocess.CompletedProcess[str]],
) -> Build:
    """The site that `build` makes into the folder it is given, built once in this run under `name`."""
    folder = run_folder(tmp_path_factory) / f"shared-{name}"
    folder.mkdir(exist_ok=True)
    record = folder / "build.json"
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not record.exists():
            result = build(folder / "site")
            record.write_text(json.dumps({"returncode": result.returncode, "output": result.stdout + result.stderr}))
    done = json.loads(record.read_text())
    return Build(folder / "site", done["returncode"], done["output"])
