"""The templates are kept compiled between runs (Jinja's bytecode cache), as a speed-up only: a page
is the same from a kept template as from a fresh one, and a folder that cannot be written is a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.render import environment
from build_scripts.render.environment import markdown_environment

ANSWERS = "_guide_answers.html.j2"


def test_a_kept_template_makes_the_same_page_as_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(environment, "COMPILED", tmp_path)
    fresh = markdown_environment().get_template(ANSWERS).render(answers=[])
    assert list((tmp_path / "markdown").iterdir()), "the compiled template was not kept"
    kept = markdown_environment().get_template(ANSWERS).render(answers=[])
    assert kept == fresh


def test_a_folder_that_cannot_be_written_is_only_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_folder = tmp_path / "compiled"
    not_a_folder.write_text("a file where the folder would be")
    monkeypatch.setattr(environment, "COMPILED", not_a_folder)
    assert '<dl class="hb-answers">' in markdown_environment().get_template(ANSWERS).render(answers=[])
