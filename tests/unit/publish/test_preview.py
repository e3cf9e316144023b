"""publish/preview.py's server: it sends the preview's files as a static host would (a folder's
index.html, a redirect to a folder's address, the "not found" page), never a file outside the site, and
adds to every page the script that reloads it after the next build. The whole preview, with an engine
and a browser, is tests/e2e/test_serve.py."""

from __future__ import annotations

import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from build_scripts.publish import preview as preview_module
from build_scripts.publish.engines import ENGINES
from build_scripts.publish.preview import (
    _CLOCK_STEP,
    BUILD_PATH,
    RELOAD_PATH,
    Builder,
    Built,
    Preview,
    _handler,
    _update,
    rebuild,
)
from build_scripts.publish.project import Project, built_site
from tests.unit.publish.test_path_pages import FRAME, page


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Preview]]:
    site = tmp_path / "site"
    (site / "guide").mkdir(parents=True)
    (site / "index.html").write_text("<html><body><p>Home</p></body></html>", encoding="utf-8")
    (site / "guide/index.html").write_text("<html><body><p>Guide</p></body></html>", encoding="utf-8")
    (site / "404.html").write_text("<html><body><p>Not here</p></body></html>", encoding="utf-8")
    (site / "style.css").write_text("p {}", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    preview = Preview(site)
    preview.build = 3
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(preview))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", preview
    finally:
        server.shutdown()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object) -> None:
        return None


