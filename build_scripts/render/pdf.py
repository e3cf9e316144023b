"""Print-ready PDFs, laid out by WeasyPrint from the same generated pages as the site; the only
module that imports WeasyPrint.

Every PDF is tagged (PDF/UA-1), titled, in British English, with a bookmark for every section and
fonts embedded. Dates come from SOURCE_DATE_EPOCH, so the same sources give the same bytes. Each
signatory copy is laid out whole, since every one of its pages carries its organisation's name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.text.ffi import pango
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..model.handbook import Handbook, Signatory
from .environment import TEMPLATES
from .paper import PrintDocument, paper_of
from .pdf_cache import PdfCache, referenced_files
from .print_documents import print_documents
from .processes import on_every_core
from .signatory_copies import signatory_document

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
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
    cache_folder: Path | None = None,
) -> list[Pdf]:
    """Every PDF, in the same order every time: laid out in parallel on the machine's cores, or taken
    from the cache in `cache_folder` where an earlier build laid out the same document. The signatory
    copies are those of `signatories` only, where given (an archived edition's: those who signed it)."""
    paper = paper_of(handbook, site_url)
    documents = print_documents(handbook, files, paper)
    if handbook.register is not None:
        signing = handbook.register.organisations if signatories is None else signatories
        copies: list[Signatory | None] = [None, *signing]
        documents += [signatory_document(handbook, organisation, files, paper) for organisation in copies]
    shown = {document.path: referenced_files(document, files) for document in documents}
    cache = PdfCache.at(cache_folder, _layout()) if cache_folder is not None else None
    keys = {d.path: cache.key(d, shown[d.path]) for d in documents} if cache is not None else {}
    laid_out: dict[str, tuple[int, bytes]] = {}
    if cache is not None:
        laid_out = {path: kept for path, key in keys.items() if (kept := cache.get(key)) is not None}
    # The longest first, one at a time: no worker is left with a long document while the other idles.
    to_lay_out = sorted((d for d in documents if d.path not in laid_out), key=lambda d: -len(d.html))
    tasks = [(document, shown[document.path]) for document in to_lay_out]
    for document, result in zip(to_lay_out, on_every_core(_lay_out, tasks), strict=True):
        laid_out[document.path] = result
        if cache is not None:
            cache.put(keys[document.path], *result)
    if cache is not None:
        cache.forget_unused(keys.values())
    return [Pdf(d.path, d.title, d.description, *laid_out[d.path]) for d in documents]


def lay_out(document: PrintDocument, files: Mapping[str, str | bytes]) -> Pdf:
    """One PDF, laid out now, from a document and the build's files it shows."""
    pages, data = _lay_out(document, referenced_files(document, files))
    return Pdf(document.path, document.title, document.description, pages, data)


def _lay_out(document: PrintDocument, shown: Mapping[str, str | bytes]) -> tuple[int, bytes]:
    """The number of pages and the bytes of one PDF; only the files in `shown` can be fetched."""
    options = {**PDF_OPTIONS, "pdf_forms": document.forms}
    stylesheets = [CSS(string=STYLESHEET), CSS(string=_page_css(document))]
    rendered = HTML(string=document.html, base_url="hb:", url_fetcher=_BuildFiles(shown)).render(
        stylesheets=stylesheets, **options
    )
    return len(rendered.pages), rendered.write_pdf(**options)


def _layout() -> list[str]:
    """What every PDF is laid out with, for the cache's key."""
    return [STYLESHEET, repr(sorted(PDF_OPTIONS.items())), f"Pango {pango.pango_version()}"]


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
