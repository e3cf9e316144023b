"""Journeys through the real disagreement guide, in the shape of GOV.UK Smart Answers' flow tests:
each answer leads where the Compact says it should. Wording is not asserted here.

The journeys are written as the answers to the questions below. A question an editor adds later is
answered on the way with its first choice, the journey's next answer or another choice, whichever
first lets the journey go on: a journey states what the Compact's process does, whatever else the
guide asks."""

from __future__ import annotations

import pytest

from build_scripts.model.contacts import Contacts
from build_scripts.model.guide import Guide, Outcome, Question
from build_scripts.model.guide_paths import PAGE_LIMIT, GuidePath, continuations, count_pages, follow, stage_of, unfold
from build_scripts.model.handbook import Handbook
from build_scripts.pipeline import check
from tests.support.journeys import walk
from tests.support.project import CONTENT

SIDES = ("raising", "responding")
# The scope questions, answered for a disagreement between a public body and a charity in
# Darlington that is not about maladministration and in which eVOLution is not a party.
SCOPE = ("public-and-third", "yes", "no", "no")
RAISING = ("raising", *SCOPE)
RESPONDING = ("responding", *SCOPE)
IN_WRITING = (*RAISING, "not-resolved", "yes")
"""Raising: the Champions have tried, and the issue has been raised in writing."""
EVOLUTION_A_PARTY = "evolution-a-party"


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    checked = check(CONTENT)
    assert checked.problems == () and checked.handbook is not None and checked.handbook.guide is not None
    return checked.handbook


@pytest.fixture(scope="module")
def guide(handbook: Handbook) -> Guide:
    assert handbook.guide is not None
    return handbook.guide


def reached(guide: Guide, *answers: str) -> str:
    path = walk(guide, answers)
    assert path is not None, f"{answers} is not a path through the guide"
    return path.step.id


def outcome(guide: Guide, *answers: str) -> Outcome:
    path = walk(guide, answers)
    assert path is not None and isinstance(path.step, Outcome), f"{answers} does not end at an outcome"
    return path.step


def next_path(guide: Guide, *answers: str) -> GuidePath:
    """The page the first "if this does not work" leads to from the outcome the answers reach."""
    path = walk(guide, answers)
    assert path is not None
    return going_on(guide, path)


def going_on(guide: Guide, path: GuidePath) -> GuidePath:
    """The page the first "if this does not work" of the outcome of `path` leads to."""
    found = continuations(guide, path)
    assert found and found[0][1] is not None, f"the outcome at {path.page} has no next step"
    reached_next = walk(guide, (), start=found[0][1].slugs)  # past a question added since on the way
    assert reached_next is not None
    return reached_next


def next_step(guide: Guide, *answers: str) -> str:
    """Where the first "if this does not work" leads from the outcome the answers reach."""
    return next_path(guide, *answers).step.id


def test_the_guide_starts_by_asking_which_side_you_are_on(guide: Guide) -> None:
    start = guide.step(guide.start.id)
    assert isinstance(start, Question)
    assert [c.slug for c in start.choices] == ["raising", "responding"]


@pytest.mark.parametrize("side", SIDES)
def test_both_sides_are_asked_the_same_scope_questions(guide: Guide, side: str) -> None:
    assert reached(guide, side) == "between-whom"
    assert reached(guide, side, "public-and-third") == "in-darlington"
    assert reached(guide, side, "public-and-third", "yes") == "maladministration"
    assert reached(guide, side, "public-and-third", "yes", "no") == EVOLUTION_A_PARTY
    assert reached(guide, side, "private-business") == "outside-the-compact-business"
    assert reached(guide, side, "public-and-third", "no") == "outside-the-compact-area"


def test_the_scope_questions_are_shared_not_copied(guide: Guide) -> None:
    """Both sides reach the same question steps: no question is written twice."""
    wordings = [q.question for q in guide.questions]
    assert len(wordings) == len(set(wordings))
    raising = {p.step.id for p in unfold(guide) if p.slugs[:1] == ("raising",)}
    responding = {p.step.id for p in unfold(guide) if p.slugs[:1] == ("responding",)}
    assert {"between-whom", "in-darlington", "maladministration", EVOLUTION_A_PARTY} <= raising & responding


