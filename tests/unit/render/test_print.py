"""Pages made ready for print: anchors made unique in a document of many pages, links followed
inside the document or turned into text, and nothing fetched from anywhere but the build."""

from __future__ import annotations

import pytest

from build_scripts.render.pdf import _BuildFiles
from build_scripts.render.print_markdown import document_id, print_html

PAGE = """---
description: A page.
---

# Section 6 {: #top }

See [Section 3](principles.md#principle-fairness), [the guide](../guide/index.md),
[this page](#top) and [a site](https://example.org/).

![A diagram](../guide/process.svg)
"""


def test_a_page_of_a_document_has_its_own_anchors_and_links() -> None:
    html = print_html("compact/disputes.md", PAGE, {"compact/disputes.md", "compact/principles.md"})
    assert 'id="compact-disputes--top"' in html
    assert '<a href="#compact-principles--principle-fairness">Section 3</a>' in html
    assert '<a href="#compact-disputes--top">this page</a>' in html
    assert '<a href="https://example.org/">a site</a>' in html
    assert "<span>the guide</span>" in html
    assert 'src="hb:guide/process.svg"' in html
    assert "description:" not in html


def test_document_ids_come_from_page_addresses() -> None:
    assert document_id("compact/introduction.md") == "compact-introduction"
    assert document_id("codes/index.md") == "codes"


def test_only_the_builds_own_files_can_be_fetched() -> None:
    fetcher = _BuildFiles({"guide/process.svg": "<svg/>"})
    response = fetcher.fetch("hb:guide/process.svg")
    assert response.read() == b"<svg/>"
    response.close()
    for url in ("hb:guide/missing.svg", "file:///etc/passwd", "https://example.org/font.woff", "hb:../../etc/passwd"):
        with pytest.raises(ValueError, match="only the build's own files"):
            fetcher.fetch(url)
