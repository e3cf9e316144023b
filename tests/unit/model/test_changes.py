"""What an edition changed, found by comparing the two editions' models: nothing added, adopted or
removed goes unlisted."""

from __future__ import annotations

from dataclasses import replace

import pytest

from build_scripts.model.changes import edition_changes
from build_scripts.model.handbook import Handbook
from build_scripts.pipeline import check
from build_scripts.render.changes import summary, what_changed
from tests.support.project import copy_fixture


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory) -> Handbook:
    checked = check(copy_fixture("minimal", tmp_path_factory.mktemp("minimal")))
    assert checked.handbook is not None and checked.handbook.codes and checked.handbook.edition.notes
    return checked.handbook


def next_edition(handbook: Handbook, **changed: object) -> Handbook:
    edition = replace(handbook.edition, id="next", published="2099-01-01")
    return replace(handbook, edition=replace(edition, **changed) if changed else edition)


def test_an_edition_compared_with_itself_changed_nothing(before: Handbook) -> None:
    changes = edition_changes(before, next_edition(before))
    assert changes.count == 0
    assert summary(changes) == ["Nothing in the text, the codes or the guide changed."]


def test_a_new_code_already_adopted_is_listed_with_its_status(before: Handbook) -> None:
    code = replace(before.codes[0], id="new-code", title="A new code", status="adopted", adopted_on="2099-01-01")
    after = replace(next_edition(before), codes=(*before.codes, code))
    changes = edition_changes(before, after)
    assert changes.codes_added == (code,) and changes.codes_status == ()
    assert "A new code: a new code of practice, adopted on 1 January 2099." in summary(changes)


def test_a_removed_editorial_note_is_listed(before: Handbook) -> None:
    removed, *kept = before.edition.notes
    changes = edition_changes(before, next_edition(before, notes=tuple(kept)))
    assert changes.notes_removed == (removed,) and changes.notes_added == ()
    assert "1 editorial note removed." in summary(changes)


def test_a_clause_moved_to_another_code_is_listed_and_its_before_link_leads_to_its_old_code(before: Handbook) -> None:
    code = before.codes[0]
    moved, *kept = code.clauses
    other = replace(code, id="other-code", title="Another code", clauses=(moved,))
    after = replace(next_edition(before), codes=(replace(code, clauses=tuple(kept)), other))
    changes = edition_changes(before, after)
    [change] = changes.clauses_changed
    assert (change.code.id, change.code_before and change.code_before.id) == ("other-code", code.id)
    page = what_changed(changes, "next")
    assert f"Moved from {code.title}." in page
    assert f"(../{before.edition.id}/codes/{code.id}.md#{moved.id})" in page, "the clause as it was: in its old code"
