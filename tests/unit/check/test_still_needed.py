"""The one list of what the Steering Group must still supply or confirm: each kind of item, where the
handbook uses it, and that `make publish-check` prints exactly this list, nothing more or less."""

from __future__ import annotations

from pathlib import Path

from build_scripts.model.addresses import SIGNATORIES_PAGE, step_page
from build_scripts.model.still_needed import ADDRESS, CHAMPIONS, CONTACT, FACT, Needed
from build_scripts.pipeline import Checked, check
from tests.support.project import ROOT, edit

CONTACTS = "contacts.yml"
REGISTER = "signatories/register.yml"
PLACEHOLDER = """    to_supply:
      details: a phone number
      ask: the group's secretary
      until_then: Ask your Champion.
"""


def checked_of(project: Path) -> Checked:
    checked = check(project)
    assert checked.ok, checked.problems
    return checked


def the_list(checked: Checked) -> tuple[Needed, ...]:
    """The list, after asserting that publish-check's problems are exactly its items."""
    assert {item.problem for item in checked.still_needed} == set(checked.before_publishing)
    assert len(checked.still_needed) == len(checked.before_publishing)
    return checked.still_needed


def test_the_fixture_needs_nothing(project: Path) -> None:
    assert the_list(checked_of(project)) == ()


def test_a_contact_to_supply_says_what_whom_why_where_and_what_readers_see(project: Path) -> None:
    edit(
        project / CONTACTS, "    source: The Compact, Section 6\n", PLACEHOLDER + "    source: The Compact, Section 6\n"
    )
    (item,) = the_list(checked_of(project))
    assert (item.id, item.kind, item.what, item.contact) == ("contact-the-chair", CONTACT, "The chair", "the-chair")
    assert (item.asked, item.ask) == ("a phone number", "the group's secretary")
    assert str(item.source) == f"{CONTACTS}:35"
    # The outcome that names the chair, and the one whose letter goes to the chair.
    assert [use.page for use in item.used_on] == [step_page("write")]
    assert "Ask your Champion." in item.until_then and item.until_then.startswith("Not yet in this handbook")
    assert str(item.problem) == (
        f'{CONTACTS}:35: before publishing: the details of "The chair" are still to supply. Ask the group\'s '
        'secretary for: a phone number. Write them under "reach", then remove "to_supply".'
    )


def test_the_champions_are_needed_while_the_register_records_none(project: Path) -> None:
    edit(project / REGISTER, "    champion: A. Champion\n", "")
    (item,) = the_list(checked_of(project))
    assert (item.id, item.kind) == ("compact-champions", CHAMPIONS)
    assert item.source.path == REGISTER
    pages = [use.page for use in item.used_on]
    # The Signatories page, and every outcome of the guide, which all show the Champions' contact.
    assert pages[0] == SIGNATORIES_PAGE
    assert set(pages[1:]) == {step_page(o) for o in ("outside", "talk", "write")}


def test_a_fact_to_confirm_is_listed_with_the_pages_that_state_it(project: Path) -> None:
    edit(
        project / "compact/edition.yml",
        '    checked_on: "2026-01-10"\n',
        '    checked_on: "2026-01-10"\n    to_confirm: Is it closed?\n',
    )
    (item,) = the_list(checked_of(project))
    assert (item.id, item.kind, item.asked) == ("confirm-note-commission-closed", FACT, "Is it closed?")
    assert str(item.source) == "compact/edition.yml:22"
    assert [use.page for use in item.used_on] == [
        "compact/principles.md#note-commission-closed",
        "about/this-edition.md#editorial-notes",
    ]
    assert str(item.problem) == (
        'compact/edition.yml:22: before publishing: to confirm: Is it closed? Once confirmed, remove "to_confirm".'
    )


def test_an_example_site_address_is_the_last_item(project: Path) -> None:
    (project / "mkdocs.yml").write_text("site_name: T\nsite_url: https://compact.example.org/\n", encoding="utf-8")
    edit(project / REGISTER, "    champion: A. Champion\n", "")
    kinds = [item.kind for item in the_list(checked_of(project))]
    assert kinds == [CHAMPIONS, ADDRESS]


def test_the_real_list_is_what_publish_check_prints_and_every_item_has_a_place_and_a_line() -> None:
    items = the_list(check(ROOT))
    assert len({item.id for item in items}) == len(items), "each item has an anchor of its own"
    for item in items:
        assert item.used_on, item.id
        assert item.source.line > 0 and (ROOT / item.source.path).is_file(), item.id
        assert item.what and item.asked and item.why and item.until_then, item.id
