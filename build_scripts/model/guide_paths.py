"""Unfolding the guide's graph into paths: one static page for every way of reaching every step.

With no server, "your answers so far" and "Back" can only be known if each path has its own page.
The number of pages grows with the branches of the guide, so it is counted before anything is
unfolded, and a guide that would need more than PAGE_LIMIT pages is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .guide import Choice, Guide, Question, Step

PAGE_LIMIT = 5000
"""The most path pages a guide may unfold into; documented in README.md."""
START_DIR = "guide/start"


@dataclass(frozen=True)
class Answer:
    question: Question
    choice: Choice


@dataclass(frozen=True)
class GuidePath:
    """The answers given so far, and the step they lead to."""

    answers: tuple[Answer, ...]
    step: Step

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(answer.choice.slug for answer in self.answers)

    @property
    def page(self) -> str:
        return path_page(self.slugs)


def path_page(slugs: tuple[str, ...]) -> str:
    """The path page of some answers, docs-relative: guide/start/raising/public-and-third/index.md."""
    return "/".join((START_DIR, *slugs, "index.md"))


def next_steps(guide: Guide, step: Step) -> list[tuple[Choice, Step]]:
    """Each choice of a question with the step it leads to; choices that lead nowhere are left out."""
    if not isinstance(step, Question):
        return []
    found = [(choice, guide.step(choice.next.id)) for choice in step.choices]
    return [(choice, target) for choice, target in found if target is not None]


def reachable(guide: Guide) -> set[str]:
    """The ids of every step some path from the start reaches."""
    start = guide.step(guide.start.id)
    seen: set[str] = set()
    todo = [start] if start else []
    while todo:
        step = todo.pop()
        if step.id in seen:
            continue
        seen.add(step.id)
        todo.extend(target for _, target in next_steps(guide, step))
    return seen


def cycles(guide: Guide) -> list[list[str]]:
    """Every loop in the guide, each as the ids along it, first id repeated at the end; one per loop."""
    found: list[list[str]] = []
    seen_loops: set[frozenset[str]] = set()
    done: set[str] = set()

    def visit(step: Step, trail: list[str]) -> None:
        if step.id in trail:
            loop = trail[trail.index(step.id) :] + [step.id]
            if frozenset(loop) not in seen_loops:
                seen_loops.add(frozenset(loop))
                found.append(loop)
            return
        if step.id in done:
            return
        for _, target in next_steps(guide, step):
            visit(target, [*trail, step.id])
        done.add(step.id)

    for step in guide.steps:
        visit(step, [])
    return found


def count_pages(guide: Guide) -> int:
    """How many path pages the guide unfolds into, counted without unfolding; the guide must have no loop."""

    @cache
    def pages_from(step_id: str) -> int:
        step = guide.step(step_id)
        if step is None:
            return 0
        return 1 + sum(pages_from(target.id) for _, target in next_steps(guide, step))

    return pages_from(guide.start.id)


def unfold(guide: Guide) -> list[GuidePath]:
    """Every path from the start, depth first in the order the choices are written.

    Call only on a checked guide: no loops, and no more than PAGE_LIMIT pages.
    """
    start = guide.step(guide.start.id)
    if start is None:
        return []
    paths: list[GuidePath] = []
    todo = [GuidePath((), start)]
    while todo:
        path = todo.pop()
        paths.append(path)
        if isinstance(path.step, Question):
            question = path.step
            todo.extend(
                GuidePath((*path.answers, Answer(question, choice)), target)
                for choice, target in reversed(next_steps(guide, question))
            )
    return paths


def follow(guide: Guide, slugs: tuple[str, ...]) -> GuidePath | None:
    """The path that the answers `slugs` take from the start, or None if they are not a path."""
    step = guide.step(guide.start.id)
    answers: list[Answer] = []
    for slug in slugs:
        if not isinstance(step, Question):
            return None
        choice = step.choice(slug)
        if choice is None:
            return None
        answers.append(Answer(step, choice))
        step = guide.step(choice.next.id)
    return GuidePath(tuple(answers), step) if step is not None else None
