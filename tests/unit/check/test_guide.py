"""Validating the disagreement guide: each kind of mistake is reported with its file, its line and
what to do. Each test breaks one thing in a copy of the minimal fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.model.guide_paths import PAGE_LIMIT
from tests.support.project import edit, problems_of

LETTER = "guide/letters/raise.md"

GUIDE = "guide/disputes.yml"
EXAMPLES = "guide/examples.yml"


def test_a_choice_that_leads_to_a_step_that_does_not_exist(project: Path) -> None:
    edit(project / GUIDE, "        next: talked", "        next: talkedd")
    assert problems_of(project) == [
        f'{GUIDE}:21: the choice "A public body" of "who" leads to "talkedd", which is not a step of the guide. '
        'Did you mean "talked"?'
    ]


def test_an_id_used_twice(project: Path) -> None:
    edit(project / GUIDE, "  - id: talk\n", "  - id: outside\n")
    assert problems_of(project) == [
        f'{GUIDE}:33: the choice "No" of "talked" leads to "talk", which is not a step of the guide. '
        'Did you mean "talked"?',
        f'{GUIDE}:48: the id "outside" is already used at {GUIDE}:38; choose another.',
        f'{GUIDE}:78: the next step of "write" leads to "talk", which is not a step of the guide. '
        'Did you mean "talked"?',
    ]


@pytest.mark.parametrize("bad_id", ["../etc", "Talked", "talked again", "a/b"])
def test_an_id_that_could_escape_its_folder_or_is_not_a_slug(project: Path, bad_id: str) -> None:
    edit(project / GUIDE, "  - id: talked\n", f'  - id: "{bad_id}"\n')
    problems = problems_of(project)
    assert problems[0] == (
        f'{GUIDE}:26: "{bad_id}" is not a valid id: use lowercase letters, digits and single hyphens, '
        'such as "stage-2-panel".'
    )


def test_markup_in_an_id_is_one_problem_that_it_is_not_an_id(project: Path) -> None:
    edit(project / GUIDE, "  - id: talked\n", '  - id: "<script>alert(1)</script>"\n')
    assert [p for p in problems_of(project) if p.startswith(f"{GUIDE}:26:")] == [
        f'{GUIDE}:26: "<script>alert(1)</script>" is not a valid id: use lowercase letters, digits and single '
        'hyphens, such as "stage-2-panel".'
    ]


def test_a_step_no_path_reaches(project: Path) -> None:
    edit(project / GUIDE, "        next: write", "        next: talk")
    assert problems_of(project) == [
        f'{GUIDE}:64: no path from the start reaches "write"; make a choice lead to it, or remove it.'
    ]


def test_a_question_with_one_choice(project: Path) -> None:
    edit(project / GUIDE, '      - label: "Yes"\n        slug: "yes"\n        next: write\n', "")
    assert problems_of(project) == [
        f'{GUIDE}:26: the question "talked" has only one choice; a question needs two or more.',
        f'{GUIDE}:61: no path from the start reaches "write"; make a choice lead to it, or remove it.',
    ]


def test_a_question_that_is_a_dead_end(project: Path) -> None:
    edit(
        project / GUIDE,
        '    choices:\n      - label: "No"\n        slug: "no"\n        next: talk\n'
        '      - label: "Yes"\n        slug: "yes"\n        next: write\n',
        "    choices: []\n",
    )
    problems = problems_of(project)
    assert f'{GUIDE}:26: the question "talked" has no choices: a reader who reaches it cannot go on.' in problems


def test_two_choices_with_the_same_label(project: Path) -> None:
    edit(project / GUIDE, '      - label: "Yes"', '      - label: "No"')
    assert problems_of(project) == [
        f'{GUIDE}:34: two choices of "talked" have the label "No" (the other is at {GUIDE}:31); make them differ.'
    ]


def test_a_hint_is_plain_words_as_it_sits_inside_its_answer_s_link(project: Path) -> None:
    edit(project / GUIDE, "        hint: A shop or a firm.", "        hint: A <b>shop</b>.")
    found = problems_of(project)
    assert found and all(problem.startswith(f'{GUIDE}:23: "hint" of ') for problem in found), found
    assert any('it contains "<" or ">"' in problem for problem in found)


def test_a_loop_is_quoted(project: Path) -> None:
    edit(project / GUIDE, "        next: write", "        next: who")
    assert problems_of(project) == [
        f"{GUIDE}:15: the guide goes round in a loop: who -> talked -> who. "
        "Make one of these choices lead on to another step."
    ]


def test_a_guide_that_would_unfold_into_too_many_pages(project: Path) -> None:
    # A chain of questions whose two answers both lead on doubles the paths at every question.
    depth = PAGE_LIMIT.bit_length()
    chain = "".join(
        f"  - id: q{i}\n    stage: before\n    question: Question {i}?\n    choices:\n"
        f"      - {{label: A, slug: a, next: {f'q{i + 1}' if i + 1 < depth else 'who'}}}\n"
        f"      - {{label: B, slug: b, next: {f'q{i + 1}' if i + 1 < depth else 'who'}}}\n"
        for i in range(depth)
    )
    edit(project / GUIDE, "questions:\n", f"questions:\n{chain}")
    edit(project / GUIDE, "start: who", "start: q0")
    # The chain's own pages, then the small guide's six pages once at the end of every way through it.
    pages = (2**depth - 1) + 2**depth * 6
    assert problems_of(project) == [
        f"{GUIDE}:1: the guide would unfold into {pages} pages, more than the limit of {PAGE_LIMIT}: each way of "
        "reaching a step is a page of its own. Join branches that lead to the same advice, or ask less before the "
        "branches meet."
    ]


def test_a_stage_that_does_not_exist(project: Path) -> None:
    edit(project / GUIDE, "    stage: stage-1\n    question:", "    stage: stage-one\n    question:")
    assert problems_of(project) == [
        f'{GUIDE}:26: "talked" belongs to the stage "stage-one", which is not a stage of the guide. '
        'Did you mean "stage-1"?'
    ]


def test_a_start_that_is_not_a_question(project: Path) -> None:
    edit(project / GUIDE, "start: who", "start: whoo")
    assert problems_of(project)[0] == (
        f'{GUIDE}:3: the guide starts at "whoo", which is not a question. Did you mean "who"?'
    )


def test_a_link_to_a_compact_anchor_that_does_not_exist(project: Path) -> None:
    edit(project / GUIDE, "(../compact/principles.md#intro)", "(../compact/principles.md#intra)")
    assert problems_of(project) == [
        f'{GUIDE}:48: the link "The principles" goes to "#intra", which is not an anchor of compact/principles.md. '
        'Did you mean "intro"?'
    ]


def test_a_link_to_a_code_clause_that_does_not_exist(project: Path) -> None:
    edit(
        project / GUIDE, "summary: Talking comes first.", "summary: See [the clause](../codes/fair-funding.md#ff-pay)."
    )
    assert problems_of(project) == [
        f'{GUIDE}:48: the link "the clause" goes to "#ff-pay", which is not an anchor of codes/fair-funding.md. '
        'Did you mean "ff-pay-on-time"?'
    ]


def test_a_letter_that_does_not_exist(project: Path) -> None:
    edit(project / GUIDE, "    letter: raise", "    letter: raised")
    assert problems_of(project) == [
        f'{GUIDE}:74: the outcome "write" shows the letter "raised", which is not a letter in guide/letters/. '
        'Did you mean "raise"?',
        'guide/letters/raise.md:1: no outcome shows this letter; name it in an outcome\'s "letter", '
        "or delete the file.",
    ]


def test_a_worked_example_that_is_not_a_path(project: Path) -> None:
    edit(project / EXAMPLES, '        answer: "yes"', "        answer: yess")
    assert problems_of(project) == [
        f'{EXAMPLES}:10: the worked example answers "talked" with "yess", which is not one of its choices. '
        'Did you mean "yes"?'
    ]


def test_a_worked_example_that_ends_elsewhere(project: Path) -> None:
    edit(project / EXAMPLES, "    outcome: write", "    outcome: talk")
    assert problems_of(project) == [
        f'{EXAMPLES}:13: the worked example should end at "talk", but its answers lead to "write".'
    ]


def test_a_worked_example_that_skips_a_question(project: Path) -> None:
    edit(
        project / EXAMPLES, "      - question: who\n        answer: public\n        note: The charity raises it.\n", ""
    )
    assert problems_of(project) == [
        f'{EXAMPLES}:7: the worked example "a-case" does not answer "who", which the guide now asks first: '
        'add an answer for "who" after line 6.'
    ]


def test_a_worked_example_that_answers_before_the_guide_asks(project: Path) -> None:
    edit(project / EXAMPLES, '      - question: talked\n        answer: "yes"\n        note: They have talked.\n', "")
    edit(
        project / EXAMPLES,
        "    answers:\n",
        '    answers:\n      - question: talked\n        answer: "yes"\n        note: They have talked.\n',
    )
    assert problems_of(project) == [
        f'{EXAMPLES}:7: the worked example "a-case" answers "talked" here, but the guide asks "who" first: '
        'remove the answer for "talked", or move it to where the guide asks it.'
    ]


def test_a_worked_example_that_stops_at_a_question(project: Path) -> None:
    edit(project / EXAMPLES, '      - question: talked\n        answer: "yes"\n        note: They have talked.\n', "")
    assert problems_of(project) == [
        f'{EXAMPLES}:10: the worked example "a-case" stops at the question "talked", which the guide asks after '
        'its last answer: add an answer for "talked" after line 9.'
    ]


def test_a_worked_example_that_answers_a_question_the_guide_no_longer_asks_there(project: Path) -> None:
    edit(
        project / EXAMPLES,
        "      - question: talked",
        '      - question: talked\n        answer: "no"\n        note: Not yet.\n      - question: talked',
    )
    edit(
        project / EXAMPLES,
        "      - question: who\n        answer: public\n        note: The charity raises it.\n",
        "      - question: who\n        answer: business\n        note: A shop.\n",
    )
    assert problems_of(project) == [
        f'{EXAMPLES}:10: the worked example "a-case" answers "talked" here, but its answers so far lead to the '
        'outcome "outside": remove the answers from this line on, or change the one that leads there.'
    ]


def test_an_item_with_a_colon_is_explained(project: Path) -> None:
    edit(project / GUIDE, "      - Call your Champion.", "      - Call: your Champion.")
    assert problems_of(project) == [
        f'{GUIDE}:53: this item of "steps" contains ": ", so it is read as "name: value"; put the whole item '
        'in double quotes (or, for an item shown only on some paths, write it as "text" with "when").'
    ]


ROUTE = """routes:
  - id: by-who
    on: who
    branches:
      - answer: public
        next: write
