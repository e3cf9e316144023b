"""Loading and validating the codes of practice: each kind of mistake is reported with its file, its
line and what to do. Each test breaks one thing in a copy of the minimal fixture."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from build_scripts.pipeline import check, generated_files
from tests.support.project import edit, problems_of

CODE = "codes_of_practice/fair-funding.yml"


def test_the_fixture_code_is_read_whole(project: Path) -> None:
    checked = check(project)
    assert checked.problems == ()
    assert checked.handbook is not None
    (code,) = checked.handbook.codes
    assert (code.id, code.title, code.status, code.sectors) == (
        "fair-funding",
        "Fair Funding",
        "draft",
        ("public", "both"),
    )
    assert [c.id for c in code.clauses] == ["ff-pay-on-time", "ff-talk-first"]
    assert [r.id for r in code.clauses[1].expands] == ["principle-fairness", "public-pay-promptly"]
    assert str(code.clauses[1].expands[0].source) == f"{CODE}:21"


def test_an_expanded_commitment_that_does_not_exist(project: Path) -> None:
    edit(project / CODE, "expands: [public-pay-promptly]", "expands: [public-pay-prompt]")
    assert problems_of(project) == [
        f'{CODE}:16: the clause "ff-pay-on-time" expands "public-pay-prompt", which is not a principle or '
        'commitment of the Compact. Did you mean "public-pay-promptly"? The ids are in '
        "compact/principles.yml."
    ]


def test_a_clause_that_expands_nothing(project: Path) -> None:
    edit(project / CODE, "expands: [public-pay-promptly]", "expands: []")
    assert problems_of(project) == [
        f'{CODE}:16: "expands" is empty; name the Compact principle or commitment this clause puts into practice.'
    ]


def test_a_clause_without_expands(project: Path) -> None:
    edit(project / CODE, "    expands: [public-pay-promptly]\n", "")
    assert problems_of(project) == [f'{CODE}:12: A clause has no "expands"; add it.']


def test_an_unknown_field_suggests_the_right_one(project: Path) -> None:
    edit(project / CODE, "summary: How funders pay.", "sumary: How funders pay.")
    assert problems_of(project) == [
        f'{CODE}:1: The code has no "summary"; add it.',
        f'{CODE}:5: The code has an unknown field "sumary". Did you mean "summary"? Its fields are: title, status, '
        "version, review_date, summary, purpose, scope, principles, sectors, clauses, checklist, adopted_on, "
        "retired_clauses.",
    ]


def test_a_clause_id_used_twice_in_one_code(project: Path) -> None:
    edit(project / CODE, "id: ff-talk-first", "id: ff-pay-on-time")
    assert problems_of(project) == [f'{CODE}:17: the id "ff-pay-on-time" is already used at {CODE}:12; choose another.']


def test_a_clause_id_used_in_two_codes(project: Path) -> None:
    other = project / "codes_of_practice/other.yml"
    other.write_text((project / CODE).read_text(encoding="utf-8").replace("ff-talk-first", "ot-talk"), "utf-8")
    edit(project / "codes_of_practice/contents.yml", "  - fair-funding", "  - fair-funding\n  - other")
    assert problems_of(project) == [
        f'codes_of_practice/other.yml:12: the id "ff-pay-on-time" is already used at {CODE}:12; choose another.'
    ]


def test_a_clause_id_that_is_not_a_slug(project: Path) -> None:
    edit(project / CODE, "id: ff-talk-first", "id: ../Talk First")
    assert problems_of(project) == [
        f'{CODE}:17: "../Talk First" is not a valid id: use lowercase letters, digits and single hyphens, '
        'such as "stage-2-panel".'
    ]


def test_a_sector_the_code_claims_without_a_clause(project: Path) -> None:
    edit(project / CODE, "sectors: [public, both]", "sectors: [public, third, both]")
    assert problems_of(project) == [
        f'{CODE}:1: the code lists "third" under "sectors" but has no clause for third sector; add one with '
        '"sector: third", or remove "third" from "sectors".'
    ]


def test_a_clause_for_a_sector_the_code_does_not_claim(project: Path) -> None:
    edit(project / CODE, "sectors: [public, both]", "sectors: [public]")
    assert problems_of(project) == [
        f'{CODE}:17: the clause "ff-talk-first" is for "both", which the code does not list under "sectors"; '
        "add it there."
    ]


def test_a_sector_that_does_not_exist(project: Path) -> None:
    edit(project / CODE, "    sector: both", "    sector: bothe")
    assert problems_of(project) == [
        f'{CODE}:1: the code lists "both" under "sectors" but has no clause for both sectors; add one with '
        '"sector: both", or remove "both" from "sectors".',
        f'{CODE}:18: "sector" of A clause is "bothe"; it should be one of "public", "third", "both". '
        'Did you mean "both"?',
    ]


def test_empty_clause_text(project: Path) -> None:
    edit(project / CODE, "    text: Public bodies will pay promptly.", "    text:")
    assert problems_of(project) == [f'{CODE}:15: "text" of A clause is empty; write it.']


def test_a_status_that_does_not_exist(project: Path) -> None:
    edit(project / CODE, "status: draft", "status: drafted")
    assert problems_of(project) == [
        f'{CODE}:2: "status" of The code is "drafted"; it should be one of "draft", "adopted". Did you mean "draft"?'
    ]


def test_an_adopted_code_needs_its_date(project: Path) -> None:
    edit(project / CODE, "status: draft", "status: adopted")
    assert problems_of(project) == [f'{CODE}:2: an adopted code needs "adopted_on": the date it was adopted.']


def test_a_badly_written_adoption_date_is_one_problem_not_also_a_missing_date(project: Path) -> None:
    edit(project / CODE, "status: draft", "status: adopted\nadopted_on: 31/03/2027")
    assert problems_of(project) == [
        f'{CODE}:3: "adopted_on" should be a date written like 2027-03-31, not "31/03/2027".'
    ]


def test_a_date_that_is_not_a_date(project: Path) -> None:
    edit(project / CODE, 'review_date: "2027-11-30"', "review_date: 30/11/2027")
    assert problems_of(project) == [
        f'{CODE}:4: "review_date" should be a date written like 2027-03-31, not "30/11/2027".'
    ]


def test_a_code_file_that_is_not_valid_yaml(project: Path) -> None:
    edit(project / CODE, "summary: How funders pay.", "summary: How: funders pay.")
    assert problems_of(project) == [
        f"{CODE}:5: this is not valid YAML (mapping values are not allowed here). "
        'A value that contains ": " must be put in quotes.'
    ]


def test_a_code_file_that_is_not_utf8(project: Path) -> None:
    path = project / CODE
    path.write_bytes(path.read_bytes().replace(b"How funders pay.", "How funders pay £.".encode("latin-1")))
    assert problems_of(project) == [f"{CODE}:5: this file is not UTF-8 text; save it as UTF-8 in your editor."]


def test_a_listed_code_whose_file_is_missing(project: Path) -> None:
    (project / CODE).unlink()
    assert problems_of(project) == [
        'codes_of_practice/contents.yml:2: "fair-funding" names codes_of_practice/fair-funding.yml, which does not '
        "exist."
    ]


def test_a_code_file_that_is_not_listed(project: Path) -> None:
    (project / "codes_of_practice/stray.yml").write_text("title: Stray\n", encoding="utf-8")
    assert problems_of(project) == [
        'codes_of_practice/stray.yml:1: this code is not listed in codes_of_practice/contents.yml; add "- stray" '
        "there, or delete the file."
    ]


def test_a_broken_link_in_a_clause(project: Path) -> None:
    edit(
        project / CODE,
        "See [the principles](../compact/principles.md#principle-fairness)",
        "See [x](../compact/principle.md)",
    )
    edit(project / CODE, "Both sectors will talk", "Both sectors will [talk](../compact/principles.md#talk)")
    assert problems_of(project) == [
        f'{CODE}:7: the link "x" goes to "../compact/principle.md", which is not a page of the handbook. '
        'Did you mean "../compact/principles.md"?',
        f'{CODE}:17: the link "talk" goes to "#talk", which is not an anchor of compact/principles.md.',
    ]


def test_a_figure_without_a_basis_is_refused(project: Path) -> None:
    edit(
        project / CODE,
        "    text: Public bodies will pay promptly.\n",
        "    text: Public bodies will pay within 30 days.\n",
    )
    assert problems_of(project) == [
        f'{CODE}:12: the clause "ff-pay-on-time" sets a figure ("30 days") but gives no "basis". Add "basis:" '
        'saying where it comes from: a commitment of the national Compact (2010), a law, or "Proposed in this '
        'draft." A case study of the Compact is an example, not a basis.'
    ]


@pytest.mark.parametrize(
    ("written", "quoted"),
    [
        ("within twelve weeks", "twelve weeks"),
        ("after a 12-week consultation", "12-week"),
        ("within ten working days", "ten working days"),
        ("once a year", "once a year"),
        ("annually", "annually"),
        ("every quarter", "every quarter"),
    ],
)
def test_every_way_of_writing_a_period_or_a_frequency_needs_a_basis(project: Path, written: str, quoted: str) -> None:
    edit(project / CODE, "will pay promptly.", f"will pay {written}.")
    (found,) = problems_of(project)
    assert found.startswith(f'{CODE}:12: the clause "ff-pay-on-time" sets a figure ("{quoted}") but gives no "basis"')


def test_a_clause_that_sets_no_figure_needs_no_basis(project: Path) -> None:
    edit(project / CODE, "will pay promptly.", "will pay on the date agreed, in the year the work is done.")
    assert problems_of(project) == []


def test_a_figure_with_a_basis_is_shown_with_it(project: Path) -> None:
    checked = check(project)
    assert checked.problems == ()
    assert checked.handbook is not None
    talk_first = checked.handbook.codes[0].clauses[1]
    assert talk_first.basis == "Proposed in this draft."


BASIS = "    basis: Proposed in this draft.\n"
CITED = (
    "    basis: The law requires it ([the Act, section 68](https://www.legislation.gov.uk/ukpga/2023/54/section/68)).\n"
)


def test_a_basis_that_cites_a_source_says_when_it_was_checked(project: Path) -> None:
    edit(project / CODE, BASIS, CITED)
    assert problems_of(project) == [
        f'{CODE}:17: the basis of the clause "ff-talk-first" cites '
        "https://www.legislation.gov.uk/ukpga/2023/54/section/68 but does not say when it was checked; add "
        '"checked_on:" with the date you last checked it, written like 2026-11-26.'
    ]


def test_a_cited_basis_is_due_again_a_year_after_its_check_and_shown_with_its_date(project: Path) -> None:
    edit(project / CODE, BASIS, CITED + '    checked_on: "2026-01-10"\n')

    def warnings_on(day: datetime.date) -> list[str]:
        return [str(w) for w in check(project, day).warnings if w.source.path == CODE]

    assert warnings_on(datetime.date(2027, 1, 10)) == []
    assert warnings_on(datetime.date(2027, 1, 11)) == [
        f"{CODE}:23: warning: this fact was last checked on 2026-01-10, more than 365 days ago; check it again "
        'against its source and change "checked_on" to the date you did.'
    ]
    checked = check(project, datetime.date(2026, 6, 1))
    assert checked.handbook is not None
    page = generated_files(checked.handbook)["codes/fair-funding.md"]
    assert "section 68](https://www.legislation.gov.uk/ukpga/2023/54/section/68)). Checked on 10 January 2026." in page


def test_a_basis_still_to_confirm_is_listed_before_publishing_and_said_on_the_page(project: Path) -> None:
    edit(project / CODE, BASIS, BASIS + "    to_confirm: Is this the Compact's own wording?\n")
    checked = check(project, datetime.date(2026, 6, 1))
    assert checked.ok
    assert [str(w) for w in checked.before_publishing] == [
        f"{CODE}:23: before publishing: to confirm: Is this the Compact's own wording? "
        'Once confirmed, remove "to_confirm".'
    ]
    assert checked.handbook is not None
    page = generated_files(checked.handbook)["codes/fair-funding.md"]
    assert "**To confirm:** Is this the Compact's own wording? The Compact Steering Group has not yet confirmed" in page


def test_a_date_checked_without_a_basis_is_refused(project: Path) -> None:
    edit(project / CODE, "three months before", "before")
    edit(project / CODE, BASIS, '    checked_on: "2026-01-10"\n')
    assert problems_of(project) == [
        f'{CODE}:22: the clause "ff-talk-first" says when its basis was checked, or what is to confirm, but has no '
        '"basis"; add it, or remove "checked_on" and "to_confirm".'
    ]


def test_a_link_in_a_basis_must_lead_somewhere(project: Path) -> None:
    edit(project / CODE, BASIS, "    basis: As [the principles](../compact/principles.md#principle-fair) say.\n")
    assert problems_of(project) == [
        f'{CODE}:17: the link "the principles" goes to "#principle-fair", which is not an anchor of '
        'compact/principles.md. Did you mean "principle-fairness"?'
    ]


RETIRED = "checklist:\n"


def test_a_retired_clause_keeps_its_address_on_the_section_that_now_says_it(project: Path) -> None:
    edit(project / CODE, RETIRED, "retired_clauses: [ff-old-talk]\n" + RETIRED)
    edit(project / CODE, "Both sectors will talk", "Both sectors will [talk](fair-funding.md#ff-old-talk)")
    checked = check(project)
    assert checked.problems == ()
    assert checked.handbook is not None
    page = generated_files(checked.handbook)["codes/fair-funding.md"]
    alias = page.index('<div id="ff-old-talk" class="hb-retired"></div>')
    assert alias < page.index("## If this code is not kept {: #if-not-kept }")
    assert "### " not in page[alias:], "the alias stands after the last clause, on the section that says it"


def test_a_retired_clause_id_may_not_be_used_again(project: Path) -> None:
    edit(project / CODE, RETIRED, "retired_clauses: [ff-talk-first]\n" + RETIRED)
    assert problems_of(project) == [f'{CODE}:23: the id "ff-talk-first" is already used at {CODE}:17; choose another.']
