"""The live preview (`make serve`): the site built as `make build` builds it, without PDFs, served by a
small server of our own, and built again whenever a source changes.

Every engine only builds: the guide's path pages are made after it from their frames (path_pages.py),
each when it is asked for, which an engine's own server could not do; and the page open in the browser
reloads in the same way whichever engine built it. An engine with MkDocs's Python API is started once
and rebuilds only the pages an edit changed (incremental.py); any other builds the whole site each time
(`Engine.build_command`). Each page the server sends carries one more script, RELOAD_SCRIPT, which asks
four times a second which build is being served and reloads the page once a newer one is; nothing of it
is written into the site, it is added as a page is sent. The pass over the finished site is left out:
the preview shows sources with problems as pages of problems, with a "not found" page that asks for
itself again, which the pass would refuse.
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
import posixpath
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .engines import PROJECT_CONFIG, PROJECT_THEME, Engine
from .incremental import BUILT, BUILT_WHOLE, FAILED
from .path_pages import path_page
from .project import Project, built_site, write_project
from .site import engine_build, exchange, remove_leftovers, remove_tree, stop

if TYPE_CHECKING:  # see project.py
    from ..render.guide import PathPage

PREVIEW_PROJECT = Path(".cache", "preview")
"""The preview's site project, under the project folder; the site it serves is beside it."""
WATCH_SECONDS = 0.05
"""How often the preview looks for a changed source."""
_CLOCK_STEP = 2_000_000_000
"""The coarsest step of a file system's modification times (FAT's two seconds), in nanoseconds: a file
written in the last such step before a build is taken as written by it."""
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
"""The folder holding build_scripts, for the builder, which runs in the project folder."""
DEFAULT_ADDRESS = "127.0.0.1:8000"
BUILD_PATH = "/.preview/build"
RELOAD_PATH = "/.preview/reload.js"
RELOAD_SCRIPT = (
    "(function () {\n"
    "  var shown = document.currentScript.getAttribute('data-build');\n"
    "  setInterval(function () {\n"
    f"    fetch('{BUILD_PATH}', {{cache: 'no-store'}}).then(function (response) {{ return response.text(); }})\n"
    "      .then(function (build) { if (build !== shown) { location.reload(); } }, function () {});\n"
    "  }, 250);\n"
    "})();\n"
)
"""The page's question to the server: a file of the site's own origin, which the pages' policy allows."""


class Preview:
    """The site being served, how many builds it has been through, and the guide's path pages to make
    from their frames when they are asked for, by site-relative file."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.build = 0
        self.path_pages: dict[str, PathPage] = {}
        self.files: frozenset[str] = frozenset()
        """The project's files as last built; none until a build has succeeded."""
        self.written: Mapping[str, bytes] | None = None
        """The project's files as last written; None until they are."""
        self.changing = threading.Lock()
        """Held while the frames served and their path pages change, and while a path page is made."""


@dataclass(frozen=True)
class Built:
    """What a build of the preview's project made."""

    folder: Path
    whole: bool
    """Whether every file in `folder` was built afresh; else only those an edit changed were written."""


