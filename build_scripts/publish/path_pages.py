"""The guide's path pages made from their frames, after the engine has built the site and the pass over
it (policy.py) has checked and secured every page it built, frames included.

Most path pages differ from another at the same depth only in the answers they list and where their
links lead (render/guide.py: PathPage). The engine builds one page of each kind, the frame; each of the
others is the secured frame, read as a browser reads it (model/html5.py), with its own answers and the
addresses of its Back link, its answers and its next steps, written out again. Those elements are found
by the classes the guide's templates give them, which no engine changes. What is new in a page is
checked as the pass checks a page's content: its list of answers is cut to what content may hold (and
anything cut fails the build), and every address set is a relative one of the site.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import TemplateError
from selectolax.lexbor import LexborHTMLParser

from ..model.html5 import parse, sanitise
from ..model.urls import leaves_site
from ..render.processes import on_every_core

if TYPE_CHECKING:  # see project.py
    from ..render.guide import GivenAnswer, PathPage

BACK = "a.hb-back"
CHOICES = "a.hb-choice"
NEXT_STEPS = "a.hb-next-step"
ANSWERS = "dl.hb-answers"
_FRAMES_PER_TASK = 8
"""Frames handed to a worker at a time: a frame's pages take a few milliseconds each."""


def make_path_pages(site: Path, pages: Sequence[PathPage]) -> list[str]:
    """Write each path page into the built `site` from its frame there, on every core; or, where a
    frame is not as its pages need, or a page's answers or links are not what content may hold, the
    problems, as `file: reason` lines."""
    frames: dict[str, list[PathPage]] = {}
    for page in pages:
        frames.setdefault(page.frame, []).append(page)
    tasks = [(site, frame, tuple(made_from_it)) for frame, made_from_it in frames.items()]
    return [problem for problems in on_every_core(_from_frame, tasks, _FRAMES_PER_TASK) for problem in problems]


def _from_frame(site: Path, frame: str, pages: tuple[PathPage, ...]) -> list[str]:
    """Write the pages made from one frame; the problems."""
    if not (site / frame).is_file():
        return [f"{frame}: the engine did not build this page, the frame of {len(pages)} path pages"]
    found = _Frame(parse((site / frame).read_text(encoding="utf-8")))
    listed = _answers_list()
    problems = []
    for page in pages:
        reasons = found.fill(page, listed(page.answers))
        if reasons:
            problems += [f"{page.file}: {reason}" for reason in reasons]
            continue
        target = site / page.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(found.tree.html or "", encoding="utf-8")
    return problems


def path_page(site: Path, page: PathPage) -> tuple[str, list[str]]:
    """One path page made from its frame in the built `site`: its HTML, or why it cannot be made (the
    preview makes each page when it is asked for)."""
    if not (site / page.frame).is_file():
        return "", [f"{page.frame}: the engine did not build this page, the frame of {page.file}"]
    tree = parse((site / page.frame).read_text(encoding="utf-8"))
    try:
        answers = _answers_list()(page.answers)
    except TemplateError as error:  # the template, edited while the preview runs: shown, not a crash
        return "", [f"{page.file}: its list of answers could not be made: {error}"]
    reasons = _Frame(tree).fill(page, answers)
    return ("", [f"{page.file}: {reason}" for reason in reasons]) if reasons else (tree.html or "", [])


def _answers_list() -> Callable[[Sequence[GivenAnswer]], str]:
    """How a page's answers are listed (imported when first needed: see project.py)."""
    from ..render.guide import AnswersList

    return AnswersList()


class _Frame:
    """The elements of a frame that its pages set, found once."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree
        self.back = tree.css(BACK)
        self.choices = tree.css(CHOICES)
        self.next_steps = tree.css(NEXT_STEPS)
        self.answers = tree.css(ANSWERS)

    def fill(self, page: PathPage, answers: str) -> list[str]:
        """Set the frame's answers and links to those of `page`, whose list of answers is `answers` (HTML,
        or "" where it has none); why not, if it cannot."""
        backs = [page.back] if page.back else []
        reasons = [
            f"its frame {page.frame} has {len(found)} {what}, not {len(wanted)}"
            for what, found, wanted in (
                (f"Back links ({BACK})", self.back, backs),
                (f"answers ({CHOICES})", self.choices, page.choices),
                (f"next steps ({NEXT_STEPS})", self.next_steps, page.next_steps),
                (f"lists of answers ({ANSWERS})", self.answers, [answers] if answers else []),
            )
            if len(found) != len(wanted)
        ]
        hrefs = [*backs, *page.choices, *page.next_steps]
        reasons += [f'a link to "{href}", which is not an address of the site' for href in hrefs if leaves_site(href)]
        if reasons:
            return reasons
        for node, href in zip([*self.back, *self.choices, *self.next_steps], hrefs, strict=True):
            node.attrs["href"] = href
        if self.answers:
            replacement = parse(answers).css_first(ANSWERS)
            if replacement is None:
                return [f"its list of answers has no {ANSWERS}"]
            removed = sanitise(replacement)
            if removed:
                return [f"its list of answers held {thing}, which no source may make" for thing in removed]
            self.answers[0].replace_with(replacement)
            self.answers = self.tree.css(ANSWERS)
        return []
