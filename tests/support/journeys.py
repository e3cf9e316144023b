"""Journeys through the guide, in the shape of GOV.UK Smart Answers' flow tests: the answers a journey
gives, by their slugs, and the path they take. A question an editor adds later is answered on the way
with its first choice, the journey's next answer or another choice, whichever first lets the journey
go on: a journey states what the Compact's process does, whatever else the guide asks."""

from __future__ import annotations

from build_scripts.model.guide import Guide, Question
from build_scripts.model.guide_paths import GuidePath, follow

JOURNEY_QUESTIONS = frozenset(
    {
        "your-role", "between-whom", "in-darlington", "maladministration", "which-route", "evolution-a-party",
        "champions-tried", "raised-in-writing", "after-writing", "panel-referred", "after-referral",
        "panel-outcome", "how-was-it-raised", "which-ombudsman",
    }
)  # fmt: skip
"""The questions the journeys answer (ids are never changed once published)."""


def walk(guide: Guide, answers: tuple[str, ...], start: tuple[str, ...] = ()) -> GuidePath | None:
    """The path the answers take from the page of `start`. A question added since the journeys were
    written is answered on the way with its first choice, or else the journey's next answer, or else
    another of its choices: the first that lets the journey go on."""

    def go(slugs: tuple[str, ...], given: tuple[str, ...]) -> GuidePath | None:
        path = follow(guide, slugs)
        if path is None or not isinstance(path.step, Question):
            return None if path is None or given else path
        if path.step.id in JOURNEY_QUESTIONS:
            return go((*slugs, given[0]), given[1:]) if given else path
        first, *others = [(c.slug, given) for c in path.step.choices]
        tries = [first, *([(given[0], given[1:])] if given and path.step.choice(given[0]) else []), *others]
        return next((found for slug, left in tries if (found := go((*slugs, slug), left)) is not None), None)

    return go(start, answers)


def journey(guide: Guide, answers: dict[str, str]) -> GuidePath | None:
    """The first path (depth first) that gives these answers, by question id, and ends at an outcome:
    any question it does not name is answered with the first of its choices that gets there."""

    def go(slugs: tuple[str, ...]) -> GuidePath | None:
        path = follow(guide, slugs)
        if path is None or not isinstance(path.step, Question):
            return path if path is not None and answers.items() <= path.answered.items() else None
        question = path.step
        options = [answers[question.id]] if question.id in answers else [c.slug for c in question.choices]
        return next((found for slug in options if (found := go((*slugs, slug))) is not None), None)

    return go(())
