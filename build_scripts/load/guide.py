"""The disagreement guide: guide/disputes.yml (stages, questions, outcomes), guide/examples.yml
(worked examples) and guide/letters/*.md (model letters)."""

from __future__ import annotations

from pathlib import Path

from ..model.guide import Choice, ExampleAnswer, Guide, Letter, Outcome, Question, Stage, WorkedExample
from ..model.problems import Problem, problem
from ..model.source import Reference, Source
from .fields import Field, RecordSpec
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
        Field("hint", "text", "A few words under the answer, where they help.", required=False),
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
OUTCOME = RecordSpec(
    what="An outcome",
    description="Where a path through the guide ends: what has been reached and what to do now.",
    fields=(
        Field("id", "slug", "The outcome's id: its address is /guide/step/<id>/. Never change it."),
        Field("stage", "slug", "The stage of the process the reader has reached."),
        Field("title", "text", "What has been reached, as the page's heading."),
        Field("summary", "markdown", "What this means, in a sentence or two."),
        Field("steps", "texts", "What to do now, in order, one step a line."),
        Field("who", "texts", "Who is involved, one a line."),
        Field("time", "markdown", "How long it takes, as far as the Compact says.", required=False),
        Field("letter", "slug", "The id of a model letter in guide/letters/ to show.", required=False),
        Field("record", "texts", "What to note on a printed copy, such as dates.", required=False),
        Field("see_also", "texts", "Links to the Compact and codes that apply (Markdown).", required=False),
    ),
)
GUIDE = RecordSpec(
    what="The guide",
    description="The disagreement guide: a step-by-step guide through the Compact's disputes process.",
    fields=(
        Field("title", "text", "The guide's title."),
        Field("introduction", "markdown", "What the guide is for, on its start page."),
        Field("start", "slug", "The id of the first question."),
        Field("stages", "records", "The stages of the process, in order.", record=STAGE),
        Field("questions", "records", "The questions.", record=QUESTION),
        Field("outcomes", "records", "The outcomes.", record=OUTCOME),
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
    fields=(Field("title", "text", "What the letter is for, as its heading."),),
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
        Choice(c.title("label"), c.slug("slug"), _reference(c, "next"), c.text("hint", False), Source(c.path, c.line))
        for c in r.records_of("choices", CHOICE)
    )
    return Question(r.slug("id"), r.slug("stage"), r.title("question"), r.text("help", False), choices, _source(r))


def _outcome(r: Record) -> Outcome:
    return Outcome(
        id=r.slug("id"),
        stage=r.slug("stage"),
        title=r.title("title"),
        summary=r.text("summary"),
        steps=r.text_items("steps"),
        who=r.text_items("who"),
        time=r.text("time", False),
        letter=_reference(r, "letter") if "letter" in r.data else None,
        record=r.text_items("record"),
        see_also=r.text_items("see_also"),
        source=_source(r),
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
        letters.append(Letter(path.stem, meta.title("title"), body.strip(), Source(relative, 1)))
    return letters


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
