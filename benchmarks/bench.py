"""Timings of the build, printed as figures (`make bench`). Nothing here passes or fails.

Each figure is the median of a few runs on this machine; compare figures from one machine only.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.pipeline import check, generated_files  # noqa: E402
from build_scripts.render.pdf import build_pdfs  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build(with_pdfs: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "HANDBOOK_PDFS": "1" if with_pdfs else "0", "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "build_scripts", "build", "--site-dir", f"{folder}/site"]
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)


def main() -> None:
    checked = check(ROOT)
    assert checked.handbook is not None, "the sources have problems: run `make check`"
    handbook = checked.handbook
    files = generated_files(handbook)
    pdfs = build_pdfs(handbook, files)
    rows = [
        ("make check: load and validate every source", median_seconds(lambda: check(ROOT))),
        ("render every page (no PDFs)", median_seconds(lambda: generated_files(handbook))),
        (
            f"every PDF ({len(pdfs)} files, {sum(p.pages for p in pdfs)} pages)",
            median_seconds(lambda: build_pdfs(handbook, files)),
        ),
        ("whole build with PDFs (make build)", median_seconds(lambda: build(True))),
        ("whole build without PDFs (as make serve)", median_seconds(lambda: build(False))),
    ]
    print(f"Median of {RUNS} runs, {os.cpu_count()} cores:")
    for label, seconds in rows:
        print(f"  {seconds:6.2f} s  {label}")


if __name__ == "__main__":
    main()
