"""One printed document laid out as a PDF by WeasyPrint; the only module that imports WeasyPrint.

Importing WeasyPrint takes about half a second, so render/pdf.py imports this module only when a
PDF is laid out or its cache key is made: `make check`, and a build's own check, go without it.
Every PDF is tagged (PDF/UA-1), titled, in British English, with a bookmark for every section and
fonts embedded. Dates come from SOURCE_DATE_EPOCH, so the same sources give the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping

from weasyprint import CSS, HTML
from weasyprint.text.ffi import pango
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .environment import TEMPLATES
from .paper import PrintDocument

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}
STYLESHEET = (TEMPLATES / "print" / "print.css").read_text(encoding="utf-8")


class BuildFiles(URLFetcher):
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


def typeset(document: PrintDocument, shown: Mapping[str, str | bytes]) -> tuple[int, bytes]:
    """The number of pages and the bytes of one PDF; only the files in `shown` can be fetched."""
    options = {**PDF_OPTIONS, "pdf_forms": document.forms}
    stylesheets = [CSS(string=STYLESHEET), CSS(string=_page_css(document))]
    rendered = HTML(string=document.html, base_url="hb:", url_fetcher=BuildFiles(shown)).render(
        stylesheets=stylesheets, **options
    )
    return len(rendered.pages), rendered.write_pdf(**options)


def layout_identity() -> list[str]:
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
