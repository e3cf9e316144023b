"""The day each page's own content last changed: the latest day any of its sources changed.

A page's sources are the files it is made from (a Compact page: its Markdown, its principles and
commitments, the notes on it and the codes listed under its items; a code: its file; a step of the
guide: the guide, the contacts and the letters; a hand-written page: its file). A page made from
everything (Downloads) takes the latest day of all; an edition's "What changed" page, the latest day
of its edition's sources and of the edition's before it (archived under editions/<id>/). The layout
(templates, theme) is not content. Without the history (`days` is None), every page takes the edition's date.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model.addresses import (
    ABOUT_EDITION,
    CODES_INDEX,
    EDITIONS_DIR,
    EDITIONS_PAGE,
    SIGNATORIES_PAGE,
    code_page,
    compact_page,
    what_changed_page,
)
from ..model.handbook import CompactPage, Handbook
from .environment import long_date

EDITION_FILE = "compact/edition.yml"
CODES_CONTENTS = "codes_of_practice/contents.yml"


def page_sources(handbook: Handbook) -> dict[str, tuple[str, ...]]:
    """The source files of each page made from some of the sources only, by docs-relative page."""
    codes = tuple(code.source.path for code in handbook.codes)
    noted = {note.page for note in handbook.edition.notes}

    def listed_codes(page: CompactPage) -> tuple[str, ...]:
        """The codes with a clause listed under one of the page's items ("Put into practice by")."""
        items = {item.id for group in page.groups for item in group.items}
        return tuple(
            code.source.path
            for code in handbook.codes
            if any(reference.id in items for clause in code.clauses for reference in clause.expands)
        )

    sources: dict[str, tuple[str, ...]] = {
        compact_page(page.id): (
            page.source.path,
            *(group.source.path for group in page.groups),
            *((EDITION_FILE,) if page.id in noted else ()),
            *listed_codes(page),
        )
        for page in handbook.pages
    }
    sources[ABOUT_EDITION] = (EDITION_FILE, *codes)
    sources[CODES_INDEX] = (CODES_CONTENTS, *codes)
    sources |= {code_page(code.id): (code.source.path,) for code in handbook.codes}
    if handbook.register is not None:
        # The page says how to reach the lead body, from the contacts.
        sources[SIGNATORIES_PAGE] = (handbook.register.source.path, *_contacts_file(handbook))
    sources |= {page.path: (page.source.path,) for page in handbook.hand_written}
    return sources


def _contacts_file(handbook: Handbook) -> tuple[str, ...]:
    return (handbook.contacts.source.path,) if handbook.contacts else ()


def _guide_sources(handbook: Handbook) -> tuple[str, ...]:
    guide = handbook.guide
    if guide is None:
        return ()
    examples = tuple(sorted({example.source.path for example in guide.examples}))
    return (guide.source.path, *_contacts_file(handbook), *examples, *(letter.source.path for letter in guide.letters))


def page_updated(handbook: Handbook, pages: Iterable[str], days: dict[str, str] | None) -> dict[str, dict[str, str]]:
    """For each page of the current edition, the day its sources last changed: as `date` (2026-11-25, for
    the sitemap) and as `text` (25 November 2026, for the page)."""
    fallback = handbook.edition.published
    sources = page_sources(handbook)
    guide = _guide_sources(handbook)
    everything = tuple({path for paths in (*sources.values(), guide) for path in paths})

    # What changed in an edition is made from its sources and the edition before's, which an archived
    # edition keeps under editions/<id>/; the Editions page from every edition's.
    editions = [archived.edition.id for archived in handbook.archive]
    folders = {edition: f"{EDITIONS_DIR}/{edition}/" for edition in editions}
    made_from: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {EDITIONS_PAGE: (everything, (f"{EDITIONS_DIR}/",))}
    for before, edition in zip([None, *editions][:-1], editions, strict=True):
        earlier = (folders[before],) if before else ()
        made_from[what_changed_page(edition)] = ((), (*earlier, folders[edition]))
    earlier = (folders[editions[-1]],) if editions else ()
    made_from[what_changed_page(handbook.edition.id)] = (everything, earlier)

    def day(paths: tuple[str, ...], folders: tuple[str, ...] = ()) -> str:
        found = [days[path] for path in paths if days is not None and path in days]
        if days is not None and folders:
            found += [changed for path, changed in days.items() if path.startswith(folders)]
        return max(found) if found else fallback

    updated = {}
    for page in pages:
        # An archived page is dated by its edition, in its notice.
        archived = page.startswith(f"{EDITIONS_DIR}/") and page not in made_from
        if page.endswith(".md") and not archived:
            paths, folders_of = made_from.get(page) or (
                sources.get(page) or (guide if page.startswith("guide/") else everything),
                (),
            )
            date = day(paths, folders_of)
            updated[page] = {"date": date, "text": long_date(date)}
    return updated