"""


def with_route(project: Path, route: str = ROUTE) -> None:
    """The fixture with a route before its outcomes: "Yes" of "talked" goes on by the answer to "who"."""
    edit(project / GUIDE, "outcomes:\n", route + "outcomes:\n")
    edit(project / GUIDE, "        next: write", "        next: by-who")


def test_a_route_goes_on_by_an_earlier_answer(project: Path) -> None:
    with_route(project)
    assert problems_of(project) == []


def test_a_route_that_reads_a_question_that_does_not_exist(project: Path) -> None:
    with_route(project, ROUTE.replace("on: who", "on: whoo"))
    assert problems_of(project) == [
        f'{GUIDE}:39: the route "by-who" reads "whoo", which is not a question of the guide. Did you mean "who"?'
    ]


def test_a_route_with_a_branch_for_an_answer_the_question_does_not_have(project: Path) -> None:
    with_route(project, ROUTE.replace("answer: public", "answer: publik"))
    assert problems_of(project)[0] == (
        f'{GUIDE}:41: the route "by-who" has a branch for "publik", which is not an answer of "who". '
        'Did you mean "public"?'
    )


def test_a_route_with_no_branch_for_a_path_is_a_dead_end(project: Path) -> None:
    with_route(project, ROUTE.replace("answer: public", "answer: business"))
    assert problems_of(project) == [
        f'{GUIDE}:36: the choice "Yes" of "talked" leads to the route "by-who" on a path with the answer '
        '"public" to "who", for which the route has no branch: a reader could not go on. Add a branch for it, '
        'or an "otherwise".'
    ]


def test_a_route_no_choice_leads_to(project: Path) -> None:
    edit(project / GUIDE, "outcomes:\n", ROUTE + "outcomes:\n")
    assert problems_of(project) == [
        f'{GUIDE}:38: no choice leads to the route "by-who"; make one lead to it, or remove it.'
    ]


def test_an_outcome_that_says_nothing_of_how_to_reach_anyone(project: Path) -> None:
    edit(project / GUIDE, "    reach: At the business's own address.\n", "")
    assert problems_of(project) == [
        f'{GUIDE}:38: the outcome "outside" does not say how to reach anyone: name the contacts a reader needs in '
        '"contacts", or say in "reach" how to reach the other organisation.'
    ]


def test_an_outcome_that_does_not_say_when_to_act(project: Path) -> None:
    edit(project / GUIDE, "      suggestion: A few weeks.\n", "")
    assert problems_of(project) == [
        f'{GUIDE}:58: "time" of an outcome should say when to act: give "compact", "other_rules" or "suggestion" '
        "(a case study is an example, not a time to keep)."
    ]


def test_an_outcome_that_names_a_contact_that_does_not_exist(project: Path) -> None:
    edit(project / GUIDE, "    contacts: [the-chair]", "    contacts: [the-chairs]")
    problems = problems_of(project)
    assert problems == [
        f'{GUIDE}:71: the outcome "write" names "the-chairs", which is not a contact in contacts.yml. '
        'Did you mean "the-chair"?',
        f'{GUIDE}:74: the outcome "write" shows the letter "raise", which is addressed to "the-chair": add '
        '"the-chair" to its "contacts", so that a reader learns how to reach them.',
    ]


GOES_ON = "        slug: talk-again\n        next: talk\n"
YES = '      - label: "Yes"\n        slug: "yes"\n'


def settling(project: Path, question: str, answers: str, pending: bool = True) -> None:
    """The fixture's next step made one that settles an answer anew, the "Yes" it settles pending."""
    edit(project / GUIDE, GOES_ON, f"        question: {question}\n        answers: {answers}\n")
    if pending:
        edit(project / GUIDE, YES, YES + "        pending: true\n")