def test_after_the_scope_questions_each_side_goes_its_own_way(guide: Guide) -> None:
    assert reached(guide, *RAISING) == "champions-tried"
    assert reached(guide, *RESPONDING) == "how-was-it-raised"


def test_maladministration_offers_the_complaints_procedure_but_recommends_the_compact(guide: Guide) -> None:
    malad = ("raising", "public-and-third", "yes", "yes")
    assert reached(guide, *malad) == "which-route"
    assert reached(guide, *malad, "complaints-procedure") == "use-the-complaints-procedure"
    assert reached(guide, *malad, "compact-process") == EVOLUTION_A_PARTY
    responding = ("responding", "public-and-third", "yes", "yes", "complaints-procedure")
    assert reached(guide, *responding) == "respond-through-your-complaints-procedure"


def test_not_sure_about_maladministration_explains_both_routes(guide: Guide) -> None:
    """ "I am not sure" leads to the question that explains both routes, not past it."""
    question = guide.step(reached(guide, "raising", "public-and-third", "yes", "not-sure"))
    assert isinstance(question, Question)
    assert {"compact-process", "complaints-procedure"} <= {c.slug for c in question.choices}
    assert "Complaints Procedure" in question.help and "Compact's process" in question.help


def test_stage_1_is_informal_first_then_in_writing(guide: Guide) -> None:
    assert reached(guide, *RAISING, "not-yet") == "talk-to-the-champions"
    assert reached(guide, *RAISING, "will-not-talk", "not-yet") == "raise-the-issue-in-writing"
    assert reached(guide, *RAISING, "not-resolved", "not-yet") == "raise-the-issue-in-writing"
    assert reached(guide, *IN_WRITING, "waiting") == "wait-for-the-formal-response"
    assert reached(guide, *IN_WRITING, "not-resolved") == "panel-referred"
    assert next_step(guide, *RAISING, "not-yet") == "raise-the-issue-in-writing"
    assert next_step(guide, *RAISING, "not-resolved", "not-yet") == "after-writing"


def test_no_reply_leads_to_a_reminder_then_a_referral_without_a_response(guide: Guide) -> None:
    no_reply = outcome(guide, *IN_WRITING, "no-reply")
    assert no_reply.id == "no-reply" and no_reply.letter is not None and no_reply.time.suggestion
    assert next_step(guide, *IN_WRITING, "waiting") == "no-reply"
    assert next_step(guide, *IN_WRITING, "no-reply") == "refer-without-a-response"
    assert reached(guide, *IN_WRITING, "still-no-reply", "not-yet") == "refer-without-a-response"


def test_a_refusal_to_meet_or_to_take_part_has_an_outcome_and_a_letter(guide: Guide) -> None:
    will_not_meet = outcome(guide, *IN_WRITING, "will-not-meet")
    assert will_not_meet.letter is not None and will_not_meet.time.suggestion
    assert next_step(guide, *IN_WRITING, "will-not-meet") == "refer-without-a-response"
    referred = (*IN_WRITING, "not-resolved", "yes")
    will_not_take_part = outcome(guide, *referred, "will-not-take-part")
    assert will_not_take_part.letter is not None and will_not_take_part.time.suggestion
    assert next_step(guide, *referred, "will-not-take-part") == "national-arbitration"
    assert reached(guide, *referred, "no-reply") == "panel-not-set-up"


def test_a_referral_without_a_response_does_not_use_the_letter_for_one(guide: Guide) -> None:
    with_response = outcome(guide, *IN_WRITING, "not-resolved", "not-yet")
    without = outcome(guide, *IN_WRITING, "still-no-reply", "not-yet")
    assert with_response.letter is not None and without.letter is not None
    assert with_response.letter.id != without.letter.id
    letter = guide.letter(without.letter.id)
    assert letter is not None and "has not given a formal response" in letter.body


@pytest.mark.parametrize("response", ["not-resolved", "still-no-reply"])
def test_the_panel_has_an_independent_chair_when_evolution_is_a_party(guide: Guide, response: str) -> None:
    evolution = ("raising", "public-and-third", "yes", "no", "yes", "not-resolved", "yes", response, "not-yet")
    plain = outcome(guide, *IN_WRITING, response, "not-yet")
    independent = outcome(guide, *evolution)
    assert independent.id != plain.id and "independent-chair" in independent.id


