"""The disagreement guide: guide/disputes.yml (stages, questions, outcomes), guide/examples.yml
(worked examples) and guide/letters/*.md (model letters)."""

from __future__ import annotations

from pathlib import Path

from ..model.guide import (
    Advice,
    Branch,
    Choice,
    Condition,
    Continuation,
    ExampleAnswer,
    Fact,
    Guide,
    Letter,
    Outcome,
    Question,
    Route,
    Stage,
    Time,
    WordRule,
    WorkedExample,
)
from ..model.problems import Problem, problem
from ..model.source import Reference, Source
from .fields import EVIDENCE_FIELDS, Field, RecordSpec
from .markup import read_markup
from .records import SLUG_RULE, Record, is_slug
from .yaml_source import load_yaml_file, markdown_problems, read_text, split_front_matter

GUIDE_DIR = "guide"
GUIDE_FILE = f"{GUIDE_DIR}/disputes.yml"
EXAMPLES_FILE = f"{GUIDE_DIR}/examples.yml"
LETTERS_DIR = f"{GUIDE_DIR}/letters"

STAGE = RecordSpec(
    what="A stage",
    description="A stage of the disputes process, as the guide and its diagram show it.",
    fields=(
        Field("id", "slug", "The stage's id, which questions and outcomes name."),
        Field("name", "text", 'Its name: "Stage 1", or "Before the process".'),
        Field("title", "text", 'What happens in it, in a few words: "The Compact Champions".'),
        Field("summary", "text", "One or two sentences, for the diagram of the process."),
        Field(
            "then",
            "text",
            'When the process goes on to the next stage: "If the issue is not resolved".',
            required=False,
        ),
    ),
)
CHOICE = RecordSpec(
    what="A choice",
    description="One answer to a question.",
    fields=(
        Field("label", "text", "The answer, as the reader sees it."),
        Field("slug", "slug", "The answer's part of the address of the next page, such as not-yet. Never change it."),
        Field("next", "slug", "The id of the question or outcome this answer leads to."),
        Field(
            "hint",
            "text",
            "A few words under the answer, where they help: plain words, as they sit inside the answer's link.",
            required=False,
        ),
        Field(
            "pending",
            "flag",
            'true for an answer about a moment that passes ("No, not yet", "We are waiting"): a next step of '
            "the outcome it leads to may settle it anew. Any other answer is kept as the reader gave it.",
            required=False,
        ),
    ),
)
QUESTION = RecordSpec(
    what="A question",
    description="One question of the guide, on a page of its own.",
    fields=(
        Field("id", "slug", "The question's id: its address is /guide/step/<id>/. Never change it."),
        Field("stage", "slug", "The stage of the process the question belongs to."),
        Field("question", "text", "The question, as the page's heading."),
        Field("help", "markdown", "A line of help under the question.", required=False),
        Field("choices", "records", "The answers, two or more.", record=CHOICE),
    ),
)
BRANCH = RecordSpec(
    what="A branch of a route",
    description="Where a route goes for one answer to the question it reads.",
    fields=(
        Field("answer", "slug", "The slug of a choice of the question the route reads."),
        Field("next", "slug", "The id of the question, outcome or route to go on to."),
    ),
)
ROUTE = RecordSpec(
    what="A route",
    description=(
        "A fork the reader does not see: it goes on by the answer given earlier to a question, so that a "
        "question can be shared by both sides and asked once."
    ),
    fields=(
        Field("id", "slug", "The route's id, which choices name in their next. It has no page of its own."),
        Field("on", "slug", "The id of the question whose earlier answer decides where the route goes."),
        Field("branches", "records", "Where it goes for each answer.", record=BRANCH),
        Field(
            "otherwise",
            "slug",
            "Where it goes for any other answer, or when the question was not asked on the way.",
            required=False,
        ),
    ),
)
TIME = RecordSpec(
    what="The time of an outcome",
    description="When to act, or how long to wait. Give at least one of compact, other_rules and suggestion.",
    fields=(
        Field(
            "compact",
            "markdown",
            "A time the Compact itself sets, and where. Leave it out where it sets none: the page then says so.",
            required=False,
        ),
        Field(
            "other_rules",
            "markdown",
            "A time set by rules outside the Compact: a Complaints Procedure, an Ombudsman, the law.",
            required=False,
        ),
        Field(
            "case_study",
            "markdown",
            "What happened in one of the Compact's case studies. Shown as an example, never as a rule.",
            required=False,
        ),
        Field(
            "suggestion",
            "markdown",
            "This handbook's suggestion, where the Compact sets no time. Shown as the handbook's, not the Compact's.",
            required=False,
        ),
    ),
)
CONTINUATION = RecordSpec(
    what="An outcome's next step",
    description=(
        '"If this does not work": a next step. Either it settles anew the reader\'s last answer, where that '
        'answer is "pending" (give "question" and "answers"), or it goes on from this outcome with every answer '
        'kept (give "slug" and "next").'
    ),
    fields=(
        Field("label", "text", 'What the link says: "Talking did not resolve it: raise the issue in writing".'),
        Field(
            "question",
            "slug",
            "To settle the last answer anew: the id of the question it answers, the last on every path here.",
            required=False,
        ),
        Field("answers", "slugs", "The slugs of the answers given from that question on, in order.", required=False),
        Field(
            "slug",
            "slug",
            "To go on from this outcome: this step's part of the address of the page it leads to. Never change it.",
            required=False,
        ),
        Field("next", "slug", "To go on: the id of the question, route or outcome it leads to.", required=False),
    ),
)
CONDITION = RecordSpec(
    what="A condition",
    description="What a path must have answered to one question for the advice to fit it.",
    fields=(
        Field("question", "slug", "The id of a question asked earlier on the path."),
        Field("answers", "slugs", "The slugs of the answers to it that the advice fits."),
    ),
)
WORD_RULE = RecordSpec(
    what="A rule of words",
    description="Words the guide may say only where earlier answers allow them.",
    fields=(
        Field("words", "text", 'The words, as a reader sees them (any case): "the panel\'s outcome".'),
        Field("when", "records", "The answers a path must have given for a page to say them.", record=CONDITION),
    ),
)
FACT = RecordSpec(
    what="A fact",
    description="A statement beyond the 2009 text that this part of the guide relies on, and where it comes from.",
    fields=(Field("about", "markdown", "What is stated, in a few words."), *EVIDENCE_FIELDS),
)
ADVICE = RecordSpec(
    what="A line of advice",
    description="Advice shown only where the reader's answers fit it, or with where what it says comes from.",
    fields=(
        Field("text", "markdown", "The advice."),
        Field("when", "records", "The answers it fits: every condition must hold.", required=False, record=CONDITION),
        Field(
            "facts",
            "records",
            "Where what it says beyond the 2009 text comes from; shown wherever it is.",
            required=False,
            record=FACT,
        ),
    ),
)
OUTCOME = RecordSpec(
    what="An outcome",
    description="Where a path through the guide ends: what has been reached and what to do now.",
    fields=(
        Field("id", "slug", "The outcome's id: its address is /guide/step/<id>/. Never change it."),
        Field("stage", "slug", "The stage of the process the reader has reached."),
        Field("title", "text", "What has been reached, as the page's heading."),
        Field("summary", "markdown", "What this means, in a sentence or two."),
        Field(
            "steps",
            "texts_or_records",
            'What to do now, in order, one step a line; a step for some paths only gives "text" and "when".',
            record=ADVICE,
        ),
        Field("who_acts", "markdown", "Who takes the next step."),
        Field(
            "contacts",
            "slugs",
            "The ids of the contacts in contacts.yml the reader needs; each is shown with how to reach it.",
            required=False,
        ),
        Field(
            "reach",
            "markdown",
            "How to reach someone who is not in contacts.yml, such as the other organisation.",
            required=False,
        ),
        Field("time", "record", "When to act, or how long to wait.", record=TIME),
        Field("letter", "slug", "The id of a model letter in guide/letters/ to show.", required=False),
        Field("record", "texts", "What to note on a printed copy, such as dates.", required=False),
        Field("see_also", "texts", "Links to the Compact and codes that apply (Markdown).", required=False),
        Field(
            "if_not_resolved",
            "records",
            '"If this does not work": the next steps, with the reader\'s answers kept.',
            required=False,
            record=CONTINUATION,
        ),
        Field(
            "only_when",
            "records",
            "The answers this outcome is written for: make check fails where a path reaches it with others.",
            required=False,
            record=CONDITION,
        ),
        Field(
            "facts",
            "records",
            "Where the statements of this outcome beyond the 2009 text come from.",
            required=False,
            record=FACT,
        ),
    ),
)
GUIDE = RecordSpec(
    what="The guide",
    description="The disagreement guide: a step-by-step guide through the Compact's disputes process.",
    fields=(
        Field("title", "text", "The guide's title."),
        Field("introduction", "markdown", "What the guide is for, on its start page."),
        Field(
            "notice",
            "texts_or_records",
            "What a reader must know before acting: on the start page, and on each outcome whose path it fits "
            '("when").',
            required=False,
            record=ADVICE,
        ),
        Field("start", "slug", "The id of the first question."),
        Field("stages", "records", "The stages of the process, in order.", record=STAGE),
        Field("questions", "records", "The questions.", record=QUESTION),
        Field("routes", "records", "The routes: forks by an earlier answer.", required=False, record=ROUTE),
        Field("outcomes", "records", "The outcomes.", record=OUTCOME),
        Field(
            "says_only_when",
            "records",
            "Words an outcome may say only where earlier answers allow them; make check reads every path for them.",
            required=False,
            record=WORD_RULE,
        ),
    ),
)
EXAMPLE_ANSWER = RecordSpec(
    what="An answer of a worked example",
    description="One answer given in a worked example.",
    fields=(
        Field("question", "slug", "The id of the question answered."),
        Field("answer", "slug", "The slug of the choice taken."),
        Field("note", "text", "How the case study maps to this answer."),
    ),
)
EXAMPLE = RecordSpec(
    what="A worked example",
    description="A case study of the Compact, told as a path through the guide.",
    fields=(
        Field("id", "slug", "The example's anchor on the worked examples page."),
        Field("title", "text", "The case study's title."),
        Field("case_study", "text", "Where the case study is, as a link: ../compact/case-studies.md#grant-funding."),
        Field("summary", "markdown", "The case in a sentence or two."),
        Field("answers", "records", "The answers, in order, from the first question.", record=EXAMPLE_ANSWER),
        Field("outcome", "slug", "The id of the outcome the answers reach."),
    ),
)
EXAMPLES = RecordSpec(
    what="The worked examples",
    description="The Compact's case studies as paths through the guide.",
    fields=(Field("examples", "records", "The worked examples.", record=EXAMPLE),),
)
LETTER = RecordSpec(
    what="The letter's front matter",
    description="A model letter.",
    fields=(
        Field("title", "text", "What the letter is for: the heading above it on a page, never a line of the letter."),
        Field(
            "to",
            "slug",
            "The id of the contact in contacts.yml the letter is addressed to, if it is one.",
            required=False,
        ),
    ),
)


