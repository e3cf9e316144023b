"""The disagreement guide as its users meet it: every path has its page, every page's Back, Change,
Start again and "if this does not work" lead where they should, the worked examples can be walked
with JavaScript off, every outcome says who acts, how to reach them and when, its letter can be
downloaded as a Word document, and an outcome prints as a short record."""

from __future__ import annotations

import io
import posixpath
import re
from pathlib import Path

import docx
import pytest
from playwright.sync_api import Browser, expect

from build_scripts.model.addresses import letter_file, step_page
from build_scripts.model.guide import Guide, Outcome, Question, WorkedExample
from build_scripts.model.guide_paths import GuidePath, continuations, follow, path_page, unfold
from build_scripts.model.text import one_line_text
from build_scripts.pipeline import check, configured_site_url
from tests.support.browser import context, printed
from tests.support.journeys import walk
from tests.support.server import SiteServer
from tests.support.site import article_text, parse, searched, target_file


@pytest.fixture(scope="module")
def guide(root: Path) -> Guide:
    checked = check(root)
    assert checked.handbook is not None and checked.handbook.guide is not None
    return checked.handbook.guide


def example_end(guide: Guide, example_id: str) -> tuple[WorkedExample, str]:
    """A worked example, and the address of the page its answers end on."""
    example = next(e for e in guide.examples if e.id == example_id)
    return example, posixpath.join("guide/start", *(a.answer for a in example.answers)) + "/"


def follow_example(guide: Guide, example: WorkedExample) -> GuidePath:
    path = follow(guide, tuple(a.answer for a in example.answers))
    assert path is not None
    return path


def url_of(page: str) -> str:
    """The address of a docs-relative page: guide/start/raising/index.md -> guide/start/raising/."""
    return page.removesuffix("index.md")


def links_with_class(html: str, css_class: str) -> list[str]:
    return re.findall(rf'<a[^>]*class="[^"]*\b{css_class}\b[^"]*"[^>]*href="([^"]+)"', html) + re.findall(
        rf'<a[^>]*href="([^"]+)"[^>]*class="[^"]*\b{css_class}\b', html
    )


def resolve(site: Path, page: str, href: str) -> str:
    target = target_file(site, page, href)
    assert target is not None
    return target.relative_to(site).as_posix().removesuffix("index.html")


def test_every_path_has_its_page_and_its_links_lead_back_along_it(site: Path, guide: Guide, root: Path) -> None:
    site_url = configured_site_url(root)
    paths = unfold(guide)
    assert len(paths) > 40
    for path in paths:
        address = url_of(path.page)
        html = (site / address / "index.html").read_text(encoding="utf-8")
        start = url_of(path_page(()))
        if path.answers:
            (back,) = links_with_class(html, "hb-back")
            assert resolve(site, address, back) == url_of(path_page(path.slugs[:-1])), address
            (again,) = links_with_class(html, "hb-start-again")
            assert resolve(site, address, again) == start
        changes = re.findall(r'<dd class="hb-answers__change"><a href="([^"]+)">Change<span', html)
        assert [resolve(site, address, href) for href in changes] == [
            url_of(path_page(path.slugs[:i])) for i in range(len(path.answers))
        ], address
        text = " ".join(article_text(site / address / "index.html").split())
        for answer in path.answers:
            assert f"your answer to “{answer.question.title}”" in text
            assert answer.choice.label in text
        for href in links_with_class(html, "hb-choice"):
            assert (site / resolve(site, address, href) / "index.html").is_file()
        next_links = [resolve(site, address, href) for href in links_with_class(html, "hb-next-step")]
        assert next_links == [url_of(t.page) for _, t in continuations(guide, path) if t is not None], address
        assert 'name="robots" content="noindex"' in html
        (canonical,) = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
        assert canonical == f"{site_url}guide/step/{path.step.id}/"


def test_each_step_has_a_canonical_page_for_partners(site: Path, guide: Guide) -> None:
    for step in guide.steps:
        html = (site / "guide/step" / step.id / "index.html").read_text(encoding="utf-8")
        assert "You have come straight to this step" in html
        assert 'content="noindex"' not in html


def test_what_every_step_page_repeats_is_not_searched(site: Path, guide: Guide) -> None:
    """The stage bar, the step's caption, "You have come straight to this step" and the notice are on
    every step's page: searched, they would bury the Compact's own text ("Stage 3", "grant")."""
    steps = [doc for doc in searched(site) if doc["location"].startswith("guide/step/")]
    assert steps
    repeated = [" ".join(one_line_text(advice.text).split()[:12]) for advice in guide.notice]
    repeated += [f"{stage.name}: {stage.title}" for stage in guide.stages]
    repeated += ["You have come straight to this step", "You are here:"]
    for doc in steps:
        text = " ".join(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}").split())
        assert not [words for words in repeated if words in text], doc["location"]


def test_path_pages_are_kept_out_of_search_and_navigation(site: Path) -> None:
    locations = [doc["location"] for doc in searched(site)]
    assert not [location for location in locations if location.startswith("guide/start/")]
    assert [location for location in locations if location.startswith("guide/step/")]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "guide/start/raising/" not in home


