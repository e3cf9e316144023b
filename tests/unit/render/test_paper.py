"""What every printed page carries, from the small handbook: the edition, the web address and how
to reach the lead body, taken from contacts.yml; a placeholder contact prints what to do
meanwhile, never a guessed address."""

from __future__ import annotations

from pathlib import Path

from build_scripts.pipeline import check
from build_scripts.render.paper import paper_of
from tests.support.project import edit

SITE = "https://compact.example.org/"
CONTACTS = "contacts.yml"


def footer_of(project: Path) -> tuple[str, ...]:
    checked = check(project)
    assert checked.handbook is not None and checked.problems == ()
    return paper_of(checked.handbook, SITE).footer()


def test_every_page_gives_the_edition_the_web_address_and_how_to_reach_the_lead_body(project: Path) -> None:
    assert footer_of(project) == (
        "The Darlington Compact · Test edition, 1 January 2026",
        "compact.example.org",
        "Lead body: The CVS. To reach it: email compact@cvs.example.org; phone 01325 000000; "
        "post 1 High Row, Darlington; website cvs.example.org.",
    )


def test_while_the_lead_bodys_details_are_to_supply_paper_says_what_to_do_meanwhile(project: Path) -> None:
    text = (project / CONTACTS).read_text(encoding="utf-8")
    reach = text[text.index("    reach:\n") : text.index("    source: The Compact, Section 5")]
    edit(
        project / CONTACTS,
        reach,
        "    to_supply:\n"
        "      details: an email address\n"
        "      ask: the Compact Steering Group\n"
        "      until_then: Ask your Compact Champion ([Signatories](signatories.md)).\n",
    )
    assert footer_of(project)[2] == (
        "Lead body: The CVS. Its contact details are not yet in this handbook. Ask your Compact Champion (Signatories)."
    )
