"""Pages made ready for print: anchors made unique in a document of many pages, links followed
inside the document or turned into text, and nothing fetched from anywhere but the build."""

from __future__ import annotations

import re

import pytest

from build_scripts.render.print_markdown import PrintLinks, document_id, print_html
from build_scripts.render.typesetting import BuildFiles

PAGE = """---
description: A page.
---

# Section 6 {: #top }

See [Section 3](principles.md#principle-fairness), [the guide](../guide/index.md),
[this page](#top), [a site](https://example.org/report/) and [the letter](../guide/letters/a.txt).
[The process in words](../guide/index.md#process-in-words).
Write to [us](mailto:compact@example.org) or <https://example.org/>.

![A diagram](../guide/process.svg)
"""
DOCUMENT = frozenset({"compact/disputes.md", "compact/principles.md"})


def test_a_page_of_a_document_has_its_own_anchors_and_links_inside_it() -> None:
    html = print_html("compact/disputes.md", PAGE, PrintLinks(DOCUMENT, "https://compact.example.org/"))
    assert 'id="compact-disputes--top"' in html
    assert '<a class="print-page" href="#compact-principles--principle-fairness">Section 3</a>' in html
    assert '<a class="print-page" href="#compact-disputes--top">this page</a>' in html
    assert 'src="hb:guide/process.svg"' in html
    assert "description:" not in html


def test_on_paper_a_link_out_of_the_document_prints_where_it_goes() -> None:
    printed = print_html("compact/disputes.md", PAGE, PrintLinks(DOCUMENT, "https://compact.example.org/"))
    # An address is printed in parts, each ending where a line may break: after a "/", never at a hyphen.
    assert (
        '<span class="print-address"> (<span class="print-address__part">compact.example.org/</span>'
        '<span class="print-address__part">guide/</span><span class="print-address__part">letters/</span>'
        '<span class="print-address__part">a.txt</span>)</span>'
    ) in printed
    html = re.sub(r'<span class="print-address__part">([^<]*)</span>', r"\1", printed)
    assert (
        '<a href="https://example.org/report/">a site<span class="print-address"> (example.org/report)</span></a>'
    ) in html
    assert (
        '<a href="https://compact.example.org/guide/">the guide'
        '<span class="print-address"> (compact.example.org/guide)</span></a>'
    ) in html
    assert (
        '<a href="https://compact.example.org/guide/letters/a.txt">the letter'
        '<span class="print-address"> (compact.example.org/guide/letters/a.txt)</span></a>'
    ) in html
    assert '<span class="print-address"> (compact@example.org)</span>' in html
    # A link whose text is its address does not print it twice.
    assert '<a href="https://example.org/">https://example.org/</a>' in html


def test_a_page_told_elsewhere_in_the_document_is_linked_there_with_its_page() -> None:
    links = PrintLinks(
        DOCUMENT, "https://compact.example.org/", {"guide/index.md#process-in-words": "disputes-process"}
    )
    html = print_html("compact/disputes.md", PAGE, links)
    assert '<a class="print-page" href="#disputes-process">The process in words</a>' in html


def test_the_compacts_own_words_get_no_page_numbers() -> None:
    html = print_html("compact/disputes.md", PAGE, PrintLinks(DOCUMENT, page_references=False))
    assert '<a href="#compact-principles--principle-fairness">Section 3</a>' in html


def test_without_the_sites_address_a_link_out_of_the_document_is_plain_text() -> None:
    html = print_html("compact/disputes.md", PAGE, PrintLinks(DOCUMENT))
    assert "<span>the guide</span>" in html


def test_document_ids_come_from_page_addresses() -> None:
    assert document_id("compact/introduction.md") == "compact-introduction"
    assert document_id("codes/index.md") == "codes"


def test_only_the_builds_own_files_can_be_fetched() -> None:
    fetcher = BuildFiles({"guide/process.svg": "<svg/>"})
    response = fetcher.fetch("hb:guide/process.svg")
    assert response.read() == b"<svg/>"
    response.close()
    for url in ("hb:guide/missing.svg", "file:///etc/passwd", "https://example.org/font.woff", "hb:../../etc/passwd"):
        with pytest.raises(ValueError, match="only the build's own files"):
            fetcher.fetch(url)
