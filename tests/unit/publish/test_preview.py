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

from build_scripts.publish.preview import _CLOCK_STEP, BUILD_PATH, RELOAD_PATH, Preview, _handler, _update
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
