"""Print-ready PDFs, laid out by WeasyPrint from the same generated pages as the site; the only
module that imports WeasyPrint.

Every PDF is tagged (PDF/UA-1), titled, in British English, with a bookmark for every section and
fonts embedded. Dates come from SOURCE_DATE_EPOCH, so the same sources give the same bytes. Each
signatory copy is laid out whole, since every one of its pages carries its organisation's name.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..model.handbook import Handbook, Signatory
from .environment import TEMPLATES
from .paper import PrintDocument, paper_of
from .print_documents import print_documents
from .processes import start_worker
from .signatory_copies import signatory_document

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


def build_pdfs(
    handbook: Handbook,
    files: Mapping[str, str | bytes],
    site_url: str = "",
    signatories: Sequence[Signatory] | None = None,
) -> list[Pdf]:
    """Every PDF, laid out in parallel on the machine's cores, in the same order every time; the signatory
    copies of `signatories` only, where given (an archived edition's: those who signed it)."""
    paper = paper_of(handbook, site_url)
    documents = print_documents(handbook, files, paper)
    if handbook.register is not None:
        signing = handbook.register.organisations if signatories is None else signatories
        copies: list[Signatory | None] = [None, *signing]
        documents += [signatory_document(handbook, organisation, files, paper) for organisation in copies]
    workers = min(WORKERS, os.cpu_count() or 1)
    if workers < 2:
        return [lay_out(document, files) for document in documents]
    # Leaving the pool, also by an interrupt, terminates its workers: none goes on laying out PDFs
    # after the build has stopped, and none outlives this process if it is killed.
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=start_worker, initargs=(os.getpid(),)) as pool:
        return pool.starmap(lay_out, [(document, files) for document in documents])


def lay_out(document: PrintDocument, files: Mapping[str, str | bytes]) -> Pdf:
    options = {**PDF_OPTIONS, "pdf_forms": document.forms}
    stylesheets = [CSS(string=STYLESHEET), CSS(string=_page_css(document))]
    rendered = HTML(string=document.html, base_url="hb:", url_fetcher=_BuildFiles(files)).render(
        stylesheets=stylesheets, **options
    )
    data = rendered.write_pdf(**options)
    return Pdf(document.path, document.title, document.description, len(rendered.pages), data)


def _page_css(document: PrintDocument) -> str:
    """The running header and footer of a document's pages: the lines each page of it carries."""
    footer = "\\A ".join(_css_string(line) for line in document.footer)
    css = f'@page {{ @bottom-left {{ content: "{footer}" }} }}'
    if document.running_head:
        css += f' @page {{ @top-right {{ content: "{_css_string(document.running_head)}" }} }}'
    return css


def _css_string(text: str) -> str:
    """Text made safe inside a CSS string in double quotes."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
