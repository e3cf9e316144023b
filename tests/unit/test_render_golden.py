"""Rendering goldens: the minimal handbook's generated pages, compared with committed files.

When a change to the templates is deliberate, regenerate the goldens and review the diff:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_render_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_scripts.pipeline import check, generated_pages
from tests.support.project import FIXTURES

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "minimal"


def rendered() -> dict[str, str]:
    checked = check(FIXTURES / "minimal")
    assert checked.handbook is not None and checked.problems == ()
    return generated_pages(checked.handbook)


@pytest.mark.parametrize("page", sorted(rendered()))
def test_page_matches_golden(page: str) -> None:
    content = rendered()[page]
    golden = GOLDEN / page
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(content, encoding="utf-8")
    assert golden.is_file(), f"no golden for {page}: run with UPDATE_GOLDEN=1 and review it"
    assert content == golden.read_text(encoding="utf-8")


def test_every_golden_is_still_rendered() -> None:
    goldens = {path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*.md")}
    assert goldens == set(rendered())


def test_markup_in_source_text_cannot_reach_the_page() -> None:
    page = rendered()["compact/principles.md"]
    assert "treating partners &lt;fairly&gt; &amp; openly." not in page  # escaped once, not twice
    assert "treating partners &lt;fairly> &amp; openly." in page
    assert "<fairly>" not in page
