"""Serving a built site on 127.0.0.1, as a static host would."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@dataclass(frozen=True)
class SiteServer:
    root: Path
    base_url: str
    host: str

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"


@contextmanager
def serve(site: Path) -> Iterator[SiteServer]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    host = f"127.0.0.1:{httpd.server_address[1]}"
    try:
        yield SiteServer(site, f"http://{host}", host)
    finally:
        httpd.shutdown()
        httpd.server_close()
