"""Unfolding the guide's graph into paths: one static page for every way of reaching every step.

With no server, "your answers so far" and "Back" can only be known if each path has its own page.
The number of pages grows with the branches of the guide, so it is counted before anything is
unfolded, and a guide that would need more than PAGE_LIMIT pages is refused.

Routes are forks the reader does not see: where one goes depends on an answer given earlier on the
path. So what a path has answered to the questions routes read (its "state") is carried along, and
two paths to one step with different states lead on differently.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property

from .guide import Choice, Continuation, Guide, Node, Outcome, Question, Route, Stage, Step

PAGE_LIMIT = 10_000
"""The most path pages a guide may unfold into; documented in README.md. Most path pages are copies of
a frame, made after the engine at about a millisecond each (render/guide.py), so the limit bounds the
build at about half a minute rather than the site engine's cost of a page each."""
START_DIR = "guide/start"
ROUTE_HOPS = 20
"""More routes than this in a row can only be a loop of routes, which the loop check reports."""

State = tuple[tuple[str, str], ...]
"""The answers a path has given to the questions that routes read, as (question id, slug)."""


@dataclass(frozen=True)
class Answer:
    question: Step
    """A question, or an outcome that the reader went on from by one of its next steps."""
    choice: Choice


@dataclass(frozen=True)
class GuidePath:
    """The answers given so far, and the step they lead to."""

    answers: tuple[Answer, ...]
    step: Step

    # Kept once worked out (fields are never set again): the render and the check ask each path for
    # them tens of thousands of times.
    @cached_property
    def slugs(self) -> tuple[str, ...]:
        return tuple(answer.choice.slug for answer in self.answers)

    @cached_property
    def page(self) -> str:
        return path_page(self.slugs)

    def answer_to(self, question_id: str) -> str | None:
        return next((a.choice.slug for a in self.answers if a.question.id == question_id), None)

    @property
    def answered(self) -> dict[str, str]:
        """Every answer of the path, by the id of the step it answers."""
        return {a.question.id: a.choice.slug for a in self.answers}


@dataclass(frozen=True)
class DeadEnd:
    """A route that a path reaches with no branch for its answer, and no "otherwise"."""

    route: Route
    question: Step
    """The question (or the outcome, going on) whose choice leads there."""
    choice: Choice
    answer: str | None
    """What the path answered to the question the route reads; None if it was not asked."""


def path_page(slugs: tuple[str, ...]) -> str:
    """The path page of some answers, docs-relative: guide/start/raising/public-and-third/index.md."""
    return "/".join((START_DIR, *slugs, "index.md"))


def through_routes(guide: Guide, node_id: str, answers: dict[str, str]) -> Node | None:
    """The node `node_id` leads to, following routes by `answers`: a step, a route that cannot go
    on (a dead end), or None where an id names nothing."""
    node = guide.node(node_id)
    for _ in range(ROUTE_HOPS):
        if not isinstance(node, Route):
            return node
        target = node.target(answers.get(node.on.id))
        if target is None:
            return node
        node = guide.node(target.id)
    return node


def onward_choice(following: Continuation) -> Choice | None:
    """A next step that goes on from its outcome, as the answer the outcome is given on the path."""
    if following.next is None:
        return None
    return Choice(following.label, following.slug, following.next, "", following.source)


def choices_of(step: Step) -> tuple[Choice, ...]:
    """What a step may be answered with: a question's choices; an outcome's next steps that go on from it."""
    if isinstance(step, Question):
        return step.choices
    return tuple(choice for following in step.if_not_resolved if (choice := onward_choice(following)) is not None)


def edges(guide: Guide, node: Node) -> list[Node]:
    """Every node a node may lead to, whatever was answered before: for loops."""
    if isinstance(node, Route):
        targets = [branch.next.id for branch in node.branches] + ([node.otherwise.id] if node.otherwise else [])
    else:
        targets = [choice.next.id for choice in choices_of(node)]
    return [found for target in targets if (found := guide.node(target)) is not None]


def read_by_routes(guide: Guide) -> frozenset[str]:
    return frozenset(route.on.id for route in guide.routes)


def moves(guide: Guide, question: Step, state: State) -> list[tuple[Choice, Node, State]]:
    """Each choice of a step (a question's, or an outcome's that goes on), the node it leads to on a
    path in `state`, and the new state.

    Choices that lead to an id that names nothing are left out (the reference check reports them).
    """
    found = []
    read = question.id in read_by_routes(guide)
    for choice in choices_of(question):
        after = (*state, (question.id, choice.slug)) if read else state
        target = through_routes(guide, choice.next.id, dict(after))
        if target is not None:
            found.append((choice, target, after))
    return found


