"""A name or a title is text wherever the handbook shows it: Markdown syntax in one makes no link,
attribute list or emphasis on any page, and the reader sees it as it is written."""

from __future__ import annotations

from pathlib import Path

import markdown

from build_scripts.load.markup import EXTENSIONS
from build_scripts.model.html5 import elements, read_fragment
from build_scripts.pipeline import check, generated_files
from tests.support.project import copy_fixture, edit

TITLE = "Fair Funding](https://evil.example/phish) [Fair *Funding* {: #x }"
NAME = "The Council {hidden dir=rtl onclick=alert(1)} [x](https://evil.example)"


def test_markdown_syntax_in_a_name_or_title_makes_nothing(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path)
    edit(project / "codes_of_practice/fair-funding.yml", "title: Fair Funding", f"title: '{TITLE}'")
    edit(project / "signatories/register.yml", "    name: The Council\n", f"    name: '{NAME}'\n")
    checked = check(project)
    assert checked.ok and checked.handbook is not None, checked.problems
    pages = {
        path: content
        for path, content in generated_files(checked.handbook).items()
        if path.endswith(".md") and isinstance(content, str)
    }
    shown = {"title": 0, "name": 0}
    for path, content in pages.items():
        html = markdown.markdown(content.split("\n---\n", 1)[-1], extensions=[*EXTENSIONS, "toc"])
        for element in elements(read_fragment(html).content):
            attributes = element.attributes
            assert "evil.example" not in (attributes.get("href") or ""), path
            assert not {"hidden", "dir", "onclick"} & set(attributes), path
            assert element.tag not in ("em",) or "Funding" not in element.text(), path
        text = read_fragment(html).content.text(deep=True)
        shown["title"] += text.count(TITLE)
        shown["name"] += text.count(NAME)
    assert shown["title"] and shown["name"], "the title and the name are shown as written"
