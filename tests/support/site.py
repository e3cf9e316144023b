"""Reading a built site: its pages, their links, anchors and readable text."""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Text the handbook adds beside the Compact's words, never part of them.
NOT_SOURCE_CLASSES = frozenset(
    {"editorial", "headerlink", "hb-permalink", "hb-practice", "hb-updated", "hb-correction-mark"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


SEARCH_INDEXES = ("search/search_index.json", "search.json")
"""Where each theme writes its search index: Material (MkDocs, ProperDocs), Zensical."""


def searched(site: Path) -> list[dict[str, str]]:
    """Every entry of the site's search index (a page or a section of one): its location, title and text,
    whichever theme wrote it."""
    index = next(site / path for path in SEARCH_INDEXES if (site / path).is_file())
    data = json.loads(index.read_text(encoding="utf-8"))
    return [{key: entry[key] for key in ("location", "title", "text")} for entry in data.get("docs", data.get("items"))]


def pages(site: Path) -> list[str]:
    """The address of every HTML page of a built site, relative to its root ("" is the home page)."""
    addresses = []
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        addresses.append(relative.removesuffix("index.html"))
    return sorted(addresses)


def audited_pages(site: Path) -> list[str]:
    """Every page, except that of the guide's path pages, a sample: for each step, the deepest page
    that ends at it. A step's path pages share its template and its content, and differ only in the
    answers they list, so the deepest (the longest list) stands for them all; each step's own page
    (/guide/step/<id>/) is audited too."""
    every = pages(site)
    paths = [page for page in every if page.startswith("guide/start/")]
    deepest: dict[str, str] = {}
    for page in paths:
        match = _CANONICAL.search(page_file(site, page).read_text(encoding="utf-8"))
        step = match.group(1) if match else page
        if len(page) > len(deepest.get(step, "")):
            deepest[step] = page
    return sorted((set(every) - set(paths)) | set(deepest.values()))


_CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*/guide/step/([^/"]+)/"')


def page_file(site: Path, page: str) -> Path:
    """The file behind a page address of `pages()`."""
    return site / page if page.endswith(".html") else site / page / "index.html"


def resolve(page: str, href: str) -> str:
    """Where a link of `page` leads, as a site-relative address with any #fragment ("downloads/x.pdf",
    "guide/#stage-2", "" for the home page), however the engine wrote it ("x.pdf",
    "../downloads/x.pdf", "./..", "index.html"), keeping any query; a link that leaves the site, unchanged."""
    url = urljoin(f"https://{_HOST}/{page}", href)
    parts = urlsplit(url)
    if parts.netloc != _HOST:
        return href
    folder, _, name = parts.path.lstrip("/").rpartition("/")
    path = f"{folder}/" if name == "index.html" and folder else "" if name == "index.html" else parts.path.lstrip("/")
    return path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


_HOST = "site.invalid"


def leads_to(page: str, hrefs: list[str]) -> list[str]:
    """Where each of these links of a page (address or file, as `pages()` gives) leads (`resolve`)."""
    address = page if page.endswith(".html") else page + "index.html"
    return [resolve(address, href) for href in hrefs]


def links_to(site: Path, page: str) -> set[str]:
    """Where every link of a page's content leads (not the theme's links around it)."""
    return set(leads_to(page, parse(page_file(site, page)).article_links))


def target_file(site: Path, page: str, href: str) -> Path | None:
    """The file a relative link of `page` leads to, or None for links that leave the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    base = posixpath.dirname(page) if page.endswith(".html") else page.rstrip("/")
    # The 404 page is served at any depth, so its links start from the site's root.
    path = posixpath.normpath(posixpath.join("/" + base, unquote(parts.path))).lstrip("/") if parts.path else page
    if path in (".", ""):
        path = ""
    target = site / path
    return target / "index.html" if target.is_dir() else target


@dataclass
class ParsedPage:
    ids: set[str] = field(default_factory=set)
    article_ids: set[str] = field(default_factory=set)
    """The ids of the page's content (the anchors partners link to), not the theme's around it."""
    article_links: list[str] = field(default_factory=list)
    """The href of every link of the page's content, in order."""
    links: list[tuple[str, str]] = field(default_factory=list)
    """(tag, url) of every href and src."""
    article_text: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._stack: list[tuple[str, bool, bool]] = []  # (tag, in article, skipped)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.page.ids.add(attributes["id"])
        for name in ("href", "src"):
            if name in attributes:
                self.page.links.append((tag, attributes[name]))
        in_article, skipped = self._stack[-1][1:] if self._stack else (False, False)
        in_article = in_article or (tag == "article" and "md-content__inner" in attributes.get("class", ""))
        if in_article and "id" in attributes:
            self.page.article_ids.add(attributes["id"])
        if in_article and tag == "a" and "href" in attributes:
            self.page.article_links.append(attributes["href"])
        skipped = skipped or bool(NOT_SOURCE_CLASSES & set(attributes.get("class", "").split()))
        if tag not in _VOID:
            self._stack.append((tag, in_article, skipped))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # `<br />` opens nothing, so it must not close anything either.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        while self._stack:
            if self._stack.pop()[0] == tag:
                break
        # A closing block element separates words that touch in the markup.
        if self._stack and self._stack[-1][1]:
            self.page.article_text.append(" ")

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1][1] and not self._stack[-1][2]:
            self.page.article_text.append(data)


def parse(path: Path) -> ParsedPage:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def article_text(path: Path) -> str:
    """The readable text of a page's content, without what the handbook adds beside the source."""
    return "".join(parse(path).article_text)
