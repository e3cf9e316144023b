"""Checks of the disagreement guide as a whole: where each choice leads, what can be reached, loops,
the number of pages it unfolds into, the worked examples, the letters and every link it makes."""

from __future__ import annotations

from ..model.addresses import EXAMPLES_ANCHORS, GUIDE_INDEX
from ..model.guide import Guide, Question, WorkedExample
from ..model.guide_paths import PAGE_LIMIT, count_pages, cycles, follow, reachable
from ..model.problems import Problem
from ..model.source import Source
from .references import id_problem, link_problems


def check_guide(guide: Guide, anchors: dict[str, set[str]], known: set[str]) -> list[Problem]:
    """Every problem of the guide; links are checked only when `anchors` holds the Compact's pages."""
    problems = [*_ids(guide), *_stages(guide), *_choices(guide), *_letters(guide)]
    if any(page.startswith("compact/") for page in anchors):
        problems += _links(guide, anchors, known)
    # An id that is not valid is reported by the loader; checking where choices lead without it
    # would only report the choices that name it.
    if not all(step.id for step in guide.steps):
        return problems
    references = [*_start(guide), *_next_steps(guide)]
    problems += references
    if guide.step(guide.start.id) is None:
        return problems
    loops = _loops(guide)
    problems += loops
    # A step that a misspelt choice should reach is unreachable only because of the misspelling.
    if not references and not loops:
        graph = [*_unreachable(guide), *_page_count(guide)]
        problems += graph
        if not graph:
            problems += _examples(guide)
    return problems


def _start(guide: Guide) -> list[Problem]:
    if not guide.start.id or isinstance(guide.step(guide.start.id), Question):
        return []
    questions = [q.id for q in guide.questions]
    return [Problem(guide.start.source, f"the guide starts at {id_problem(guide.start.id, 'a question', questions)}")]


def _ids(guide: Guide) -> list[Problem]:
    """Steps' ids are unique, and so are the worked examples', which are anchors of a page that has its own."""
    named = [(step.id, step.source) for step in guide.steps]
    examples = [(example.id, example.source) for example in guide.examples]
    problems = _repeated(named) + _repeated(examples)
    for name, source in examples:
        if name in EXAMPLES_ANCHORS:
            message = f'the id "{name}" is an anchor the worked examples\' page has already (#{name}); choose another.'
            problems.append(Problem(source, message))
    return problems


def _repeated(named: list[tuple[str, Source]]) -> list[Problem]:
    problems = []
    seen: dict[str, Source] = {}
    for name, source in named:
        if name in seen:
            problems.append(Problem(source, f'the id "{name}" is already used at {seen[name]}; choose another.'))
        elif name:
            seen[name] = source
    return problems


def _stages(guide: Guide) -> list[Problem]:
    stage_ids = [stage.id for stage in guide.stages]
    problems = []
    for step in guide.steps:
        message = id_problem(step.stage, "a stage of the guide", stage_ids) if step.stage else ""
        if message:
            problems.append(Problem(step.source, f'"{step.id}" belongs to the stage {message}'))
    return problems


def _choices(guide: Guide) -> list[Problem]:
    problems = []
    for question in guide.questions:
        if not question.choices:
            problems.append(
                Problem(
                    question.source,
                    f'the question "{question.id}" has no choices: a reader who reaches it cannot go on.',
                )
            )
        elif len(question.choices) == 1:
            problems.append(
                Problem(
                    question.source, f'the question "{question.id}" has only one choice; a question needs two or more.'
                )
            )
        for kind in ("label", "slug"):
            seen: dict[str, Source] = {}
            for choice in question.choices:
                value = getattr(choice, kind)
                if value in seen:
                    problems.append(
                        Problem(
                            choice.source,
                            f'two choices of "{question.id}" have the {kind} "{value}" (the other is at '
                            f"{seen[value]}); make them differ.",
                        )
                    )
                seen.setdefault(value, choice.source)
    return problems


