"""Rendering goldens: the minimal handbook's generated pages (tests/fixtures/minimal), compared with
committed files. The real handbook's pages are never goldens: an editor's change to the content must
not fail a test (its pages are tested against its sources in tests/e2e and tests/unit/render).
When a change to the rendering is deliberate, regenerate the goldens and review the diff:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/render/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_scripts.pipeline import check, generated_files
from tests.support.project import FIXTURES, GOLDEN

MINIMAL_GOLDEN = GOLDEN / "minimal"


def rendered() -> dict[str, str]:
    """Every text file made from the minimal handbook (the images are drawn, not written: see test_images)."""
    checked = check(FIXTURES / "minimal")
    assert checked.handbook is not None and checked.problems == ()
    files = generated_files(checked.handbook, "https://compact.example.org/", still_needed=checked.still_needed)
    return {path: text for path, text in files.items() if isinstance(text, str) and not path.startswith("schemas/")}


def assert_golden(golden: Path, content: str) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(content, encoding="utf-8")
    assert golden.is_file(), f"no golden {golden}: run with UPDATE_GOLDEN=1 and review it"
    assert content == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", sorted(rendered()))
def test_page_matches_golden(page: str) -> None:
    assert_golden(MINIMAL_GOLDEN / page, rendered()[page])


def test_every_golden_is_still_rendered() -> None:
    goldens = {path.relative_to(MINIMAL_GOLDEN).as_posix() for path in MINIMAL_GOLDEN.rglob("*") if path.is_file()}
    assert goldens == set(rendered())


def test_markup_in_source_text_cannot_reach_the_page() -> None:
    page = rendered()["compact/principles.md"]
    assert "treating partners fairly &amp;amp; openly" not in page  # escaped once, not twice
    assert "treating partners fairly &amp; openly, as 1 &lt; 2." in page