def load_guide(root: Path, problems: list[Problem]) -> Guide | None:
    data = load_yaml_file(root, GUIDE_FILE, problems)
    if data is None:
        return None
    guide = Record.of(GUIDE, data, GUIDE_FILE, 1, problems)
    return Guide(
        title=guide.title("title"),
        introduction=guide.text("introduction"),
        start=Reference(guide.slug("start"), Source(GUIDE_FILE, guide.line_of("start"))),
        stages=tuple(_stage(r) for r in guide.records_of("stages", STAGE)),
        questions=tuple(_question(r) for r in guide.records_of("questions", QUESTION)),
        outcomes=tuple(_outcome(r) for r in guide.records_of("outcomes", OUTCOME)),
        letters=tuple(_letters(root, problems)),
        examples=tuple(_examples(root, problems)),
        source=Source(GUIDE_FILE, 1),
        notice=_advice(guide, "notice"),
        routes=tuple(_route(r) for r in guide.records_of("routes", ROUTE)),
        says_only_when=tuple(
            WordRule(w.text("words"), _conditions(w, "when"), _source(w))
            for w in guide.records_of("says_only_when", WORD_RULE)
        ),
    )


def _stage(r: Record) -> Stage:
    return Stage(
        r.slug("id"),
        r.title("name"),
        r.title("title"),
        r.text("summary"),
        r.text("then", False),
        Source(r.path, r.line),
    )


