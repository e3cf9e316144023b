"""Whole-handbook checks: every reference resolves, every id is unique. Model -> problems."""

from __future__ import annotations

from collections.abc import Iterable

from ..model.addresses import (
    ABOUT_EDITION,
    CODE_ANCHORS,
    CODES_INDEX,
    DOWNLOADS_PAGE,
    EDITIONS_PAGE,
    EXAMPLES_ANCHORS,
    GUIDE_EXAMPLES,
    GUIDE_INDEX,
    LINKING_PAGE,
    SIGNATORIES_PAGE,
    STILL_NEEDED_PAGE,
    code_page,
    compact_page,
    letter_file,
    step_page,
    what_changed_page,
)
from ..model.guide_paths import path_page
from ..model.handbook import CompactPage, Handbook
from ..model.problems import Problem, did_you_mean
from ..model.source import Source
from ..model.text import blocks, contains_words, explicit_ids, words
from .codes import check_codes
from .contacts import check_contacts
from .guide import check_guide
from .references import link_problems, repeated_ids
from .signatories import check_register


def check_handbook(handbook: Handbook, other_pages: Iterable[str] = ()) -> list[Problem]:
    """Every problem of the handbook as a whole; `other_pages` are the hand-written pages of docs/."""
    anchors = page_anchors(handbook) | _other_anchors(handbook)
    known = known_pages(handbook, other_pages)
    return [
        *_unique_ids(handbook),
        *_duplicate_anchors(handbook),
        *_page_links(handbook, anchors, known),
        *_hidden_pages(handbook),
        *_edition_references(handbook, anchors, known),
        *check_codes(handbook, anchors, known),
        *(check_guide(handbook.guide, anchors, known, handbook.contacts) if handbook.guide else []),
        *(check_register(handbook.register) if handbook.register else []),
        *(check_contacts(handbook.contacts, handbook.register, anchors, known) if handbook.contacts else []),
    ]


def known_pages(handbook: Handbook, other_pages: Iterable[str] = ()) -> set[str]:
    """Every page of the site, docs-relative: the generated ones and the hand-written `other_pages`."""
    known = set(page_anchors(handbook)) | set(other_pages)
    known |= {ABOUT_EDITION, CODES_INDEX, GUIDE_INDEX, GUIDE_EXAMPLES, LINKING_PAGE, DOWNLOADS_PAGE, SIGNATORIES_PAGE}
    known.add(STILL_NEEDED_PAGE)
    known |= {EDITIONS_PAGE} | {what_changed_page(h.edition.id) for h in (*handbook.archive, handbook)}
    if handbook.guide is not None:
        # The guide's start page, each step's own page, and each model letter's two files.
        known |= {path_page(())} | {step_page(step.id) for step in handbook.guide.steps}
        known |= {letter_file(letter.id, kind) for letter in handbook.guide.letters for kind in ("docx", "txt")}
    return known


def page_anchors(handbook: Handbook) -> dict[str, set[str]]:
    """The anchors of each generated page with anchors of its own, by docs-relative page."""
    anchors = {
        compact_page(page.id): {anchor for _, anchor in _anchors(page)}
        | {f"note-{note.id}" for note in handbook.edition.notes if note.page == page.id}
        for page in handbook.pages
    }
    for code in handbook.codes:
        retired = {reference.id for reference in code.retired_clauses}
        anchors[code_page(code.id)] = set(CODE_ANCHORS) | {clause.id for clause in code.clauses} | retired
    return anchors


def _other_anchors(handbook: Handbook) -> dict[str, set[str]]:
    """The anchors of the generated pages whose every heading has an id of its own, for checking links.

    (Not promised to partners, so not among `page_anchors`.) Without them, a link to a missing anchor
    of these pages would pass `make check` and fail the build with no line to go to.
    """
    about = {"about-this-edition", "corrections", "codes-of-practice", "editorial-notes"}
    anchors = {ABOUT_EDITION: about | {f"correction-{c.id}" for c in handbook.edition.corrections}}
    if handbook.guide is not None:
        anchors[GUIDE_EXAMPLES] = set(EXAMPLES_ANCHORS) | {example.id for example in handbook.guide.examples}
    return anchors