def test_a_next_step_that_asks_a_question_not_on_the_path(project: Path) -> None:
    settling(project, "talk", '["no"]')
    assert problems_of(project) == [
        f'{GUIDE}:78: the next step of "write" leads to "talk", which is not a question of the guide. '
        'Did you mean "talked"?'
    ]


def test_a_next_step_whose_answers_are_not_a_path(project: Path) -> None:
    settling(project, "talked", '["no", "yes"]')
    assert problems_of(project) == [
        f'{GUIDE}:77: the next step of "write" answers "talked" with no, yes, which is not a path from there '
        "(on the path public -> yes)."
    ]


def test_a_next_step_that_leads_back_to_the_same_page(project: Path) -> None:
    settling(project, "talked", '["yes"]')
    assert problems_of(project) == [
        f'{GUIDE}:77: the next step of "write" leads back to the same page (on the path public -> yes).'
    ]


def test_a_next_step_may_settle_anew_only_an_answer_for_a_moment_that_passes(project: Path) -> None:
    """Onward links keep the answers: "Yes" is a fact that stays, and replacing it rewrites the reader's answers."""
    settling(project, "talked", '["no"]', pending=False)
    assert problems_of(project) == [
        f'{GUIDE}:76: the next step of "write" changes the answer “Yes” given to "talked", which stays true '
        'whatever happens next (on the path public -> yes): go on from this outcome ("slug" and "next") instead, '
        'or, if the answer is for a moment that passes ("not yet"), mark its choice "pending: true".'
    ]


