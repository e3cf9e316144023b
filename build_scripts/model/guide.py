"""The disagreement guide as data: stages, questions with choices, routes, outcomes, model letters,
and the Compact's case studies as worked examples. Frozen, typed, each with where it was written."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from .facts import Evidence
from .source import Reference, Source


@dataclass(frozen=True)
class Stage:
    """A stage of the disputes process: before it, and Stages 1 to 3."""

    id: str
    name: str
    """"Stage 1", or "Before the process"."""
    title: str
    """What happens in it, in a few words: "The Compact Champions"."""
    summary: str
    """One or two sentences, for the diagram and its text alternative."""
    then: str
    """When the process goes on to the next stage ("If the issue is not resolved"); empty for the last."""
    source: Source


@dataclass(frozen=True)
class Choice:
    """One answer to a question, and the step it leads to."""

    label: str
    slug: str
    """The answer's part of a path page's address: /guide/start/raising/..."""
    next: Reference
    hint: str
    source: Source
    pending: bool = False
    """An answer for a moment that passes ("No, not yet", "We are waiting"): a next step of the outcome
    it leads to may settle it anew ("not yet" becomes "done"). Any other answer stays as given."""


@dataclass(frozen=True)
class Question:
    id: str
    stage: str
    question: str
    help: str
    """A line of help under the question (Markdown), or empty."""
    choices: tuple[Choice, ...]
    source: Source

    @property
    def title(self) -> str:
        return self.question

    def choice(self, slug: str) -> Choice | None:
        return next((c for c in self.choices if c.slug == slug), None)


@dataclass(frozen=True)
class Time:
    """When to act, or how long to wait, each kind of time labelled for what it is."""

    compact: str
    """A time the Compact itself sets, with where it says so; empty where it sets none (Section 6
    sets none), and the page then says so."""
    other_rules: str
    """A time set by rules outside the Compact: a Complaints Procedure, an Ombudsman, the law."""
    case_study: str
    """What happened in one of the Compact's hypothetical case studies: an example, never a rule."""
    suggestion: str
    """This handbook's own suggestion, shown as such."""

    @property
    def says_when(self) -> bool:
        """Whether it tells a reader when to act: a case study alone does not."""
        return bool(self.compact or self.other_rules or self.suggestion)


@dataclass(frozen=True)
class Condition:
    """What a path must have answered to one question: one of `answers`."""

    question: Reference
    answers: tuple[str, ...]
    source: Source


def holds(conditions: tuple[Condition, ...], answered: Mapping[str, str]) -> bool:
    """Whether answers given on a path (question id -> slug) meet every condition; a question not
    answered meets none."""
    return all(answered.get(c.question.id) in c.answers for c in conditions)


@dataclass(frozen=True)
class Advice:
    """A line of advice (Markdown), shown only on the paths whose answers meet `when`."""

    text: str
    when: tuple[Condition, ...]
    source: Source
    facts: tuple[Fact, ...] = ()
    """Where what it says beyond the 2009 text comes from: shown wherever it is."""


@dataclass(frozen=True)
class WordRule:
    """Words the guide may say only where earlier answers allow them: "the panel's outcome" only
    where the panel has reached one. Checked on every page of every path."""

    words: str
    when: tuple[Condition, ...]
    source: Source


@dataclass(frozen=True)
class Fact:
    """A statement beyond the 2009 text that a step or the guide relies on, and where it comes from."""

    about: str
    """What is stated, in a few words (Markdown): "The Ombudsman's 12-month time limit"."""
    evidence: Evidence


@dataclass(frozen=True)
class Continuation:
    """ "If this does not work": the next step. Either it settles anew the last answer of the path,
    where that answer was for a moment that passes (`question`, `answers`: the answers before
    `question` are kept, and from it `answers` are given), or it goes on from the outcome, every
    answer kept (`slug`, `next`: the outcome is then answered with this step, and the path goes on to
    `next`)."""

    label: str
    question: Reference | None
    answers: tuple[str, ...]
    slug: str
    next: Reference | None
    source: Source

    @property
    def goes_on(self) -> bool:
        return self.next is not None