def test_the_responding_side_learns_of_an_independent_chair_too(guide: Guide) -> None:
    assert reached(guide, *RESPONDING, "panel") == "take-part-in-the-panel"
    assert reached(guide, "responding", "public-and-third", "yes", "no", "yes", "panel") == (
        "take-part-in-the-panel-independent-chair"
    )


def test_no_path_sends_anyone_to_evolution_when_evolution_is_a_party(handbook: Handbook, guide: Guide) -> None:
    """Where eVOLution is a party, no outcome names a contact of eVOLution, and no letter is addressed
    to one; an outcome's next step keeps that answer."""
    assert handbook.register is not None and handbook.contacts is not None
    lead = handbook.register.lead.id
    lead_contacts = {c.id for c in handbook.contacts.contacts if c.organisation == lead}
    assert lead_contacts, "contacts.yml names no contact of the lead body"
    party_paths = [p for p in unfold(guide) if p.answer_to(EVOLUTION_A_PARTY) == "yes"]
    assert party_paths
    for path in party_paths:
        if not isinstance(path.step, Outcome):
            continue
        assert not {r.id for r in path.step.contacts} & lead_contacts, path.page
        letter = guide.letter(path.step.letter.id) if path.step.letter else None
        assert letter is None or letter.to is None or letter.to.id not in lead_contacts, path.page
        for _, following in continuations(guide, path):
            assert following is None or following.answer_to(EVOLUTION_A_PARTY) in ("yes", None), path.page


def test_two_third_sector_organisations_use_the_process_and_are_told_where_it_ends(guide: Guide) -> None:
    third = ("raising", "third-and-third", "yes")
    assert reached(guide, *third) == EVOLUTION_A_PARTY
    assert reached(guide, *third, "no") == "champions-tried"
    referred = (*third, "no", "not-resolved", "yes", "not-resolved")
    assert reached(guide, *referred, "not-yet") == "refer-to-the-panel"
    after = outcome(guide, *referred, "yes", "outcome-reached", "not-satisfied")
    assert after.id != "national-arbitration" and after.steps and after.who_acts
    assert reached(guide, "responding", "third-and-third", "yes", "no") == "how-was-it-raised"


def test_two_public_bodies_use_the_process_without_the_evolution_question(guide: Guide) -> None:
    public = ("raising", "public-and-public", "yes")
    assert reached(guide, *public) == "maladministration"
    assert reached(guide, *public, "no") == "champions-tried"
    assert reached(guide, *public, "no", "not-resolved", "yes", "not-resolved", "not-yet") == "refer-to-the-panel"
    after_panel = (*public, "no", "not-resolved", "yes", "not-resolved", "yes", "outcome-reached", "not-satisfied")
    assert reached(guide, *after_panel) == "national-arbitration"
    assert reached(guide, "responding", "public-and-public", "yes", "no") == "how-was-it-raised"


def test_after_the_panel_an_agreed_way_forward_or_stage_3(guide: Guide) -> None:
    after_panel = (*IN_WRITING, "not-resolved", "yes", "outcome-reached")
    assert reached(guide, *after_panel, "agreed") == "agreed-way-forward"
    assert reached(guide, *after_panel, "not-satisfied") == "national-arbitration"
    assert reached(guide, *IN_WRITING, "not-resolved", "yes", "stalled") == "national-arbitration"


def test_stage_3_falls_back_on_the_complaints_procedure_then_an_ombudsman(guide: Guide) -> None:
    stage_3 = (*IN_WRITING, "not-resolved", "yes", "outcome-reached", "not-satisfied")
    complaint = next_path(guide, *stage_3)
    assert complaint.step.id == "use-the-complaints-procedure"
    stage_3_path = walk(guide, stage_3)
    assert stage_3_path is not None
    assert complaint.slugs[: len(stage_3_path.slugs)] == stage_3_path.slugs, "the jump keeps every answer"
    assert stage_of(guide, complaint) == stage_of(guide, stage_3_path), "and the stage reached"
    ombudsman = going_on(guide, complaint)
    assert ombudsman.step.id == "which-ombudsman"
    for answer, ombudsman_id in [
        ("council", "local-government-ombudsman"),
        ("nhs", "health-service-ombudsman"),
        ("other", "other-public-body"),
    ]:
        assert (found := follow(guide, (*ombudsman.slugs, answer))) is not None and found.step.id == ombudsman_id
    responding = (*RESPONDING, "panel-outcome", "not-satisfied")
    assert next_step(guide, *responding) == "respond-through-your-complaints-procedure"


