"""publish/path_pages.py: a path page is its frame, as the engine built it, with its own answers and the
addresses of its own links; a frame that does not have what its pages need fails the build."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from build_scripts.model.html5 import parse
from build_scripts.publish.path_pages import make_path_pages
from build_scripts.render import guide
from build_scripts.render.guide import AnswersList, GivenAnswer, PathPage

FRAME = """<!doctype html><html><head><title>Q</title><link rel="stylesheet" href="../../assets/x.css">
</head><body><article><p><a class="hb-back" href="../">Back</a></p><h1>Is it so?</h1>
<ul class="hb-choices"><li><a class="hb-choice" href="yes/">Yes</a></li>
<li><a class="hb-choice" href="no/">No</a></li></ul>
<h2 id="your-answers">Your answers so far</h2>
<dl class="hb-answers"><div><dt>First?</dt><dd>A</dd>
<dd class="hb-answers__change"><a href="../">Change</a></dd></div></dl>
<p><a class="hb-start-again" href="../../">Start again</a></p></article></body></html>"""
ANSWERS = (GivenAnswer("First?", "B & C", "../"),)


def page(file: str, **changes: object) -> PathPage:
    values: dict[str, object] = {
        "file": file,
        "frame": "guide/start/a/index.html",
        "back": "../",
        "choices": ("yes/", "no/"),
        "next_steps": (),
        "answers": ANSWERS,
    }
    return PathPage(**{**values, **changes})  # type: ignore[arg-type]


def test_a_path_page_is_its_frame_with_its_own_answers_and_links(tmp_path: Path) -> None:
    (tmp_path / "guide/start/a").mkdir(parents=True)
    (tmp_path / "guide/start/a/index.html").write_text(FRAME, encoding="utf-8")
    pages = [page("guide/start/b/index.html", choices=("b-yes/", "b-no/")), page("guide/start/a/index.html")]
    assert make_path_pages(tmp_path, pages) == []
    made = parse((tmp_path / "guide/start/b/index.html").read_text(encoding="utf-8"))
    assert [a.attributes["href"] for a in made.css("a.hb-choice")] == ["b-yes/", "b-no/"]
    assert [dd.text() for dd in made.css("dl.hb-answers dd:not(.hb-answers__change)")] == ["B & C"]
    # All else is the frame's: its head, its words, its other links.
    assert made.css_first("link").attributes["href"] == "../../assets/x.css"
    assert made.css_first("a.hb-start-again").attributes["href"] == "../../"
    frame = parse((tmp_path / "guide/start/a/index.html").read_text(encoding="utf-8"))
    assert [a.attributes["href"] for a in frame.css("a.hb-choice")] == ["yes/", "no/"]


def test_a_frame_without_what_its_pages_need_is_a_problem_for_each_page(tmp_path: Path) -> None:
    (tmp_path / "guide/start/a").mkdir(parents=True)
    (tmp_path / "guide/start/a/index.html").write_text(FRAME, encoding="utf-8")
    problems = make_path_pages(
        tmp_path,
        [
            page("guide/start/b/index.html", choices=("only/",)),
            page("guide/start/c/index.html", back="", next_steps=("x/",)),
            page("guide/start/d/index.html", frame="guide/start/z/index.html"),
        ],
    )
    assert problems == [
        "guide/start/b/index.html: its frame guide/start/a/index.html has 2 answers (a.hb-choice), not 1",
        "guide/start/c/index.html: its frame guide/start/a/index.html has 1 Back links (a.hb-back), not 0",
        "guide/start/c/index.html: its frame guide/start/a/index.html has 0 next steps (a.hb-next-step), not 1",
        "guide/start/z/index.html: the engine did not build this page, the frame of 1 path pages",
    ]
    assert not (tmp_path / "guide/start/b/index.html").exists()


def test_what_a_page_adds_to_its_frame_is_checked_as_content_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its answers are listed by the guide's template, which escapes them; and were that template ever to
    list markup that content may not hold, or a link to leave the site, the page fails the build."""
    (tmp_path / "guide/start/a").mkdir(parents=True)
    (tmp_path / "guide/start/a/index.html").write_text(FRAME, encoding="utf-8")
    script = '<script src="x.js"></script>'
    escaped = page("guide/start/e/index.html", answers=(GivenAnswer("First?", f"B{script}", "../"),))
    assert make_path_pages(tmp_path, [escaped]) == []
    made = parse((tmp_path / "guide/start/e/index.html").read_text(encoding="utf-8"))
    assert not made.css("script") and script in made.css_first("dl.hb-answers").text()

    class Hostile(AnswersList):
        def __call__(self, answers: Sequence[GivenAnswer]) -> str:
            return f'<dl class="hb-answers"><div><dt>First?</dt><dd>B{script}</dd></div></dl>'

    monkeypatch.setattr(guide, "AnswersList", Hostile)
    problems = make_path_pages(
        tmp_path,
        [page("guide/start/b/index.html"), page("guide/start/c/index.html", back="https://evil.example/")],
    )
    assert [problem.split(": ", 1)[0] for problem in problems] == [
        "guide/start/b/index.html",
        "guide/start/c/index.html",
    ]
    assert "<script>" in problems[0] and "evil.example" in problems[1]
    assert not (tmp_path / "guide/start/b/index.html").exists() and not (tmp_path / "guide/start/c/index.html").exists()
