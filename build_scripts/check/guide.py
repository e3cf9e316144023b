"""Checks of the disagreement guide as a whole: where each choice and route leads, what can be
reached, loops, the number of pages it unfolds into, each outcome's next step, the worked examples,
the letters, the contacts the outcomes name and every link it makes."""

from __future__ import annotations

from ..model.addresses import EXAMPLES_ANCHORS, GUIDE_INDEX
from ..model.contacts import Contacts
from ..model.guide import Condition, Guide, Question, WorkedExample
from ..model.guide_paths import PAGE_LIMIT, count_pages, cycles, dead_ends, follow, reachable
from ..model.problems import Problem
from ..model.source import Source
from .guide_paths import path_problems
from .references import id_problem, link_problems, repeated_ids


def check_guide(
    guide: Guide, anchors: dict[str, set[str]], known: set[str], contacts: Contacts | None = None
) -> list[Problem]:
    """Every problem of the guide; links are checked only when `anchors` holds the Compact's pages,
    and the contacts an outcome names only when `contacts` could be read."""
    problems = [*_ids(guide), *_stages(guide), *_choices(guide), *_letters(guide), *_reach(guide)]
    if contacts is not None:
        problems += _contacts(guide, contacts)
    if any(page.startswith("compact/") for page in anchors):
        problems += _links(guide, anchors, known)
    # An id that is not valid is reported by the loader; checking where choices lead without it
    # would only report the choices that name it.
    if not all(node.id for node in guide.nodes):
        return problems
    references = [*_start(guide), *_next_steps(guide), *_routes(guide), *_conditions(guide)]
    problems += references
    if guide.step(guide.start.id) is None:
        return problems
    loops = _loops(guide)
    problems += loops
    # A step that a misspelt choice should reach is unreachable only because of the misspelling.
    if not references and not loops:
        # Likewise, a step past a dead end is unreachable only because of the dead end. A step no
        # path reaches does not stop the paths being checked: a path that goes astray is often why.
        graph = _dead_ends(guide) or _page_count(guide)
        problems += graph
        if not graph:
            unreachable = _unreachable(guide)
            problems += [*unreachable, *path_problems(guide), *([] if unreachable else _examples(guide))]
    return problems


def _start(guide: Guide) -> list[Problem]:
    if not guide.start.id or isinstance(guide.step(guide.start.id), Question):
        return []
    questions = [q.id for q in guide.questions]
    return [Problem(guide.start.source, f"the guide starts at {id_problem(guide.start.id, 'a question', questions)}")]


def _ids(guide: Guide) -> list[Problem]:
    """Steps' ids are unique, and so are the worked examples', which are anchors of a page that has its own."""
    examples = [(example.id, example.source) for example in guide.examples]
    problems = repeated_ids((node.id, node.source) for node in guide.nodes) + repeated_ids(examples)
    for name, source in examples:
        if name in EXAMPLES_ANCHORS:
            message = f'the id "{name}" is an anchor the worked examples\' page has already (#{name}); choose another.'
            problems.append(Problem(source, message))
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
            problems += _repeated(
                question.id, "choices", [(getattr(c, kind), c.source) for c in question.choices], kind
            )
    return problems


def _repeated(step_id: str, what: str, values: list[tuple[str, Source]], kind: str) -> list[Problem]:
    """Two choices (or next steps) of one step alike: a reader could not tell them apart, or their
    pages would have one address."""
    problems = []
    seen: dict[str, Source] = {}
    for value, source in values:
        if value in seen:
            other = seen[value]
            message = (
                f'two {what} of "{step_id}" have the {kind} "{value}" (the other is at {other}); make them differ.'
            )
            problems.append(Problem(source, message))
        seen.setdefault(value, source)
    return problems


