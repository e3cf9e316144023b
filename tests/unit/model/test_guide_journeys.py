"""Journeys through the real disagreement guide, in the shape of GOV.UK Smart Answers' flow tests:
each answer leads where the Compact says it should. Wording is not asserted here (see the goldens)."""

from __future__ import annotations

import pytest

from build_scripts.model.guide import Guide, Outcome, Question
from build_scripts.model.guide_paths import PAGE_LIMIT, count_pages, follow, unfold
from build_scripts.pipeline import check
from tests.support.project import ROOT

RAISING_IN_DARLINGTON = ("raising", "public-and-third", "yes")


@pytest.fixture(scope="module")
def guide() -> Guide:
    checked = check(ROOT)
    assert checked.problems == () and checked.handbook is not None and checked.handbook.guide is not None
    return checked.handbook.guide


def reached(guide: Guide, *answers: str) -> str:
    path = follow(guide, answers)
    assert path is not None, f"{answers} is not a path through the guide"
    return path.step.id


def test_the_guide_starts_by_asking_which_side_you_are_on(guide: Guide) -> None:
    start = guide.step(guide.start.id)
    assert isinstance(start, Question)
    assert [c.slug for c in start.choices] == ["raising", "responding"]


def test_a_private_business_is_outside_the_compact(guide: Guide) -> None:
    assert reached(guide, "raising", "private-business") == "outside-the-compact-business"


def test_work_outside_darlington_is_outside_the_compact(guide: Guide) -> None:
    assert reached(guide, "raising", "public-and-third", "no") == "outside-the-compact-area"


def test_maladministration_offers_the_complaints_procedure_but_recommends_the_compact(guide: Guide) -> None:
    assert reached(guide, *RAISING_IN_DARLINGTON, "yes") == "which-route"
    assert reached(guide, *RAISING_IN_DARLINGTON, "yes", "complaints-procedure") == "use-the-complaints-procedure"
    assert reached(guide, *RAISING_IN_DARLINGTON, "yes", "compact-process") == "champions-tried"


@pytest.mark.parametrize("answer", ["no", "not-sure"])
def test_anything_else_goes_to_stage_1(guide: Guide, answer: str) -> None:
    assert reached(guide, *RAISING_IN_DARLINGTON, answer) == "champions-tried"


def test_stage_1_is_informal_first_then_in_writing(guide: Guide) -> None:
    stage_1 = (*RAISING_IN_DARLINGTON, "no")
    assert reached(guide, *stage_1, "not-yet") == "talk-to-the-champions"
    assert reached(guide, *stage_1, "not-resolved", "not-yet") == "raise-the-issue-in-writing"
    assert reached(guide, *stage_1, "not-resolved", "waiting") == "wait-for-the-formal-response"
    assert reached(guide, *stage_1, "not-resolved", "not-resolved") == "panel-referred"


def test_the_panel_has_an_independent_chair_when_evolution_is_a_party(guide: Guide) -> None:
    stage_2 = (*RAISING_IN_DARLINGTON, "no", "not-resolved", "not-resolved", "not-yet")
    assert reached(guide, *stage_2, "no") == "refer-to-the-panel"
    assert reached(guide, *stage_2, "yes") == "refer-to-the-panel-independent-chair"


def test_after_the_panel_an_agreed_way_forward_or_stage_3(guide: Guide) -> None:
    after_panel = (*RAISING_IN_DARLINGTON, "no", "not-resolved", "not-resolved", "outcome-reached")
    assert reached(guide, *after_panel, "agreed") == "agreed-way-forward"
    assert reached(guide, *after_panel, "not-satisfied") == "national-arbitration"


def test_the_organisation_that_received_a_concern_is_guided_too(guide: Guide) -> None:
    assert reached(guide, "responding", "informally") == "respond-informally"
    assert reached(guide, "responding", "in-writing") == "give-a-formal-response"
    assert reached(guide, "responding", "panel") == "take-part-in-the-panel"
    assert reached(guide, "responding", "panel-outcome", "not-satisfied") == "national-arbitration"


def test_the_steps_are_in_the_stages_the_compact_gives_them(guide: Guide) -> None:
    stages = {step.id: step.stage for step in guide.steps}
    assert stages["talk-to-the-champions"] == stages["give-a-formal-response"] == "stage-1"
    assert stages["refer-to-the-panel"] == stages["take-part-in-the-panel"] == "stage-2"
    assert stages["national-arbitration"] == "stage-3"


def test_stage_3_tells_the_truth_about_the_commission(guide: Guide) -> None:
    outcome = guide.step("national-arbitration")
    assert isinstance(outcome, Outcome)
    assert "closed on 31 March 2011" in outcome.summary
    assert any("Compact Steering Group, through eVOLution" in step for step in outcome.steps)


def test_formal_writing_comes_with_a_model_letter(guide: Guide) -> None:
    for step_id, letter in [
        ("raise-the-issue-in-writing", "raise-formally"),
        ("give-a-formal-response", "formal-response"),
        ("refer-to-the-panel", "refer-to-panel"),
        ("refer-to-the-panel-independent-chair", "refer-to-panel"),
    ]:
        outcome = guide.step(step_id)
        assert isinstance(outcome, Outcome) and outcome.letter is not None
        assert outcome.letter.id == letter


def test_every_path_ends_at_an_outcome_within_the_page_limit(guide: Guide) -> None:
    paths = unfold(guide)
    assert len(paths) == count_pages(guide) <= PAGE_LIMIT
    ends = [p for p in paths if not isinstance(p.step, Question)]
    assert all(isinstance(p.step, Outcome) for p in ends)
    assert {p.step.id for p in ends} == {o.id for o in guide.outcomes}


@pytest.mark.parametrize("example_id", ["review-of-services", "grant-funding"])
def test_each_case_study_is_a_path_to_its_outcome(guide: Guide, example_id: str) -> None:
    example = next(e for e in guide.examples if e.id == example_id)
    assert reached(guide, *(a.answer for a in example.answers)) == example.outcome.id
    assert (
        example.outcome.id
        == {"review-of-services": "refer-to-the-panel", "grant-funding": "agreed-way-forward"}[example_id]
    )
