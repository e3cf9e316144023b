"""A contact's ways to reach it become links a reader can follow, made from checked values only."""

from __future__ import annotations

import pytest

from build_scripts.model.contacts import Way
from build_scripts.model.source import Source
from build_scripts.render.contacts import way_markdown

HERE = "guide/step/no-reply/index.md"


@pytest.mark.parametrize(
    ("how", "value", "label", "markdown"),
    [
        ("email", "compact@cvs.example.org", "", "Email: [compact@cvs.example.org](mailto:compact@cvs.example.org)"),
        ("phone", "01325 000 000", "", "Phone: [01325 000 000](tel:01325000000)"),
        ("post", "1 High Row\nDarlington <DL1>", "for letters", "Post (for letters): 1 High Row, Darlington &lt;DL1>"),
        (
            "web",
            "https://www.lgo.org.uk/",
            "its website",
            "Website (its website): [https://www.lgo.org.uk/](https://www.lgo.org.uk/)",
        ),
        (
            "page",
            "signatories.md#third",
            "The Signatories page",
            "[The Signatories page](../../../signatories.md#third)",
        ),
    ],
)
def test_each_way_is_a_link_from_the_page_it_is_shown_on(how: str, value: str, label: str, markdown: str) -> None:
    assert way_markdown(Way(how, value, label, Source("contacts.yml", 1)), HERE) == markdown
