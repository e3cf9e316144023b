"""The disagreement guide's pages: the start page, one page for every path through it, one canonical
page for every step, the worked examples, the model letters to download and the diagram of the process."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from jinja2 import Environment

from ..model.addresses import (
    GUIDE_EXAMPLES,
    GUIDE_INDEX,
    PROCESS_DIAGRAM,
    SITE_ROOT,
    address,
    html_file,
    letter_file,
    relative,
    step_page,
)
from ..model.contacts import CHAMPIONS, Contacts
from ..model.guide import Advice, Fact, Guide, Outcome, Question, Step, WorkedExample, holds
from ..model.guide_paths import (
    GuidePath,
    answered_words,
    canonical_follow,
    canonical_targets,
    continuations,
    follow,
    next_steps,
    path_page,
    stage_of,
    unfold,
)
from ..model.text import relink
from .contacts import way_markdown
from .diagram import process_diagram
from .environment import markdown_environment
from .letters import letter_files
from .word_cache import WordCache

MINUTES_PER_QUESTION = 0.5
T = TypeVar("T")


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    hint: str = ""
    note: str = ""
    """What following it changes: the answer a next step settles anew."""


@dataclass(frozen=True)
class GivenAnswer:
    question: str
    answer: str
    change: str
    """The page where the question was asked, to answer it again."""


PATH_SPECIFIC = frozenset({"here", "answers", "back_href", "choices", "next_links"})
"""What differs between the pages of two paths to one step at one depth that show the same content: the
page's address, the answers listed, and where its links lead (the words of its links are the same)."""


@dataclass(frozen=True)
class PathPage:
    """A path page made after the engine from its frame: a path page the engine built, at the same depth
    and with the same content, but other answers and links (publish/path_pages.py). Files are site-relative."""

    file: str
    frame: str
    back: str
    """Where its Back link leads ("" for the first question, which has none)."""
    choices: tuple[str, ...]
    """Where each of its answers leads, in order."""
    next_steps: tuple[str, ...]
    """Where each of its "If this does not work" links leads, in order."""
    answers: tuple[GivenAnswer, ...]
    """Its answers so far (none for the first question), listed on it by AnswersList."""


class AnswersList:
    """The "Your answers so far" list of a path page, as HTML (_guide_answers.html.j2), or "" where it has
    none: made with the page, after the engine, so that the preview makes it only for a page asked for.
    Its template is loaded with each one made (a request in the preview, eight frames' pages in a build),
    so that an edit of it shows in the running preview."""

    def __init__(self) -> None:
        self.template = _environment().get_template("_guide_answers.html.j2")

    def __call__(self, answers: Sequence[GivenAnswer]) -> str:
        return self.template.render(answers=answers) if answers else ""


@dataclass(frozen=True)
class GuidePages:
    files: dict[str, str | bytes]
    """Every page and file of the guide given to the engine, by docs-relative path."""
    path_pages: tuple[PathPage, ...]
    """The path pages made after the engine: none, where `files` holds every path page."""


def guide_files(
    guide: Guide, contacts: Contacts, published: str, frames_only: bool = False, words: WordCache | None = None
) -> GuidePages:
    """Every page and file of the guide; `published` dates the letters' documents. With `frames_only`,
    of the path pages that show the same content at the same depth only one, the frame, is rendered
    for the engine, with its list of answers left empty; every path page, the frame's own too, is made
    from it after the engine, so that its cost, and the Markdown's, grows with what the guide says
    rather than with the ways through it."""
    env = _environment()
    paths = unfold(guide)
    files: dict[str, str | bytes] = {
        GUIDE_INDEX: env.get_template("guide_start.md.j2").render(
            guide=guide,
            notice=[_for_some(guide, a) for a in guide.notice],
            facts=guide.notice_facts,
            longest=_questions_asked(paths),
            minutes=_minutes(paths),
            here=GUIDE_INDEX,
        ),
        GUIDE_EXAMPLES: _examples_page(env, guide),
    }
    step_template = env.get_template("guide_step.md.j2")
    by_answers = {path.slugs: path for path in paths}
    frames: dict[tuple[object, ...], str] = {}
    made_later = []
    for path in paths:
        context = _path_context(guide, contacts, path, by_answers)
        frame = frames.setdefault(content_key(context, len(path.slugs)), path.page) if frames_only else path.page
        if frame == path.page:
            files[path.page] = step_template.render(**context, answers_later=frames_only)
        if frames_only:
            made_later.append(
                PathPage(
                    html_file(path.page),
                    html_file(frame),
                    str(context["back_href"]),
                    tuple(link.href for link in _listed(context["choices"], Link)),
                    tuple(link.href for link in _listed(context["next_links"], Link)),
                    tuple(_listed(context["answers"], GivenAnswer)),
                )
            )
    return GuidePages(files | step_files(guide, contacts, published, env, words), tuple(made_later))