def next_steps(guide: Guide, path: GuidePath) -> list[tuple[Choice, Step]]:
    """Each choice on the page of `path` (of a question, or an outcome's going on), with the step it leads to there."""
    state = _state(guide, path)
    return [(choice, target) for choice, target, _ in moves(guide, path.step, state) if not isinstance(target, Route)]


def _state(guide: Guide, path: GuidePath) -> State:
    read = read_by_routes(guide)
    return tuple((a.question.id, a.choice.slug) for a in path.answers if a.question.id in read)


def _walk(guide: Guide) -> Iterator[tuple[Step, State, Choice, Node]]:
    """Every move of every (step, state) reachable from the start, each once; the guide must have no loop."""
    start = guide.step(guide.start.id)
    seen: set[tuple[str, State]] = set()
    todo: list[tuple[Step, State]] = [(start, ())] if isinstance(start, Question) else []
    while todo:
        question, state = todo.pop()
        if (question.id, state) in seen:
            continue
        seen.add((question.id, state))
        for choice, target, after in moves(guide, question, state):
            yield question, state, choice, target
            if not isinstance(target, Route):
                todo.append((target, after))


def reachable(guide: Guide) -> set[str]:
    """The ids of every step some path from the start reaches; the guide must have no loop."""
    reached = {guide.start.id}
    reached |= {target.id for _, _, _, target in _walk(guide) if not isinstance(target, Route)}
    return reached


def dead_ends(guide: Guide) -> list[DeadEnd]:
    """Where a path reaches a route that has no branch for it: the reader could not go on."""
    found: dict[tuple[str, str, str], DeadEnd] = {}
    for question, state, choice, target in _walk(guide):
        if isinstance(target, Route):
            answer = dict((*state, (question.id, choice.slug))).get(target.on.id)
            found.setdefault((target.id, question.id, choice.slug), DeadEnd(target, question, choice, answer))
    return list(found.values())


def cycles(guide: Guide) -> list[list[str]]:
    """Every loop in the guide, each as the ids along it, first id repeated at the end; one per loop."""
    found: list[list[str]] = []
    seen_loops: set[frozenset[str]] = set()
    done: set[str] = set()

    def visit(node: Node, trail: list[str]) -> None:
        if node.id in trail:
            loop = trail[trail.index(node.id) :] + [node.id]
            if frozenset(loop) not in seen_loops:
                seen_loops.add(frozenset(loop))
                found.append(loop)
            return
        if node.id in done:
            return
        for target in edges(guide, node):
            visit(target, [*trail, node.id])
        done.add(node.id)

    for node in guide.nodes:
        visit(node, [])
    return found


def count_pages(guide: Guide) -> int:
    """How many path pages the guide unfolds into, counted without unfolding; the guide must have no loop."""

    @cache
    def pages_from(step_id: str, state: State) -> int:
        step = guide.step(step_id)
        if step is None:
            return 0
        return 1 + sum(
            pages_from(target.id, after)
            for _, target, after in moves(guide, step, state)
            if not isinstance(target, Route)
        )

    return pages_from(guide.start.id, ())


def unfold(guide: Guide) -> list[GuidePath]:
    """Every path from the start, depth first in the order the choices are written.

    Call only on a checked guide: no loops, no dead ends, and no more than PAGE_LIMIT pages.
    """
    start = guide.step(guide.start.id)
    if start is None:
        return []
    paths: list[GuidePath] = []
    todo = [GuidePath((), start)]
    while todo:
        path = todo.pop()
        paths.append(path)
        todo.extend(
            GuidePath((*path.answers, Answer(path.step, choice)), target)
            for choice, target in reversed(next_steps(guide, path))
        )
    return paths


def follow(guide: Guide, slugs: tuple[str, ...]) -> GuidePath | None:
    """The path that the answers `slugs` take from the start, or None if they are not a path."""
    step = guide.step(guide.start.id)
    if step is None:
        return None
    path = GuidePath((), step)
    for slug in slugs:
        found = next(((choice, target) for choice, target in next_steps(guide, path) if choice.slug == slug), None)
        if found is None:
            return None
        path = GuidePath((*path.answers, Answer(path.step, found[0])), found[1])
    return path


