"""Six people who use the guide in a real disagreement, each walked end to end in Chromium with
JavaScript off, clicking the answers a reader would: what the page they end on tells them to do.

Answers are named by their questions' ids and their slugs, and steps by their ids (none changes once
published); the labels clicked and the words expected are read from the sources, so an editor's
rewording moves the expectations with it. A question an editor adds on the way is answered with the
first of its choices that lets the journey go on (tests/support/journeys.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from build_scripts.model.contacts import Contacts
from build_scripts.model.guide import Guide, Outcome, Question, holds
from build_scripts.model.guide_paths import GuidePath, continuations, follow, stage_of
from build_scripts.model.handbook import Handbook
from build_scripts.model.text import one_line_text
from build_scripts.pipeline import check
from tests.support.browser import context
from tests.support.journeys import journey
from tests.support.server import SiteServer


@pytest.fixture(scope="module")
def handbook(root: Path) -> Handbook:
    checked = check(root)
    assert checked.handbook is not None and checked.handbook.guide is not None
    return checked.handbook


@pytest.fixture(scope="module")
def guide(handbook: Handbook) -> Guide:
    assert handbook.guide is not None
    return handbook.guide


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    ctx = context(browser, javascript=False)
    yield ctx.new_page()
    ctx.close()


def answer_through(page: Page, server: SiteServer, guide: Guide, answers: dict[str, str]) -> GuidePath:
    """From the guide's start page, click "Start now" and then each answer's label; the path reached."""
    path = journey(guide, answers)
    assert path is not None, f"{answers} is not a path through the guide to an outcome"
    page.goto(server.url("guide/"))
    page.get_by_role("link", name="Start now").click()
    for number, slug in enumerate(path.slugs):
        on = follow(guide, path.slugs[:number])
        assert on is not None and isinstance(on.step, Question)
        heading(page, on.step.title)
        choice = on.step.choice(slug)
        assert choice is not None
        page.locator("a.hb-choice").filter(has_text=choice.label).first.click()
    heading(page, path.step.title)
    assert page.url == server.url(path.page.removesuffix("index.md"))
    return path


def go_on(page: Page, guide: Guide, path: GuidePath, number: int = 0) -> GuidePath:
    """Click the outcome's next step `number` ("If this does not work"); the path it leads to."""
    following, target = continuations(guide, path)[number]
    assert target is not None
    page.locator("a.hb-next-step").filter(has_text=following.label).first.click()
    heading(page, target.step.title)
    return target


def heading(page: Page, title: str) -> None:
    """The page's one heading of level 1 is `title`."""
    expect(page.get_by_role("heading", level=1, name=title, exact=True)).to_be_visible()


def shown_text(page: Page) -> str:
    return " ".join(page.locator("article").inner_text().split())


def assert_ending(page: Page, guide: Guide, path: GuidePath) -> str:
    """The ending says what to do (each of its steps for this path), who acts, and when; the stage
    bar shows the stage the path reached, and every answer given is listed. Returns the page's text."""
    outcome = path.step
    assert isinstance(outcome, Outcome)
    text = shown_text(page)
    for advice in outcome.steps:
        assert (words(advice.text) in text) == holds(advice.when, path.answered), advice.text[:60]
    for section in ("#what-to-do", "#who", "#time"):
        expect(page.locator(section)).to_be_visible()
    stage = stage_of(guide, path)
    assert stage is not None
    expect(page.locator("li[aria-current=step]")).to_contain_text(stage.name)
    for given in path.answers:
        expect(page.locator("dl.hb-answers")).to_contain_text(given.choice.label)
    return text


def words(markdown: str) -> str:
    """A source's Markdown as a reader sees its words: links' text kept, marks dropped."""
    return one_line_text(markdown)


def raising_only(guide: Guide) -> list[str]:
    return [words(a.text) for a in guide.notice if a.when and not holds(a.when, {"your-role": "responding"})]


RAISING = {"your-role": "raising", "between-whom": "public-and-third", "in-darlington": "yes", "other-signed": "yes"}
"""A charity raising a concern with a public body, in Darlington, both signed."""
RESPONDING = {**RAISING, "your-role": "responding"}
COMPACT = {"maladministration": "no", "evolution-a-party": "no"}
"""Not maladministration, and eVOLution not a party: the Compact's own process."""
IN_WRITING = {**RAISING, **COMPACT, "champions-tried": "not-resolved", "raised-in-writing": "yes"}


@pytest.mark.browser
def test_a_charity_whose_grant_is_cut_at_two_weeks_notice(page: Page, server: SiteServer, guide: Guide) -> None:
    """It has not talked to anyone yet: Stage 1, and before that, write at once about the decision."""
    path = answer_through(page, server, guide, {**RAISING, **COMPACT, "champions-tried": "not-yet"})
    assert path.step.id == "talk-to-the-champions"
    text = assert_ending(page, guide, path)
    shown = [words(a.text) for a in guide.notice if holds(a.when, path.answered)]
    assert set(shown) & set(raising_only(guide)), "no advice for the side raising a concern"
    assert all(advice in text for advice in shown)
    outcome = path.step
    assert isinstance(outcome, Outcome) and outcome.letter is not None
    letter = guide.letter(outcome.letter.id)
    assert letter is not None
    expect(page.locator("#letter")).to_contain_text(letter.title)
    expect(page.locator(f'a[href$="letters/{letter.id}.docx"]').last).to_be_visible()


