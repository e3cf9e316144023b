"""The guide's properties, checked on every path it unfolds into, so that a reader is never told what
their own answers rule out, and an editor who adds a question is checked by them too:

- a next step keeps every answer the reader gave: it goes on from the outcome, or settles anew only
  the path's last answer, and only where that answer is for a moment that passes ("pending");
- an outcome written for some answers ("only_when": the side raising a concern, say) is reached by
  no path that gave others;
- every path ends with something to do: each outcome shows at least one step on every path to it;
- advice for some paths ("when") is shown on at least one, so that none is written for nobody;
- words the guide says only where earlier answers allow them ("says_only_when": "the panel's
  outcome" only where a panel reached one) are on no page of a path that rules them out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..model.guide import Advice, Condition, Guide, Outcome, WordRule, holds
from ..model.guide_paths import GuidePath, continuations, unfold
from ..model.problems import Problem
from ..model.source import Source
from ..model.text import one_line_text


def path_problems(guide: Guide) -> list[Problem]:
    """Every property broken on some path, each reported once, on the first path (depth first) that breaks it."""
    problems: dict[Source, Problem] = {}
    shown: set[Source] = set()
    notice_shown: set[Source] = set()
    paths = unfold(guide)
    by_answers = {path.slugs: path for path in paths}
    folded: dict[str, str] = {}  # each text's words as a rule looks for them: texts recur on many paths
    for path in paths:
        if not isinstance(path.step, Outcome):
            continue
        outcome = path.step
        answered = path.answered
        for found in [*_next_steps(guide, path, by_answers), *_written_for(path, outcome)]:
            problems.setdefault(found.source, found)
        steps = [advice for advice in outcome.steps if holds(advice.when, answered)]
        notice = [advice for advice in guide.notice if holds(advice.when, answered)]
        shown |= {advice.source for advice in steps}
        notice_shown |= {advice.source for advice in notice}
        said = [(outcome.source, text) for text in _texts(outcome)]
        said += [(advice.source, advice.text) for advice in (*steps, *notice)]
        for found in _words_ruled_out(guide.says_only_when, said, path, folded):
            problems.setdefault(found.source, found)
        if not steps and outcome.steps:
            problems.setdefault(
                outcome.source,
                Problem(
                    outcome.source,
                    f'the outcome "{outcome.id}" shows none of its steps on the path {_shown(path)}: every step '
                    'there has a "when" the path does not meet. Give a step for every path.',
                ),
            )
    for outcome in guide.outcomes:
        problems.update((p.source, p) for p in _unshown(outcome.steps, shown, f'"{outcome.id}"'))
    problems.update((p.source, p) for p in _unshown(guide.notice, notice_shown, "any outcome"))
    return sorted(problems.values(), key=lambda p: p.source)


def _texts(outcome: Outcome) -> list[str]:
    """What an outcome says on every path to it: its title, summary, who acts and how, when, and what
    to record. (Its next steps' labels name what may happen next, which no answer has settled yet.)"""
    time = outcome.time
    said = [outcome.title, outcome.summary, outcome.who_acts, outcome.reach, time.compact, time.other_rules]
    return [*said, time.suggestion, *outcome.record]


def _words_ruled_out(
    rules: tuple[WordRule, ...], said: list[tuple[Source, str]], path: GuidePath, folded: dict[str, str]
) -> list[Problem]:
    """`folded`: the words of texts already looked at, to add to."""
    answered = path.answered
    problems = []
    for rule in rules:
        if holds(rule.when, answered):
            continue
        for source, text in said:
            if text not in folded:
                folded[text] = one_line_text(text).casefold()
            if rule.words.casefold() in folded[text]:
                problems.append(
                    Problem(
                        source,
                        f"this says “{rule.words}”, which the guide says only where {_conditions(rule.when)} "
                        f"(the rule at {rule.source}), but the path {_shown(path)} reaches it otherwise. Give "
                        'the text a "when", or reword it.',
                    )
                )
    return problems


def _shown(path: GuidePath) -> str:
    return " -> ".join(path.slugs) or "(the start)"


def _next_steps(guide: Guide, path: GuidePath, paths: Mapping[tuple[str, ...], GuidePath]) -> list[Problem]:
    assert isinstance(path.step, Outcome)
    outcome = path.step
    problems = []
    for following, target in continuations(guide, path, paths):
        if following.goes_on or following.question is None:
            continue  # A next step of neither form is the loader's to report.
        question = following.question.id
        last = path.answers[-1] if path.answers else None
        if path.answer_to(question) is None:
            message = (
                f'the next step of "{outcome.id}" answers "{question}" again, but the path {_shown(path)} reaches '
                "it without that question; choose a question on every path to it."
            )
        elif last is None or last.question.id != question:
            message = (
                f'the next step of "{outcome.id}" answers "{question}" again, which would change answers the reader '
                f"gave after it on the path {_shown(path)}: settle only the last answer anew, or go on from this "
                'outcome ("slug" and "next"), keeping every answer.'
            )
        elif not last.choice.pending:
            message = (
                f'the next step of "{outcome.id}" changes the answer “{last.choice.label}” given to "{question}", '
                f"which stays true whatever happens next (on the path {_shown(path)}): go on from this outcome "
                '("slug" and "next") instead, or, if the answer is for a moment that passes ("not yet"), mark its '
                'choice "pending: true".'
            )
        elif target is None:
            message = (
                f'the next step of "{outcome.id}" answers "{question}" with '
                f"{', '.join(following.answers)}, which is not a path from there (on the path {_shown(path)})."
            )
        elif target.page == path.page:
            message = f'the next step of "{outcome.id}" leads back to the same page (on the path {_shown(path)}).'
        else:
            continue
        problems.append(Problem(following.source, message))
    return problems


def _written_for(path: GuidePath, outcome: Outcome) -> list[Problem]:
    answered = path.answered
    broken = [c for c in outcome.only_when if not holds((c,), answered)]
    if not broken:
        return []
    condition = broken[0]
    given = next((a.choice.label for a in path.answers if a.question.id == condition.question.id), None)
    how = f"having answered “{given}”" if given else f'without answering "{condition.question.id}"'
    return [
        Problem(
            condition.source,
            f'the outcome "{outcome.id}" is written only for paths that answered "{condition.question.id}" with '
            f"{' or '.join(condition.answers)}, but the path {_shown(path)} reaches it {how}. Make that path lead "
            'to advice written for it (a route), or widen "only_when" if the advice fits it too.',
        )
    ]


def _unshown(items: Iterable[Advice], shown: set[Source], where: str) -> list[Problem]:
    return [
        Problem(
            advice.source,
            f'this is shown on no path to {where}: no path there meets its "when" ({_conditions(advice.when)}). '
            'Correct the "when", or remove the item.',
        )
        for advice in items
        if advice.when and advice.source not in shown
    ]


def _conditions(conditions: tuple[Condition, ...]) -> str:
    return "; ".join(f"{c.question.id}: {', '.join(c.answers)}" for c in conditions)