def _next_steps(guide: Guide) -> list[Problem]:
    step_ids = [step.id for step in guide.steps]
    problems = []
    for question in guide.questions:
        for choice in question.choices:
            message = id_problem(choice.next.id, "a step of the guide", step_ids) if choice.next.id else ""
            if message:
                problems.append(
                    Problem(choice.next.source, f'the choice "{choice.label}" of "{question.id}" leads to {message}')
                )
    return problems


def _letters(guide: Guide) -> list[Problem]:
    letter_ids = [letter.id for letter in guide.letters]
    problems = []
    used = set()
    for outcome in guide.outcomes:
        if outcome.letter is None:
            continue
        used.add(outcome.letter.id)
        message = id_problem(outcome.letter.id, "a letter in guide/letters/", letter_ids) if outcome.letter.id else ""
        if message:
            problems.append(Problem(outcome.letter.source, f'the outcome "{outcome.id}" shows the letter {message}'))
    for letter in guide.letters:
        if letter.id not in used:
            problems.append(
                Problem(
                    letter.source,
                    'no outcome shows this letter; name it in an outcome\'s "letter", or delete the file.',
                )
            )
    return problems


def _links(guide: Guide, anchors: dict[str, set[str]], known: set[str]) -> list[Problem]:
    texts: list[tuple[Source, str]] = [(guide.source, guide.introduction)]
    texts += [(stage.source, stage.summary) for stage in guide.stages]
    texts += [(q.source, q.help) for q in guide.questions]
    for outcome in guide.outcomes:
        texts += [
            (outcome.source, text)
            for text in (outcome.summary, outcome.time, *outcome.steps, *outcome.who, *outcome.see_also)
        ]
    texts += [(letter.source, letter.body) for letter in guide.letters]
    texts += [(example.source, example.summary) for example in guide.examples]
    texts += [(example.source, f"[the case study]({example.case_study})") for example in guide.examples]
    return [problem for source, text in texts for problem in link_problems(GUIDE_INDEX, text, source, anchors, known)]


def _loops(guide: Guide) -> list[Problem]:
    problems = []
    for loop in cycles(guide):
        step = guide.step(loop[0])
        assert step is not None
        problems.append(
            Problem(
                step.source,
                f"the guide goes round in a loop: {' -> '.join(loop)}. "
                "Make one of these choices lead on to another step.",
            )
        )
    return problems


def _unreachable(guide: Guide) -> list[Problem]:
    reached = reachable(guide)
    return [
        Problem(step.source, f'no path from the start reaches "{step.id}"; make a choice lead to it, or remove it.')
        for step in guide.steps
        if step.id not in reached
    ]


def _page_count(guide: Guide) -> list[Problem]:
    pages = count_pages(guide)
    if pages <= PAGE_LIMIT:
        return []
    return [
        Problem(
            guide.source,
            f"the guide would unfold into {pages} pages, more than the limit of {PAGE_LIMIT}: each way of "
            "reaching a step is a page of its own. Join branches that lead to the same advice, or ask less "
            "before the branches meet.",
        )
    ]


def _examples(guide: Guide) -> list[Problem]:
    return [problem for example in guide.examples for problem in _example_path(guide, example)]


def _example_path(guide: Guide, example: WorkedExample) -> list[Problem]:
    slugs: list[str] = []
    for answer in example.answers:
        path = follow(guide, tuple(slugs))
        assert path is not None
        if not isinstance(path.step, Question) or path.step.id != answer.question.id:
            return [
                Problem(
                    answer.question.source,
                    f'the worked example answers "{answer.question.id}" here, but its answers so far lead to '
                    f'"{path.step.id}".',
                )
            ]
        if path.step.choice(answer.answer) is None:
            choices = [c.slug for c in path.step.choices]
            return [
                Problem(
                    answer.source,
                    f'the worked example answers "{answer.question.id}" with '
                    f"{id_problem(answer.answer, 'one of its choices', choices)}",
                )
            ]
        slugs.append(answer.answer)
    end = follow(guide, tuple(slugs))
    assert end is not None
    if end.step.id != example.outcome.id:
        return [
            Problem(
                example.outcome.source,
                f'the worked example should end at "{example.outcome.id}", but its answers lead to "{end.step.id}".',
            )
        ]
    return []