def _anchors(page: CompactPage) -> list[tuple[Source, str]]:
    found = [(Source(page.source.path, page.body_line + line), anchor) for line, anchor in explicit_ids(page.body)]
    for group in page.groups:
        found.append((group.source, group.id))
        found.extend((item.source, item.id) for item in group.items)
    return found


def _unique_ids(handbook: Handbook) -> list[Problem]:
    named = [(item.id, item.source) for item in handbook.items]
    named += [(c.id, c.source) for c in handbook.edition.corrections]
    named += [(n.id, n.source) for n in handbook.edition.notes]
    named += [(c.id, c.source) for c in handbook.clauses]
    named += [(r.id, r.source) for code in handbook.codes for r in code.retired_clauses]
    problems = repeated_ids(named)
    for item_id, source in named:
        if item_id in CODE_ANCHORS and source.path.startswith("codes_of_practice/"):
            message = f'the id "{item_id}" is an anchor that every code page has already (#{item_id}); choose another.'
            problems.append(Problem(source, message))
    return problems


def _duplicate_anchors(handbook: Handbook) -> list[Problem]:
    problems = []
    for page in handbook.pages:
        seen: dict[str, Source] = {}
        item_ids = {item.id for group in page.groups for item in group.items}
        notes = [(n.source, f"note-{n.id}") for n in handbook.edition.notes if n.page == page.id and n.id]
        for source, anchor in [*notes, *_anchors(page)]:
            # Two items with one id are reported once, by _unique_ids, which sees every page.
            if (
                anchor in seen
                and seen[anchor] != source
                and not (anchor in item_ids and seen[anchor].path == source.path)
            ):
                problems.append(
                    Problem(source, f'the anchor "#{anchor}" is already used on this page at {seen[anchor]}.')
                )
            seen.setdefault(anchor, source)
    return problems


def _page_links(handbook: Handbook, anchors: dict[str, set[str]], known: set[str]) -> list[Problem]:
    bodies = [(compact_page(page.id), page.source.path, page.body, page.body_line, False) for page in handbook.pages]
    # A page of docs/ may hold HTML of the kinds Markdown makes (a grid of cards): its links are read too.
    bodies += [(page.path, page.source.path, page.body, page.body_line, True) for page in handbook.hand_written]
    problems = []
    for here, path, body, line, html_allowed in bodies:
        problems += link_problems(
            here, body, Source(path, line), anchors, known, by_line=True, html_allowed=html_allowed
        )
    return problems


def _hidden_pages(handbook: Handbook) -> list[Problem]:
    """A page of docs/ at the address of a generated page would hide it."""
    generated = known_pages(handbook)
    return [
        Problem(
            page.source, f"this page has the address of one the build makes from the sources ({page.path}); rename it."
        )
        for page in handbook.hand_written
        if page.path in generated
    ]


def _edition_references(handbook: Handbook, anchors: dict[str, set[str]], known: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    page_ids = [page.id for page in handbook.pages]
    if not page_ids:
        return problems  # the contents could not be read, and that problem is already reported
    for correction in handbook.edition.corrections:
        if correction.page and correction.page not in page_ids:
            problems.append(
                Problem(
                    correction.source,
                    f'the correction names the page "{correction.page}", '
                    f"which is not in compact/contents.yml.{did_you_mean(correction.page, page_ids)}",
                )
            )
    for note in handbook.edition.notes:
        page = handbook.page(note.page)
        if page is None:
            problems.append(
                Problem(
                    note.source,
                    f'the note names the page "{note.page}", '
                    f"which is not in compact/contents.yml.{did_you_mean(note.page, page_ids)}",
                )
            )
            continue
        found = sum(contains_words(words(block), words(note.after)) for _, block in blocks(page.body))
        if found != 1:
            where = "nowhere" if found == 0 else f"{found} times"
            problems.append(
                Problem(
                    note.source,
                    f'the words of "after" stand {where} on compact/{page.id}.md; '
                    "quote words that stand once, in one paragraph or list.",
                )
            )
        problems += link_problems(compact_page(page.id), note.text, note.source, anchors, known)
    return problems
