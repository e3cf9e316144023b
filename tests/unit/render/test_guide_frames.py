"""Most of the guide's path pages are made after the engine from another path page, their frame
(render/guide.py, publish/path_pages.py), which differs from them only in the answers it lists and
where its links lead. Checked on every path of the real guide: rendered from its frame's content with
its own answers and links, each page is exactly the page its path renders on its own."""

from __future__ import annotations

import pytest

from build_scripts.model.addresses import html_file
from build_scripts.model.guide import Guide
from build_scripts.model.guide_paths import unfold
from build_scripts.pipeline import check
from build_scripts.render.contacts import published_contacts
from build_scripts.render.guide import PATH_SPECIFIC, GuidePages, _environment, _path_context, guide_files
from tests.support.project import CONTENT

SET_AFTER = PATH_SPECIFIC - {"here"}
"""What publish/path_pages.py sets on a frame: not its address, from which its other links are made."""


@pytest.fixture(scope="module")
def guide_and_pages() -> tuple[Guide, object, GuidePages]:
    checked = check(CONTENT)
    handbook = checked.handbook
    assert handbook is not None and handbook.guide is not None and handbook.contacts is not None
    contacts = published_contacts(handbook.contacts, handbook.register)
    return handbook.guide, contacts, guide_files(handbook.guide, contacts, "2026-01-01", frames_only=True)


def test_every_path_page_is_its_frame_with_its_own_answers_and_links(
    guide_and_pages: tuple[Guide, object, GuidePages],
) -> None:
    guide, contacts, made = guide_and_pages
    paths = {html_file(path.page): path for path in unfold(guide)}
    template = _environment().get_template("guide_step.md.j2")
    assert sorted(page.file for page in made.path_pages) == sorted(paths)
    for page in made.path_pages:
        own = _path_context(guide, contacts, paths[page.file])  # type: ignore[arg-type]
        frame = _path_context(guide, contacts, paths[page.frame])  # type: ignore[arg-type]
        from_frame = template.render(**{**frame, **{name: own[name] for name in SET_AFTER}})
        assert from_frame == template.render(**own), f"{page.file} is not {page.frame} with its own answers and links"
        assert page.back == own["back_href"]
        assert list(page.choices) == [link.href for link in own["choices"]]  # type: ignore[attr-defined]
        assert list(page.next_steps) == [link.href for link in own["next_links"]]  # type: ignore[attr-defined]
        assert list(page.answers) == own["answers"]


def test_only_the_frames_are_rendered_for_the_engine_and_they_are_fewer(
    guide_and_pages: tuple[Guide, object, GuidePages],
) -> None:
    guide, _, made = guide_and_pages
    frames = {page.frame for page in made.path_pages}
    rendered = {html_file(path) for path in made.files if path.startswith("guide/start/")}
    assert rendered == frames
    assert len(frames) < len(made.path_pages) / 2


def test_a_frame_lists_no_answers_so_that_editing_a_question_changes_only_the_frames_asking_it(
    guide_and_pages: tuple[Guide, object, GuidePages],
) -> None:
    _, _, made = guide_and_pages
    answered = {page.frame for page in made.path_pages if page.answers}
    assert answered
    for path, text in made.files.items():
        if html_file(path) in answered:
            assert isinstance(text, str) and '<dl class="hb-answers">\n</dl>' in text, f"{path} lists answers"
