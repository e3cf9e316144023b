"""Checks of the codes of practice against the Compact: what each clause expands, sectors, links."""

from __future__ import annotations

import re

from ..load.markup import read_markup
from ..model.addresses import code_page
from ..model.handbook import Code, Handbook
from ..model.problems import Problem
from ..model.urls import leaves_site
from .references import id_problem, link_problems

SECTOR_NAMES = {"public": "public sector", "third": "third sector", "both": "both sectors"}
_COUNT = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|thirty|sixty|ninety"
FIGURE = re.compile(
    rf"\b(?:(?:{_COUNT})[\s-]+(?:(?:working|calendar|clear|full)\s+)?(?:hour|day|week|month|year|quarter)s?"
    r"|annual(?:ly)?|yearly|quarterly|monthly|fortnightly|weekly"
    r"|(?:every|each|once\s+a|twice\s+a)\s+(?:year|quarter|month|week))\b",
    re.IGNORECASE,
)
"""A period of time, or how often something happens: the figures a clause must give a basis for."""


def check_codes(handbook: Handbook, anchors: dict[str, set[str]], known: set[str]) -> list[Problem]:
    item_ids = [item.id for item in handbook.items]
    # Where the Compact's own sources could not be read whole, their problem is reported already;
    # checking references against half of them would only add false alarms.
    compact_readable = bool(handbook.pages) and bool(item_ids) and all(item_ids)
    problems: list[Problem] = []
    for code in handbook.codes:
        problems += _sectors(code)
        problems += _figures(code)
        problems += _bases(code)
        if compact_readable:
            problems += _expands(code, item_ids, handbook.items[0].source.path)
            problems += _links(code, anchors, known)
    return problems


def _expands(code: Code, item_ids: list[str], items_file: str) -> list[Problem]:
    problems = []
    for clause in code.clauses:
        for reference in clause.expands:
            message = id_problem(reference.id, "a principle or commitment of the Compact", item_ids)
            if message:
                problems.append(
                    Problem(
                        reference.source,
                        f'the clause "{clause.id}" expands {message} The ids are in {items_file}.',
                    )
                )
    return problems


def _figures(code: Code) -> list[Problem]:
    """A problem for each clause that sets a period or a frequency and does not say where it comes from."""
    problems = []
    for clause in code.clauses:
        figure = FIGURE.search(clause.text)
        if figure and not clause.basis:
            problems.append(
                Problem(
                    clause.source,
                    f'the clause "{clause.id}" sets a figure ("{figure.group(0)}") but gives no "basis". Add '
                    '"basis:" saying where it comes from: a commitment of the national Compact (2010), a law, or '
                    '"Proposed in this draft." A case study of the Compact is an example, not a basis.',
                )
            )
    return problems


def _bases(code: Code) -> list[Problem]:
    """A problem for each basis that cites a source outside the handbook without the date it was checked,
    and for each date or doubt recorded without a basis to go with it."""
    problems = []
    for clause in code.clauses:
        evidence = clause.basis_evidence
        if evidence and not clause.basis:
            problems.append(
                Problem(
                    evidence.to_confirm_source if evidence.to_confirm else evidence.source,
                    f'the clause "{clause.id}" says when its basis was checked, or what is to confirm, but has no '
                    '"basis"; add it, or remove "checked_on" and "to_confirm".',
                )
            )
        cites = [target for _, _, target in read_markup(clause.basis).links if leaves_site(target)]
        if cites and not (evidence and evidence.checked_on):
            problems.append(
                Problem(
                    clause.source,
                    f'the basis of the clause "{clause.id}" cites {cites[0]} but does not say when it was checked; '
                    'add "checked_on:" with the date you last checked it, written like 2026-11-26.',
                )
            )
    return problems


def _sectors(code: Code) -> list[Problem]:
    problems = []
    for sector in code.sectors:
        if not code.clauses_for(sector):
            problems.append(
                Problem(
                    code.source,
                    f'the code lists "{sector}" under "sectors" but has no clause for {SECTOR_NAMES[sector]}; '
                    f'add one with "sector: {sector}", or remove "{sector}" from "sectors".',
                )
            )
    for clause in code.clauses:
        if clause.sector and clause.sector not in code.sectors:
            problems.append(
                Problem(
                    clause.source,
                    f'the clause "{clause.id}" is for "{clause.sector}", which the code does not list under '
                    f'"sectors"; add it there.',
                )
            )
    return problems


def _links(code: Code, anchors: dict[str, set[str]], known: set[str]) -> list[Problem]:
    here = code_page(code.id)
    problems = []
    for clause in code.clauses:
        problems += link_problems(here, clause.text, clause.source, anchors, known)
        problems += link_problems(here, clause.basis, clause.source, anchors, known)
    for name, field in (("purpose", code.purpose), ("scope", code.scope)):
        problems += link_problems(here, field, code.source_of(name), anchors, known)
    return problems
