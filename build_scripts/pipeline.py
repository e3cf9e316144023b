"""The whole handbook from its sources, checked: the one entry point for the CLI and the site hook."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .check.config import CONFIG, check_site_config, engine_config
from .check.editions import check_editions
from .check.facts import check_facts
from .check.handbook import check_handbook, known_pages, page_anchors
from .check.promise import check_promise
from .check.still_needed import still_needed
from .load.contacts import CONTACTS_FILE
from .load.docs import DOCS_DIR, published_files
from .load.editions import with_archive
from .load.handbook import SOURCE_FOLDERS, load_handbook
from .load.history import last_changed
from .load.schemas import SCHEMAS_DIR, schema_files
from .load.yaml_source import load_yaml_file
from .model.addresses import DOWNLOADS_PAGE, LINKING_PAGE
from .model.handbook import Handbook
from .model.problems import BEFORE_PUBLISHING, Problem
from .model.still_needed import Needed
from .publish.engines import PROJECT_DOCS, PROJECT_THEME, Engine
from .publish.project import Project, nav_pages, project_files, read_folder

if TYPE_CHECKING:
    from .render.guide import PathPage


@dataclass(frozen=True)
class Checked:
    handbook: Handbook | None
    problems: tuple[Problem, ...]
    """The errors: any one of them stops the build."""
    warnings: tuple[Problem, ...] = ()
    """What is shown and stops nothing, and what must be done before publishing (`publish-check`)."""
    still_needed: tuple[Needed, ...] = ()
    """What the Compact Steering Group must still supply or confirm: each is one of `before_publishing`,
    and the "What we still need" page and the Steering Group pack show them."""

    @property
    def ok(self) -> bool:
        return self.handbook is not None and not self.problems

    @property
    def before_publishing(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.warnings if p.severity == BEFORE_PUBLISHING)


def check(root: Path, today: datetime.date | None = None) -> Checked:
    """Load and check everything; every problem, none short-circuiting another.

    Facts are due for their yearly check counting back from `today` (by default, the day it runs).
    """
    loaded = load_handbook(root)
    found = list(loaded.problems)
    handbook = loaded.handbook
    needed: tuple[Needed, ...] = ()
    if handbook is not None:
        handbook = with_archive(root, handbook, found)
        docs = [page.path for page in handbook.hand_written]
        found += check_handbook(handbook, docs)
        found += check_editions(handbook)
        found += check_facts(handbook.evidence, today or datetime.date.today())
        # A source that could not be read takes its page with it; the navigation naming that page
        # is then reported only once the source is fixed, not as a second, misleading problem.
        pages = known_pages(handbook, docs) if not loaded.problems else None
        found += check_site_config(root, pages, page_anchors(handbook))
        needed = still_needed(handbook, root)
        found += [item.problem for item in needed]
        found += check_promise(root, handbook)
    listed = sorted(set(found))
    errors = tuple(p for p in listed if p.is_error)
    return Checked(handbook, errors, tuple(p for p in listed if not p.is_error), needed)


PDF_CACHE = Path(".cache", "pdfs")
"""Where, under the project, the PDFs of earlier builds are kept to be used again (see render/pdf_cache.py)."""
WORD_CACHE = Path(".cache", "word")
"""And the Word documents (render/word_cache.py)."""


def generated_files(
    handbook: Handbook,
    site_url: str = "",
    with_pdfs: bool = False,
    pdf_cache: Path | None = None,
    still_needed: Sequence[Needed] = (),
) -> dict[str, str | bytes]:
    """Every file the build adds to the site, by docs-relative path: the pages, and the files beside them.

    The PDFs take a few seconds; the live preview goes without them. With a `pdf_cache` folder, a PDF
    whose document has not changed since an earlier build is taken from there. `still_needed` is what
    the check found still to supply or confirm (`Checked.still_needed`): the "What we still need" page
    and the Steering Group pack show it.
    """
    return generated(handbook, site_url, with_pdfs, pdf_cache, still_needed).files


@dataclass(frozen=True)
class Generated:
    files: dict[str, str | bytes]
    """The files given to the engine, by docs-relative path."""
    path_pages: tuple[PathPage, ...] = ()
    """The guide's path pages made after the engine from the pages in `files` (render/guide.py)."""