def _next_steps(guide: Guide) -> list[Problem]:
    node_ids = [node.id for node in guide.nodes]
    problems = []
    for question in guide.questions:
        for choice in question.choices:
            message = id_problem(choice.next.id, "a step of the guide", node_ids) if choice.next.id else ""
            if message:
                problems.append(
                    Problem(choice.next.source, f'the choice "{choice.label}" of "{question.id}" leads to {message}')
                )
    for outcome in guide.outcomes:
        problems += _repeated(outcome.id, "next steps", [(f.label, f.source) for f in outcome.if_not_resolved], "label")
        going_on = [(f.slug, f.source) for f in outcome.if_not_resolved if f.goes_on]
        problems += _repeated(outcome.id, "next steps", going_on, "slug")
        for following in outcome.if_not_resolved:
            target = following.next or following.question
            kind = "a step of the guide" if following.next else "a question of the guide"
            ids = node_ids if following.next else [q.id for q in guide.questions]
            message = id_problem(target.id, kind, ids) if target and target.id else ""
            if target and message:
                problems.append(Problem(target.source, f'the next step of "{outcome.id}" leads to {message}'))
    return problems


def _conditions(guide: Guide) -> list[Problem]:
    """Each condition names a question of the guide and answers it has."""
    conditions: list[tuple[str, Condition]] = [
        (f'the outcome "{outcome.id}"', c) for outcome in guide.outcomes for c in outcome.only_when
    ]
    conditions += [
        (f'a step of "{outcome.id}"', c) for outcome in guide.outcomes for a in outcome.steps for c in a.when
    ]
    conditions += [("the notice", c) for a in guide.notice for c in a.when]
    conditions += [(f"the rule of the words “{r.words}”", c) for r in guide.says_only_when for c in r.when]
    questions = [q.id for q in guide.questions]
    problems = []
    for what, condition in conditions:
        question = guide.step(condition.question.id)
        if not isinstance(question, Question):
            message = id_problem(condition.question.id, "a question of the guide", questions)
            problems.append(Problem(condition.question.source, f"{what} depends on the answer to {message}"))
            continue
        answers = [c.slug for c in question.choices]
        for answer in condition.answers:
            if answer not in answers:
                message = id_problem(answer, f'an answer of "{question.id}"', answers)
                problems.append(Problem(condition.source, f"{what} depends on {message}"))
    return problems


def _routes(guide: Guide) -> list[Problem]:
    """Each route reads a question, has a branch only for that question's answers, and leads to steps."""
    node_ids = [node.id for node in guide.nodes]
    questions = [q.id for q in guide.questions]
    problems = []
    for route in guide.routes:
        question = guide.step(route.on.id)
        if not isinstance(question, Question):
            message = id_problem(route.on.id, "a question of the guide", questions) if route.on.id else ""
            if message:
                problems.append(Problem(route.on.source, f'the route "{route.id}" reads {message}'))
        else:
            answers = [c.slug for c in question.choices]
            for branch in route.branches:
                if branch.answer and branch.answer not in answers:
                    message = id_problem(branch.answer, f'an answer of "{question.id}"', answers)
                    problems.append(Problem(branch.source, f'the route "{route.id}" has a branch for {message}'))
        targets = [*(b.next for b in route.branches), *([route.otherwise] if route.otherwise else [])]
        for target in targets:
            message = id_problem(target.id, "a step of the guide", node_ids) if target.id else ""
            if message:
                problems.append(Problem(target.source, f'the route "{route.id}" leads to {message}'))
    return problems


def _dead_ends(guide: Guide) -> list[Problem]:
    problems = []
    for end in sorted(dead_ends(guide), key=lambda end: (end.choice.next.source, end.route.id)):
        answered = f'the answer "{end.answer}"' if end.answer else "no answer"
        problems.append(
            Problem(
                end.choice.next.source,
                f'the choice "{end.choice.label}" of "{end.question.id}" leads to the route "{end.route.id}" on a '
                f'path with {answered} to "{end.route.on.id}", for which the route has no branch: a reader '
                'could not go on. Add a branch for it, or an "otherwise".',
            )
        )
    return problems


def _reach(guide: Guide) -> list[Problem]:
    return [
        Problem(
            outcome.source,
            f'the outcome "{outcome.id}" does not say how to reach anyone: name the contacts a reader needs in '
            '"contacts", or say in "reach" how to reach the other organisation.',
        )
        for outcome in guide.outcomes
        if not outcome.contacts and not outcome.reach
    ]


