"""Reading printed documents back, as a reader of the paper would: where each run of text stands on
its page and how large it is, the running header and footer apart from the body, the links and
form fields, and the structure tree a screen reader follows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

MARGIN = 22 * 72 / 25.4
"""The top page margin of print.css (22 mm), in points: the running header stands in it."""
BOTTOM_MARGIN = 25 * 72 / 25.4
"""The bottom page margin of print.css (25 mm), in points: the footer stands in it."""

BLANK_COPY_FIELDS = frozenset(
    {
        "organisation",
        "sector",
        "signatory_name",
        "signatory_role",
        "date",
        "champion",
        "champion_role",
        "champion_contact",
    }
)
"""The fields of the blank signatory copy, by name: the organisation, its sector (one choice of two),
who signs (name, role, date) and its Champion. WeasyPrint 70 names each button of a choice too, so a
reader lists "sector.sector" beside "sector": see `fields`."""


@cache
def reader(path: Path) -> PdfReader:
    """A built PDF, read once for every test that reads it."""
    return PdfReader(path)


def fields(pdf: PdfReader) -> dict[str, DictionaryObject]:
    """The form's fields by name, without the buttons of a choice that WeasyPrint also names."""
    found = pdf.get_fields() or {}
    return {name: field for name, field in found.items() if "." not in name}


@dataclass(frozen=True)
class Run:
    """A run of text as drawn: its position (points from the bottom left), size and font."""

    x: float
    y: float
    size: float
    font: str
    text: str


@dataclass(frozen=True)
class Drawn:
    """What a page draws, read once: pypdf reads a page's content slowly, and the tests read each page
    of every PDF many times."""

    runs: list[Run]
    marked: list[tuple[bool, str]]
    """Each run of text drawn, and whether it is drawn as an artifact (running content a screen reader
    skips) rather than as content."""
    text: str
    """The page's text, as pypdf's `extract_text` gives it."""


_DRAWN: dict[tuple[int, int], tuple[PageObject, Drawn]] = {}
"""By the page's object and its number; the page is kept with it, so that no other object takes its id."""


def drawn(page: PageObject) -> Drawn:
    key = (id(page), page.page_number or 0)
    if key not in _DRAWN:
        _DRAWN[key] = (page, _read(page))
    return _DRAWN[key][1]


def _read(page: PageObject) -> Drawn:
    marks: list[str] = []
    runs: list[Run] = []
    marked: list[tuple[bool, str]] = []

    def operator(op: bytes, args: list[object], cm: list[float], tm: list[float]) -> None:
        if op in (b"BDC", b"BMC"):
            marks.append(str(args[0]))
        elif op == b"EMC" and marks:
            marks.pop()

    def visit(text: str, cm: list[float], tm: list[float], font: DictionaryObject | None, size: float) -> None:
        if not text.strip():
            return
        marked.append(("/Artifact" in marks, text))
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[0] * cm[0] * tm[3] * cm[3]) ** 0.5
        name = str(font.get("/BaseFont", "")) if font else ""
        runs.append(Run(x, y, size * scale, name.split("+")[-1], text))

    text = page.extract_text(visitor_operand_before=operator, visitor_text=visit)
    return Drawn(runs, marked, text)


def marked_text(page: PageObject) -> list[tuple[bool, str]]:
    """Each run of text drawn on the page, and whether it is drawn as an artifact."""
    return drawn(page).marked


def runs(page: PageObject) -> list[Run]:
    return drawn(page).runs


def page_text(page: PageObject) -> str:
    return drawn(page).text


def header_text(page: PageObject) -> str:
    height = float(page.mediabox.height)
    return " ".join(run.text for run in runs(page) if run.y > height - MARGIN)


def footer_runs(page: PageObject) -> list[Run]:
    return [run for run in runs(page) if run.y < BOTTOM_MARGIN]


def footer_text(page: PageObject) -> str:
    return " ".join(run.text for run in footer_runs(page))


def body_runs(page: PageObject) -> list[Run]:
    height = float(page.mediabox.height)
    return [run for run in runs(page) if BOTTOM_MARGIN <= run.y <= height - MARGIN]


def flat_text(page: PageObject) -> str:
    """The page's text with no white space at all: an address broken over two lines reads whole."""
    return re.sub(r"\s+", "", page_text(page))


def web_links(page: PageObject) -> list[str]:
    """The addresses of the page's links that lead out of the document."""
    uris = []
    for annotation in page.get("/Annots", []):
        annotation = annotation.get_object()
        action = annotation.get("/A")
        if annotation.get("/Subtype") == "/Link" and action is not None and "/URI" in action:
            uris.append(str(action["/URI"]))
    return uris


def _resolved(node: object) -> object:
    return node.get_object() if isinstance(node, IndirectObject) else node


def structure_elements(pdf: PdfReader) -> Iterator[DictionaryObject]:
    """Every element of the PDF's structure tree, in reading order."""

    def walk(node: object) -> Iterator[DictionaryObject]:
        node = _resolved(node)
        if not isinstance(node, DictionaryObject):
            return
        if "/S" in node:
            yield node
        kids = _resolved(node.get("/K"))
        for kid in list(kids) if isinstance(kids, ArrayObject) else [kids]:
            yield from walk(kid)

    yield from walk(pdf.trailer["/Root"]["/StructTreeRoot"])


def structure_leaves(pdf: PdfReader) -> Iterator[tuple[int, tuple[str, ...]]]:
    """In reading order, each structure element that holds content directly: the number of its page
    (0-based) and the types of its ancestors and itself ("/Document", "/Sect", "/H2", "/Span")."""
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(pdf.pages)}

    def walk(node: object, path: tuple[str, ...]) -> Iterator[tuple[int, tuple[str, ...]]]:
        node = _resolved(node)
        if not isinstance(node, DictionaryObject):
            return
        here = (*path, str(node["/S"])) if "/S" in node else path
        kids = _resolved(node.get("/K"))
        kids = list(kids) if isinstance(kids, ArrayObject) else [kids]
        page = node.get("/Pg")
        if page is not None and any(isinstance(_resolved(kid), int) for kid in kids):
            yield pages[page.idnum], here
        for kid in kids:
            yield from walk(kid, here)

    yield from walk(pdf.trailer["/Root"]["/StructTreeRoot"], ())
