"""The Compact's own sources: compact/contents.yml and its pages, Section 3's principles and
commitments, and this edition's corrections and notes (compact/edition.yml)."""

from __future__ import annotations

from pathlib import Path

from ..model.addresses import FIGURES
from ..model.handbook import (
    CompactItem,
    CompactPage,
    Correction,
    Edition,
    EditorialNote,
    ItemGroup,
    Replacement,
)
from ..model.problems import Problem, problem
from ..model.source import Source
from .fields import EVIDENCE_FIELDS, Field, RecordSpec
from .records import Record, is_slug
from .yaml_source import load_yaml_file, markdown_problems, read_text, split_front_matter

COMPACT_DIR = "compact"
CONTENTS = f"{COMPACT_DIR}/contents.yml"
EDITION = f"{COMPACT_DIR}/edition.yml"

NOTE = RecordSpec(
    what="A note",
    description="An editorial note: a fact that has changed since 2009, shown beside the Compact's text, never in it.",
    fields=(
        Field("id", "slug", "The note's id: its anchor is #note-<id>. Never change it."),
        Field("page", "slug", "The Compact page the note stands on, as named in compact/contents.yml."),
        Field(
            "after",
            "text",
            "Words of the paragraph or list the note follows, quoted exactly, that stand once on the page.",
        ),
        Field("title", "text", "The note's heading."),
        Field("text", "markdown", "What has changed, in plain English."),
        Field(
            "figure", "choice", "A figure the build draws, to show in the note.", required=False, choices=tuple(FIGURES)
        ),
        *EVIDENCE_FIELDS,
    ),
)

REPLACEMENT = RecordSpec(
    what="A replacement",
    description="Exactly how a correction changed the source: words of the source, and the words of this edition.",
    fields=(
        Field("from", "text", "Words of the 2009 source, quoted exactly."),
        Field("to", "text", "The words this edition has instead; leave it out where the words were removed.", False),
    ),
)
CORRECTION = RecordSpec(
    what="A correction",
    description='A change this edition makes to the source text, listed on the "About this edition" page.',
    fields=(
        Field("id", "slug", "The correction's id. Never change it."),
        Field("title", "text", "A short name for the correction."),
        Field("page", "slug", "The Compact page it corrects, as named in compact/contents.yml."),
        Field("kind", "text", "What kind of correction: Print artefact, Formatting, Cross-reference..."),
        Field("source_said", "text", "What the source said."),
        Field("edition_says", "text", "What this edition says instead."),
        Field("why", "text", "Why it was corrected."),
        Field("replace", "records", "Exactly how the text was changed.", required=False, record=REPLACEMENT),
    ),
)
EDITION_SPEC = RecordSpec(
    what="The edition",
    description="This edition of the handbook: its id and date, its corrections of the source and its editorial notes.",
    fields=(
        Field(
            "id",
            "slug",
            "The edition's id, such as 2026-11: an earlier edition is published at /editions/<id>/, and a signature "
            "names the edition signed. Each edition has its own; `make edition` archives this one before a new one.",
        ),
        Field("edition", "text", "The edition's name, as the site and the PDFs show it: First online edition."),
        Field("published", "date", "The day this edition was published, written like 2026-11-25."),
        Field("source", "text", "What the Compact's text was taken from."),
        Field("corrections", "records", "The changes this edition makes to the source text.", record=CORRECTION),
        Field("notes", "records", "Editorial notes shown beside the text, never inside it.", record=NOTE),
    ),
)


def load_pages(root: Path, problems: list[Problem]) -> list[CompactPage]:
    data = load_yaml_file(root, CONTENTS, problems)
    if data is None:
        return []
    contents = Record(data, CONTENTS, 1, "The contents", ("pages",), (), problems)
    pages = []
    for page_id, relative in contents.listed_files("pages", root, COMPACT_DIR, ".md"):
        page = _load_page(root, page_id, relative, problems)
        if page is not None:
            pages.append(page)
    return pages


def _load_page(root: Path, page_id: str, relative: str, problems: list[Problem]) -> CompactPage | None:
    text, read_problems = read_text(root, relative)
    problems.extend(read_problems)
    if text is None:
        return None
    before = len(problems)
    front, body, body_line = split_front_matter(text, relative, problems)
    if len(problems) > before:
        return None
    meta = Record(front, relative, 1, "The front matter", ("title",), ("label", "items"), problems)
    problems += markdown_problems(relative, body, body_line)
    groups: tuple[ItemGroup, ...] = ()
    items_file = meta.text("items", required=False)
    if items_file and not (items_file.endswith(".yml") and is_slug(items_file.removesuffix(".yml"))):
        message = (
            f'"items" should name a YAML file in {COMPACT_DIR}/ by its name, such as principles-and-commitments.yml.'
        )
        problems.append(problem(relative, meta.line_of("items"), message))
    elif items_file:
        groups = tuple(_load_groups(root, f"{COMPACT_DIR}/{items_file}", problems))
    return CompactPage(
        id=page_id,
        label=meta.title("label", required=False),
        title=meta.title("title"),
        body=body,
        body_line=body_line,
        groups=groups,
        source=Source(relative, 1),
    )


def _load_groups(root: Path, relative: str, problems: list[Problem]) -> list[ItemGroup]:
    data = load_yaml_file(root, relative, problems)
    if data is None:
        return []
    groups = []
    for group in Record(data, relative, 1, "The file", ("groups",), (), problems).records(
        "groups", "A group", ("id", "heading", "lead", "item_label", "items"), ("titles_are_source_text",)
    ):
        group_id = group.slug("id")
        kind = group.text("item_label")
        items = tuple(
            CompactItem(
                id=item.slug("id"),
                title=item.title("title"),
                text=item.text("text"),
                group=group_id,
                kind=kind,
                source=Source(relative, item.line),
            )
            for item in group.records("items", "A principle or commitment", ("id", "title", "text"))
        )
        groups.append(
            ItemGroup(
                id=group_id,
                heading=group.title("heading"),
                lead=group.text("lead"),
                titles_are_source_text=group.flag("titles_are_source_text"),
                items=items,
                source=Source(relative, group.line),
            )
        )
    return groups


def load_edition(root: Path, problems: list[Problem]) -> Edition | None:
    data = load_yaml_file(root, EDITION, problems)
    if data is None:
        return None
    edition = Record.of(EDITION_SPEC, data, EDITION, 1, problems)
    corrections = tuple(
        Correction(
            id=c.slug("id"),
            title=c.title("title"),
            page=c.slug("page"),
            kind=c.text("kind"),
            source_said=c.text("source_said"),
            edition_says=c.text("edition_says"),
            why=c.text("why"),
            replacements=tuple(
                Replacement(r.text("from"), r.text("to", required=False), Source(EDITION, r.line))
                for r in c.records_of("replace", REPLACEMENT)
            ),
            source=Source(EDITION, c.line),
        )
        for c in edition.records_of("corrections", CORRECTION)
    )
    notes = tuple(
        EditorialNote(
            id=n.slug("id"),
            page=n.slug("page"),
            after=n.text("after"),
            title=n.title("title"),
            text=n.text("text"),
            figure=n.choice("figure", tuple(FIGURES), required=False),
            evidence=n.evidence(),
            source=Source(EDITION, n.line),
        )
        for n in edition.records_of("notes", NOTE)
    )
    return Edition(
        id=edition.slug("id"),
        name=edition.text("edition"),
        published=edition.date("published"),
        source_description=edition.text("source"),
        corrections=corrections,
        notes=notes,
        source=Source(EDITION, edition.line_of("id")),
    )
