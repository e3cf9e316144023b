"""The disagreement guide as data: stages, questions with choices, outcomes, model letters, and the
Compact's case studies as worked examples. Frozen, typed, each with where it was written."""

from __future__ import annotations

from dataclasses import dataclass

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
class Outcome:
    """Where a path through the guide ends: what has been reached and what to do now."""

    id: str
    stage: str
    title: str
    summary: str
    steps: tuple[str, ...]
    """What to do now, in order (Markdown)."""
    who: tuple[str, ...]
    time: str
    letter: Reference | None
    record: tuple[str, ...]
    """The dates or facts a reader notes on a printed copy: "Date the letter was sent"."""
    see_also: tuple[str, ...]
    source: Source


Step = Question | Outcome


@dataclass(frozen=True)
class Letter:
    """A model letter to copy where a step asks for writing."""

    id: str
    title: str
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

    @property
    def steps(self) -> tuple[Step, ...]:
        return (*self.questions, *self.outcomes)

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def letter(self, letter_id: str) -> Letter | None:
        return next((letter for letter in self.letters if letter.id == letter_id), None)