def test_a_next_step_may_not_change_answers_given_before_the_last(project: Path) -> None:
    settling(project, "who", '["business"]')
    assert problems_of(project) == [
        f'{GUIDE}:77: the next step of "write" answers "who" again, which would change answers the reader gave '
        "after it on the path public -> yes: settle only the last answer anew, or go on from this outcome "
        '("slug" and "next"), keeping every answer.'
    ]


def test_a_settled_answer_is_the_only_change(project: Path) -> None:
    settling(project, "talked", '["no"]')
    assert problems_of(project) == []


def test_a_next_step_gives_one_form_not_both(project: Path) -> None:
    edit(project / GUIDE, GOES_ON, GOES_ON + "        question: talked\n")
    assert problems_of(project)[0] == (
        f'{GUIDE}:76: a next step either settles the last answer anew ("question" and "answers") or goes on from '
        'this outcome ("slug" and "next"): give one pair, not both.'
    )


WRITTEN_FOR = "    letter: raise\n"


def test_an_outcome_reached_by_a_path_it_is_not_written_for(project: Path) -> None:
    """Advice for one side (or one kind of party) never reaches a path that answered otherwise."""
    edit(
        project / GUIDE,
        WRITTEN_FOR,
        WRITTEN_FOR + "    only_when:\n      - question: who\n        answers: [business]\n",
    )
    assert problems_of(project) == [
        f'{GUIDE}:76: the outcome "write" is written only for paths that answered "who" with business, but the '
        "path public -> yes reaches it having answered “A public body”. Make that path lead to advice written "
        'for it (a route), or widen "only_when" if the advice fits it too.'
    ]


