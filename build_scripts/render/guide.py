"""The disagreement guide's pages: the start page, one page for every path through it, one canonical
page for every step, the worked examples, the model letters as text and the diagram of the process."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from ..model.addresses import GUIDE_EXAMPLES, GUIDE_INDEX, PROCESS_DIAGRAM, letter_file, relative, step_page
from ..model.guide import Guide, Outcome, Question, Step, WorkedExample
from ..model.guide_paths import GuidePath, follow, next_steps, path_page, unfold
from ..model.text import relink
from .diagram import process_diagram
from .environment import markdown_environment

MINUTES_PER_QUESTION = 0.5


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    hint: str = ""


@dataclass(frozen=True)
class GivenAnswer:
    question: str
    answer: str
    change: str
    """The page where the question was asked, to answer it again."""


def guide_files(guide: Guide) -> dict[str, str]:
    """Every page and file of the guide, by docs-relative path."""
    env = _environment()
    paths = unfold(guide)
    files = {
        GUIDE_INDEX: env.get_template("guide_start.md.j2").render(
            guide=guide, longest=max(len(p.answers) for p in paths), minutes=_minutes(paths), here=GUIDE_INDEX
        ),
        GUIDE_EXAMPLES: _examples_page(env, guide),
        PROCESS_DIAGRAM: process_diagram(guide.stages),
    }
    step_template = env.get_template("guide_step.md.j2")
    for path in paths:
        files[path.page] = step_template.render(**_path_context(guide, path))
    for step in guide.steps:
        files[step_page(step.id)] = step_template.render(**_canonical_context(guide, step))
    for letter in guide.letters:
        files[letter_file(letter.id)] = f"{letter.title}\n\n{letter.body.replace('**', '')}\n"
    return files


def _environment() -> Environment:
    env = markdown_environment()
    env.filters["relink"] = lambda text, here: relink(text, GUIDE_INDEX, here)
    env.filters["line_breaks"] = line_breaks
    return env


def line_breaks(markdown: str) -> str:
    """Markdown in which every line ends where it was written, as the lines of a letter do."""
    return "\n".join(line + "  " if line.strip() else line for line in markdown.split("\n"))


def _minutes(paths: list[GuidePath]) -> int:
    return max(1, round(max(len(p.answers) for p in paths) * MINUTES_PER_QUESTION))


def _common(guide: Guide, step: Step, here: str) -> dict[str, object]:
    letter = guide.letter(step.letter.id) if isinstance(step, Outcome) and step.letter else None
    return {
        "guide": guide,
        "step": step,
        "stage": guide.stage(step.stage),
        "here": here,
        "is_question": isinstance(step, Question),
        "letter": letter,
        "letter_href": relative(here, letter_file(letter.id)) if letter else "",
        "start_href": relative(here, path_page(())),
    }


def _path_context(guide: Guide, path: GuidePath) -> dict[str, object]:
    here = path.page
    slugs = path.slugs
    answers = [
        GivenAnswer(a.question.question, a.choice.label, relative(here, path_page(slugs[:i])))
        for i, a in enumerate(path.answers)
    ]
    choices = [
        Link(c.label, relative(here, path_page((*slugs, c.slug))), c.hint) for c, _ in next_steps(guide, path.step)
    ]
    return {
        **_common(guide, path.step, here),
        "canonical": False,
        "canonical_href": step_page(path.step.id).removesuffix("index.md"),
        "back_href": relative(here, path_page(slugs[:-1])) if slugs else "",
        "answers": answers,
        "choices": choices,
    }


def _canonical_context(guide: Guide, step: Step) -> dict[str, object]:
    here = step_page(step.id)
    choices = []
    if isinstance(step, Question):
        choices = [Link(c.label, relative(here, step_page(c.next.id)), c.hint) for c in step.choices]
    return {
        **_common(guide, step, here),
        "canonical": True,
        "canonical_href": "",
        "back_href": "",
        "answers": [],
        "choices": choices,
    }


Walk = tuple[WorkedExample, list[tuple[Link, str, str]], Link]


def example_walks(guide: Guide, here: str) -> list[Walk]:
    """Each worked example as (example, [(question, answer, note)], end), with links from page `here`."""
    walks = []
    for example in guide.examples:
        steps = []
        for i, answer in enumerate(example.answers):
            path = follow(guide, tuple(a.answer for a in example.answers[:i]))
            assert path is not None and isinstance(path.step, Question)
            choice = path.step.choice(answer.answer)
            assert choice is not None
            steps.append((Link(path.step.question, relative(here, path.page)), choice.label, answer.note))
        end = follow(guide, tuple(a.answer for a in example.answers))
        assert end is not None
        walks.append((example, steps, Link(end.step.title, relative(here, end.page))))
    return walks


def _examples_page(env: Environment, guide: Guide) -> str:
    return env.get_template("guide_examples.md.j2").render(
        guide=guide, walks=example_walks(guide, GUIDE_EXAMPLES), here=GUIDE_EXAMPLES
    )
