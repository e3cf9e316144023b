"""Validating the contacts: each kind of mistake in contacts.yml is reported with its line and what to
do, and a detail still to supply is listed before publishing, never guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.model.problems import BEFORE_PUBLISHING
from build_scripts.pipeline import check
from tests.support.project import edit, problems_of

CONTACTS = "contacts.yml"
PLACEHOLDER = """    to_supply:
      details: a phone number
      ask: the group's secretary
      until_then: Ask your Champion.
"""


def test_the_fixture_contacts_are_fine(project: Path) -> None:
    assert problems_of(project) == []


def test_a_detail_still_to_supply_is_listed_before_publishing_with_what_to_ask_of_whom(project: Path) -> None:
    edit(
        project / CONTACTS, "    source: The Compact, Section 6\n", PLACEHOLDER + "    source: The Compact, Section 6\n"
    )
    checked = check(project)
    assert checked.ok
    (found,) = checked.before_publishing
    assert found.severity == BEFORE_PUBLISHING
    assert str(found) == (
        f'{CONTACTS}:35: before publishing: the details of "The chair" are still to supply. Ask the group\'s '
        'secretary for: a phone number. Write them under "reach", then remove "to_supply".'
    )


def test_a_contact_with_no_way_to_reach_it_and_nothing_to_supply(project: Path) -> None:
    edit(project / CONTACTS, "    reach:\n      - how: email\n        value: chair@group.example.org\n", "")
    assert problems_of(project) == [
        f'{CONTACTS}:29: the contact "the-chair" has no "reach" and no "to_supply": give the ways to reach it, '
        'or say in "to_supply" what is missing and whom to ask.'
    ]


@pytest.mark.parametrize(
    ("how", "value", "what"),
    [
        ("email", "chair at group", "an email address"),
        ("phone", "call the office", "a phone number"),
        ("web", "http://group.example.org/", "a web address starting with https://"),
        ("web", "javascript:alert(1)", "a web address starting with https://"),
        ("page", "../etc/passwd", "a page of this handbook"),
    ],
)
def test_a_way_to_reach_that_is_not_what_it_says(project: Path, how: str, value: str, what: str) -> None:
    edit(
        project / CONTACTS,
        "      - how: email\n        value: chair@group.example.org",
        f"      - how: {how}\n        value: {value}",
    )
    (found,) = problems_of(project)
    assert found.startswith(f'{CONTACTS}:34: "{value}" is not {what}')


def test_a_page_that_does_not_exist(project: Path) -> None:
    edit(project / CONTACTS, "        value: signatories.md\n", "        value: signatory.md\n")
    assert problems_of(project) == [
        f'{CONTACTS}:24: the link "signatory.md" goes to "signatory.md", which is not a page of the handbook. '
        'Did you mean "signatories.md"?'
    ]


def test_a_contact_every_guide_page_needs_is_missing(project: Path) -> None:
    edit(project / CONTACTS, "  - id: compact-champions\n", "  - id: champions\n")
    assert problems_of(project) == [
        f'{CONTACTS}:1: there is no contact "compact-champions" (where to find each organisation\'s Compact '
        "Champion, shown on every outcome of the guide); add it, with that id.",
        'guide/disputes.yml:56: the outcome "talk" names "compact-champions", which is not a contact in '
        'contacts.yml. Did you mean "champions"?',
    ]


def test_a_contact_of_an_organisation_not_in_the_register(project: Path) -> None:
    edit(project / CONTACTS, "    name: The CVS\n", "    name: The CVS\n    organisation: the-cvss\n")
    assert problems_of(project) == [
        f'{CONTACTS}:2: the contact "lead-body" belongs to "the-cvss", which is not an organisation of the '
        'register. Did you mean "the-cvs"?'
    ]


def test_an_id_used_twice(project: Path) -> None:
    edit(project / CONTACTS, "  - id: the-chair\n", "  - id: lead-body\n")
    problems = problems_of(project)
    assert f'{CONTACTS}:29: the id "lead-body" is already used at {CONTACTS}:2; choose another.' in problems


def test_a_missing_contacts_file_is_reported(project: Path) -> None:
    (project / CONTACTS).unlink()
    (found,) = problems_of(project)
    assert found.startswith(f"{CONTACTS}:")