@dataclass(frozen=True)
class Outcome:
    """Where a path through the guide ends: what has been reached and what to do now."""

    id: str
    stage: str
    title: str
    summary: str
    steps: tuple[Advice, ...]
    """What to do now, in order; each shown on the paths it fits."""
    who_acts: str
    """Who takes the next step (Markdown)."""
    contacts: tuple[Reference, ...]
    """The contacts (contacts.yml) the reader needs, with how to reach them."""
    reach: str
    """How to reach someone who is not in contacts.yml, such as the other organisation (Markdown)."""
    time: Time
    letter: Reference | None
    record: tuple[str, ...]
    """The dates or facts a reader notes on a printed copy: "Date the letter was sent"."""
    see_also: tuple[str, ...]
    if_not_resolved: tuple[Continuation, ...]
    source: Source
    only_when: tuple[Condition, ...] = ()
    """The answers the outcome's advice is written for: every path that reaches it must have given them."""
    facts: tuple[Fact, ...] = ()

    @property
    def all_facts(self) -> tuple[Fact, ...]:
        """The facts its page may show: its own, and those of its steps."""
        return (*self.facts, *(fact for advice in self.steps for fact in advice.facts))


Step = Question | Outcome
"""What a reader sees as a page."""


@dataclass(frozen=True)
class Branch:
    answer: str
    """The slug of a choice of the question the route reads."""
    next: Reference
    source: Source


@dataclass(frozen=True)
class Route:
    """A fork the reader does not see: it goes on by the answer given earlier to a question.

    So a question can be shared by both sides of a disagreement (raising and responding), and
    what comes after it still depends on the side: the guide asks it once, not in two copies.
    """

    id: str
    on: Reference
    """The question whose earlier answer decides where the route goes."""
    branches: tuple[Branch, ...]
    otherwise: Reference | None
    """Where it goes when the answer has no branch, or the question was not asked on the way."""
    source: Source

    def target(self, answer: str | None) -> Reference | None:
        branch = next((b for b in self.branches if b.answer == answer), None)
        return branch.next if branch else self.otherwise


Node = Step | Route


@dataclass(frozen=True)
class Letter:
    """A model letter to copy where a step asks for writing."""

    id: str
    title: str
    """What the letter is for: the heading above it on a page, never a line inside it."""
    to: Reference | None
    """The contact the letter is addressed to, where it is one of contacts.yml."""
    body: str
    source: Source


@dataclass(frozen=True)
class ExampleAnswer:
    question: Reference
    answer: str
    """The slug of the chosen answer."""
    note: str
    """How the case study maps to this answer."""
    source: Source


@dataclass(frozen=True)
class WorkedExample:
    """A case study of the Compact, told as a path through the guide."""

    id: str
    title: str
    summary: str
    case_study: str
    """Where the case study is: a link target written as from the guide's start page."""
    answers: tuple[ExampleAnswer, ...]
    outcome: Reference
    source: Source


@dataclass(frozen=True)
class Guide:
    title: str
    introduction: str
    start: Reference
    stages: tuple[Stage, ...]
    questions: tuple[Question, ...]
    outcomes: tuple[Outcome, ...]
    letters: tuple[Letter, ...]
    examples: tuple[WorkedExample, ...]
    source: Source
    notice: tuple[Advice, ...] = ()
    """What a reader must know before acting: shown on the start page, and on every outcome whose path it fits."""
    routes: tuple[Route, ...] = ()
    says_only_when: tuple[WordRule, ...] = ()

    @property
    def steps(self) -> tuple[Step, ...]:
        return (*self.questions, *self.outcomes)

    @property
    def nodes(self) -> tuple[Node, ...]:
        return (*self.questions, *self.outcomes, *self.routes)

    def step(self, step_id: str) -> Step | None:
        found = self._by_id.get(step_id)
        return found if isinstance(found, (Question, Outcome)) else None

    def node(self, node_id: str) -> Node | None:
        return self._by_id.get(node_id)

    @cached_property
    def _by_id(self) -> dict[str, Node]:
        """Every node by its id (the first, where an id is used twice, which the check reports): the
        guide's paths ask for nodes by id hundreds of thousands of times."""
        return {node.id: node for node in reversed(self.nodes)}

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    @property
    def notice_facts(self) -> tuple[Fact, ...]:
        return tuple(fact for advice in self.notice for fact in advice.facts)

    @property
    def all_facts(self) -> tuple[Fact, ...]:
        """Every fact the guide records: the notice's, and each outcome's."""
        return (*self.notice_facts, *(fact for outcome in self.outcomes for fact in outcome.all_facts))

    def letter(self, letter_id: str) -> Letter | None:
        return next((letter for letter in self.letters if letter.id == letter_id), None)