def _reference(r: Record, key: str) -> Reference:
    return Reference(r.slug(key), Source(r.path, r.line_of(key)))


def _question(r: Record) -> Question:
    choices = tuple(
        Choice(
            c.title("label"),
            c.slug("slug"),
            _reference(c, "next"),
            c.title("hint", False),
            Source(c.path, c.line),
            c.flag("pending"),
        )
        for c in r.records_of("choices", CHOICE)
    )
    return Question(r.slug("id"), r.slug("stage"), r.title("question"), r.text("help", False), choices, _source(r))


def _route(r: Record) -> Route:
    return Route(
        id=r.slug("id"),
        on=_reference(r, "on"),
        branches=tuple(
            Branch(b.slug("answer"), _reference(b, "next"), _source(b)) for b in r.records_of("branches", BRANCH)
        ),
        otherwise=_reference(r, "otherwise") if "otherwise" in r.data else None,
        source=_source(r),
    )


def _outcome(r: Record) -> Outcome:
    time = r.record_of("time", TIME)
    steps = _advice(r, "steps")
    if "steps" in r.data and not steps:
        r.problems.append(problem(r.path, r.line_of("steps"), '"steps" is empty; give at least one step.'))
    return Outcome(
        id=r.slug("id"),
        stage=r.slug("stage"),
        title=r.title("title"),
        summary=r.text("summary"),
        steps=steps,
        who_acts=r.text("who_acts"),
        contacts=tuple(Reference(value, Source(r.path, line)) for value, line in r.slugs("contacts")),
        reach=r.text("reach", False),
        time=_time(time) if time is not None else Time("", "", "", ""),
        letter=_reference(r, "letter") if "letter" in r.data else None,
        record=r.text_items("record"),
        see_also=r.text_items("see_also"),
        if_not_resolved=tuple(_continuation(c) for c in r.records_of("if_not_resolved", CONTINUATION)),
        source=_source(r),
        only_when=_conditions(r, "only_when"),
        facts=_facts(r),
    )