class Builder:
    """The engine, building the preview's project folder: for an incremental engine, one process for the
    whole preview (publish/incremental.py), which keeps the site it built in the folder and rebuilds only
    what changed; for any other, the engine's build command, run afresh each time."""

    def __init__(self, folder: Path, engine: Engine, python: str = sys.executable) -> None:
        """`python`: the Python with the engine, where not this one."""
        self.folder = folder
        self.engine = engine
        self.python = python
        self.process: subprocess.Popen[str] | None = None

    def build(self, whole: bool) -> Built | None:
        """Build the project, all of it if `whole` (or if the engine must): what it built, or None if
        the engine failed."""
        if not self.engine.incremental:
            folder = engine_build(self.folder, self.engine, strict=False)
            return Built(folder, whole=True) if folder is not None else None
        if self.process is None or self.process.poll() is not None:
            self.close()
            # The builder asks to die with this process itself (no preexec_fn: the server's threads run).
            self.process = subprocess.Popen(
                [*self.engine.incremental_command(self.python), str(os.getpid())],
                cwd=self.folder,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": _PACKAGE_ROOT},
            )
            whole = True
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            self.process.stdin.write("full\n" if whole else "changed\n")
            self.process.stdin.flush()
        except BrokenPipeError:
            return None
        for line in self.process.stdout:
            answer = line.strip()
            if answer in (BUILT_WHOLE, BUILT, FAILED):
                return Built(built_site(self.folder), answer == BUILT_WHOLE) if answer != FAILED else None
            print(line, end="", file=sys.stderr, flush=True)
        return None  # the builder ended; the next build starts another

    @property
    def keeps_site(self) -> bool:
        """Whether the folder built stays the engine's, to build into again (else it may be moved)."""
        return self.engine.incremental

    def close(self) -> None:
        if self.process is not None:
            stop(self.process)
            for pipe in (self.process.stdin, self.process.stdout):
                if pipe is not None:
                    with contextlib.suppress(OSError):
                        pipe.close()
            self.process = None


def serve_site(
    root: Path,
    engine: Engine,
    make_project: Callable[[], Project],
    watched: Callable[[], dict[str, tuple[int, int]]],
    address: str | None = None,
) -> int:
    """Build the preview, serve it at `address` (host:port), and build it again on each change of a
    source, until interrupted.

    `make_project` gives the project, whose pages show the problems wherever the sources have any;
    `watched` gives each source's modification time and size, by path.
    """
    folder = root / PREVIEW_PROJECT
    preview = Preview(folder.with_name(f"{folder.name}-site"))
    host, _, port = (address or DEFAULT_ADDRESS).rpartition(":")
    server = ThreadingHTTPServer((host, int(port)), _handler(preview))
    # Taken before the first build, so that a change made while it runs is built next.
    seen = watched()
    remove_leftovers(preview.site)
    builder = Builder(folder, engine)
    rebuild(folder, builder, make_project(), preview)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving the preview at http://{host}:{port}/ (stop it with Ctrl+C).", flush=True)
    try:
        while True:
            time.sleep(WATCH_SECONDS)
            now = watched()
            if now != seen:
                seen = now
                rebuild(folder, builder, make_project(), preview)
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()
        builder.close()


def rebuild(folder: Path, builder: Builder, project: Project, preview: Preview) -> None:
    """Write the project into `folder`, build it, and serve the result, with its path pages made from
    their frames when asked for; or say why not, and go on serving the site before.

    Only what changed is built again, unless the change can reach every page: the configuration, the
    theme, or a page added or removed."""
    # Unknown while being written: a write that fails half way leaves files that no record tells.
    before, preview.written = preview.written, None
    written = write_project(folder, project.files, before)
    preview.written = project.files
    whole = (
        set(project.files) != preview.files
        or PROJECT_CONFIG in written
        or any(path.startswith(f"{PROJECT_THEME}/") for path in written)
    )
    if builder.keeps_site and not whole:
        # A dirty build rebuilds a page whose source is newer than it: on a file system whose times
        # step by seconds, a source saved in the step its page was built in would not look newer.
        ahead = time.time_ns() + _CLOCK_STEP
        for path in written:
            with contextlib.suppress(OSError):
                os.utime(folder / path, ns=(ahead, ahead))
    started = time.time_ns()
    built = builder.build(whole)
    preview.files = frozenset()  # until this build has been served
    if built is None:
        print("The engine did not build the preview; the page shows the build before.", file=sys.stderr, flush=True)
        return
    missing = sorted({page.frame for page in project.path_pages if not (built.folder / page.frame).is_file()})
    if missing:
        print(f"The engine did not build these frames of path pages: {', '.join(missing)}", file=sys.stderr, flush=True)
        return
    if builder.keeps_site and not built.whole and preview.site.is_dir():
        with preview.changing:  # the frames and their path pages together
            _update(built.folder, preview.site, started)
            preview.path_pages = {page.file: page for page in project.path_pages}
    else:
        staging = folder.with_name(f".{folder.name}-site-new-{preview.build + 1}")
        remove_tree(staging)
        if builder.keeps_site:  # the engine builds into its folder again: a copy, which it never writes
            shutil.copytree(built.folder, staging)
        else:
            os.rename(built.folder, staging)
        with preview.changing:
            exchange(staging, preview.site)
            preview.path_pages = {page.file: page for page in project.path_pages}
        # The site served before, removed while the page reloads.
        threading.Thread(target=remove_tree, args=(staging,), daemon=True).start()
    preview.files = frozenset(project.files)
    preview.build += 1


