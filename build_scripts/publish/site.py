"""The site built beside site/ and exchanged for it at the end, one build at a time.

An engine empties its site folder before writing and cannot roll back, so it never writes into site/
itself: it builds the site project (project.py) into a new folder beside site/, the pass over the
finished site checks every page and gives it its policy, the guide's path pages are made from their
checked frames (path_pages.py), and only then is the new folder exchanged for site/ in one step. So:

- one build at a time: a lock file beside site/ (released by the system however a build ends); a
  second build says that it waits, and waits;
- what a killed build left beside site/ is removed when the next one starts;
- site/ is always a whole site, the old or the new: on Linux the two folders are exchanged with one
  system call (renameat2 with RENAME_EXCHANGE); elsewhere with two renames, a moment apart;
- the PDF workers and the engine are stopped with the build, and die if it is killed; an interrupt
  that Python itself drops is raised again before site/ is replaced (interrupts_kept);
- site/ gets the permissions `mkdir` gives (the umask's), so a web server running as another user
  can read it.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..render.processes import die_with_parent
from .engines import Engine
from .path_pages import make_path_pages
from .policy import secure_site
from .project import Project, built_site, write_project

if TYPE_CHECKING:  # see project.py
    from ..render.guide import PathPage

PDFS_VARIABLE = "HANDBOOK_PDFS"
"""Set to 0 to build without the PDFs (the preview never makes them, so that each edit shows at once)."""

MakeProject = Callable[[], Project | None]
"""Gives the site project, or None when it could not be made (and says why)."""


STOP_SECONDS = 10
"""How long the engine has to stop after an interrupt before it is killed."""
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def build_site(
    site_dir: Path,
    engine: Engine,
    make_project: MakeProject,
    redirects: Mapping[str, str],
    declared_scripts: Collection[str],
) -> int:
    """Make the site project, have the engine build it into a fresh folder, check and secure that, then
    exchange it for `site_dir`; 0 on success. `redirects` and `declared_scripts` are for the pass over
    the built site (policy.secure_site)."""
    site_dir = site_dir.absolute()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(site_dir), interrupts_kept() as interrupted:
        remove_leftovers(site_dir)
        made = make_project()
        if made is None:
            print(f"The build failed; {site_dir.name}/ was left as it was.", file=sys.stderr)
            return 1
        project = site_dir.with_name(f".{site_dir.name}-project")
        write_project(project, made.files)
        staging = site_dir.with_name(f".{site_dir.name}-new-{secrets.token_hex(4)}")
        try:
            problems = _build_into(project, engine, staging, made.path_pages, redirects, declared_scripts)
            if problems is None:
                print(f"The build failed; {site_dir.name}/ was left as it was.", file=sys.stderr)
                return 1
            if problems:
                print("\n".join(problems), file=sys.stderr)
                print(
                    f"These built pages hold what the site may not publish; {site_dir.name}/ was left as it was.",
                    file=sys.stderr,
                )
                return 1
            interrupted()
            exchange(staging, site_dir)
        finally:
            remove_tree(staging)  # after the exchange, it holds the old site
    print(f"Built the site into {site_dir}.")
    return 0


def _build_into(
    project: Path,
    engine: Engine,
    staging: Path,
    path_pages: Sequence[PathPage],
    redirects: Mapping[str, str],
    declared_scripts: Collection[str],
) -> list[str] | None:
    """The engine's build of `project`, moved to `staging`, the pass over it, then the guide's path pages
    made from their secured frames: the problems, or None if the engine failed."""
    built = engine_build(project, engine)
    if built is None:
        return None
    os.rename(built, staging)
    secured = secure_site(staging, redirects, declared_scripts, engine.style_hashes)
    return secured or make_path_pages(staging, path_pages)


def engine_build(project: Path, engine: Engine, strict: bool = True) -> Path | None:
    """Have the engine build the project folder `project` afresh (it dies with this process, and is
    stopped if this one is interrupted): the folder it built, or None if it failed."""
    built = built_site(project)
    remove_tree(built)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    parent = os.getpid()
    process = subprocess.Popen(
        engine.build_command(strict), cwd=project, env=env, preexec_fn=lambda: die_with_parent(parent)
    )
    try:
        if process.wait() != 0 or not built.is_dir():
            return None
    except BaseException:
        stop(process)
        raise
    return built


def stop(process: subprocess.Popen[Any]) -> None:
    """Stop a child process: terminate it, and kill it if it has not ended in a few seconds."""
    process.terminate()
    try:
        process.wait(STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def interrupts_kept() -> Iterator[Callable[[], None]]:
    """For the duration, an interrupt (Ctrl+C) raises KeyboardInterrupt as ever, and is also kept: the
    function given raises it again. Python drops the exception where it is raised inside its own
    handlers (after a fork, in a weak reference's callback), so the build asks once more before it
    replaces the site. Only the main thread receives signals; elsewhere, and where interrupts are
    ignored (a job started in the background), nothing changes."""
    kept: list[int] = []

    def interrupted() -> None:
        if kept:
            raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) in (
        signal.SIG_IGN,
        None,
    ):
        yield interrupted  # no signal reaches this thread, or the build was started to ignore them
        return

    def keep(number: int, _: object) -> None:
        kept.append(number)
        raise KeyboardInterrupt

    before = signal.signal(signal.SIGINT, keep)
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, before)


@contextmanager
def build_lock(site_dir: Path) -> Iterator[None]:
    """Hold the lock of `site_dir` for the duration; if another build holds it, say so and wait."""
    lock = site_dir.with_name(f".{site_dir.name}.lock")
    descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip() or "unknown"
            print(
                f"Another build of {site_dir.name}/ is running (process {holder}); waiting for it to finish.",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def remove_leftovers(site_dir: Path) -> None:
    """Remove what interrupted builds left beside `site_dir`: half-built and retired copies."""
    for pattern in (f".{site_dir.name}-new-*", f".{site_dir.name}-old*"):
        for leftover in site_dir.parent.glob(pattern):
            remove_tree(leftover)


def exchange(new: Path, old: Path) -> None:
    """Put `new` where `old` is and `old` where `new` was, so that `old`'s path always holds a whole folder."""
    if not old.exists() and not old.is_symlink():
        os.rename(new, old)
        return
    if _rename_exchange(new, old):
        return
    retired = new.with_name(new.name.replace("-new-", "-old-", 1))
    os.rename(old, retired)
    os.rename(new, old)
    os.rename(retired, new)


def _rename_exchange(first: Path, second: Path) -> bool:
    """Exchange two paths atomically (Linux renameat2); False where the system or file system cannot."""
    if sys.platform != "linux":
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(second))


def remove_tree(path: Path) -> None:
    """Remove a folder, also one made read-only; what cannot be removed is left for the next build."""

    def writable_then_retry(function: object, failed: str, _: object) -> None:
        os.chmod(os.path.dirname(failed), stat.S_IRWXU)
        if os.path.isdir(failed) and not os.path.islink(failed):
            os.chmod(failed, stat.S_IRWXU)
            shutil.rmtree(failed, ignore_errors=True)
        else:
            os.unlink(failed)

    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        try:
            shutil.rmtree(path, onerror=writable_then_retry)
        except OSError as error:
            print(f"Could not remove {path} ({error.strerror}); the next build will try again.", file=sys.stderr)
