"""A build that is killed, interrupted, run twice at once or given a read-only site/ never leaves site/
broken: site/ is always a whole site (the old or the new), the next build succeeds with no manual
step, and no process of the build outlives it. On a small handbook, PDFs and all, to keep it quick."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from build_scripts.pipeline import PDF_CACHE
from tests.e2e.test_build import tree_digest
from tests.support.project import small_project

GRACE_SECONDS = 15


def start_build(project: Path) -> subprocess.Popen[str]:
    """`make build`'s command in a session of its own, as a terminal runs a job; with no PDFs kept
    from an earlier build, so that every build lays them out."""
    shutil.rmtree(project / PDF_CACHE, ignore_errors=True)
    return subprocess.Popen(
        [sys.executable, "-m", "build_scripts", "--root", str(project), "build"],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDFS": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def finish(build: subprocess.Popen[str]) -> tuple[int, str]:
    output, _ = build.communicate(timeout=300)
    return build.returncode, output


def processes_of_session(session: int) -> list[str]:
    """The processes still running in a session (Linux /proc): "pid command"."""
    found = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        # A process may end between any two reads: one that has gone is not running.
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == session and fields[0] != "Z":
                found.append(f"{stat_file.parent.name} {(stat_file.parent / 'cmdline').read_bytes()[:120]!r}")
        except OSError:
            continue
    return found


def no_process_outlives(session: int) -> list[str]:
    deadline = time.monotonic() + GRACE_SECONDS
    while (left := processes_of_session(session)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site-new-", ".site-old")))


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, str, float]:
    """A small project with a site built from it: (project, the site's digest, how long the build took)."""
    project = small_project(tmp_path)
    start = time.monotonic()
    code, output = finish(start_build(project))
    assert code == 0, output
    return project, tree_digest(project / "site"), time.monotonic() - start


def wait_for_pdf_workers(build: subprocess.Popen[str], seconds: float) -> None:
    """Until the build lays out PDFs (the build and its two workers run), or `seconds` have passed."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if sum("-m\\x00build_scripts" in process for process in processes_of_session(build.pid)) >= 3:
            return
        time.sleep(0.05)
    pytest.fail("the build never laid out PDFs")


def test_a_build_killed_at_any_moment_leaves_the_site_whole(built: tuple[Path, str, float]) -> None:
    project, digest, duration = built
    for moment in (0.15, 0.5, 0.85):
        build = start_build(project)
        time.sleep(duration * moment)
        os.kill(build.pid, signal.SIGKILL)  # the build's own process only, as `kill -9` does
        build.wait()
        assert no_process_outlives(build.pid) == [], f"at {moment}: a process of the killed build is still running"
        assert tree_digest(project / "site") == digest, f"at {moment}"
    code, output = finish(start_build(project))
    assert code == 0, output
    assert leftovers(project) == [], "the next build did not clean up"
    assert (project / "site/index.html").is_file()


def test_an_interrupted_build_stops_its_pdf_workers_and_leaves_the_site(built: tuple[Path, str, float]) -> None:
    project, digest, duration = built
    build = start_build(project)
    wait_for_pdf_workers(build, duration)
    os.killpg(build.pid, signal.SIGINT)  # Ctrl-C: the whole job
    code, output = finish(build)
    assert code == 130, output
    assert "interrupted" in output and "Traceback" not in output
    assert no_process_outlives(build.pid) == []
    assert tree_digest(project / "site") == digest
    assert leftovers(project) == []


def test_an_interrupt_sent_to_the_build_alone_stops_everything_it_started(built: tuple[Path, str, float]) -> None:
    project, digest, duration = built
    build = start_build(project)
    wait_for_pdf_workers(build, duration)
    os.kill(build.pid, signal.SIGINT)
    code, output = finish(build)
    assert code == 130, output
    assert no_process_outlives(build.pid) == []
    assert tree_digest(project / "site") == digest


def test_two_builds_at_once_take_turns_and_site_is_never_missing(built: tuple[Path, str, float]) -> None:
    project, _, _ = built
    missing: list[float] = []
    running = True

    def watch() -> None:
        while running:
            if not (project / "site/index.html").is_file():
                missing.append(time.monotonic())
            time.sleep(0.001)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        first, second = start_build(project), start_build(project)
        results = [finish(first), finish(second)]
    finally:
        running = False
        watcher.join()
    assert [code for code, _ in results] == [0, 0], results
    assert any("Another build of site/ is running" in output for _, output in results)
    assert missing == [], "there was a moment without site/"
    assert leftovers(project) == []


def test_a_read_only_site_is_replaced_and_leaves_nothing_behind(built: tuple[Path, str, float]) -> None:
    project, _, _ = built
    site = project / "site"
    for path in [site, *site.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    code, output = finish(start_build(project))
    assert code == 0, output
    assert leftovers(project) == []
    code, output = finish(start_build(project))
    assert code == 0, output


def test_the_site_is_readable_by_other_users(site: Path) -> None:
    """As `mkdir` and a plain file write give them (umask 022 here): a web server as another user reads it."""
    umask = os.umask(0)
    os.umask(umask)
    for path in [site, *site.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        expected = (0o777 if path.is_dir() else 0o666) & ~umask
        assert mode == expected, f"{path.relative_to(site)}: {oct(mode)}, not {oct(expected)}"
