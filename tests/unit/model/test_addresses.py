"""model/addresses.py: the relative address the guide's raw HTML links are written with, which no
engine checks or rewrites, so a mistake here would be a broken link on every path page."""

from __future__ import annotations

import posixpath

import pytest

from build_scripts.model.addresses import address, html_file, relative


@pytest.mark.parametrize(
    ("here", "there", "written"),
    [
        ("guide/start/a/index.md", "guide/start/a/b/index.md", "b/"),
        ("guide/start/a/b/index.md", "guide/start/index.md", "../../"),
        ("guide/start/a/b/index.md", "guide/start/a/c/index.md", "../c/"),
        ("guide/examples/index.md", "guide/start/x/index.md", "../start/x/"),
        ("guide/start/index.md", "guide/start/index.md", "./"),
        ("guide/step/x/index.md", "guide/step/y/index.md", "../y/"),
        ("guide/start/ab/index.md", "guide/start/a/index.md", "../a/"),
        ("index.md", "guide/step/x/index.md", "guide/step/x/"),
        ("guide/step/x/index.md", "index.md", "../../../"),
        ("compact/context.md", "downloads.md", "../../downloads/"),
    ],
)
def test_an_address_leads_from_one_page_to_the_other(here: str, there: str, written: str) -> None:
    assert address(here, there) == written
    served_from = posixpath.dirname(html_file(here))
    assert posixpath.normpath(posixpath.join(served_from, written)) == posixpath.normpath(
        posixpath.dirname(html_file(there)) or "."
    )


PAGES = [
    "index.md",
    "downloads.md",
    "compact/context.md",
    "guide/index.md",
    "guide/step/x/index.md",
    "guide/letters/notice.txt",
    "guide/start/ab/index.md",
    "guide/start/a/",
    "./a.md",
    "a/./b.md",
    "x/../y.md",
    "../outside.md",
    "a/../../outside.md",
]


@pytest.mark.parametrize("here", PAGES)
def test_a_markdown_link_is_the_one_the_standard_library_would_write(here: str) -> None:
    """`relative` finds the way without asking the file system for the current folder, as
    posixpath.relpath does: for every pair, the same answer, out of the docs folder included."""
    for there in PAGES:
        assert relative(here, there) == posixpath.relpath(there, posixpath.dirname(here) or "."), there