def _update(built: Path, served: Path, since: int) -> None:
    """The site `served` brought up to the engine's `built` after a build of only what an edit changed,
    which removes no file: each file the engine wrote since `since` (nanoseconds) and not served already
    (copies keep the time they were written) is copied beside its counterpart served, then put in its
    place in one step, so that a page being sent is sent whole, old or new. (A copy of the whole site
    would make each of its hundreds of folders afresh, which costs a tenth of a second.)"""
    for folder, _, names in os.walk(built):
        relative = os.path.relpath(folder, built)
        for name in names:
            status = os.stat(os.path.join(folder, name))
            if status.st_mtime_ns < since - _CLOCK_STEP:
                continue
            target = os.path.join(served, relative, name)
            try:
                serving = os.stat(target)
            except OSError:
                serving = None
            if serving is not None and (serving.st_mtime_ns, serving.st_size) == (status.st_mtime_ns, status.st_size):
                continue
            fresh = os.path.join(served, relative, f".{name}.new")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            try:
                shutil.copy2(os.path.join(folder, name), fresh)
                os.replace(fresh, target)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(fresh)


def _handler(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            if path == BUILD_PATH:
                self._send(HTTPStatus.OK, "text/plain; charset=utf-8", str(preview.build).encode("ascii"))
                return
            if path == RELOAD_PATH:
                self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", RELOAD_SCRIPT.encode("utf-8"))
                return
            target = _file(preview.site, path)
            if target is not None and not path.endswith("/") and (target.is_dir() or self._made(target / "index.html")):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", f"{path}/")
                self.end_headers()
                return
            status = HTTPStatus.OK
            if target is not None:
                # A path page, a frame's own included: the frame as built lists no answers.
                with preview.changing:
                    made = self._made(target)
                    html, problems = path_page(preview.site, made) if made is not None else ("", [])
                if made is not None:
                    self._send(
                        HTTPStatus.OK if html else HTTPStatus.INTERNAL_SERVER_ERROR,
                        "text/html; charset=utf-8",
                        _with_reload(html.encode("utf-8"), preview.build) if html else "\n".join(problems).encode(),
                    )
                    return
            if target is None or not target.is_file():
                status, target = HTTPStatus.NOT_FOUND, preview.site / "404.html"
            try:
                data = target.read_bytes()
            except OSError:
                self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"Not found")
                return
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind == "text/html":
                data = _with_reload(data, preview.build)
            self._send(status, f"{kind}; charset=utf-8" if kind.startswith("text/") else kind, data)

        def _made(self, target: Path) -> PathPage | None:
            """The path page made on request whose file is `target`, if it is one."""
            return preview.path_pages.get(target.relative_to(preview.site).as_posix())

        def _send(self, status: HTTPStatus, kind: str, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the engine's own output says what each build did."""

    return Handler


def _file(site: Path, path: str) -> Path | None:
    """The file or folder of the site a request's path names (a folder's index.html), or None if the
    path would lead out of the site."""
    relative = posixpath.normpath(unquote(path)).lstrip("/")
    if relative.startswith("..") or "\0" in relative:
        return None
    target = site / relative if relative not in ("", ".") else site
    return target / "index.html" if path.endswith("/") else target


def _with_reload(page: bytes, build: int) -> bytes:
    """The page with the reload script as the last thing in its body."""
    tag = f'<script src="{RELOAD_PATH}" data-build="{build}"></script>'.encode("ascii")
    end = page.rfind(b"</body>")
    return page[:end] + tag + page[end:] if end >= 0 else page + tag
