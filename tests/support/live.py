"""An independent reading of built pages for anything live: written apart from the build's own pass
(build_scripts/publish/live_content.py) so that a mistake in one is not repeated in the other."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Collection
from html.parser import HTMLParser
from pathlib import Path

from build_scripts.check.config import configured_redirects
from tests.support.redirects import PAGE, relative_url

# Browsers drop tabs and line ends anywhere in an address, and controls and spaces at its ends.
_SCHEME = re.compile(r"^[\x00-\x20]*([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
LOADING = {"script", "img", "iframe", "frame", "embed", "object", "source", "audio", "video", "track", "input"}


def redirect_scripts(project: Path) -> dict[str, str]:
    """The redirect pages that mkdocs.yml asks for, each with its script as the engines write it."""
    scripts = {}
    for old, new in configured_redirects(project).items():
        path, hash_, anchor = new.partition("#")
        url = re.sub(r"(^|/)index/$", r"\1", path.removesuffix(".md") + "/") or "./"
        found = re.search(r"<script>(.*)</script>", PAGE.format(url=relative_url(old, url + hash_ + anchor)))
        assert found is not None
        scripts[old.removesuffix(".md") + "/index.html"] = found.group(1)
    return scripts


def sha256_source(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.inline_scripts: list[str] = []
        self.refreshes: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = (value or "").replace("\t", "").replace("\n", "").replace("\r", "")
            if name.lower().startswith("on"):
                self.found.append(f"event handler {name} on <{tag}>")
            match = _SCHEME.match(value)
            if name in {"href", "src", "action", "formaction", "srcset", "data", "poster", "xlink:href"} and match:
                if match.group(1).lower() not in LINK_SCHEMES:
                    self.found.append(f"{match.group(1)}: URL in <{tag} {name}>")
                elif tag in LOADING or (tag == "link" and name == "href" and _loads(attrs)):
                    self.found.append(f"<{tag}> loads {value} from another host")
            elsewhere = value.lstrip().startswith(("//", "\\\\", "/\\"))
            if name in {"src", "href"} and elsewhere and (tag in LOADING or (tag == "link" and _loads(attrs))):
                self.found.append(f"<{tag}> loads {value} from another host")
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.refreshes.append(values.get("content", ""))
        if tag in {"iframe", "frame", "object", "embed", "base"}:
            self.found.append(f"<{tag}>")
        if tag == "script" and "src" not in values and values.get("type", "") not in {"application/json"}:
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
            self._script = None


def _loads(attrs: list[tuple[str, str | None]]) -> bool:
    rel = dict(attrs).get("rel") or ""
    return not set(rel.lower().split()) <= {"canonical", "prev", "next", "alternate"}


def live_things(page: Path, trusted_hashes: Collection[str], redirect: bool = False) -> list[str]:
    """What in a built page could run or reach another host: event handlers, javascript: and other
    unsafe addresses, a meta refresh (unless `redirect`), a load from another host, an inline script
    whose hash is not in `trusted_hashes`."""
    reader = _Reader()
    reader.feed(page.read_text(encoding="utf-8"))
    reader.close()
    found = list(reader.found)
    if reader.refreshes and not redirect:
        found.append(f"meta refresh {reader.refreshes}")
    found += [f"inline script {s[:60]!r}" for s in reader.inline_scripts if sha256_source(s) not in trusted_hashes]
    return found