def generated(
    handbook: Handbook,
    site_url: str = "",
    with_pdfs: bool = False,
    pdf_cache: Path | None = None,
    still_needed: Sequence[Needed] = (),
    frames_only: bool = False,
    word_cache: Path | None = None,
) -> Generated:
    """What `generated_files` gives; with `frames_only`, of the guide's path pages only the frames, and
    the others to make from them after the engine; with a `word_cache` folder, the Word documents of
    earlier builds used again where nothing they are made from has changed."""
    # The renderers are imported here, not at the top, so that `make check`, which needs none of them,
    # starts in two thirds of the time.
    from .render.codes import code_pages
    from .render.compact import compact_pages
    from .render.contacts import published_contacts
    from .render.data import data_files
    from .render.downloads import downloads_page
    from .render.editions import edition_files
    from .render.guide import guide_files
    from .render.images import image_files
    from .render.linking import linking_page
    from .render.paper import paper_of
    from .render.pdf import pdf_documents, start_pdfs
    from .render.signatories import signatories_page
    from .render.steering_pack import PACK_DOCX, pack_of, steering_pack_document
    from .render.steering_pack_word import pack_word_document
    from .render.still_needed import still_needed_page
    from .render.word_cache import WordCache

    words = WordCache.at(word_cache) if word_cache is not None else WordCache.off()
    files: dict[str, str | bytes] = {**compact_pages(handbook), **code_pages(handbook, with_pdfs)}
    path_pages: tuple[PathPage, ...] = ()
    if handbook.guide is not None and handbook.contacts is not None:
        contacts = published_contacts(handbook.contacts, handbook.register)
        guide = guide_files(handbook.guide, contacts, handbook.edition.published, frames_only, words)
        files |= guide.files
        path_pages = guide.path_pages
    files |= signatories_page(handbook, with_pdfs)
    files |= data_files(handbook, site_url)
    files |= image_files()
    files[LINKING_PAGE] = linking_page(handbook, site_url)
    files |= {f"{SCHEMAS_DIR}/{name}": text for name, text in schema_files().items()}
    files |= still_needed_page(still_needed, with_pdfs)
    files[PACK_DOCX] = pack_word_document(pack_of(handbook, still_needed, site_url), handbook.edition.published, words)
    documents = pdf_documents(handbook, files, site_url) if with_pdfs else []
    if with_pdfs:
        documents.append(steering_pack_document(handbook, still_needed, paper_of(handbook, site_url)))
    later = {*(document.path for document in documents), DOWNLOADS_PAGE}
    # An archived edition's PDFs are laid out (or taken from the cache) here, before the current
    # edition's are started: never two sets of workers at once.
    files |= edition_files(handbook, {*files, *later}, site_url, with_pdfs, pdf_cache, words)
    words.forget_unused()
    pdfs = start_pdfs(documents, files, pdf_cache).pdfs() if with_pdfs else []
    files |= {pdf.path: pdf.data for pdf in pdfs}
    return Generated({**files, DOWNLOADS_PAGE: downloads_page(pdfs)}, path_pages)


def last_updated(root: Path, handbook: Handbook, pages: Iterable[str]) -> dict[str, dict[str, str]]:
    """The day each page's own sources last changed, by docs-relative page (the hand-written pages too)."""
    from .render.updated import page_updated  # see generated_files

    return page_updated(handbook, [*pages, *(page.path for page in handbook.hand_written)], last_changed(root))


def configured_site_url(root: Path) -> str:
    """The site's published address, as mkdocs.yml gives it, read as `make check` reads that file."""
    config = load_yaml_file(root, CONFIG, [])
    site_url = config.get("site_url") if isinstance(config, dict) else None
    return site_url if isinstance(site_url, str) else ""


def build_project(root: Path, checked: Checked, engine: Engine, with_pdfs: bool) -> Project:
    """The site project for `engine`, from sources that passed the check, with the guide's path pages to
    make after the engine from the frames in it (render/guide.py)."""
    handbook = checked.handbook
    assert handbook is not None
    config = engine_config(root)
    made = generated(
        handbook,
        config.get("site_url") or "",
        with_pdfs,
        root / PDF_CACHE if with_pdfs else None,
        checked.still_needed,
        frames_only=True,
        word_cache=root / WORD_CACHE,
    )
    docs = {path: (root / DOCS_DIR / path).read_bytes() for path in published_files(root)}
    updated = last_updated(root, handbook, made.files)
    theme = theme_files(root, engine)
    files = project_files(config, engine, theme, made.files, handbook.hand_written, docs, updated)
    return Project(files, made.path_pages)


def theme_files(root: Path, engine: Engine) -> dict[str, bytes]:
    """The engine's theme overrides: the shared files, then its theme's own."""
    return {path: data for folder in engine.theme_folders for path, data in read_folder(root / folder).items()}


def preview_project(root: Path, engine: Engine, shown: dict[str, bytes]) -> Project:
    """The preview's project, checked afresh: the site without PDFs, or while the sources have problems,
    every page of the last project shown (`shown`, which this updates) replaced by the problems, so that
    the browser shows them at once and reloads when they are fixed."""
    checked = check(root)
    if checked.ok:
        project = build_project(root, checked, engine, with_pdfs=False)
        shown.clear()
        shown |= project.files
        return project
    from .render.problems_page import problems_document, problems_markdown  # see generated_files

    page = problems_markdown(checked.problems).encode("utf-8")
    # The engine's "not found" page stands in for a page the sources no longer make. It is a template:
    # every brace is written as a character reference, so that no problem's quotation of a source is
    # read as template code.
    missing = problems_document(checked.problems).replace("{", "&#123;").replace("}", "&#125;")
    if not shown:
        # Started with problems: the pages the navigation names stand for the site, so that the engine
        # finds every page it lists.
        config = engine_config(root)
        theme = theme_files(root, engine)
        named = dict.fromkeys(nav_pages(config.get("nav")), "")
        shown |= project_files(config, engine, theme, {"index.md": "", **named}, (), {}, {})
    pages = [path for path in shown if path.startswith(f"{PROJECT_DOCS}/") and path.endswith(".md")]
    return Project({**shown, **dict.fromkeys(pages, page), f"{PROJECT_THEME}/404.html": missing.encode("utf-8")})


def source_times(root: Path) -> dict[str, tuple[int, int]]:
    """Each source's modification time and size, by path: what the preview watches (the sources, docs/,
    mkdocs.yml, the templates and the theme overrides)."""
    times = {}
    for top in (*SOURCE_FOLDERS, CONTACTS_FILE, CONFIG, "build_scripts/templates"):
        path = root / top
        paths = sorted(path.rglob("*")) if path.is_dir() else [path]
        for found in paths:
            try:
                status = found.stat()
            except OSError:
                continue
            times[found.relative_to(root).as_posix()] = (status.st_mtime_ns, status.st_size)
    return times
