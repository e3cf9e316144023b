"""Every outcome of the real guide, on its own page and on every path page that ends at it, says
who acts, how to reach them (or, where a detail is not known yet, exactly what to ask and of whom),
and when to act; and its "if this does not work" link is there. Expectations come from the sources."""

from __future__ import annotations

import re

import pytest

from build_scripts.model.addresses import step_page
from build_scripts.model.contacts import CHAMPIONS, Contact
from build_scripts.model.guide import Outcome, holds
from build_scripts.model.guide_paths import unfold
from build_scripts.model.handbook import Handbook
from build_scripts.model.still_needed import contact_item_id
from build_scripts.model.text import one_line_text
from build_scripts.pipeline import check, generated_files
from build_scripts.render.contacts import published_contacts
from build_scripts.render.environment import plain_text
from tests.support.project import CONTENT

NOT_YET = "**Not yet in this handbook:**"


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    checked = check(CONTENT)
    assert checked.handbook is not None and checked.handbook.guide is not None
    return checked.handbook


@pytest.fixture(scope="module")
def pages(handbook: Handbook) -> dict[str, str]:
    return {path: text for path, text in generated_files(handbook).items() if isinstance(text, str)}


def section(page: str, anchor: str) -> str:
    """The Markdown of a page's section: from its heading to the next heading of that level."""
    match = re.search(rf"^## .*\{{: #{anchor} \}}\n(.*?)(?=^## |\Z)", page, re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


def words(markdown: str) -> str:
    return " ".join(one_line_text(re.sub(r"\]\([^)]*\)", "]", markdown)).split())


def assert_reachable(contact: Contact, who: str) -> None:
    """The contact is named, with a way to reach it, or with what to ask and of whom."""
    assert f"### {plain_text(contact.name)}" in who
    block = who.split(f"### {plain_text(contact.name)}", 1)[1].split("\n### ", 1)[0]
    if contact.to_supply is not None:
        assert NOT_YET in block
        assert words(contact.to_supply.until_then) in words(block)
        # What is missing links to where the Steering Group is asked for it, never to an empty list.
        assert f"about/still-needed.md#{contact_item_id(contact.id)})" in block, contact.id
        assert "signatories.md)" not in block or contact.id != CHAMPIONS
    else:
        assert re.search(r"^- .*\]\((mailto:|tel:|https://|[./])", block, re.MULTILINE), contact.id


def assert_outcome_page(handbook: Handbook, outcome: Outcome, page: str, where: str) -> None:
    assert handbook.contacts is not None
    # As the site shows them: while no Champion is recorded, the Champions' contact says so.
    contacts = published_contacts(handbook.contacts, handbook.register)
    who = section(page, "who")
    assert words(outcome.who_acts) in words(who), where
    named = [contacts.contact(r.id) for r in outcome.contacts]
    champions = contacts.contact(CHAMPIONS)
    assert champions is not None and champions.if_none and words(champions.if_none) in words(who), where
    for contact in [c for c in named if c is not None] + [champions]:
        assert_reachable(contact, who)
    if outcome.reach:
        assert words(outcome.reach) in words(who), where
    time = section(page, "time")
    assert re.search(r"^- \*\*(Set by the Compact:|The Compact\*\* sets no time)", time, re.MULTILINE), where
    for text, label in [
        (outcome.time.suggestion, "This handbook's suggestion"),
        (outcome.time.other_rules, "Set by rules outside the Compact"),
        (outcome.time.case_study, "What happened in the Compact's case studies"),
    ]:
        if text:
            assert f"**{label}" in time and words(text) in words(time), where
    if outcome.if_not_resolved:
        assert re.search(r'^- <a class="hb-next-step" href="[^"]+">.+</a>', section(page, "if-not-resolved"), re.M), (
            where
        )


def test_every_outcome_page_says_who_acts_how_to_reach_them_and_when(handbook: Handbook, pages: dict[str, str]) -> None:
    assert handbook.guide is not None
    for outcome in handbook.guide.outcomes:
        assert_outcome_page(handbook, outcome, pages[step_page(outcome.id)], step_page(outcome.id))
    for path in unfold(handbook.guide):
        if isinstance(path.step, Outcome):
            assert_outcome_page(handbook, path.step, pages[path.page], path.page)


def test_the_check_would_catch_an_outcome_page_without_them(handbook: Handbook, pages: dict[str, str]) -> None:
    assert handbook.guide is not None
    outcome = handbook.guide.outcomes[0]
    page = pages[step_page(outcome.id)]
    for anchor in ("who", "time"):
        broken = page.replace(f"{{: #{anchor} }}", "{: #elsewhere }")
        with pytest.raises(AssertionError):
            assert_outcome_page(handbook, outcome, broken, "broken")


def test_the_guide_says_the_compact_is_not_binding_and_does_not_pause_a_decision(
    handbook: Handbook, pages: dict[str, str]
) -> None:
    assert handbook.guide is not None and handbook.guide.notice
    general = [words(advice.text) for advice in handbook.guide.notice if not advice.when]
    assert any("not legally binding" in text and "does not pause a decision" in text for text in general)
    for text in general:
        assert text in words(pages["guide/index.md"])
        for outcome in handbook.guide.outcomes:
            assert text in words(pages[step_page(outcome.id)])
        for path in unfold(handbook.guide):
            if isinstance(path.step, Outcome):
                assert text in words(pages[path.page]), path.page


def test_advice_for_some_paths_is_on_their_pages_and_no_other(handbook: Handbook, pages: dict[str, str]) -> None:
    """ "Before you act" tells the side raising a concern to write at once; the side responding never sees it,
    nor any step of an outcome written for other answers than its path gave."""
    assert handbook.guide is not None
    guide = handbook.guide
    conditional = [a for a in guide.notice if a.when]
    assert conditional
    for path in unfold(guide):
        if not isinstance(path.step, Outcome):
            continue
        page = words(pages[path.page])
        for advice in (*conditional, *(a for a in path.step.steps if a.when)):
            shown = words(advice.text) in page
            assert shown == holds(advice.when, path.answered), (path.page, advice.text[:60])