@pytest.mark.browser
def test_a_council_officer_with_a_complaint_letter(page: Page, server: SiteServer, guide: Guide) -> None:
    """The council responds through its Complaints Procedure; if that fails, it is never told to
    complain to the Ombudsman itself, nor to write at once about its own decision."""
    path = answer_through(
        page, server, guide, {**RESPONDING, "maladministration": "yes", "which-route": "complaints-procedure"}
    )
    assert path.step.id == "respond-through-your-complaints-procedure"
    text = assert_ending(page, guide, path)
    assert not [advice for advice in raising_only(guide) if advice in text]
    after = go_on(page, guide, path)
    assert after.step.id == "respond-to-an-ombudsman"
    text = assert_ending(page, guide, after)
    complain = guide.step("local-government-ombudsman")
    assert isinstance(complain, Outcome)
    assert not [a for a in complain.steps if words(a.text) in text], "the council is told to complain"


@pytest.mark.browser
def test_an_organisation_that_got_no_reply(page: Page, server: SiteServer, guide: Guide) -> None:
    """A reminder first; then the panel without a formal response, the reader's answers kept, and the
    one that time has settled ("no reply" became "still no reply") said so."""
    path = answer_through(page, server, guide, {**IN_WRITING, "after-writing": "no-reply"})
    assert path.step.id == "no-reply"
    assert_ending(page, guide, path)
    link = page.locator("li:has(a.hb-next-step)").first
    last = path.answers[-1]
    expect(link).to_contain_text(f"it was “{last.choice.label}”")
    after = go_on(page, guide, path)
    assert after.step.id == "refer-without-a-response"
    assert after.answers[:-2] == path.answers[:-1]
    assert_ending(page, guide, after)


@pytest.mark.browser
def test_a_dispute_where_evolution_is_the_other_party(
    page: Page, server: SiteServer, guide: Guide, handbook: Handbook
) -> None:
    """The referral goes to the Steering Group for an independent chair, never to eVOLution."""
    answers = {
        **{question: slug for question, slug in IN_WRITING.items() if question != "maladministration"},
        "between-whom": "third-and-third",
        "evolution-a-party": "yes",
        "after-writing": "not-resolved",
        "panel-referred": "not-yet",
    }
    path = answer_through(page, server, guide, answers)
    assert path.step.id == "refer-to-the-panel-independent-chair"
    text = assert_ending(page, guide, path)
    contacts: Contacts | None = handbook.contacts
    assert contacts is not None and handbook.register is not None
    named = {r.id for r in path.step.contacts} if isinstance(path.step, Outcome) else set()
    for contact in contacts.contacts:
        if contact.organisation == handbook.register.lead.id:
            assert contact.id not in named
    chair = contacts.contact("independent-chair")
    assert chair is not None and chair.name in text


@pytest.mark.browser
def test_an_nhs_dispute_after_stage_2(page: Page, server: SiteServer, guide: Guide) -> None:
    """The panel's outcome did not satisfy them: Stage 3 is honest that national arbitration is gone,
    and goes on to the NHS body's Complaints Procedure and then the Health Service Ombudsman, keeping
    every answer and the stage reached."""
    answers = {
        **IN_WRITING,
        "after-writing": "not-resolved",
        "panel-referred": "yes",
        "after-referral": "outcome-reached",
        "panel-outcome": "not-satisfied",
    }
    path = answer_through(page, server, guide, answers)
    assert path.step.id == "national-arbitration"
    assert_ending(page, guide, path)
    complaints = go_on(page, guide, path)
    assert complaints.step.id == "use-the-complaints-procedure"
    assert complaints.answers[: len(path.answers)] == path.answers
    assert_ending(page, guide, complaints)
    which = go_on(page, guide, complaints)
    question = which.step
    assert isinstance(question, Question) and question.id == "which-ombudsman"
    nhs = question.choice("nhs")
    assert nhs is not None
    page.locator("a.hb-choice").filter(has_text=nhs.label).first.click()
    ending = follow(guide, (*which.slugs, "nhs"))
    assert ending is not None and ending.step.id == "health-service-ombudsman"
    heading(page, ending.step.title)
    assert_ending(page, guide, ending)
    expect(page.locator("#sources")).to_be_visible()


@pytest.mark.browser
def test_someone_unsure_the_compact_applies(page: Page, server: SiteServer, guide: Guide) -> None:
    """Not knowing whether the other organisation signed leads to how to find out, and on once they know."""
    path = answer_through(page, server, guide, {**RAISING, "other-signed": "not-sure"})
    assert path.step.id == "find-out-who-signed"
    assert_ending(page, guide, path)
    expect(page.locator("#what-to-do").locator("xpath=following-sibling::ol[1]")).to_contain_text("Signatories")
    signed = go_on(page, guide, path)
    assert isinstance(signed.step, Question)
    assert signed.answers[-1].choice.slug == "yes" and signed.answers[:-1] == path.answers[:-1]
    expect(page.locator("dl.hb-answers")).to_contain_text(signed.answers[-1].choice.label)