def test_an_outcome_written_for_the_paths_that_reach_it(project: Path) -> None:
    edit(
        project / GUIDE,
        WRITTEN_FOR,
        WRITTEN_FOR + "    only_when:\n      - question: who\n        answers: [public]\n",
    )
    assert problems_of(project) == []


STEP = "      - Send the letter below.\n"


def conditional(when: str) -> str:
    return f"      - text: Only for some.\n        when:\n{when}"


def test_a_step_for_some_paths_that_no_path_meets(project: Path) -> None:
    edit(project / GUIDE, STEP, STEP + conditional("          - question: who\n            answers: [business]\n"))
    assert problems_of(project) == [
        f'{GUIDE}:70: this is shown on no path to "write": no path there meets its "when" (who: business). '
        'Correct the "when", or remove the item.'
    ]


def test_every_path_to_an_outcome_shows_at_least_one_step(project: Path) -> None:
    edit(project / GUIDE, STEP, conditional("          - question: who\n            answers: [business]\n"))
    assert problems_of(project) == [
        f'{GUIDE}:64: the outcome "write" shows none of its steps on the path public -> yes: every step there '
        'has a "when" the path does not meet. Give a step for every path.',
        f'{GUIDE}:69: this is shown on no path to "write": no path there meets its "when" (who: business). '
        'Correct the "when", or remove the item.',
    ]


def test_a_condition_on_a_question_or_an_answer_that_does_not_exist(project: Path) -> None:
    edit(project / GUIDE, STEP, STEP + conditional("          - question: whom\n            answers: [public]\n"))
    edit(
        project / GUIDE,
        "    summary: Talking comes first.\n    steps:\n",
        "    summary: Talking comes first.\n    steps:\n"
        + conditional("          - question: who\n            answers: [publik]\n"),
    )
    assert problems_of(project) == [
        f'{GUIDE}:55: a step of "talk" depends on "publik", which is not an answer of "who". Did you mean "public"?',
        f'{GUIDE}:76: a step of "write" depends on the answer to "whom", which is not a question of the guide. '
        'Did you mean "who"?',
    ]