@pytest.mark.browser
@pytest.mark.parametrize("example_id", ["review-of-services", "grant-funding"])
def test_a_worked_example_can_be_walked_without_javascript(
    browser: Browser, server: SiteServer, guide: Guide, example_id: str
) -> None:
    example, end = example_end(guide, example_id)
    outcome = guide.step(example.outcome.id)
    assert isinstance(outcome, Outcome)
    ctx = context(browser, javascript=False)
    page = ctx.new_page()
    page.goto(server.url("guide/"))
    page.get_by_role("link", name="Start now").click()
    for answer in example.answers:
        question = guide.step(answer.question.id)
        assert question is not None
        expect(page.locator("h1")).to_contain_text(question.title)
        choice = next(c for c in question.choices if c.slug == answer.answer)  # type: ignore[union-attr]
        page.locator("a.hb-choice").filter(has_text=choice.label).first.click()
    expect(page.locator("h1")).to_contain_text(outcome.title)
    for section in ("#what-to-do", "#who", "#time"):
        expect(page.locator(section)).to_be_visible()
    assert page.url == server.url(end)
    path = follow_example(guide, example)
    following = next((target for _, target in continuations(guide, path)), None)
    if following is not None:
        page.locator("a.hb-next-step").first.click()
        expect(page.locator("h1")).to_contain_text(following.step.title)
        assert page.url == server.url(url_of(following.page))
        expect(page.locator("dl.hb-answers")).to_contain_text(path.answers[0].choice.label)
    ctx.close()


@pytest.mark.browser
def test_change_and_back_take_you_to_the_question(browser: Browser, server: SiteServer, guide: Guide) -> None:
    path = walk(guide, ("raising", "public-and-third", "yes", "no", "no"))
    assert path is not None and isinstance(path.step, Question)
    first, second = (a.question.title for a in path.answers[:2])
    ctx = context(browser, javascript=False)
    page = ctx.new_page()
    page.goto(server.url(url_of(path.page)))
    expect(page.locator("li[aria-current=step]")).to_contain_text("Stage 1")
    page.get_by_role("link", name=f"Change your answer to “{second}”").click()
    expect(page.locator("h1")).to_contain_text(second)
    page.get_by_role("link", name="Back").click()
    expect(page.locator("h1")).to_contain_text(first)
    ctx.close()


def printed_pages(browser: Browser, url: str) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", printed(browser, url)))


@pytest.mark.browser
@pytest.mark.parametrize("example_id", ["review-of-services", "grant-funding"])
def test_an_outcome_prints_with_its_answers_and_without_the_screens_links(
    browser: Browser, server: SiteServer, guide: Guide, example_id: str
) -> None:
    """On paper, a path page is its outcome plus the answers given: at most a page more than the
    outcome's own page (how long an outcome is, is the editors' to decide)."""
    example, address = example_end(guide, example_id)
    ctx = context(browser, javascript=False)
    page = ctx.new_page()
    page.goto(server.url(address))
    page.emulate_media(media="print")
    expect(page.locator("#your-answers")).to_be_visible()
    expect(page.locator("a.hb-start-again")).to_be_hidden()
    ctx.close()
    pages = printed_pages(browser, server.url(address))
    own = printed_pages(browser, server.url(url_of(step_page(example.outcome.id))))
    assert 1 <= pages <= own + 1, f"{address} prints on {pages} pages, its outcome's own page on {own}"


def test_the_diagram_is_drawn_from_the_guide_and_told_in_words(site: Path, guide: Guide) -> None:
    svg = (site / "guide/process.svg").read_text(encoding="utf-8")
    assert "<title" in svg
    for stage in guide.stages:
        assert stage.name in svg and stage.title in svg
    start = (site / "guide/index.html").read_text(encoding="utf-8")
    assert re.search(r'<img alt="[^"]{20,}" src="process.svg"', start)
    assert 'id="process-in-words"' in start
    for step in guide.steps:
        assert f'href="step/{step.id}/"' in start
    section_6 = (site / "compact/resolving-disagreements/index.html").read_text(encoding="utf-8")
    assert 'src="../../guide/process.svg"' in section_6


def test_the_worked_examples_page_links_every_answer(site: Path, guide: Guide) -> None:
    examples = parse(site / "guide/examples/index.html")
    hrefs = [href for _, href in examples.links]
    for example in guide.examples:
        assert example.id in examples.ids
        slugs: tuple[str, ...] = ()
        for answer in example.answers:
            assert f"../start/{'/'.join(slugs)}{'/' if slugs else ''}" in hrefs
            slugs = (*slugs, answer.answer)
        assert f"../start/{'/'.join(slugs)}/" in hrefs


def test_every_outcome_page_says_who_acts_how_to_reach_them_and_when(site: Path, guide: Guide) -> None:
    for outcome in guide.outcomes:
        page = site / url_of(step_page(outcome.id)) / "index.html"
        parsed = parse(page)
        assert {"what-to-do", "who", "time"} <= parsed.ids, outcome.id
        assert ("if-not-resolved" in parsed.ids) == bool(outcome.if_not_resolved), outcome.id
        text = " ".join(article_text(page).split())
        assert "sets no time for this step" in text or "Set by the Compact" in text, outcome.id


FIELD = re.compile(r"\[[^\[\]]*\]")


def test_each_letter_is_a_word_document_and_a_text_file_with_its_fields_to_fill_in(site: Path, guide: Guide) -> None:
    for letter in guide.letters:
        document = docx.Document(io.BytesIO((site / letter_file(letter.id, "docx")).read_bytes()))
        text = "\n".join(paragraph.text for paragraph in document.paragraphs)
        plain = (site / letter_file(letter.id)).read_text(encoding="utf-8")
        fields = FIELD.findall(letter.body)
        assert fields and FIELD.findall(text) == fields == FIELD.findall(plain), letter.id
        assert letter.title not in text and letter.title not in plain
    for outcome in guide.outcomes:
        if outcome.letter is None:
            continue
        page = url_of(step_page(outcome.id))
        links = [href for tag, href in parse(site / page / "index.html").links if tag == "a"]
        # A contact's email address, once it is filled in, is a link that leaves the site.
        hrefs = {resolve(site, page, href) for href in links if target_file(site, page, href) is not None}
        assert {letter_file(outcome.letter.id), letter_file(outcome.letter.id, "docx")} <= hrefs, outcome.id
