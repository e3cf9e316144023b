"""Rendering goldens: the minimal handbook's generated pages, compared with committed files.

A few outcome pages of the real guide are kept as goldens too, so that a change to their wording is
seen in review. When a change is deliberate, regenerate the goldens and review the diff:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/render/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_scripts.model.addresses import step_page
from build_scripts.model.guide_paths import follow
from build_scripts.pipeline import check, generated_files
from tests.support.project import FIXTURES, GOLDEN, ROOT

MINIMAL_GOLDEN = GOLDEN / "minimal"
HANDBOOK_GOLDEN = GOLDEN / "handbook"
# Pages of the real guide whose wording matters most, besides where the worked examples end: the
# honest Stage 3, and what to do when the other organisation goes silent.
HANDBOOK_STEPS = ("national-arbitration", "no-reply")


def handbook_pages() -> list[str]:
    """Where the two worked examples end (taken from guide/examples.yml), and the steps above."""
    checked = check(ROOT)
    assert checked.handbook is not None and checked.handbook.guide is not None
    guide = checked.handbook.guide
    ends = [follow(guide, tuple(a.answer for a in example.answers)) for example in guide.examples]
    return [path.page for path in ends if path is not None] + [step_page(step) for step in HANDBOOK_STEPS]


def rendered() -> dict[str, str]:
    """Every text file made from the minimal handbook (the images are drawn, not written: see test_images)."""
    checked = check(FIXTURES / "minimal")
    assert checked.handbook is not None and checked.problems == ()
    files = generated_files(checked.handbook, "https://compact.example.org/")
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


@pytest.mark.parametrize("page", handbook_pages())
def test_an_outcome_of_the_real_guide_matches_golden(page: str) -> None:
    checked = check(ROOT)
    assert checked.handbook is not None and checked.problems == ()
    assert_golden(HANDBOOK_GOLDEN / page, generated_files(checked.handbook)[page])


def test_every_golden_is_still_rendered() -> None:
    goldens = {path.relative_to(MINIMAL_GOLDEN).as_posix() for path in MINIMAL_GOLDEN.rglob("*") if path.is_file()}
    assert goldens == set(rendered())


def test_markup_in_source_text_cannot_reach_the_page() -> None:
    page = rendered()["compact/principles.md"]
    assert "treating partners fairly &amp;amp; openly" not in page  # escaped once, not twice
    assert "treating partners fairly &amp; openly, as 1 &lt; 2." in page