def _advice(r: Record, key: str) -> tuple[Advice, ...]:
    found = []
    for item, line in r.texts_or_records(key, ADVICE):
        if isinstance(item, str):
            found.append(Advice(item, (), Source(r.path, line)))
        else:
            found.append(Advice(item.text("text"), _conditions(item, "when"), Source(r.path, line), _facts(item)))
    return tuple(found)


def _conditions(r: Record, key: str) -> tuple[Condition, ...]:
    conditions = []
    for c in r.records_of(key, CONDITION):
        answers = tuple(value for value, _ in c.slugs("answers"))
        conditions.append(Condition(_reference(c, "question"), answers, _source(c)))
    if key in r.data and not conditions:
        r.problems.append(problem(r.path, r.line_of(key), f'"{key}" is empty; give at least one condition.'))
    return tuple(conditions)


def _facts(r: Record) -> tuple[Fact, ...]:
    return tuple(Fact(f.text("about"), f.evidence()) for f in r.records_of("facts", FACT))


def _time(r: Record) -> Time:
    time = Time(
        r.text("compact", False), r.text("other_rules", False), r.text("case_study", False), r.text("suggestion", False)
    )
    if r.data and not time.says_when:
        r.problems.append(
            problem(
                r.path,
                r.line,
                '"time" of an outcome should say when to act: give "compact", "other_rules" or "suggestion" '
                "(a case study is an example, not a time to keep).",
            )
        )
    return time


