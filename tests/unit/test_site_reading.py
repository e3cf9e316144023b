"""tests/support/site.py: where a link of a built page leads, however an engine wrote it. The engines'
comparison and the link tests rely on it, so a mistake here would hide a broken link."""

from __future__ import annotations

import pytest

from tests.support.site import resolve


@pytest.mark.parametrize(
    ("page", "href", "leads"),
    [
        ("downloads/index.html", "x.pdf", "downloads/x.pdf"),
        ("guide/index.html", "../downloads/x.pdf", "downloads/x.pdf"),
        ("guide/index.html", "./..", ""),
        ("guide/index.html", "../index.html", ""),
        ("guide/index.html", "../codes/index.html#vo-1", "codes/#vo-1"),
        ("guide/index.html", "#stage-2", "guide/#stage-2"),
        ("index.html", "search/?q=panel", "search/?q=panel"),
        ("index.html", "not-index.html", "not-index.html"),
        ("index.html", "guide/my-index.html", "guide/my-index.html"),
        ("index.html", "https://example.org/index.html", "https://example.org/index.html"),
    ],
)
def test_a_link_leads_where_a_browser_would_go(page: str, href: str, leads: str) -> None:
    assert resolve(page, href) == leads
