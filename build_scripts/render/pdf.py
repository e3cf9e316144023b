"""Print-ready PDFs, laid out by WeasyPrint from the same generated pages as the site; the only
module that imports WeasyPrint.

Every PDF is tagged (PDF/UA-1), titled, in British English, with a bookmark for every section and
fonts embedded. Dates come from SOURCE_DATE_EPOCH, so the same sources give the same bytes.
Signatory copies differ only in their cover and signature page: the agreement between them is
laid out once and shared.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Mapping
from dataclasses import dataclass

from weasyprint import CSS, HTML, Document
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..model.handbook import Handbook, Signatory
from .environment import TEMPLATES
from .print_documents import PrintDocument, print_documents, signatory_document
from .processes import start_worker

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
WORKERS = 2
STYLESHEET = (TEMPLATES / "print" / "print.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Pdf:
    path: str
    """Where it is published, docs-relative: downloads/darlington-compact-handbook.pdf."""
    title: str
    description: str
    pages: int
    data: bytes


class _BuildFiles(URLFetcher):
    """Serves the build's own files under "hb:" and refuses everything else: nothing is fetched
    from the network or read from disk outside the build."""

    def __init__(self, files: Mapping[str, str | bytes]) -> None:
        super().__init__(allowed_protocols=("hb",))
        self.files = files

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = url.removeprefix("hb:")
        if not url.startswith("hb:") or path not in self.files:
            raise ValueError(f"refusing to fetch {url}: only the build's own files are used")
        content_type = "image/svg+xml" if path.endswith(".svg") else "application/octet-stream"
        return URLFetcherResponse(url, self.files[path], {"Content-Type": content_type})


def build_pdfs(handbook: Handbook, files: Mapping[str, str | bytes]) -> list[Pdf]:
    """Every PDF, laid out in parallel on the machine's cores, in the same order every time."""
    organisations = handbook.register.organisations if handbook.register else ()
    half = (len(organisations) + 1) // 2
    # Fixed halves, whatever the number of cores, so that every machine makes the same bytes.
    jobs: list[PrintDocument | tuple[Signatory, ...]] = [
        *print_documents(handbook, files),
        *(chunk for chunk in (organisations[:half], organisations[half:]) if chunk),
    ]
    workers = min(WORKERS, os.cpu_count() or 1)
    if workers < 2:
        return [pdf for job in jobs for pdf in _run(handbook, files, job)]
    # Leaving the pool, also by an interrupt, terminates its workers: none goes on laying out PDFs
    # after the build has stopped, and none outlives this process if it is killed.
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=start_worker, initargs=(os.getpid(),)) as pool:
        done = pool.starmap(_run, [(handbook, files, job) for job in jobs])
    return [pdf for pdfs in done for pdf in pdfs]


def _run(handbook: Handbook, files: Mapping[str, str | bytes], job: PrintDocument | tuple[Signatory, ...]) -> list[Pdf]:
    fetcher = _BuildFiles(files)
    if isinstance(job, PrintDocument):
        return [_write(job, _render(job, fetcher))]
    return _signatory_copies(handbook, job, files, fetcher)


def _render(document: PrintDocument, fetcher: URLFetcher, extra_css: str = "") -> Document:
    footer = document.footer.replace("\\", "\\\\").replace('"', '\\"')
    stylesheets = [CSS(string=STYLESHEET), CSS(string=f'@page {{ @bottom-left {{ content: "{footer}" }} }}{extra_css}')]
    return HTML(string=document.html, base_url="hb:", url_fetcher=fetcher).render(
        stylesheets=stylesheets, **PDF_OPTIONS
    )


def _write(document: PrintDocument, rendered: Document) -> Pdf:
    data = rendered.write_pdf(**PDF_OPTIONS)
    return Pdf(document.path, document.title, document.description, len(rendered.pages), data)


def _signatory_copies(
    handbook: Handbook, organisations: tuple[Signatory, ...], files: Mapping[str, str | bytes], fetcher: URLFetcher
) -> list[Pdf]:
    first, *others = organisations
    full_document = signatory_document(handbook, first, files, with_agreement=True)
    full = _render(full_document, fetcher)
    total = len(full.pages)
    copies = [_write(full_document, full)]
    # The signature page of a copy laid out on its own must still say where it stands in the whole.
    numbering = f'@page signature {{ @bottom-right {{ content: "Page {total} of {total}" }} }}'
    for organisation in others:
        copies.append(_spliced_copy(handbook, organisation, files, fetcher, full, numbering))
    return copies


def _spliced_copy(
    handbook: Handbook,
    organisation: Signatory,
    files: Mapping[str, str | bytes],
    fetcher: URLFetcher,
    full: Document,
    numbering: str,
) -> Pdf:
    document = signatory_document(handbook, organisation, files, with_agreement=False)
    own = _render(document, fetcher, numbering)
    if len(own.pages) != 2:
        raise RuntimeError(f"the cover and signature page of {organisation.id} should be one page each")
    spliced = own.copy([own.pages[0], *full.pages[1:-1], own.pages[-1]])
    return _write(document, spliced)
