"""Loading and validating: the minimal handbook is clean, and each kind of mistake is reported
with its file, its line and what to do. Each test breaks one thing in a copy of the fixture."""

from __future__ import annotations

from pathlib import Path

from build_scripts.pipeline import check
from tests.support.project import edit, problems_of


def test_the_minimal_handbook_has_no_problems(project: Path) -> None:
    checked = check(project)
    assert checked.problems == ()
    assert checked.handbook is not None
    assert [page.id for page in checked.handbook.pages] == ["index", "principles"]
    assert [item.id for item in checked.handbook.items] == ["principle-fairness", "public-pay-promptly"]


def test_a_link_to_a_page_that_does_not_exist(project: Path) -> None:
    edit(project / "compact/index.md", "(principles.md#principle-fairness)", "(principels.md#principle-fairness)")
    assert problems_of(project) == [
        'compact/index.md:5: the link "the principles" goes to "principels.md", which is not a page of the '
        'handbook. Did you mean "principles.md"?'
    ]


def test_a_link_to_an_anchor_that_does_not_exist(project: Path) -> None:
    edit(project / "compact/index.md", "#principle-fairness", "#principle-fairnes")
    assert problems_of(project) == [
        'compact/index.md:5: the link "the principles" goes to "#principle-fairnes", which is not an anchor of '
        'compact/principles.md. Did you mean "principle-fairness"?'
    ]


def test_a_link_inside_the_html_of_a_docs_page_is_checked(project: Path) -> None:
    """A hand-written page may hold a grid of cards; the links in its cards are checked like any other."""
    (project / "docs/index.md").write_text(
        '# Home\n\n<div class="grid cards" markdown>\n\n- [The guide](guide/indx.md)\n\n</div>\n', encoding="utf-8"
    )
    problems = problems_of(project)
    assert len(problems) == 1 and problems[0].startswith("docs/index.md:5: ") and "guide/indx.md" in problems[0], (
        problems
    )


def test_a_link_in_a_note_is_checked(project: Path) -> None:
    edit(project / "compact/edition.yml", "principles.md#intro", "principles.md#intor")
    assert problems_of(project) == [
        'compact/edition.yml:15: the link "the principles" goes to "#intor", which is not an anchor of '
        'compact/principles.md. Did you mean "intro"?'
    ]


def test_an_unknown_field_suggests_the_right_one(project: Path) -> None:
    edit(project / "compact/principles.yml", "        title: Fairness", "        titel: Fairness")
    assert problems_of(project) == [
        'compact/principles.yml:8: A principle or commitment has no "title"; add it.',
        'compact/principles.yml:9: A principle or commitment has an unknown field "titel". Did you mean "title"? '
        "Its fields are: id, title, text.",
    ]


def test_a_missing_field(project: Path) -> None:
    edit(project / "compact/edition.yml", "    kind: Typing error\n", "")
    assert problems_of(project) == ['compact/edition.yml:5: A correction has no "kind"; add it.']


def test_an_empty_field(project: Path) -> None:
    edit(project / "compact/principles.yml", "text: Pay on time", "text:")
    assert problems_of(project) == [
        'compact/principles.yml:18: "text" of A principle or commitment is empty; write it.'
    ]


def test_text_where_a_list_should_be(project: Path) -> None:
    edit(project / "compact/contents.yml", "pages:\n  - index\n  - principles\n", "pages: index\n")
    assert problems_of(project) == [
        'compact/contents.yml:1: "pages" of The contents should be a list, one "- " item a line.'
    ]


def test_an_id_that_is_not_a_slug(project: Path) -> None:
    edit(project / "compact/principles.yml", "id: public-pay-promptly", "id: Public/../Pay")
    assert problems_of(project) == [
        'compact/principles.yml:16: "Public/../Pay" is not a valid id: use lowercase letters, digits and single '
        'hyphens, such as "stage-2-panel".'
    ]


def test_an_id_used_twice(project: Path) -> None:
    edit(project / "compact/principles.yml", "id: public-pay-promptly", "id: principle-fairness")
    assert problems_of(project) == [
        'codes_of_practice/fair-funding.yml:16: the clause "ff-pay-on-time" expands "public-pay-promptly", which is '
        "not a principle or commitment of the Compact. The ids are in compact/principles.yml.",
        'codes_of_practice/fair-funding.yml:21: the clause "ff-talk-first" expands "public-pay-promptly", which is '
        "not a principle or commitment of the Compact. The ids are in compact/principles.yml.",
        'compact/principles.yml:16: the id "principle-fairness" is already used at compact/principles.yml:8; '
        "choose another.",
    ]


def test_a_page_named_in_the_contents_that_does_not_exist(project: Path) -> None:
    edit(project / "compact/contents.yml", "  - principles", "  - principles\n  - appendix")
    assert problems_of(project) == [
        'compact/contents.yml:4: "appendix" names compact/appendix.md, which does not exist.'
    ]


def test_a_page_without_front_matter(project: Path) -> None:
    (project / "compact/index.md").write_text("# A Small Compact\n", encoding="utf-8")
    assert problems_of(project) == [
        'compact/index.md:1: the file should start with front matter: a line "---", then "title: ...", '
        'then another "---".',
    ]


def test_a_note_whose_words_are_not_on_its_page(project: Path) -> None:
    edit(project / "compact/edition.yml", "after: The Old Commission will arbitrate.", "after: The New Commission")
    assert problems_of(project) == [
        'compact/edition.yml:15: the words of "after" stand nowhere on compact/principles.md; quote words that '
        "stand once, in one paragraph or list."
    ]


def test_a_correction_of_a_page_that_does_not_exist(project: Path) -> None:
    edit(project / "compact/edition.yml", "    page: principles\n    kind", "    page: principle\n    kind")
    assert problems_of(project) == [
        'compact/edition.yml:5: the correction names the page "principle", which is not in compact/contents.yml. '
        'Did you mean "principles"?'
    ]


def test_every_problem_is_reported_at_once(project: Path) -> None:
    edit(project / "compact/index.md", "#principle-fairness", "#nowhere")
    edit(project / "compact/principles.yml", "id: public-pay-promptly", "id: Pay")
    edit(project / "compact/edition.yml", "    kind: Typing error\n", "")
    assert [p.split(":")[0] for p in problems_of(project)] == [
        "compact/edition.yml",
        "compact/index.md",
        "compact/principles.yml",
    ]


def test_invalid_yaml_is_reported_with_the_other_files_problems(project: Path) -> None:
    edit(project / "compact/principles.yml", 'lead: "Public bodies will:"', "lead: Public bodies: will")
    edit(project / "compact/index.md", "#principle-fairness", "#nowhere")
    problems = problems_of(project)
    assert problems[0].startswith("compact/index.md:5: ")
    assert problems[1].startswith("compact/principles.yml:14: this is not valid YAML")
