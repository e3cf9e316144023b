"""PDFs kept from an earlier build are used again only while everything they were made from is the same."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from build_scripts.model.handbook import Handbook
from build_scripts.pipeline import check, generated_files
from build_scripts.render.kept_files import KEEP_UNUSED_DAYS
from build_scripts.render.paper import PrintDocument
from build_scripts.render.pdf import build_pdfs
from build_scripts.render.pdf_cache import PdfCache, referenced_files
from tests.support.project import copy_fixture

KEPT = b"%PDF- what the cache held"


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    checked = check(copy_fixture("minimal", tmp_path_factory.mktemp("minimal")))
    assert checked.handbook is not None, checked.problems
    return checked.handbook


def test_an_unchanged_document_comes_from_the_cache_and_a_changed_one_is_laid_out_again(
    handbook: Handbook, tmp_path: Path
) -> None:
    files = generated_files(handbook)
    first = build_pdfs(handbook, files, "https://a.example.org/", cache_folder=tmp_path)
    assert first == build_pdfs(handbook, files, "https://a.example.org/"), "a kept PDF differs from a new one"
    for entry in tmp_path.glob("*.pdf"):
        entry.write_bytes(KEPT)
    again = build_pdfs(handbook, files, "https://a.example.org/", cache_folder=tmp_path)
    assert [pdf.data for pdf in again] == [KEPT] * len(first)
    assert [pdf.pages for pdf in again] == [pdf.pages for pdf in first]
    # Another site address is printed at the foot of every page: every document has changed.
    moved = build_pdfs(handbook, files, "https://b.example.org/", cache_folder=tmp_path)
    assert KEPT not in [pdf.data for pdf in moved]


def test_a_file_a_document_shows_is_part_of_its_key(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path, "environment")
    document = PrintDocument("a.pdf", "A", "", '<img src="hb:guide/process.svg" alt="">', ("foot",))
    files: dict[str, str | bytes] = {"guide/process.svg": "<svg/>", "index.md": "# Home"}
    shown = referenced_files(document, files)
    assert shown == {"guide/process.svg": "<svg/>"}
    changed = referenced_files(document, {**files, "guide/process.svg": "<svg><g/></svg>"})
    assert cache.key(document, shown) != cache.key(document, changed)
    assert cache.key(document, shown) == cache.key(document, referenced_files(document, {**files, "index.md": ""}))
    assert PdfCache(tmp_path, "other fonts").key(document, shown) != cache.key(document, shown)


def test_a_cache_that_cannot_be_written_is_only_a_miss(handbook: Handbook, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache would be")
    pdfs = build_pdfs(handbook, generated_files(handbook), "", cache_folder=not_a_folder)
    assert pdfs and all(pdf.data.startswith(b"%PDF-") for pdf in pdfs)


def test_entries_unused_for_a_while_and_half_written_ones_are_removed(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path, "environment")
    for key in ("used", "recent", "old"):
        cache.put(key, 1, b"%PDF-")
    half_written = tmp_path / ".old-1.pdf.123"
    half_written.write_bytes(b"%PDF")
    long_ago = time.time() - (KEEP_UNUSED_DAYS + 1) * 86400
    for name in ("used-1.pdf", "old-1.pdf", half_written.name):
        os.utime(tmp_path / name, (long_ago, long_ago))
    cache.forget_unused(["used"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recent-1.pdf", "used-1.pdf"]
    assert cache.get("used") == (1, b"%PDF-")
