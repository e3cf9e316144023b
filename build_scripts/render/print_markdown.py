"""Markdown pages of the site made into HTML for a printed document.

A printed document joins several pages into one, so each page's anchors are prefixed with the
page's own id, and links are rewritten: to a page in the same document, an internal link; to
anything else, plain text (a link cannot be followed on paper). Images are fetched from the
build's own files through the "hb:" scheme.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..load.yaml_source import strip_front_matter

EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables"]
SCHEME = "hb:"


def document_id(page: str) -> str:
    """The id a docs-relative page takes inside a printed document: compact/introduction.md -> compact-introduction."""
    return page.removesuffix(".md").removesuffix("/index").replace("/", "-")


def print_html(page: str, text: str, in_document: set[str]) -> str:
    """The HTML of one generated Markdown page, for a document made of the pages `in_document`."""
    converter = markdown.Markdown(extensions=[*EXTENSIONS, _PrintLinks(page, in_document)])
    return converter.convert(strip_front_matter(text))


class _PrintLinks(Extension):
    def __init__(self, page: str, in_document: set[str]) -> None:
        super().__init__()
        self.page = page
        self.in_document = in_document

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After attr_list (priority 8), so that ids set with {: #id } are there to be prefixed.
        md.treeprocessors.register(_LinkRewriter(md, self.page, self.in_document), "hb_print_links", 1)


class _LinkRewriter(Treeprocessor):
    def __init__(self, md: markdown.Markdown, page: str, in_document: set[str]) -> None:
        super().__init__(md)
        self.page = page
        self.prefix = document_id(page)
        self.in_document = in_document

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if "id" in element.attrib:
                element.set("id", f"{self.prefix}--{element.get('id')}")
            if element.tag == "img" and element.get("src"):
                element.set("src", SCHEME + self._resolve(element.get("src", "")))
            if element.tag == "a" and element.get("href") is not None:
                self._rewrite(element)

    def _resolve(self, target: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.page), target))

    def _rewrite(self, link: ET.Element) -> None:
        href = link.get("href", "")
        if href.startswith(("http://", "https://", "mailto:")):
            return
        path, _, anchor = href.partition("#")
        target = self._resolve(path) if path else self.page
        if target in self.in_document:
            target_id = document_id(target)
            link.set("href", f"#{target_id}--{anchor}" if anchor else f"#{target_id}")
        else:
            link.tag = "span"
            link.attrib.clear()
