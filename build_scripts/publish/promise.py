"""The link promise: every public address of the site is listed in addresses.txt, and none of them
may stop working. An address that moves must leave a redirect behind (mkdocs.yml, `redirects`).

`python -m build_scripts addresses` adds the addresses a new build publishes to the list; it never
removes one. The tests fail when a listed address no longer resolves; a published address that is
not listed yet fails nothing, since publishing new addresses is what an edit is for: `make check`
warns of it (check.promise) and says to run `make addresses`.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from ..check.config import CONFIG, SITE_URL
from ..check.handbook import page_anchors
from ..check.promise import PROMISE_FILE, PROMISED_AT, promised_at, read_promise
from ..load.yaml_source import LineMap, load_yaml_file
from ..model.addresses import page_url
from ..model.handbook import Handbook
from ..model.html5 import parse

HEADER = """\
# Every public address of the Darlington Compact handbook: partner websites link to these.
# None may stop working. Remove a line only when the page has gone for good and a redirect
# (mkdocs.yml, plugins: redirects) leads from it to where its content is now.
# New addresses are added with `make addresses` after a deliberate change. They are promised at
# the address below, which only `make site-url URL=...` changes, with site_url in mkdocs.yml.
"""
# Files published beside the pages, by folder.
FILE_FOLDERS = ("downloads", "data", "schemas", "assets/badge", "assets/images/share")
# One page a path through the guide: they change whenever the guide does, and point search
# engines and partners to each step's own page, which is promised.
NOT_PROMISED = ("guide/start/", "404.html")
_REFRESH = re.compile(r"\d+;\s*url=(.+)", re.IGNORECASE)


def published_addresses(site: Path, handbook: Handbook) -> list[str]:
    addresses = set()
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(NOT_PROMISED) or _redirect_target(path) is not None:
            continue
        addresses.add("/" + relative.removesuffix("index.html"))
    for folder in FILE_FOLDERS:
        for path in sorted((site / folder).rglob("*")):
            if path.is_file():
                addresses.add("/" + path.relative_to(site).as_posix())
    # The feed, and what each earlier edition published beside its pages (its PDFs, letters, diagram).
    addresses |= {"/" + p.relative_to(site).as_posix() for p in site.glob("editions/**/*") if p.is_file()} - {
        "/" + p.relative_to(site).as_posix() for p in site.glob("editions/**/*.html")
    }
    addresses |= {"/guide/process.svg"} | {
        "/" + p.relative_to(site).as_posix() for p in site.glob("guide/letters/*") if p.suffix in (".txt", ".docx")
    }
    for page, anchors in page_anchors(handbook).items():
        addresses |= {page_url("", page, anchor) for anchor in anchors}
    if handbook.guide is not None:
        addresses |= {f"/guide/examples/#{example.id}" for example in handbook.guide.examples}
    return sorted(addresses)


def add_to_promise(root: Path, addresses: list[str]) -> list[str]:
    """Add the addresses not yet promised; return them."""
    promised = read_promise(root)
    new = sorted(set(addresses) - set(promised))
    at = promised_at(root)
    header = HEADER + (f"{PROMISED_AT}{at}\n" if at else "")
    (root / PROMISE_FILE).write_text(header + "".join(f"{a}\n" for a in sorted(set(promised) | set(new))), "utf-8")
    return new


def unresolved(site: Path, addresses: list[str]) -> list[str]:
    """The addresses that lead nowhere: no file, no anchor, and no redirect to one."""
    return [address for address in addresses if not _resolves(site, address)]


def _resolves(site: Path, address: str, hops: int = 5) -> bool:
    path, _, anchor = address.partition("#")
    target = site / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    if not target.is_file():
        return False
    if target.suffix != ".html":
        return not anchor
    redirect = _redirect_target(target)
    if redirect is not None and hops > 0:
        base = path if path.endswith("/") else posixpath.dirname(path) + "/"
        moved, _, moved_anchor = redirect.partition("#")
        new_path = posixpath.normpath(posixpath.join(base, moved)) + ("/" if moved.endswith("/") else "")
        return _resolves(site, f"{new_path}#{anchor or moved_anchor}" if anchor or moved_anchor else new_path, hops - 1)
    return not anchor or anchor in _ids(target)


def _redirect_target(page: Path) -> str | None:
    """Where a redirect page sends the reader (its meta refresh), read as a browser reads it."""
    tree = parse(page.read_text(encoding="utf-8", errors="replace"))
    for meta in tree.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").strip().lower() == "refresh":
            match = _REFRESH.fullmatch((meta.attributes.get("content") or "").strip())
            return match.group(1) if match else None
    return None


def _ids(page: Path) -> set[str]:
    return {node.attributes.get("id") or "" for node in parse(page.read_text(encoding="utf-8")).css("[id]")}


def move_site(root: Path, url: str) -> str:
    """Set the site's address in mkdocs.yml and addresses.txt together (`make site-url`); what went wrong, or ""."""
    if not SITE_URL.fullmatch(url):
        return f"{url} is not a plain https address, such as https://compact.darlington.gov.uk/."
    config = load_yaml_file(root, CONFIG, [])
    if not isinstance(config, LineMap) or "site_url" not in config:
        return f'{CONFIG} has no "site_url" line to change; `make check` says why.'
    lines = (root / CONFIG).read_text(encoding="utf-8").splitlines(keepends=True)
    lines[config.key_lines["site_url"] - 1] = f"site_url: {url}\n"
    (root / CONFIG).write_text("".join(lines), encoding="utf-8")
    promise = (root / PROMISE_FILE).read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in promise if not line.startswith(PROMISED_AT)]
    at = next((index for index, line in enumerate(kept) if not line.startswith("#")), len(kept))
    kept.insert(at, f"{PROMISED_AT}{url}\n")
    (root / PROMISE_FILE).write_text("".join(kept), encoding="utf-8")
    return ""