def continuations(
    guide: Guide, path: GuidePath, paths: Mapping[tuple[str, ...], GuidePath] | None = None
) -> list[tuple[Continuation, GuidePath | None]]:
    """Where each "if this does not work" of the outcome of `path` leads: one that goes on adds its
    answer to the path's; one that settles an answer anew keeps the answers before its question
    and gives its answers from there. None where that is not a path, or the path never answered
    the question. `paths` are the guide's paths by their answers, where the caller has them all
    (`unfold`): each is then looked up, not followed again from the start."""
    if not isinstance(path.step, Outcome):
        return []

    def lead(slugs: tuple[str, ...]) -> GuidePath | None:
        return paths.get(slugs) if paths is not None else follow(guide, slugs)

    found: list[tuple[Continuation, GuidePath | None]] = []
    for following in path.step.if_not_resolved:
        if following.goes_on:
            found.append((following, lead((*path.slugs, following.slug))))
            continue
        asked = [i for i, a in enumerate(path.answers) if following.question and a.question.id == following.question.id]
        found.append((following, lead((*path.slugs[: asked[0]], *following.answers)) if asked else None))
    return found


def stage_of(guide: Guide, path: GuidePath) -> Stage | None:
    """The stage a path has reached: the furthest of the stages of its steps, so that a path never goes
    back a stage (Stage 3 going on to a public body's Complaints Procedure stays at Stage 3)."""
    order = [stage.id for stage in guide.stages]
    steps = [*(a.question for a in path.answers), path.step]
    reached = [order.index(step.stage) for step in steps if step.stage in order]
    return guide.stages[max(reached)] if reached else guide.stage(path.step.stage)


def canonical_targets(guide: Guide, node_id: str, known: dict[str, str] | None = None) -> list[tuple[str, Step]]:
    """The steps a node may lead to when only `known` has been answered (a step's own page): a step
    leads to itself; a route that reads a known answer to where that answer takes it; any other
    route to each of its branches, each with the condition that takes it
    ('if you answered “Yes” to “Is eVOLution (Darlington CVS) one of the organisations in dispute?”')."""
    known = known or {}
    node = guide.node(node_id)
    if node is None:
        return []
    if not isinstance(node, Route):
        return [("", node)]
    if node.on.id in known:
        target = node.target(known[node.on.id])
        return canonical_targets(guide, target.id, known) if target else []
    found = []
    for branch in node.branches:
        condition = f"if {answered_words(guide, node.on.id, (branch.answer,))}"
        found += [(_both(condition, more), step) for more, step in canonical_targets(guide, branch.next.id, known)]
    if node.otherwise is not None:
        condition = f"unless {answered_words(guide, node.on.id, tuple(b.answer for b in node.branches))}"
        found += [(_both(condition, more), step) for more, step in canonical_targets(guide, node.otherwise.id, known)]
    return found


def answered_words(guide: Guide, question_id: str, slugs: tuple[str, ...]) -> str:
    """'you answered “Yes” or “I do not know” to “Has the other organisation signed the Compact?”'."""
    question = guide.step(question_id)
    asked = question.question if isinstance(question, Question) else question_id
    labels = [choice.label if (choice := _choice(question, slug)) else slug for slug in slugs]
    return f"you answered {' or '.join(f'“{label}”' for label in labels)} to “{asked}”"


def _choice(question: Step | None, slug: str) -> Choice | None:
    return question.choice(slug) if isinstance(question, Question) else None


def canonical_follow(
    guide: Guide, following: Continuation, known: dict[str, str] | None = None
) -> list[tuple[str, Step]]:
    """The steps a next step leads to from a step's own page, where only `known` is answered: each
    with the condition of the routes passed on the way (a route that reads an answer the next step
    gives goes where that answer takes it)."""
    if following.next is not None:
        return canonical_targets(guide, following.next.id, known)
    reached: list[tuple[str, Step]] = []
    start = guide.step(following.question.id) if following.question else None
    todo: list[tuple[str, Step | None, tuple[str, ...], dict[str, str]]] = [
        ("", start, following.answers, dict(known or {}))
    ]
    while todo:
        condition, step, left, known = todo.pop(0)
        if step is None:
            continue
        if not left:
            reached.append((condition, step))
            continue
        choice = step.choice(left[0]) if isinstance(step, Question) else None
        if choice is not None:
            given = {**known, step.id: choice.slug}
            todo += [
                (_both(condition, more), target, left[1:], given)
                for more, target in canonical_targets(guide, choice.next.id, given)
            ]
    return reached


def _both(first: str, second: str) -> str:
    return "; and ".join(part for part in (first, second) if part)