def _continuation(r: Record) -> Continuation:
    answers = tuple(value for value, _ in r.slugs("answers"))
    if "answers" in r.data and not answers:
        r.problems.append(problem(r.path, r.line_of("answers"), '"answers" is empty; give at least one answer.'))
    settles = "question" in r.data or "answers" in r.data
    goes_on = "slug" in r.data or "next" in r.data
    forms = (
        'a next step either settles the last answer anew ("question" and "answers") or goes on from this '
        'outcome ("slug" and "next")'
    )
    if settles and goes_on:
        r.problems.append(problem(r.path, r.line, f"{forms}: give one pair, not both."))
    elif not settles and not goes_on:
        r.problems.append(problem(r.path, r.line, f"{forms}: give one of the pairs."))
    else:
        missing = sorted(({"question", "answers"} if settles else {"slug", "next"}) - set(r.data))
        if missing:
            r.problems.append(problem(r.path, r.line, f'{forms}: this one has no "{missing[0]}"; add it.'))
    return Continuation(
        r.text("label"),
        _reference(r, "question") if "question" in r.data else None,
        answers,
        r.slug("slug") if "slug" in r.data else "",
        _reference(r, "next") if "next" in r.data and not settles else None,
        _source(r),
    )


def _source(r: Record) -> Source:
    return Source(r.path, r.line)


def _letters(root: Path, problems: list[Problem]) -> list[Letter]:
    letters = []
    for path in sorted((root / LETTERS_DIR).glob("*")):
        relative = f"{LETTERS_DIR}/{path.name}"
        if path.suffix != ".md" or not is_slug(path.stem):
            problems.append(
                problem(relative, 1, f"a letter's file name should be its id and .md, the id in {SLUG_RULE}.")
            )
            continue
        text, read_problems = read_text(root, relative)
        problems.extend(read_problems)
        if text is None:
            continue
        front, body, body_line = split_front_matter(text, relative, problems)
        meta = Record.of(LETTER, front, relative, 1, problems)
        problems.extend(markdown_problems(relative, body, body_line))
        if not body.strip():
            problems.append(problem(relative, 1, "the letter has no text; write it after the front matter."))
        problems.extend(_letter_problems(relative, body, body_line))
        to = Reference(meta.slug("to"), Source(relative, meta.line_of("to"))) if "to" in meta.data else None
        letters.append(Letter(path.stem, meta.title("title"), to, body.strip(), Source(relative, 1)))
    return letters


LETTER_ELEMENTS = frozenset({"p", "strong", "br"})
"""What a letter's Markdown may make: a letter is also a Word document and a text file, which show
lines of text and bold, and nothing else."""


def _letter_problems(path: str, body: str, body_line: int) -> list[Problem]:
    """A letter is made into a Word document and a text file as well as a page, so it holds only
    lines of text, **bold** and [fields to fill in]: no headings, lists, quotes, links or code."""
    problems = []
    refused: dict[int, str] = {}
    for line, tag in read_markup(body).elements:
        if tag not in LETTER_ELEMENTS:
            refused.setdefault(line, tag)
    for line, tag in refused.items():
        message = (
            "a letter may hold only lines of text, **bold** and [fields to fill in], which every copy of it "
            f"(the page, the Word document, the text file) can show; this line makes a <{tag}>: write it as "
            "plain text."
        )
        problems.append(problem(path, body_line + line, message))
    for index, text in enumerate(body.split("\n")):
        if not _fields_close(text):
            message = (
                "a [field to fill in] is not closed on this line, or holds another: close each [ with ] "
                "before the next [."
            )
            problems.append(problem(path, body_line + index, message))
    return sorted(set(problems))


def _fields_close(line: str) -> bool:
    depth = 0
    for character in line:
        depth += {"[": 1, "]": -1}.get(character, 0)
        if depth not in (0, 1):
            return False
    return depth == 0


def _examples(root: Path, problems: list[Problem]) -> list[WorkedExample]:
    data = load_yaml_file(root, EXAMPLES_FILE, problems)
    if data is None:
        return []
    return [
        WorkedExample(
            id=r.slug("id"),
            title=r.title("title"),
            summary=r.text("summary"),
            case_study=r.link("case_study"),
            answers=tuple(
                ExampleAnswer(_reference(a, "question"), a.slug("answer"), a.text("note"), _source(a))
                for a in r.records_of("answers", EXAMPLE_ANSWER)
            ),
            outcome=_reference(r, "outcome"),
            source=_source(r),
        )
        for r in Record.of(EXAMPLES, data, EXAMPLES_FILE, 1, problems).records_of("examples", EXAMPLE)
    ]
