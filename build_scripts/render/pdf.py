"""The print-ready PDFs of a build: which documents, laid out where, and taken from the cache where an
earlier build laid out the same document.

Each signatory copy is laid out whole, since every one of its pages carries its organisation's name.
The layout itself is in render/typesetting.py, imported only here: where a PDF is laid out, or the
cache's key is made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from ..model.handbook import Handbook, Signatory
from .paper import PrintDocument, paper_of
from .pdf_cache import PdfCache, referenced_files
from .print_documents import print_documents
from .processes import Underway, in_background
from .signatory_copies import signatory_documents


class LayoutError(Exception):
    """A PDF could not be laid out: the message names it, or says that a worker stopped."""


@dataclass(frozen=True)
class Pdf:
    path: str
    """Where it is published, docs-relative: downloads/darlington-compact-handbook.pdf."""
    title: str
    description: str
    pages: int
    data: bytes


@dataclass
class PdfsUnderway:
    """The PDFs of a build, some taken from the cache, the others being laid out on worker processes."""

    documents: list[PrintDocument]
    kept: dict[str, tuple[int, bytes]]
    """The number of pages and the bytes of each PDF taken from the cache, by path."""
    to_lay_out: list[PrintDocument]
    work: Underway[tuple[int, bytes]]
    cache: PdfCache | None
    keys: dict[str, str]

    def pdfs(self) -> list[Pdf]:
        """Every PDF, in the same order every time, once laid out; each new one is kept in the cache."""
        laid_out = dict(self.kept)
        try:
            results = self.work.results()
        except BrokenProcessPool as error:
            raise LayoutError("a process laying out the PDFs stopped before it finished (out of memory?)") from error
        for document, result in zip(self.to_lay_out, results, strict=True):
            laid_out[document.path] = result
            if self.cache is not None:
                self.cache.put(self.keys[document.path], *result)
        if self.cache is not None:
            self.cache.forget_unused(self.keys.values())
        return [Pdf(d.path, d.title, d.description, *laid_out[d.path]) for d in self.documents]


def pdf_documents(
    handbook: Handbook,
    files: Mapping[str, str | bytes],
    site_url: str = "",
    signatories: Sequence[Signatory] | None = None,
) -> list[PrintDocument]:
    """Every document printed as a PDF, in the same order every time. The signatory copies are those of
    `signatories` only, where given (an archived edition's: those who signed it)."""
    paper = paper_of(handbook, site_url)
    documents = print_documents(handbook, files, paper)
    if handbook.register is not None:
        signing = handbook.register.organisations if signatories is None else signatories
        copies: list[Signatory | None] = [None, *signing]
        documents += signatory_documents(handbook, copies, files, paper)
    return documents


def start_pdfs(
    documents: list[PrintDocument], files: Mapping[str, str | bytes], cache_folder: Path | None = None
) -> PdfsUnderway:
    """Start laying out each document on the machine's cores, except those found in the cache in
    `cache_folder`, and return at once; `pdfs()` waits for them."""
    shown = {document.path: referenced_files(document, files) for document in documents}
    cache = _cache_at(cache_folder) if cache_folder is not None else None
    keys = {d.path: cache.key(d, shown[d.path]) for d in documents} if cache is not None else {}
    kept: dict[str, tuple[int, bytes]] = {}
    if cache is not None:
        kept = {path: found for path, key in keys.items() if (found := cache.get(key)) is not None}
    # The longest first, one at a time: no worker is left with a long document while the other idles.
    to_lay_out = sorted((d for d in documents if d.path not in kept), key=lambda d: -len(d.html))
    work = in_background(_typeset, [(document, shown[document.path]) for document in to_lay_out])
    return PdfsUnderway(documents, kept, to_lay_out, work, cache, keys)


def build_pdfs(
    handbook: Handbook,
    files: Mapping[str, str | bytes],
    site_url: str = "",
    signatories: Sequence[Signatory] | None = None,
    cache_folder: Path | None = None,
) -> list[Pdf]:
    """Every PDF, in the same order every time, laid out (or taken from the cache) before this returns."""
    return start_pdfs(pdf_documents(handbook, files, site_url, signatories), files, cache_folder).pdfs()


def lay_out(document: PrintDocument, files: Mapping[str, str | bytes]) -> Pdf:
    """One PDF, laid out now, from a document and the build's files it shows."""
    pages, data = _typeset(document, referenced_files(document, files))
    return Pdf(document.path, document.title, document.description, pages, data)


def _typeset(document: PrintDocument, shown: Mapping[str, str | bytes]) -> tuple[int, bytes]:
    from .typesetting import typeset  # here, so that WeasyPrint is imported only where a PDF is laid out

    try:
        return typeset(document, shown)
    except Exception as error:
        raise LayoutError(f"{document.path} could not be laid out: {error}") from error


def _cache_at(folder: Path) -> PdfCache:
    from .typesetting import layout_identity  # here, so that WeasyPrint is imported only where PDFs are made

    return PdfCache.at(folder, layout_identity())
