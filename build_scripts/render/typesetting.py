"""One printed document laid out as a PDF by WeasyPrint; the only module that imports WeasyPrint.

Importing WeasyPrint takes about half a second, so render/pdf.py imports this module only when a
PDF is laid out or its cache key is made: `make check`, and a build's own check, go without it.
Every PDF is tagged (PDF/UA-1), titled, in British English, with a bookmark for every section and
fonts embedded. Dates come from SOURCE_DATE_EPOCH, so the same sources give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import weasyprint.draw
import weasyprint.pdf.tags
from weasyprint import CSS, HTML
from weasyprint.formatting_structure.boxes import MarginBox
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


def _running_content_as_artifacts() -> None:
    """Draw what the page margins hold (the running header, the footer, the page number) as
    artifacts, which a screen reader skips, as PDF/UA asks of running content.

    WeasyPrint 70 marks their text as content, with structure elements that belong to no part of the
    document, so a screen reader may read the footer on every page (its tags.py says why: an
    Artifact element in the structure tree is a PDF 2.0 thing). In a PDF 1.7 file, content is made
    an artifact by marking it so in the page's content stream, with no structure element: so each
    margin box is drawn inside one /Artifact sequence with WeasyPrint's tagging set aside, and given
    no structure element. This wraps two functions of WeasyPrint's own; if a new version renames
    them, this fails at once, and tests/unit/render/test_print.py checks the result in the PDF.
    """
    draw_stacking_context: Callable[..., None] = weasyprint.draw.draw_stacking_context
    build_box_tree: Callable[..., Iterator[object]] = weasyprint.pdf.tags._build_box_tree
    if getattr(draw_stacking_context, "hb_artifacts", False):
        return

    def draw_margins_as_artifacts(stream: Any, stacking_context: Any) -> None:
        if not isinstance(stacking_context.box, MarginBox):
            draw_stacking_context(stream, stacking_context)
            return
        with stream.artifact():
            tags, stream._tags = stream._tags, None
            try:
                draw_stacking_context(stream, stacking_context)
            finally:
                stream._tags = tags

    def no_structure_for_margins(box: object, *args: object) -> Iterator[object]:
        return iter(()) if isinstance(box, MarginBox) else build_box_tree(box, *args)

    draw_margins_as_artifacts.hb_artifacts = True  # type: ignore[attr-defined]
    weasyprint.draw.draw_stacking_context = draw_margins_as_artifacts
    weasyprint.pdf.tags._build_box_tree = no_structure_for_margins


_running_content_as_artifacts()


def layout_identity() -> list[str]:
    """What every PDF is laid out with, for the cache's key."""
    return [
        STYLESHEET,
        repr(sorted(PDF_OPTIONS.items())),
        f"Pango {pango.pango_version()}",
        "running content drawn as artifacts",
    ]


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