def content_key(context: dict[str, object], depth: int) -> tuple[object, ...]:
    """What a path page shows, but for what PATH_SPECIFIC names (of its links, only their words count),
    with its depth, which sets the relative address of everything else on the page: two paths with one
    key have pages that differ only in their answers and where their links lead."""
    shown = tuple((name, _comparable(value)) for name, value in sorted(context.items()) if name not in PATH_SPECIFIC)
    words = tuple(
        tuple((link.text, link.hint, link.note) for link in _listed(context[name], Link))
        for name in ("choices", "next_links")
    )
    return (depth, shown, words, bool(context["back_href"]), bool(context["answers"]))


def _listed(value: object, kind: type[T]) -> list[T]:
    """A list of a path's context, as the kind of item it holds."""
    assert isinstance(value, list) and all(isinstance(item, kind) for item in value)
    return value


def _comparable(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return tuple(_comparable(item) for item in value)
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    return _Same(value)


class _Same:
    """An object of the model, the same only as itself: paths share the guide, its steps and contacts.
    It is held, so that its id is not given to another while the key is in use."""

    def __init__(self, value: object) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value

    def __hash__(self) -> int:
        return id(self.value)


def step_files(
    guide: Guide,
    contacts: Contacts,
    published: str,
    env: Environment | None = None,
    words: WordCache | None = None,
) -> dict[str, str | bytes]:
    """The canonical page of every step, the model letters and the diagram: what an archived edition of the
    guide keeps (its path pages are never promised). `env`: the guide's templates, where already loaded;
    `words`: the Word documents of earlier builds."""
    step_template = (env or _environment()).get_template("guide_step.md.j2")
    files: dict[str, str | bytes] = {
        step_page(step.id): step_template.render(**_canonical_context(guide, contacts, step)) for step in guide.steps
    }
    return files | {PROCESS_DIAGRAM: process_diagram(guide.stages)} | letter_files(guide.letters, published, words)


def _environment() -> Environment:
    env = markdown_environment()
    env.filters["relink"] = lambda text, here: relink(text, GUIDE_INDEX, here)
    # Contacts are shown on pages all over the site: their links are written as from the home page.
    env.filters["relink_contact"] = lambda text, here: relink(text, SITE_ROOT, here)
    env.filters["reach_way"] = way_markdown
    env.filters["line_breaks"] = line_breaks
    return env


def line_breaks(markdown: str) -> str:
    """Markdown in which every line ends where it was written, as the lines of a letter do."""
    return "\n".join(line + "  " if line.strip() else line for line in markdown.split("\n"))


def _questions_asked(paths: list[GuidePath]) -> int:
    """The most questions a path asks (an outcome's next step that a reader follows is not one)."""
    return max(sum(isinstance(a.question, Question) for a in p.answers) for p in paths)


def _minutes(paths: list[GuidePath]) -> int:
    return max(1, round(_questions_asked(paths) * MINUTES_PER_QUESTION))


def _common(guide: Guide, contacts: Contacts, step: Step, here: str) -> dict[str, object]:
    letter = guide.letter(step.letter.id) if isinstance(step, Outcome) and step.letter else None
    named = [contacts.contact(r.id) for r in step.contacts] if isinstance(step, Outcome) else []
    return {
        "guide": guide,
        "step": step,
        "stage": guide.stage(step.stage),
        "here": here,
        "is_question": isinstance(step, Question),
        "contacts": [c for c in named if c is not None and c.id != CHAMPIONS],
        "champions": contacts.contact(CHAMPIONS),
        "letter": letter,
        "letter_href": relative(here, letter_file(letter.id)) if letter else "",
        "letter_docx_href": relative(here, letter_file(letter.id, "docx")) if letter else "",
        "start_href": relative(here, path_page(())),
    }


def _path_context(
    guide: Guide, contacts: Contacts, path: GuidePath, paths: Mapping[tuple[str, ...], GuidePath] | None = None
) -> dict[str, object]:
    """What the page of `path` shows; `paths`, the guide's paths by their answers, where the caller has them."""
    here = path.page
    slugs = path.slugs
    answers = [
        GivenAnswer(a.question.title, a.choice.label, address(here, path_page(slugs[:i])))
        for i, a in enumerate(path.answers)
    ]
    choices = []
    if isinstance(path.step, Question):
        choices = [
            Link(c.label, address(here, path_page((*slugs, c.slug))), c.hint) for c, _ in next_steps(guide, path)
        ]
    next_links = [
        Link(following.label, address(here, target.page), target.step.title, _settled(path, target))
        for following, target in continuations(guide, path, paths)
        if target is not None
    ]
    answered = path.answered
    steps = [a for a in path.step.steps if holds(a.when, answered)] if isinstance(path.step, Outcome) else []
    notice = [a for a in guide.notice if holds(a.when, answered)]
    return {
        **_common(guide, contacts, path.step, here),
        "stage": stage_of(guide, path),
        "steps": [a.text for a in steps],
        "notice": [a.text for a in notice],
        "facts": _facts(path.step, [*steps, *notice]),
        "canonical": False,
        "canonical_href": step_page(path.step.id).removesuffix("index.md"),
        "back_href": address(here, path_page(slugs[:-1])) if slugs else "",
        "answers": answers,
        "choices": choices,
        "next_links": next_links,
    }


def _settled(path: GuidePath, target: GuidePath) -> str:
    """What following a next step changes of the reader's answers: the last, where it settles it anew."""
    kept = len(path.answers) - 1
    if kept < 0 or len(target.answers) <= kept or target.answers[: kept + 1] == path.answers:
        return ""
    before, after = path.answers[kept], target.answers[kept]
    return f"Your answer to “{before.question.title}” becomes “{after.choice.label}” (it was “{before.choice.label}”)."


def _canonical_context(guide: Guide, contacts: Contacts, step: Step) -> dict[str, object]:
    """A step's own page, reached with no answers: where a route needs an earlier answer, each way
    it can go is a choice of its own, saying when it applies."""
    here = step_page(step.id)
    # What the step's own "only_when" settles: an outcome for the side raising a concern shows
    # nothing meant for the other side.
    known = (
        {c.question.id: c.answers[0] for c in step.only_when if len(c.answers) == 1}
        if isinstance(step, Outcome)
        else {}
    )
    choices = []
    if isinstance(step, Question):
        choices = [
            Link(_when(c.label, condition), address(here, step_page(target.id)), c.hint)
            for c in step.choices
            for condition, target in canonical_targets(guide, c.next.id)
        ]
    next_links = [
        Link(_when(following.label, condition), address(here, step_page(target.id)), target.title)
        for following in (step.if_not_resolved if isinstance(step, Outcome) else ())
        for condition, target in canonical_follow(guide, following, known)
    ]
    steps = [a for a in step.steps if _may_hold(a, known)] if isinstance(step, Outcome) else []
    notice = [a for a in guide.notice if _may_hold(a, known)]
    return {
        **_common(guide, contacts, step, here),
        "steps": [_for_some(guide, a) for a in steps],
        "notice": [_for_some(guide, a) for a in notice],
        "facts": _facts(step, [*steps, *notice]),
        "canonical": True,
        "canonical_href": "",
        "back_href": "",
        "answers": [],
        "choices": choices,
        "next_links": next_links,
    }


def _when(label: str, condition: str) -> str:
    return f"{label} ({condition})" if condition else label


def _facts(step: Step, shown: list[Advice]) -> list[Fact]:
    """The facts behind what a page shows: the outcome's, and those of each piece of advice on it."""
    own = step.facts if isinstance(step, Outcome) else ()
    return [*own, *(fact for advice in shown for fact in advice.facts)]


def _may_hold(advice: Advice, known: dict[str, str]) -> bool:
    """Whether advice may be shown where only `known` is answered: no condition on a known answer fails."""
    return all(c.question.id not in known or known[c.question.id] in c.answers for c in advice.when)


def _for_some(guide: Guide, advice: Advice) -> str:
    """Advice on a step's own page, where nothing is answered: with the answers it is for."""
    if not advice.when:
        return advice.text
    when = ", and ".join(answered_words(guide, c.question.id, c.answers) for c in advice.when)
    return f"*If {when}:* {advice.text}"


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
            steps.append((Link(path.step.question, address(here, path.page)), choice.label, answer.note))
        end = follow(guide, tuple(a.answer for a in example.answers))
        assert end is not None
        walks.append((example, steps, Link(end.step.title, address(here, end.page))))
    return walks


def _examples_page(env: Environment, guide: Guide) -> str:
    return env.get_template("guide_examples.md.j2").render(
        guide=guide, walks=example_walks(guide, GUIDE_EXAMPLES), here=GUIDE_EXAMPLES
    )
