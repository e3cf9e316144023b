"""Loading and validating the signatory register: each kind of mistake is reported with its file,
its line and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.pipeline import check
from tests.support.project import edit, problems_of

REGISTER = "signatories/register.yml"


def test_the_register_is_read_whole(project: Path) -> None:
    checked = check(project)
    assert checked.problems == () and checked.handbook is not None and checked.handbook.register is not None
    register = checked.handbook.register
    council, cvs = register.organisations
    assert (council.status, council.signed_on, council.champion) == ("signed", "2026-03-31", "A. Champion")
    assert (cvs.status, cvs.signed_on, cvs.since_2009) == ("involved", "", None)
    assert register.lead.id == "the-cvs" and register.lead_copy_counter_signed_by.id == "the-council"
    assert council.since_2009 is not None
    assert (council.since_2009.change, council.since_2009.now, council.since_2009.when) == (
        "renamed",
        "The Borough Council",
        "2015-04",
    )
    assert council.since_2009.evidence.checked_on == "2026-06-01" and council.since_2009.confirmed


def test_a_signed_organisation_needs_its_date(project: Path) -> None:
    edit(project / REGISTER, '    signed_on: "2026-03-31"\n', "")
    assert problems_of(project) == [f'{REGISTER}:7: a signed organisation needs "signed_on": the date it signed.']


def test_an_involved_organisation_has_no_signing_date(project: Path) -> None:
    edit(project / REGISTER, "    status: involved", '    status: involved\n    signed_on: "2026-01-01"')
    assert problems_of(project) == [
        f'{REGISTER}:20: "signed_on" is for signed organisations; set "status: signed" or remove it.'
    ]


def test_a_status_that_does_not_exist(project: Path) -> None:
    edit(project / REGISTER, "    status: involved", "    status: signd")
    assert problems_of(project) == [
        f'{REGISTER}:19: "status" of An organisation is "signd"; it should be one of "involved", "signed". '
        'Did you mean "signed"?'
    ]


def test_an_organisation_listed_twice(project: Path) -> None:
    edit(project / REGISTER, "  - id: the-cvs", "  - id: the-council")
    edit(project / REGISTER, "lead: the-cvs", "lead: the-council")
    # With one organisation left, the lead body would counter-sign its own copy: that is reported too.
    duplicate = f'{REGISTER}:16: the id "the-council" is already used at {REGISTER}:4; choose another.'
    assert duplicate in problems_of(project)


def test_a_lead_body_that_is_not_in_the_register(project: Path) -> None:
    edit(project / REGISTER, "lead: the-cvs", "lead: the-cv")
    assert problems_of(project) == [
        f'{REGISTER}:1: the lead body is "the-cv", which is not an organisation of the register. '
        'Did you mean "the-cvs"?'
    ]


def test_an_unknown_field(project: Path) -> None:
    edit(project / REGISTER, "    champion: A. Champion", "    champoin: A. Champion")
    assert problems_of(project) == [
        f'{REGISTER}:9: An organisation has an unknown field "champoin". Did you mean "champion"? Its fields are: '
        "id, name, sector, status, signed_on, edition, champion, since_2009."
    ]


def test_the_lead_body_counter_signs_every_copy_but_its_own(project: Path) -> None:
    checked = check(project)
    assert checked.handbook is not None and checked.handbook.register is not None
    register = checked.handbook.register
    council, cvs = register.organisations
    assert register.counter_signer(council) == cvs, "the lead body counter-signs the others' copies"
    assert register.counter_signer(cvs) == council, "the register names who counter-signs the lead's own"


def test_the_lead_body_cannot_counter_sign_its_own_copy(project: Path) -> None:
    edit(project / REGISTER, "counter_signed_by: the-council", "counter_signed_by: the-cvs")
    assert problems_of(project) == [
        f'{REGISTER}:2: the lead body\'s own copy cannot be counter-signed by the lead body itself ("the-cvs"): '
        "name another organisation of the register, such as a public sector member of the Compact Steering Group."
    ]


def test_the_counter_signer_of_the_lead_copy_must_be_in_the_register(project: Path) -> None:
    edit(project / REGISTER, "counter_signed_by: the-council", "counter_signed_by: the-councl")
    assert problems_of(project) == [
        f'{REGISTER}:2: the counter-signer of the lead body\'s own copy is "the-councl", which is not an organisation '
        'of the register. Did you mean "the-council"?'
    ]


def test_a_renamed_organisation_signs_under_its_new_name_once_confirmed(project: Path) -> None:
    checked = check(project)
    assert checked.handbook is not None and checked.handbook.register is not None
    council = checked.handbook.register.organisations[0]
    assert council.signs_as == "The Borough Council"
    edit(
        project / REGISTER,
        '      checked_on: "2026-06-01"\n',
        '      checked_on: "2026-06-01"\n      to_confirm: Is it?\n',
    )
    checked = check(project)
    assert checked.handbook is not None and checked.handbook.register is not None
    assert checked.handbook.register.organisations[0].signs_as == "The Council", "not while it is to confirm"


def test_a_change_since_2009_records_its_source(project: Path) -> None:
    edit(
        project / REGISTER, '      source: "[The Council\'s news](https://council.example.org/news), April 2015"\n', ""
    )
    assert problems_of(project) == [f'{REGISTER}:11: What has become of an organisation has no "source"; add it.']


def test_a_renaming_needs_the_new_name(project: Path) -> None:
    edit(project / REGISTER, "      now: The Borough Council\n", "")
    assert problems_of(project) == [
        f'{REGISTER}:11: "renamed" needs "now": the name it has now, or the body it became.'
    ]


def test_a_change_that_does_not_exist(project: Path) -> None:
    edit(project / REGISTER, "change: renamed", "change: renammed")
    assert problems_of(project)[0].startswith(
        f'{REGISTER}:11: "change" of What has become of an organisation is "renammed"; it should be one of'
    )


@pytest.mark.parametrize("when", ["2015", "2015-04", "2015-04-30"])
def test_when_it_changed_is_a_date_as_precise_as_known(project: Path, when: str) -> None:
    edit(project / REGISTER, "when: 2015-04\n", f"when: {when}\n")
    assert problems_of(project) == []


@pytest.mark.parametrize("when", ["April 2015", "2015-13", "2015-04-31", "15"])
def test_when_it_changed_written_wrongly(project: Path, when: str) -> None:
    edit(project / REGISTER, "when: 2015-04\n", f'when: "{when}"\n')
    assert problems_of(project) == [
        f'{REGISTER}:13: "when" should be a date written like 2015-04-01, or 2023-06, or 2017 where only the month '
        f'or the year is known, not "{when}".'
    ]


def test_a_fact_about_an_organisation_still_to_confirm_is_listed_before_publishing(project: Path) -> None:
    edit(
        project / REGISTER,
        '      checked_on: "2026-06-01"\n',
        '      checked_on: "2026-06-01"\n      to_confirm: Is it?\n',
    )
    checked = check(project)
    assert checked.ok
    assert [str(p) for p in checked.before_publishing] == [
        f'{REGISTER}:16: before publishing: to confirm: Is it? Once confirmed, remove "to_confirm".'
    ]


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("The Cоuncil", 'the name "The Cоuncil" looks the same as "The Council" at signatories/register.yml:5'),
        ("THE  council", 'looks the same as "The Council"'),
        ("The CounciI", 'looks the same as "The Council"'),
        ("The Council\ufe0f", "U+FE0F VARIATION SELECTOR-16"),
        ("The\u202eCouncil", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("The\u200bCouncil", "holds U+200B ZERO WIDTH SPACE, which shows as nothing or as a space"),
    ],
)
def test_a_name_that_looks_like_another_is_refused(project: Path, name: str, said: str) -> None:
    """A second "The Council", spelt with a Cyrillic о or hidden characters, would pass for the first."""
    edit(
        project / REGISTER,
        "  - id: the-cvs\n",
        f"  - id: the-fake\n    name: {name}\n    sector: public\n    status: signed\n"
        '    signed_on: "2026-04-01"\n  - id: the-cvs\n',
    )
    problems = problems_of(project)
    assert any(p.startswith("signatories/register.yml:") and said in p for p in problems), problems
