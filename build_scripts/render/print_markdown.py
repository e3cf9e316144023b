"""Markdown pages of the site made into HTML for a printed document.

A printed document joins several pages into one, so each page's anchors are prefixed with the
page's own id. On paper a link cannot be followed, so each one says where it goes: a link to a page
in the same document stays a link inside it (and, outside the Compact's own words, gives the page
it leads to); any other link keeps its address and prints it, short, after its text. Images are
fetched from the build's own files through the "hb:" scheme.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..load.yaml_source import strip_front_matter
from ..model.addresses import page_url

EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables"]
SCHEME = "hb:"
ADDRESS_CLASS = "print-address"
"""The class of the address printed after a link's text."""
ADDRESS_PART_CLASS = "print-address__part"
"""The class of a part of a printed address, between the places where it may break."""
LEAD_IN_CLASS = "print-lead-in"
"""The class of a paragraph that ends with a colon: it introduces what follows, and stays with it."""
PAGE_REFERENCE_CLASS = "print-page"
"""The class of a link inside the document after which print.css prints the page it leads to."""


def document_id(page: str) -> str:
    """The id a docs-relative page takes inside a printed document: compact/introduction.md -> compact-introduction."""
    return page.removesuffix(".md").removesuffix("/index").replace("/", "-")


def print_address(url: str) -> str:
    """An address as printed after a link: without its scheme or a trailing slash ("www.gov.uk/guidance");
    an email address or phone number as it is dialled or written."""
    for prefix in ("https://", "http://", "mailto:", "tel:"):
        if url.startswith(prefix):
            url = url.removeprefix(prefix)
            break
    return url.removesuffix("/")


@dataclass(frozen=True)
class PrintLinks:
    """How the links of a document's pages are printed."""

    in_document: frozenset[str]
    """The docs-relative pages the document holds: a link to one of them stays inside the document."""
    site_url: str = ""
    """Where the site is published: a link to one of its pages not in the document prints that page's
    address. Without it, such a link becomes plain text."""
    aliases: Mapping[str, str] = field(default_factory=dict)
    """Pages of the site (page#anchor) told elsewhere in the document: the id of the part that tells
    them ("guide/index.md#process-in-words" -> "disputes-process", the process in words)."""
    page_references: bool = True
    """Whether links inside the document print the page they lead to. Off for the Compact's own text,
    whose words are printed as adopted."""


def print_html(page: str, text: str, links: PrintLinks) -> str:
    """The HTML of one generated Markdown page, for a printed document."""
    converter = markdown.Markdown(extensions=[*EXTENSIONS, _PrintLinks(page, links)])
    return converter.convert(strip_front_matter(text))


class _PrintLinks(Extension):
    def __init__(self, page: str, links: PrintLinks) -> None:
        super().__init__()
        self.page = page
        self.links = links

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After attr_list (priority 8), so that ids set with {: #id } are there to be prefixed.
        md.treeprocessors.register(_LinkRewriter(md, self.page, self.links), "hb_print_links", 1)


class _LinkRewriter(Treeprocessor):
    def __init__(self, md: markdown.Markdown, page: str, links: PrintLinks) -> None:
        super().__init__(md)
        self.page = page
        self.prefix = document_id(page)
        self.links = links

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if "id" in element.attrib:
                element.set("id", f"{self.prefix}--{element.get('id')}")
            if element.tag == "img" and element.get("src"):
                element.set("src", SCHEME + self._resolve(element.get("src", "")))
            if element.tag == "p" and "".join(element.itertext()).rstrip().endswith(":"):
                element.set("class", f"{element.get('class', '')} {LEAD_IN_CLASS}".strip())
        # Rewritten after the walk: printing an address adds elements, which iter() must not meet.
        for link in [element for element in root.iter("a") if element.get("href") is not None]:
            self._rewrite(link)

    def _resolve(self, target: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.page), target))

    def _rewrite(self, link: ET.Element) -> None:
        href = link.get("href", "")
        if href.startswith(("http://", "https://", "mailto:", "tel:")):
            _print_address(link, href)
            return
        path, _, anchor = href.partition("#")
        target = self._resolve(path) if path else self.page
        alias = self.links.aliases.get(f"{target}#{anchor}" if anchor else target)
        if alias is not None:
            link.set("href", f"#{alias}")
            link.set("class", PAGE_REFERENCE_CLASS)
        elif target in self.links.in_document:
            target_id = document_id(target)
            link.set("href", f"#{target_id}--{anchor}" if anchor else f"#{target_id}")
            if self.links.page_references:
                link.set("class", PAGE_REFERENCE_CLASS)
        elif self.links.site_url:
            # A page has its folder's address; any other file (a PDF, a letter) its own.
            if target.endswith(".md"):
                url = page_url(self.links.site_url, target, anchor)
            else:
                url = f"{self.links.site_url.rstrip('/')}/{target}"
            link.set("href", url)
            _print_address(link, url)
        else:
            link.tag = "span"
            link.attrib.clear()


def _print_address(link: ET.Element, url: str) -> None:
    """Print a link's address after its text, unless the text already is the address."""
    address = print_address(url)
    if address in "".join(link.itertext()):
        return
    printed = ET.SubElement(link, "span", {"class": ADDRESS_CLASS})
    printed.text = " ("
    for part in address_parts(address):
        ET.SubElement(printed, "span", {"class": ADDRESS_PART_CLASS}).text = part
    printed[-1].tail = ")"


def address_parts(address: str) -> list[str]:
    """An address cut after each "/", where a line may break: within a part (no longer than a line
    holds), print.css allows no break, so that "darlington-compact" never breaks at its own hyphen,
    which a reader would take for no hyphen at all."""
    parts = [part + "/" for part in address.split("/")]
    parts[-1] = parts[-1].removesuffix("/")
    return [part for part in parts if part]