def test_a_letter_addressed_to_a_contact_that_does_not_exist(project: Path) -> None:
    edit(project / "guide/letters/raise.md", "to: the-chair", "to: chair")
    assert problems_of(project) == [
        'guide/letters/raise.md:3: the letter is addressed to "chair", which is not a contact in contacts.yml. '
        'Did you mean "the-chair"?',
    ]


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("- a list item", "may hold only lines of text"),
        ("See [the guide](../index.md).", "may hold only lines of text"),
        ("# A heading", "may hold only lines of text"),
        ("Dear [name [or title]],", "is not closed on this line"),
        ("Dear [name,", "is not closed on this line"),
    ],
)
def test_a_letter_line_that_only_the_page_could_show(project: Path, line: str, what: str) -> None:
    edit(project / "guide/letters/raise.md", "Dear [name],", line)
    (found,) = problems_of(project)
    assert found.startswith("guide/letters/raise.md:6: ") and what in found


@pytest.mark.parametrize(
    ("line", "makes"),
    [
        ("# A heading", "h1"),
        ("- a list item", "ul"),
        ("> a quote", "blockquote"),
        ("See [the Compact](../compact/principles.md).", "a"),
        ("Use `code` here.", "code"),
    ],
)
def test_a_letter_holds_only_lines_of_text_bold_and_fields(project: Path, line: str, makes: str) -> None:
    edit(project / LETTER, "**We would like to raise an issue.**", f"**We would like to raise an issue.**\n\n{line}")
    assert problems_of(project) == [
        f"{LETTER}:10: a letter may hold only lines of text, **bold** and [fields to fill in], which every copy of "
        f"it (the page, the Word document, the text file) can show; this line makes a <{makes}>: write it as plain "
        "text."
    ]


def test_a_field_left_open_in_a_letter_is_refused(project: Path) -> None:
    edit(project / LETTER, "Dear [name],", "Dear [name,")
    assert problems_of(project) == [
        f"{LETTER}:6: a [field to fill in] is not closed on this line, or holds another: close each [ with ] before "
        "the next [."
    ]


def test_words_the_guide_says_only_where_the_answers_allow_them(project: Path) -> None:
    """ "No page assumes an event the path's answers rule out": a rule of words, stated once, read on every path."""
    rule = (
        'says_only_when:\n  - words: "talk to the business"\n    when:\n'
        "      - question: who\n        answers: [business]\n"
    )
    edit(project / GUIDE, "start: who\n", f"start: who\n{rule}")
    assert problems_of(project) == []
    edit(project / GUIDE, "      - Call your Champion.\n", "      - Call your Champion, or talk to the business.\n")
    assert problems_of(project) == [
        f"{GUIDE}:58: this says “talk to the business”, which the guide says only where who: business (the rule at "
        f'{GUIDE}:5), but the path public -> no reaches it otherwise. Give the text a "when", or reword it.'
    ]


def test_two_next_steps_that_go_on_to_one_address(project: Path) -> None:
    """Their pages would have one address: one would silently replace the other."""
    second = "      - label: Writing did not help either\n        slug: talk-again\n        next: outside\n"
    edit(project / GUIDE, GOES_ON, GOES_ON + second)
    assert problems_of(project)[0] == (
        f'{GUIDE}:79: two next steps of "write" have the slug "talk-again" (the other is at {GUIDE}:76); '
        "make them differ."
    )


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("        slug: talk-again\n", 'this one has no "next"; add it.'),
        ("        question: talked\n", 'this one has no "answers"; add it.'),
    ],
)
def test_a_next_step_with_half_of_its_form(project: Path, given: str, said: str) -> None:
    edit(project / GUIDE, GOES_ON, given)
    assert problems_of(project)[0] == (
        f'{GUIDE}:76: a next step either settles the last answer anew ("question" and "answers") or goes on from '
        f'this outcome ("slug" and "next"): {said}'
    )


def test_the_words_rule_reads_what_to_record_too(project: Path) -> None:
    rule = "says_only_when:\n  - words: the call\n    when:\n      - question: who\n        answers: [business]\n"
    edit(project / GUIDE, "start: who\n", f"start: who\n{rule}")
    assert problems_of(project)[0].startswith(
        f"{GUIDE}:53: this says “the call”, which the guide says only where who: business"
    )
