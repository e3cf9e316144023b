"""Facts beside the 2009 text: each records its source and when it was checked, is due again a year
later, and one still to confirm is listed for the Steering Group before publishing."""

from __future__ import annotations

import datetime
from pathlib import Path

from build_scripts.pipeline import check, generated_files
from tests.support.project import edit, problems_of

EDITION = "compact/edition.yml"
CHECKED = '    checked_on: "2026-01-10"\n'
SOURCE = '"[The Old Commission\'s last report](https://commission.example.org/report), 2011"'
TO_CONFIRM = "    to_confirm: Did it close on 31 March 2011?\n"


def warnings_of(project: Path, today: datetime.date) -> list[str]:
    return [str(w) for w in check(project, today).warnings]


def test_a_note_records_its_source_and_when_it_was_checked(project: Path) -> None:
    checked = check(project, datetime.date(2026, 6, 1))
    assert checked.problems == () and checked.warnings == ()
    assert checked.handbook is not None
    (note,) = checked.handbook.edition.notes
    assert note.evidence.checked_on == "2026-01-10"
    assert note.evidence.cited.startswith("[The Old Commission's last report](")
    assert note.evidence.confirmed


def test_a_note_without_its_source_is_refused(project: Path) -> None:
    edit(project / EDITION, f"    source: {SOURCE}\n", "")
    assert problems_of(project) == [f'{EDITION}:15: A note has no "source"; add it.']


def test_a_note_without_a_date_checked_is_refused(project: Path) -> None:
    edit(project / EDITION, CHECKED, "")
    assert problems_of(project) == [f'{EDITION}:15: A note has no "checked_on"; add it.']


def test_a_date_checked_written_wrongly_gives_one_message(project: Path) -> None:
    edit(project / EDITION, CHECKED, '    checked_on: "10/01/2026"\n')
    assert problems_of(project) == [
        f'{EDITION}:21: "checked_on" should be a date written like 2027-03-31, not "10/01/2026".'
    ]


def test_a_fact_checked_more_than_a_year_ago_is_due_again(project: Path) -> None:
    assert warnings_of(project, datetime.date(2027, 1, 10)) == []
    assert warnings_of(project, datetime.date(2027, 1, 11)) == [
        f"{EDITION}:21: warning: this fact was last checked on 2026-01-10, more than 365 days ago; check it again "
        'against its source and change "checked_on" to the date you did.'
    ]
    assert check(project, datetime.date(2027, 1, 11)).ok, "a fact due for its check does not stop the build"


def test_a_fact_still_to_confirm_is_listed_before_publishing(project: Path) -> None:
    edit(project / EDITION, CHECKED, CHECKED + TO_CONFIRM)
    checked = check(project, datetime.date(2026, 6, 1))
    assert checked.ok
    assert [str(w) for w in checked.before_publishing] == [
        f"{EDITION}:22: before publishing: to confirm: Did it close on 31 March 2011? "
        'Once confirmed, remove "to_confirm".'
    ]


def test_a_fact_still_to_confirm_says_so_beside_the_text(project: Path) -> None:
    edit(project / EDITION, CHECKED, CHECKED + TO_CONFIRM)
    checked = check(project, datetime.date(2026, 6, 1))
    assert checked.handbook is not None
    page = generated_files(checked.handbook)["compact/principles.md"]
    confirm = "**To confirm:** Did it close on 31 March 2011? The Compact Steering Group has not yet confirmed this."
    assert confirm in page
    assert "Checked on 10 January 2026." in page