def _contacts(guide: Guide, contacts: Contacts) -> list[Problem]:
    """The contacts an outcome names exist, and a letter it shows is addressed to one of them."""
    ids = [contact.id for contact in contacts.contacts]
    problems = []
    for outcome in guide.outcomes:
        for reference in outcome.contacts:
            message = id_problem(reference.id, "a contact in contacts.yml", ids) if reference.id else ""
            if message:
                problems.append(Problem(reference.source, f'the outcome "{outcome.id}" names {message}'))
        letter = guide.letter(outcome.letter.id) if outcome.letter else None
        addressed = letter.to.id if letter and letter.to and letter.to.id in ids else ""
        if outcome.letter and addressed and addressed not in {r.id for r in outcome.contacts}:
            problems.append(
                Problem(
                    outcome.letter.source,
                    f'the outcome "{outcome.id}" shows the letter "{outcome.letter.id}", which is addressed to '
                    f'"{addressed}": add "{addressed}" to its "contacts", so that a reader learns how to reach them.',
                )
            )
    for letter in guide.letters:
        if letter.to is not None and letter.to.id:
            message = id_problem(letter.to.id, "a contact in contacts.yml", ids)
            if message:
                problems.append(Problem(letter.to.source, f"the letter is addressed to {message}"))
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
    texts += [(advice.source, advice.text) for advice in guide.notice]
    texts += [(fact.evidence.source, fact.about) for fact in guide.all_facts]
    texts += [(q.source, q.help) for q in guide.questions]
    for outcome in guide.outcomes:
        time = outcome.time
        texts += [
            (outcome.source, text)
            for text in (
                outcome.summary,
                outcome.who_acts,
                outcome.reach,
                time.compact,
                time.other_rules,
                time.case_study,
                time.suggestion,
                *outcome.see_also,
            )
        ]
        texts += [(advice.source, advice.text) for advice in outcome.steps]
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
    named = {c.next.id for q in guide.questions for c in q.choices}
    named |= {b.next.id for r in guide.routes for b in r.branches} | {
        r.otherwise.id for r in guide.routes if r.otherwise
    }
    problems = [
        Problem(step.source, f'no path from the start reaches "{step.id}"; make a choice lead to it, or remove it.')
        for step in guide.steps
        if step.id not in reached
    ]
    problems += [
        Problem(route.source, f'no choice leads to the route "{route.id}"; make one lead to it, or remove it.')
        for route in guide.routes
        if route.id not in named
    ]
    return problems


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
    for number, answer in enumerate(example.answers):
        path = follow(guide, tuple(slugs))
        assert path is not None
        if not isinstance(path.step, Question) or path.step.id != answer.question.id:
            return [_example_strays(example, number, path.step.id, isinstance(path.step, Question))]
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
    if isinstance(end.step, Question):
        after = example.outcome.source.line - 1
        return [
            Problem(
                example.outcome.source,
                f'the worked example "{example.id}" stops at the question "{end.step.id}", which the guide asks '
                f'after its last answer: add an answer for "{end.step.id}" after line {after}.',
            )
        ]
    if end.step.id != example.outcome.id:
        return [
            Problem(
                example.outcome.source,
                f'the worked example should end at "{example.outcome.id}", but its answers lead to "{end.step.id}".',
            )
        ]
    return []


def _example_strays(example: WorkedExample, number: int, reached: str, is_question: bool) -> Problem:
    """Where a worked example leaves the guide: a question it does not answer (one the guide now asks
    there), an answer to a question the guide no longer asks there, or answers after an outcome."""
    answer = example.answers[number]
    later = [a.question.id for a in example.answers[number:]]
    before = f'after "{example.answers[number - 1].question.id}"' if number else "first"
    if is_question and reached not in later:
        return Problem(
            answer.question.source,
            f'the worked example "{example.id}" does not answer "{reached}", which the guide now asks {before}: '
            f'add an answer for "{reached}" after line {answer.question.source.line - 1}.',
        )
    if is_question:
        return Problem(
            answer.question.source,
            f'the worked example "{example.id}" answers "{answer.question.id}" here, but the guide asks '
            f'"{reached}" {before}: remove the answer for "{answer.question.id}", or move it to where the guide '
            "asks it.",
        )
    return Problem(
        answer.question.source,
        f'the worked example "{example.id}" answers "{answer.question.id}" here, but its answers so far lead to '
        f'the outcome "{reached}": remove the answers from this line on, or change the one that leads there.',
    )
