"""The link promise, as the sources see it: addresses they publish that addresses.txt does not list yet.

Never an error: a new clause, step or note publishes new addresses, which is what an edit is for. It
is a warning, so that the editor knows to run `make addresses` once the change is meant to stay.
The tests check that every promised address still resolves on the built site (tests/e2e/test_promise.py).
"""

from __future__ import annotations

from pathlib import Path

from ..model.addresses import (
    ABOUT_EDITION,
    CODES_INDEX,
    EDITIONS_PAGE,
    FEED,
    GUIDE_EXAMPLES,
    code_page,
    compact_page,
    edition_page,
    letter_file,
    page_url,
    step_page,
    what_changed_page,
)
from ..model.handbook import Handbook
from ..model.problems import WARNING, Problem, problem
from .handbook import page_anchors

PROMISE_FILE = "addresses.txt"
SHOWN = 5
"""How many new addresses the warning quotes; it counts the others."""


PROMISED_AT = "# Promised at: "
"""The line of addresses.txt that says at which address the handbook is published: `make site-url`
writes it, with site_url in mkdocs.yml."""


def promised_at(root: Path) -> str | None:
    """The site address addresses.txt promises its addresses at, if it says."""
    path = root / PROMISE_FILE
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return next((line.removeprefix(PROMISED_AT).strip() for line in lines if line.startswith(PROMISED_AT)), None)


def read_promise(root: Path) -> list[str]:
    """The promised addresses, in the order addresses.txt lists them (none when it does not exist)."""
    path = root / PROMISE_FILE
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def source_addresses(handbook: Handbook) -> set[str]:
    """The addresses made from the sources' ids: pages and their anchors, the guide's steps, worked
    examples and letters; the Editions page, its feed, each edition's "What changed" page and each
    archived edition's pages. (The build publishes these and more; see publish.promise.)"""
    addresses = _edition_addresses(handbook) | {page_url("", EDITIONS_PAGE), "/" + FEED}
    for edition in (*handbook.archive, handbook):
        addresses.add(page_url("", what_changed_page(edition.edition.id)))
    for archived in handbook.archive:
        pages = ["index.md", *_pages(archived)]
        addresses |= {page_url("", edition_page(archived.edition.id, page)) for page in pages}
    return addresses


def _pages(handbook: Handbook) -> list[str]:
    """The pages of an edition made from its sources' ids: the current edition's, and an archived one's."""
    pages = [ABOUT_EDITION, *(compact_page(page.id) for page in handbook.pages)]
    if handbook.codes:
        pages += [CODES_INDEX, *(code_page(code.id) for code in handbook.codes)]
    if handbook.guide is not None:
        pages += [step_page(step.id) for step in handbook.guide.steps]
    return pages


def _edition_addresses(handbook: Handbook) -> set[str]:
    addresses = {page_url("", page) for page in _pages(handbook)}
    for page, anchors in page_anchors(handbook).items():
        addresses |= {page_url("", page, anchor) for anchor in anchors}
    if handbook.guide is not None:
        guide = handbook.guide
        addresses |= {page_url("", GUIDE_EXAMPLES, example.id) for example in guide.examples}
        addresses |= {"/" + letter_file(letter.id, kind) for letter in guide.letters for kind in ("txt", "docx")}
    return addresses


def check_promise(root: Path, handbook: Handbook) -> list[Problem]:
    """A warning when the sources publish addresses that are not promised yet."""
    if not (root / PROMISE_FILE).is_file():
        return []
    new = sorted(source_addresses(handbook) - set(read_promise(root)))
    if not new:
        return []
    shown = ", ".join(new[:SHOWN]) + (f" and {len(new) - SHOWN} more" if len(new) > SHOWN else "")
    count = f"{len(new)} new address" if len(new) == 1 else f"{len(new)} new addresses"
    return [
        problem(
            PROMISE_FILE,
            1,
            f"the sources publish {count} that this list does not promise yet ({shown}). Once the change is "
            "meant to stay, run `make addresses` (it builds the site and adds them), and commit addresses.txt "
            "with it: partner websites may then link to them.",
            WARNING,
        )
    ]
