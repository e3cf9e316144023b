"""Every edition: the Editions page, each edition's "What changed" page, the feed, and the pages and
PDFs of every earlier edition under /editions/<id>/, rendered from its archived sources by the same
renderers as the current edition.

An archived page says, before anything else, that it is not the current edition and links to the
page in the current one (or to the home page, where there is none); its canonical address is that
page, and it is left out of the search index. Its links lead within the archived edition where the
page or file is archived too, and otherwise to the current site. The guide's path pages are not
archived: they are never promised, and each archived step page stands for them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

import yaml

from ..check.handbook import page_anchors
from ..load.yaml_source import front_matter_parts
from ..model.addresses import (
    EDITIONS_PAGE,
    FEED,
    SITE_ROOT,
    edition_page,
    page_url,
    what_changed_page,
)
from ..model.changes import Changes, edition_changes
from ..model.handbook import Handbook
from ..model.text import map_links
from .changes import summary, what_changed
from .codes import code_pages
from .compact import compact_pages
from .environment import front_matter, long_date, markdown_environment, plain_text
from .feed import atom_feed
from .guide import step_files
from .pdf import build_pdfs
from .word_cache import WordCache


def edition_files(
    handbook: Handbook,
    current_files: Iterable[str],
    site_url: str,
    with_pdfs: bool,
    pdf_cache: Path | None = None,
    words: WordCache | None = None,
) -> dict[str, str | bytes]:
    """The Editions page, a "What changed" page for each edition, the feed, and every archived edition's
    files; `current_files` are the paths of the current edition's generated files (an archived page
    links to them).
    An archived edition's PDFs, which never change, come from `pdf_cache` after the first build."""
    editions = (*handbook.archive, handbook)
    register = handbook.register.organisations if handbook.register else ()
    changes = [
        edition_changes(before, after, register) for before, after in zip((None, *editions[:-1]), editions, strict=True)
    ]
    files: dict[str, str | bytes] = {
        EDITIONS_PAGE: _editions_page(handbook, changes),
        FEED: atom_feed(changes, site_url),
    }
    files |= {what_changed_page(c.edition.id): what_changed(c, handbook.edition.id) for c in changes}
    current = set(current_files) | set(files) | {page.path for page in handbook.hand_written}
    for archived in handbook.archive:
        files |= archived_files(archived, handbook, current, site_url, with_pdfs, pdf_cache, words)
    return files


def _editions_page(handbook: Handbook, changes: list[Changes]) -> str:
    signed = {c.edition.id: c.signed for c in changes}
    return (
        markdown_environment()
        .get_template("editions.md.j2")
        .render(
            current=handbook.edition,
            archive=[h.edition for h in reversed(handbook.archive)],
            summaries={c.edition.id: summary(c) for c in changes},
            signed=signed,
            feed=posixpath.relpath(FEED, posixpath.dirname(EDITIONS_PAGE)),
        )
    )


def archived_files(
    archived: Handbook,
    current: Handbook,
    current_pages: set[str],
    site_url: str,
    with_pdfs: bool,
    pdf_cache: Path | None = None,
    words: WordCache | None = None,
) -> dict[str, str | bytes]:
    """An earlier edition's pages and PDFs, at /editions/<id>/..., each page marked as not current."""
    files: dict[str, str | bytes] = {**compact_pages(archived), **code_pages(archived, with_pdfs)}
    if archived.guide is not None and archived.contacts is not None:
        files |= step_files(archived.guide, archived.contacts, archived.edition.published, words=words)
    if with_pdfs:
        # The signatory copies of this edition are those of the organisations that signed it, as the
        # latest register records them.
        register = current.register.organisations if current.register else ()
        signed = tuple(o for o in register if o.edition == archived.edition.id)
        signing = replace(archived, register=current.register)
        files |= {pdf.path: pdf.data for pdf in build_pdfs(signing, files, site_url, signed, pdf_cache)}
    files["index.md"] = _edition_index(archived, files)
    anchors = page_anchors(current)
    kept = set(files)
    return {
        edition_page(archived.edition.id, path): (
            archived_page(content, path, archived, kept, current_pages, anchors)
            if path.endswith(".md") and isinstance(content, str)
            else content
        )
        for path, content in files.items()
    }


def _edition_index(archived: Handbook, files: Mapping[str, str | bytes]) -> str:
    pages = sorted(path for path in files if path.endswith(".md"))
    pdfs = sorted(path for path in files if path.endswith(".pdf"))
    return (
        markdown_environment()
        .get_template("edition_index.md.j2")
        .render(
            edition=archived.edition,
            handbook=archived,
            pdfs=pdfs,
            pages=pages,
            what_changed=posixpath.relpath(
                what_changed_page(archived.edition.id), edition_page(archived.edition.id, "")
            ),
        )
    )


def archived_page(
    markdown: str,
    path: str,
    archived: Handbook,
    kept: set[str],
    current_pages: set[str],
    anchors: Mapping[str, set[str]],
) -> str:
    """A generated page of an earlier edition, made to stand at /editions/<id>/<path>: its links mended,
    its notice, canonical address and exclusion from search given in its front matter."""
    meta, body = _split_front_matter(markdown)
    here = edition_page(archived.edition.id, path)
    now = path if path in current_pages else SITE_ROOT

    def mended(target: str) -> str:
        page, _, anchor = target.partition("#")
        absolute = posixpath.normpath(posixpath.join(posixpath.dirname(path), page)) if page else path
        if absolute in kept:
            return target
        in_current = absolute if absolute in current_pages else SITE_ROOT
        keep_anchor = anchor and anchor in anchors.get(in_current, set())
        return posixpath.relpath(in_current, posixpath.dirname(here)) + (f"#{anchor}" if keep_anchor else "")

    edition = archived.edition
    title = meta.get("title")
    meta |= {
        "title": f"{title} ({edition.name})" if isinstance(title, str) else None,
        "search": {"exclude": True},
        "hb_current": page_url("", now),
    }
    notice = (
        f'!!! warning "Not the current edition"\n\n'
        f"    This page is from the **{plain_text(edition.name)}** of the handbook, published on "
        f"{long_date(edition.published)}, and its words are kept as they were published. "
        "It is not the current edition: "
        f"[{'read this page in the current edition' if now == path else 'go to the current edition'}]"
        f"({posixpath.relpath(now, posixpath.dirname(here))}), or see "
        f"[every edition]({posixpath.relpath(EDITIONS_PAGE, posixpath.dirname(here))}).\n\n"
    )
    return f"{front_matter(**meta)}\n\n{notice}{map_links(body, mended)}"


def _split_front_matter(markdown: str) -> tuple[dict[str, object], str]:
    """A generated page's front matter (written by `front_matter`, so plain YAML) and its body."""
    head, body = front_matter_parts(markdown)
    return dict(yaml.safe_load(head) or {}), body.lstrip("\n")
