"""Word documents kept from an earlier build are used again only while what they are made from, and the
code and packages that write them, are the same; the cache only ever saves time."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from build_scripts.model.guide import Letter
from build_scripts.model.source import Source
from build_scripts.render.kept_files import BUILD_CODE, KEEP_UNUSED_DAYS, code_digest
from build_scripts.render.letters import letter_files
from build_scripts.render.word_cache import WordCache

LETTER = Letter(
    "ask-for-a-meeting", "Asking for a meeting", None, "Dear [name],\n\n**Please** meet us.", Source("guide/x.yml", 1)
)
DOCX = "guide/letters/ask-for-a-meeting.docx"


def made(calls: list[str], data: bytes) -> bytes:
    calls.append("made")
    return data


def test_a_document_is_made_once_then_kept_until_what_it_is_made_from_changes(tmp_path: Path) -> None:
    cache = WordCache.at(tmp_path)
    calls: list[str] = []
    assert cache.document(("letter", "a"), lambda: made(calls, b"first")) == b"first"
    assert cache.document(("letter", "a"), lambda: made(calls, b"second")) == b"first"
    assert cache.document(("letter", "b"), lambda: made(calls, b"third")) == b"third"
    assert calls == ["made", "made"]
    # The build's code is part of every key.
    other_code = WordCache(tmp_path, "another version of the build's code")
    assert other_code.document(("letter", "a"), lambda: made(calls, b"fourth")) == b"fourth"


def test_the_key_changes_with_any_module_of_the_build_not_only_those_that_write_documents(tmp_path: Path) -> None:
    code = shutil.copytree(BUILD_CODE, tmp_path / "build_scripts", ignore=shutil.ignore_patterns("__pycache__"))
    assert WordCache.at(tmp_path).code == code_digest("python-docx", "lxml")
    before = code_digest("python-docx", "lxml", code=code)
    assert before == code_digest("python-docx", "lxml")
    helper = code / "render" / "steering_pack.py"  # the pack's labels, which the Word writer imports
    helper.write_text(helper.read_text("utf-8").replace('TITLE = "', 'TITLE = "New: ', 1), "utf-8")
    assert code_digest("python-docx", "lxml", code=code) != before


def test_a_kept_letter_is_the_document_the_build_would_make(tmp_path: Path) -> None:
    fresh = letter_files((LETTER,), "2026-11-25")
    first = letter_files((LETTER,), "2026-11-25", WordCache.at(tmp_path))
    kept = letter_files((LETTER,), "2026-11-25", WordCache.at(tmp_path))
    assert fresh == first == kept
    assert len(list(tmp_path.glob("*.docx"))) == 1
    # Another edition's date is printed in the document's properties: a new document.
    assert letter_files((LETTER,), "2027-01-01", WordCache.at(tmp_path))[DOCX] != fresh[DOCX]
    assert len(list(tmp_path.glob("*.docx"))) == 2


def test_a_cache_that_cannot_be_written_is_only_a_miss(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the cache would be")
    files = letter_files((LETTER,), "2026-11-25", WordCache.at(not_a_folder))
    assert files == letter_files((LETTER,), "2026-11-25")


def test_documents_no_build_has_used_for_a_while_are_removed(tmp_path: Path) -> None:
    earlier = WordCache.at(tmp_path)
    earlier.document(("old",), lambda: b"old")
    earlier.document(("kept",), lambda: b"kept")
    long_ago = time.time() - (KEEP_UNUSED_DAYS + 1) * 86400
    for entry in tmp_path.iterdir():
        os.utime(entry, (long_ago, long_ago))
    build = WordCache.at(tmp_path)
    build.document(("kept",), lambda: b"made again")
    build.forget_unused()
    assert [entry.read_bytes() for entry in tmp_path.iterdir()] == [b"kept"]
