"""The templates are kept compiled between runs (Jinja's bytecode cache), as a speed-up only: a page
is the same from a kept template as from a fresh one; what is kept belongs to one state of the build's
code, and a folder that cannot be written is a miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.render import environment
from build_scripts.render.environment import markdown_environment

ANSWERS = "_guide_answers.html.j2"
GIVEN = [{"question": "Has the body signed the Compact?", "answer": "Yes", "change": "../"}]


def test_a_kept_template_makes_the_same_page_as_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(environment, "COMPILED", tmp_path)
    fresh = markdown_environment().get_template(ANSWERS).render(answers=GIVEN)
    kept_in = environment.compiled_folder(autoescape=False)
    assert kept_in.parent == tmp_path / "markdown"
    assert list(kept_in.iterdir()), "the compiled template was not kept"
    kept = markdown_environment().get_template(ANSWERS).render(answers=GIVEN)
    assert kept == fresh
    assert "Has the body signed the Compact?" in kept


def test_what_other_code_compiled_is_removed_when_this_code_first_keeps_a_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(environment, "COMPILED", tmp_path)
    other = tmp_path / "markdown" / "compiled-by-other-code"
    other.mkdir(parents=True)
    (other / "__jinja2_x.cache").write_bytes(b"stale")
    markdown_environment().get_template(ANSWERS).render(answers=GIVEN)
    assert list((tmp_path / "markdown").iterdir()) == [environment.compiled_folder(autoescape=False)]


def test_a_folder_that_cannot_be_written_is_only_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_folder = tmp_path / "compiled"
    not_a_folder.write_text("a file where the folder would be")
    monkeypatch.setattr(environment, "COMPILED", not_a_folder)
    assert "Has the body signed" in markdown_environment().get_template(ANSWERS).render(answers=GIVEN)
