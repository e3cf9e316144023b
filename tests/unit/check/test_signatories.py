"""Loading and validating the signatory register: each kind of mistake is reported with its file,
its line and what to do."""

from __future__ import annotations

from pathlib import Path

from build_scripts.pipeline import check
from tests.support.project import edit, problems_of

REGISTER = "signatories/register.yml"


def test_the_register_is_read_whole(project: Path) -> None:
    checked = check(project)
    assert checked.problems == () and checked.handbook is not None and checked.handbook.register is not None
    council, cvs = checked.handbook.register.organisations
    assert (council.status, council.signed_on, council.champion) == ("signed", "2026-03-31", "A. Champion")
    assert (cvs.status, cvs.signed_on) == ("involved", "")
    assert checked.handbook.register.lead.id == "the-cvs"


def test_a_signed_organisation_needs_its_date(project: Path) -> None:
    edit(project / REGISTER, '    signed_on: "2026-03-31"\n', "")
    assert problems_of(project) == [f'{REGISTER}:6: a signed organisation needs "signed_on": the date it signed.']


def test_an_involved_organisation_has_no_signing_date(project: Path) -> None:
    edit(project / REGISTER, "    status: involved", '    status: involved\n    signed_on: "2026-01-01"')
    assert problems_of(project) == [
        f'{REGISTER}:13: "signed_on" is for signed organisations; set "status: signed" or remove it.'
    ]


def test_a_status_that_does_not_exist(project: Path) -> None:
    edit(project / REGISTER, "    status: involved", "    status: signd")
    assert problems_of(project) == [
        f'{REGISTER}:12: "status" of An organisation is "signd"; it should be one of "involved", "signed". '
        'Did you mean "signed"?'
    ]


def test_an_organisation_listed_twice(project: Path) -> None:
    edit(project / REGISTER, "  - id: the-cvs", "  - id: the-council")
    edit(project / REGISTER, "lead: the-cvs", "lead: the-council")
    assert problems_of(project) == [
        f'{REGISTER}:9: the id "the-council" is already used at {REGISTER}:3; choose another.'
    ]


def test_a_lead_body_that_is_not_in_the_register(project: Path) -> None:
    edit(project / REGISTER, "lead: the-cvs", "lead: the-cv")
    assert problems_of(project) == [
        f'{REGISTER}:1: the lead body is "the-cv", which is not an organisation of the register. '
        'Did you mean "the-cvs"?'
    ]


def test_an_unknown_field(project: Path) -> None:
    edit(project / REGISTER, "    champion: A. Champion", "    champoin: A. Champion")
    assert problems_of(project) == [
        f'{REGISTER}:8: An organisation has an unknown field "champoin". Did you mean "champion"? Its fields are: '
        "id, name, sector, status, signed_on, champion."
    ]
