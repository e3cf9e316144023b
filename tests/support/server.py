"""Serving a built site on 127.0.0.1, as a static host would; on request with the headers its
`_headers` file gives, as Netlify and Cloudflare Pages apply them."""

from __future__ import annotations

import fnmatch
import functools
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

HeaderRules = Sequence[tuple[str, tuple[tuple[str, str], ...]]]
"""(path pattern, its headers), in the order of the `_headers` file."""


def read_headers(site: Path) -> HeaderRules:
    """The rules of a site's `_headers` file: a line naming a path pattern (`*` matches anything),
    then its headers as indented `Name: value` lines."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            assert rules and value, f"not a header of a path: {line!r}"
            rules[-1][1].append((name.strip(), value.strip()))
    return [(pattern, tuple(headers)) for pattern, headers in rules]


class _Server(ThreadingHTTPServer):
    def __init__(self, handler: Any, header_rules: HeaderRules) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.header_rules = header_rules


class _Handler(SimpleHTTPRequestHandler):
    server: _Server

    def end_headers(self) -> None:
        path = urlsplit(self.path).path
        for pattern, headers in self.server.header_rules:
            if fnmatch.fnmatchcase(path, pattern):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()

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
def serve(site: Path, header_rules: HeaderRules = ()) -> Iterator[SiteServer]:
    httpd = _Server(functools.partial(_Handler, directory=str(site)), header_rules)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    host = f"127.0.0.1:{httpd.server_address[1]}"
    try:
        yield SiteServer(site, f"http://{host}", host)
    finally:
        httpd.shutdown()
        httpd.server_close()
