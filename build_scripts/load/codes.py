"""The codes of practice: codes_of_practice/contents.yml names them, one YAML file a code."""

from __future__ import annotations

from pathlib import Path

from ..model.facts import Evidence
from ..model.handbook import SECTORS, Clause, Code
from ..model.problems import Problem, problem
from ..model.source import Reference, Source
from .fields import Field, RecordSpec
from .records import Record
from .yaml_source import load_yaml_file

CODES_DIR = "codes_of_practice"
CODES_CONTENTS = f"{CODES_DIR}/contents.yml"
STATUSES = ("draft", "adopted")

CLAUSE = RecordSpec(
    what="A clause",
    description="One undertaking of the code, expanding principles or commitments of the Compact's Section 3.",
    fields=(
        Field("id", "slug", "The clause's anchor, unique across every code, e.g. rp-prompt-payment. Never change it."),
        Field("sector", "choice", "Who will do this: public sector, third sector, or both.", choices=SECTORS),
        Field("title", "text", "A short name for the clause, used where it is listed on other pages."),
        Field("text", "markdown", 'What signatories will do, in plain English, with "will".'),
        Field("expands", "slugs", "The ids of the Compact principles or commitments this clause puts into practice."),
        Field(
            "basis",
            "markdown",
            "Where a figure in the clause (a number of days, weeks or months, how often) comes from: a commitment "
            'of the national Compact (2010), a law, or "Proposed in this draft." Needed when the text sets one.',
            required=False,
        ),
        Field(
            "checked_on",
            "date",
            'The date someone last checked the sources that "basis" cites, written like 2026-11-26. Needed when '
            "the basis links to a source outside the handbook.",
            required=False,
        ),
        Field(
            "to_confirm",
            "text",
            "What the Compact Steering Group must still confirm about the basis, as a question; remove it once "
            "confirmed.",
            required=False,
        ),
    ),
)

CODE = RecordSpec(
    what="The code",
    description="A code of practice of the Darlington Compact.",
    fields=(
        Field("title", "text", "The code's name, as Section 4 of the Compact gives it."),
        Field(
            "status",
            "choice",
            'draft until the Compact Steering Group adopts the code; then "adopted".',
            choices=STATUSES,
        ),
        Field(
            "adopted_on", "date", "The date the Steering Group adopted the code (adopted codes only).", required=False
        ),
        Field("version", "text", 'The version of this wording, such as "0.1".'),
        Field("review_date", "date", "When the code is next reviewed, written like 2027-11-30."),
        Field("summary", "text", "One sentence on what the code is about, for the list of codes."),
        Field("purpose", "markdown", "Why the code exists."),
        Field("scope", "markdown", "Whom and what the code covers."),
        Field("principles", "texts", "The principles the code works by, one a line."),
        Field("sectors", "choices", "The sectors the code has clauses for: public, third, both.", choices=SECTORS),
        Field("clauses", "records", "What signatories will do.", record=CLAUSE),
        Field("checklist", "texts", "A short good-practice checklist a reader can print, one question a line."),
        Field(
            "retired_clauses",
            "slugs",
            "Ids of clauses taken out of the code, whose addresses were published. Each stays an address, on the "
            'section "If this code is not kept". Never remove one, and never use one again.',
            required=False,
        ),
    ),
)

CONTENTS = RecordSpec(
    what="The list of codes",
    description="The codes of practice, in the order of Section 4.",
    fields=(Field("codes", "slugs", "The codes' ids; each is a file codes_of_practice/<id>.yml."),),
)


def load_codes(root: Path, problems: list[Problem]) -> tuple[Code, ...]:
    data = load_yaml_file(root, CODES_CONTENTS, problems)
    if data is None:
        return ()
    contents = Record.of(CONTENTS, data, CODES_CONTENTS, 1, problems)
    codes = []
    listed = contents.listed_files("codes", root, CODES_DIR, ".yml")
    for code_id, relative in listed:
        code = _load_code(root, code_id, relative, problems)
        if code is not None:
            codes.append(code)
    _unlisted_files(root, {code_id for code_id, _ in listed}, problems)
    return tuple(codes)


def _unlisted_files(root: Path, listed: set[str], problems: list[Problem]) -> None:
    for path in sorted((root / CODES_DIR).glob("*.yml")):
        if path.stem not in listed and path.name != "contents.yml":
            problems.append(
                problem(
                    f"{CODES_DIR}/{path.name}",
                    1,
                    f'this code is not listed in {CODES_CONTENTS}; add "- {path.stem}" there, or delete the file.',
                )
            )


def _load_code(root: Path, code_id: str, relative: str, problems: list[Problem]) -> Code | None:
    data = load_yaml_file(root, relative, problems)
    if data is None:
        return None
    code = Record.of(CODE, data, relative, 1, problems)
    status = code.choice("status", STATUSES)
    adopted_on = code.date_for_status(
        "adopted_on",
        status,
        "adopted",
        missing='an adopted code needs "adopted_on": the date it was adopted.',
        extra='a draft has no "adopted_on"; remove it, or set "status: adopted".',
    )
    return Code(
        id=code_id,
        title=code.title("title"),
        status=status,
        version=code.text("version"),
        review_date=code.date("review_date"),
        adopted_on=adopted_on,
        summary=code.text("summary"),
        purpose=code.text("purpose"),
        scope=code.text("scope"),
        principles=code.text_items("principles", at_least_one=True),
        sectors=_sectors(code),
        clauses=tuple(_clause(clause) for clause in code.records_of("clauses", CLAUSE)),
        checklist=code.text_items("checklist", at_least_one=True),
        retired_clauses=tuple(Reference(ref, Source(relative, line)) for ref, line in code.slugs("retired_clauses")),
        source=Source(relative, 1),
        field_lines=dict(code.data.key_lines),
    )


def _sectors(code: Record) -> tuple[str, ...]:
    sectors = []
    for sector, line in code.texts("sectors"):
        if sector not in SECTORS:
            listed = ", ".join(SECTORS)
            code.problems.append(problem(code.path, line, f'"{sector}" is not a sector; use one of {listed}.'))
        elif sector in sectors:
            code.problems.append(problem(code.path, line, f'"{sector}" is listed twice.'))
        else:
            sectors.append(sector)
    return tuple(sectors)


def _clause(clause: Record) -> Clause:
    expands = clause.slugs("expands")
    if "expands" in clause.data and not clause.data["expands"]:
        clause.problems.append(
            problem(
                clause.path,
                clause.line_of("expands"),
                '"expands" is empty; name the Compact principle or commitment this clause puts into practice.',
            )
        )
    basis = clause.text("basis", required=False)
    return Clause(
        id=clause.slug("id"),
        sector=clause.choice("sector", SECTORS),
        title=clause.title("title"),
        text=clause.text("text"),
        expands=tuple(Reference(ref, Source(clause.path, line)) for ref, line in expands),
        basis=basis,
        basis_evidence=_basis_evidence(clause, basis),
        source=Source(clause.path, clause.line),
    )


def _basis_evidence(clause: Record, basis: str) -> Evidence | None:
    """When the sources a clause's basis cites were checked; None when the clause records neither date nor doubt."""
    checked_on = clause.date("checked_on", required=False)
    to_confirm = clause.text("to_confirm", required=False)
    if not (checked_on or to_confirm):
        return None
    return Evidence(
        cited=basis,
        checked_on=checked_on,
        to_confirm=to_confirm,
        source=Source(clause.path, clause.line_of("checked_on")),
        to_confirm_source=Source(clause.path, clause.line_of("to_confirm")),
    )
