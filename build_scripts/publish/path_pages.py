"""The guide's path pages made from their frames, after the engine has built the site and before the
pass over it (policy.py), which checks them as it checks every page.

Most path pages differ from another at the same depth only in the answers they list and where their
links lead (render/guide.py: PathPage). The engine builds one page of each kind, the frame; each of the
others is the frame read as a browser reads it (model/html5.py), with its own answers and the addresses
of its Back link, its answers and its next steps, written out again. Those elements are found by the
classes the guide's templates give them, which no engine changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..model.html5 import parse

if TYPE_CHECKING:  # see project.py
    from ..render.guide import PathPage

BACK = "a.hb-back"
CHOICES = "a.hb-choice"
NEXT_STEPS = "a.hb-next-step"
ANSWERS = "dl.hb-answers"


def make_path_pages(site: Path, pages: Sequence[PathPage]) -> list[str]:
    """Write each path page into the built `site` from its frame there; or, where a frame is not as its
    pages need, the problems, as `file: reason` lines."""
    frames: dict[str, list[PathPage]] = {}
    for page in pages:
        frames.setdefault(page.frame, []).append(page)
    problems = []
    for frame, made_from_it in frames.items():
        if not (site / frame).is_file():
            problems.append(f"{frame}: the engine did not build this page, the frame of {len(made_from_it)} path pages")
            continue
        tree = parse((site / frame).read_text(encoding="utf-8"))
        for page in made_from_it:
            reasons = _fill(tree, page)
            if reasons:
                problems += [f"{page.file}: {reason}" for reason in reasons]
                continue
            target = site / page.file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(tree.html or "", encoding="utf-8")
    return problems


def _fill(tree: LexborHTMLParser, page: PathPage) -> list[str]:
    """Set the frame's answers and links to those of `page`; why not, if the frame does not have them."""
    back = tree.css(BACK)
    choices = tree.css(CHOICES)
    next_steps = tree.css(NEXT_STEPS)
    answers = tree.css(ANSWERS)
    backs = [page.back] if page.back else []
    reasons = [
        f"its frame {page.frame} has {len(found)} {what}, not {len(wanted)}"
        for what, found, wanted in (
            (f"Back links ({BACK})", back, backs),
            (f"answers ({CHOICES})", choices, page.choices),
            (f"next steps ({NEXT_STEPS})", next_steps, page.next_steps),
            (f"lists of answers ({ANSWERS})", answers, [page.answers] if page.answers else []),
        )
        if len(found) != len(wanted)
    ]
    if reasons:
        return reasons
    for node, href in zip([*back, *choices, *next_steps], [*backs, *page.choices, *page.next_steps], strict=True):
        node.attrs["href"] = href
    if answers:
        replacement = _element(page.answers, ANSWERS)
        if replacement is None:
            return [f"its list of answers has no {ANSWERS}"]
        answers[0].replace_with(replacement)
    return []


def _element(html: str, selector: str) -> LexborNode | None:
    return parse(html).css_first(selector)
