"""Where each thing is published: the docs-relative page of every generated page, and its fixed anchors.

Addresses are promised to partner websites; they are made from checked ids only.
"""

from __future__ import annotations

import posixpath
from functools import cache

SITE_ROOT = "index.md"
"""The home page: links in sources shown on many pages (contacts.yml) are written as from it."""
COMPACT_DIR = "compact"
CODES_DIR = "codes"
ABOUT_EDITION = "about/this-edition.md"
CODES_INDEX = f"{CODES_DIR}/index.md"
GUIDE_INDEX = "guide/index.md"
LINKING_PAGE = "about/linking.md"
DOWNLOADS_PAGE = "downloads.md"
SIGNATORIES_PAGE = "signatories.md"
STILL_NEEDED_PAGE = "about/still-needed.md"
"""What the Compact Steering Group must still supply or confirm: each item under its own anchor (its id)."""
STEERING_PACK = "downloads/steering-group-pack"
"""The Steering Group pack, as a PDF and a Word document: this, then ".pdf" or ".docx"."""
GUIDE_EXAMPLES = "guide/examples/index.md"
PROCESS_DIAGRAM = "guide/process.svg"
PROCESS_IN_WORDS = f"{GUIDE_INDEX}#process-in-words"

EDITIONS_DIR = "editions"
EDITIONS_PAGE = f"{EDITIONS_DIR}/index.md"
FEED = f"{EDITIONS_DIR}/feed.xml"
"""The Atom feed of what changed in each edition."""

FIGURES = {"process-diagram": (PROCESS_DIAGRAM, PROCESS_IN_WORDS)}
"""The figures an editorial note may show: the drawing, and where it is told in words."""

CODE_ANCHORS = ("status", "purpose", "scope", "principles", "public", "third", "both", "checklist", "if-not-kept")
"""The headings of every code page, in order; a clause's id is its own anchor."""
EXAMPLES_ANCHORS = ("worked-examples",)
"""The anchors the worked examples' page has whatever its examples (its heading's); each example's id
is its own anchor there."""


def compact_page(page_id: str) -> str:
    return f"{COMPACT_DIR}/{page_id}.md"


def code_page(code_id: str) -> str:
    return f"{CODES_DIR}/{code_id}.md"


def step_page(step_id: str) -> str:
    """The canonical page of a step of the guide, for partner sites and the codes to link to."""
    return f"guide/step/{step_id}/index.md"


def edition_page(edition_id: str, page: str = "index.md") -> str:
    """A page of an archived edition, or its "What changed" page ("what-changed.md"): under /editions/<id>/."""
    return f"{EDITIONS_DIR}/{edition_id}/{page}"


def what_changed_page(edition_id: str) -> str:
    """What an edition changed: at an address that stays when the edition is archived."""
    return edition_page(edition_id, "what-changed.md")


def letter_file(letter_id: str, kind: str = "txt") -> str:
    """A model letter to download and edit: as plain text ("txt") or a Word document ("docx")."""
    return f"guide/letters/{letter_id}.{kind}"


def relative(from_page: str, to_page: str) -> str:
    """A link from one docs-relative page to another, as written in the first page's Markdown."""
    if not to_page:
        raise ValueError("no page to link to")  # as posixpath.relpath says
    start, target = posixpath.normpath(posixpath.dirname(from_page) or "."), posixpath.normpath(to_page)
    if start.startswith(("..", "/")) or target.startswith(("..", "/")):
        return posixpath.relpath(target, start)  # outside the docs: the way depends on where they lie
    return _way(_parts(start), _parts(target)) or "."


def address(from_page: str, to_page: str) -> str:
    """A link from one docs-relative page to another as the built site's relative address ("../b/"), for
    raw HTML, which no engine rewrites: the guide's links between its path pages are written so, as most
    of those pages are made after the engine (publish/path_pages.py), which so never looks for them."""
    found = _way(_folders(from_page), _folders(to_page))
    return f"{found}/" if found else "./"


def _way(here: tuple[str, ...], there: tuple[str, ...]) -> str:
    """The relative way from one folder to another, both given by their parts below one top folder, with
    no "." or "..": up to what they share, then down. (posixpath.relpath, which asks the file system for
    the current folder, costs twenty times as much, for the guide's tens of thousands of links.)"""
    shared = 0
    for mine, theirs in zip(here, there, strict=False):  # the shorter ends what they share
        if mine != theirs:
            break
        shared += 1
    return "/".join([".."] * (len(here) - shared) + list(there[shared:]))


def _parts(path: str) -> tuple[str, ...]:
    return () if path == "." else tuple(path.split("/"))


@cache
def _folders(page: str) -> tuple[str, ...]:
    """The folders of the site a page is served from, outermost first: a/b.md -> ("a", "b")."""
    return tuple(part for part in posixpath.dirname(html_file(page)).split("/") if part)


def page_url(site_url: str, page: str, anchor: str = "") -> str:
    """The absolute address of a docs-relative page: compact/introduction.md -> https://.../compact/introduction/."""
    path = page.removesuffix(".md").removesuffix("index")
    path = path if path.endswith("/") or not path else f"{path}/"
    return f"{site_url.rstrip('/')}/{path}" + (f"#{anchor}" if anchor else "")


def html_file(page: str) -> str:
    """The file a docs-relative page is served from: a/page.md -> a/page/index.html."""
    return page_url("", page).lstrip("/") + "index.html"


def redirect_page(old_page: str) -> str:
    """The file a redirect from a docs-relative page is written to: old/page.md -> old/page/index.html."""
    return html_file(old_page)


def redirect_url(old_page: str, new_page: str) -> str:
    """The relative address a redirect page sends its reader to, as mkdocs-redirects writes it."""
    path, hash_, anchor = new_page.partition("#")
    target = page_url("", path).lstrip("/") or "."
    return posixpath.relpath(target, posixpath.dirname(redirect_page(old_page)) or ".") + "/" + hash_ + anchor