def test_stage_3_tells_the_truth_about_the_commission(guide: Guide) -> None:
    stage_3 = guide.step("national-arbitration")
    assert isinstance(stage_3, Outcome) and stage_3.stage == "stage-3"
    assert "closed on 31 March 2011" in stage_3.summary and "not available" in stage_3.summary
    assert not any("eVOLution" in text for text in (*(a.text for a in stage_3.steps), stage_3.who_acts))


def test_the_organisation_that_received_a_concern_is_guided_too(guide: Guide) -> None:
    assert reached(guide, *RESPONDING, "informally") == "respond-informally"
    assert reached(guide, *RESPONDING, "in-writing") == "give-a-formal-response"
    assert reached(guide, *RESPONDING, "panel-outcome", "not-satisfied") == "national-arbitration"
    assert next_step(guide, *RESPONDING, "informally") == "give-a-formal-response"
    assert next_step(guide, *RESPONDING, "in-writing") == "take-part-in-the-panel"


def test_the_steps_are_in_the_stages_the_compact_gives_them(guide: Guide) -> None:
    stages = {step.id: step.stage for step in guide.steps}
    assert stages["talk-to-the-champions"] == stages["give-a-formal-response"] == "stage-1"
    assert stages["refer-to-the-panel"] == stages["take-part-in-the-panel"] == "stage-2"
    assert stages["national-arbitration"] == "stage-3"


def test_every_letter_an_outcome_shows_is_addressed_to_one_of_its_contacts(guide: Guide, handbook: Handbook) -> None:
    contacts: Contacts | None = handbook.contacts
    assert contacts is not None
    for step in guide.outcomes:
        letter = guide.letter(step.letter.id) if step.letter else None
        if letter is not None and letter.to is not None:
            assert letter.to.id in {r.id for r in step.contacts}, step.id
            assert contacts.contact(letter.to.id) is not None


def test_every_path_ends_at_an_outcome_within_the_page_limit(guide: Guide) -> None:
    paths = unfold(guide)
    assert len(paths) == count_pages(guide) <= PAGE_LIMIT
    ends = [p for p in paths if not isinstance(p.step, Question)]
    assert all(isinstance(p.step, Outcome) for p in ends)
    assert {p.step.id for p in ends} == {o.id for o in guide.outcomes}


def test_every_next_step_keeps_every_answer_but_a_pending_last_one(guide: Guide) -> None:
    for path in unfold(guide):
        for _, following in continuations(guide, path):
            assert following is not None and following.page != path.page, path.page
            kept = following.answers[: len(path.answers)]
            if kept != path.answers:
                assert kept[:-1] == path.answers[:-1] and path.answers[-1].choice.pending, path.page


@pytest.mark.parametrize("example_id", ["review-of-services", "grant-funding"])
def test_each_case_study_is_a_path_to_its_outcome(guide: Guide, example_id: str) -> None:
    example = next(e for e in guide.examples if e.id == example_id)
    assert reached(guide, *(a.answer for a in example.answers)) == example.outcome.id
    assert (
        example.outcome.id
        == {"review-of-services": "refer-to-the-panel", "grant-funding": "agreed-way-forward"}[example_id]
    )


def test_review_of_services_describes_no_formal_response(guide: Guide) -> None:
    """Appendix 2: the Champions meet after the issue is raised in writing; no response is described."""
    example = next(e for e in guide.examples if e.id == "review-of-services")
    answers = {a.question.id: a.answer for a in example.answers}
    assert answers["after-writing"] == "met-not-resolved"
    question = guide.step("after-writing")
    assert isinstance(question, Question)
    choice = question.choice("met-not-resolved")
    assert choice is not None and "formal response" not in choice.label