def get(url: str) -> tuple[int, str, str]:
    """Status, Location and body, as sent (redirects not followed)."""
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, response.headers.get("Location", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", ""), error.read().decode("utf-8")


def test_a_page_is_sent_with_the_script_that_reloads_it_after_the_next_build(served: tuple[str, Preview]) -> None:
    base, preview = served
    status, _, body = get(f"{base}/guide/")
    assert status == 200 and "<p>Guide</p>" in body
    assert body.endswith(f'<script src="{RELOAD_PATH}" data-build="3"></script></body></html>')
    assert get(f"{base}{BUILD_PATH}")[2] == "3"
    preview.build = 4
    assert get(f"{base}{BUILD_PATH}")[2] == "4"
    status, _, script = get(f"{base}{RELOAD_PATH}")
    assert status == 200 and BUILD_PATH in script and "location.reload()" in script
    assert get(f"{base}/style.css")[2] == "p {}"


def test_addresses_are_served_as_a_static_host_serves_them(served: tuple[str, Preview]) -> None:
    base, _ = served
    assert get(f"{base}/guide") == (301, "/guide/", "")
    status, _, body = get(f"{base}/no/such/page/")
    assert status == 404 and "<p>Not here</p>" in body and RELOAD_PATH in body
    for outside in ("/../secret.txt", "/%2e%2e/secret.txt", "/guide/../../secret.txt"):
        status, _, body = get(f"{base}{outside}")
        assert "secret" not in body and status == 404, outside


def test_a_path_page_is_made_from_its_frame_when_it_is_asked_for(served: tuple[str, Preview]) -> None:
    base, preview = served
    (preview.site / "guide/start/a").mkdir(parents=True)
    (preview.site / "guide/start/a/index.html").write_text(FRAME, encoding="utf-8")
    preview.path_pages = {
        "guide/start/b/index.html": page("guide/start/b/index.html", choices=("b-yes/", "b-no/")),
        "guide/start/a/index.html": page("guide/start/a/index.html"),
    }
    status, _, body = get(f"{base}/guide/start/b/")
    assert status == 200 and 'href="b-yes/"' in body and "B &amp; C" in body and RELOAD_PATH in body
    # The frame's own page too: the frame as the engine built it lists no answers of its own.
    status, _, body = get(f"{base}/guide/start/a/")
    assert status == 200 and "B &amp; C" in body and "<dd>A</dd>" not in body
    assert get(f"{base}/guide/start/b") == (301, "/guide/start/b/", "")
    assert get(f"{base}/guide/start/c/")[0] == 404


def test_the_site_served_takes_only_what_a_build_wrote_and_never_shares_a_file_with_the_engine(
    tmp_path: Path,
) -> None:
    """An incremental engine writes its files again in place: the site served is brought up to it by a
    copy of each file the build wrote, put in place of the file served in one step (a page being sent
    is sent whole); a file it did not write stays the file served."""
    built, served = tmp_path / "built", tmp_path / "served"
    (built / "guide").mkdir(parents=True)
    (built / "old.html").write_text("old, as built again in place")
    (built / "page.html").write_text("page, built again")
    served.mkdir()
    (served / "old.html").write_text("old")
    (served / "page.html").write_text("page")
    past = time.time_ns() - 10 * _CLOCK_STEP
    os.utime(built / "old.html", ns=(past, past))
    since = time.time_ns() - 1
    (built / "guide" / "new.html").write_text("new")
    kept, replaced = (served / "old.html").stat().st_ino, (served / "page.html").open()

    _update(built, served, since)

    assert sorted(p.relative_to(served).as_posix() for p in served.rglob("*")) == [
        "guide",
        "guide/new.html",
        "old.html",
        "page.html",
    ]
    assert (served / "old.html").stat().st_ino == kept and (served / "old.html").read_text() == "old"
    assert (served / "page.html").read_text() == "page, built again"
    assert replaced.read() == "page", "the file being sent was written over, not replaced"
    replaced.close()
    assert (served / "guide" / "new.html").read_text() == "new"
    for path in served.rglob("*.html"):
        assert path.stat().st_ino != (built / path.relative_to(served)).stat().st_ino


class Scripted(Builder):
    """An incremental engine whose builds write what the test says: files of its site, and whether the
    build was whole."""

    def __init__(self, folder: Path, builds: list[tuple[dict[str, str], bool]]) -> None:
        super().__init__(folder, ENGINES["mkdocs"])
        self.builds = builds

    def build(self, whole: bool) -> Built | None:
        files, built_whole = self.builds.pop(0)
        site = built_site(self.folder)
        for path, text in files.items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_text(text, encoding="utf-8")
        return Built(site, built_whole)


def test_the_site_served_is_updated_after_a_build_of_what_changed_and_replaced_after_a_whole_one(
    tmp_path: Path,
) -> None:
    folder, preview = tmp_path / "project", Preview(tmp_path / "served")
    project = {"mkdocs.yml": b"x", "docs/a.md": b"a"}
    builder = Scripted(
        folder,
        [
            ({"a/index.html": "A", "b/index.html": "B"}, True),
            ({"a/index.html": "A, edited"}, False),
            ({"a/index.html": "A, again", "b/index.html": "B, again"}, True),
        ],
    )
    rebuild(folder, builder, Project(project), preview)
    served_b = (preview.site / "b/index.html").stat().st_ino
    rebuild(folder, builder, Project({**project, "docs/a.md": b"a, edited"}), preview)
    assert (preview.site / "a/index.html").read_text() == "A, edited"
    assert (preview.site / "b/index.html").stat().st_ino == served_b, "a file the build did not write was copied"
    assert preview.build == 2 and not list(preview.site.rglob(".*.new"))
    # The engine may build whole of its own accord (a title of the navigation changed): a new copy.
    rebuild(folder, builder, Project({**project, "docs/a.md": b"a, again"}), preview)
    assert (preview.site / "b/index.html").read_text() == "B, again"
    assert (preview.site / "b/index.html").stat().st_ino != served_b
    assert preview.build == 3 and preview.written == {**project, "docs/a.md": b"a, again"}


def test_a_write_that_fails_leaves_nothing_known_of_the_project_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next build then compares the folder with the project, file by file, rather than trusting a
    record of what was half written."""
    folder, preview = tmp_path / "project", Preview(tmp_path / "served")
    preview.written = {"docs/a.md": b"a"}

    def full_disk(*_: object) -> list[str]:
        raise OSError("no space left on the device")

    monkeypatch.setattr(preview_module, "write_project", full_disk)
    with pytest.raises(OSError):
        rebuild(folder, Scripted(folder, []), Project({"docs/a.md": b"b"}), preview)
    assert preview.written is None
