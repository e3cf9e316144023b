"""The one sanitiser: what Python-Markdown makes of a source text decides what it may hold."""

from __future__ import annotations

import pytest

from build_scripts.load.markup import control_character, invisible_character, read_markup, title_problem
from build_scripts.model.source import BIDI_CONTROLS
from build_scripts.model.urls import is_safe_link, leaves_site, scheme


def findings(text: str, html_allowed: bool = False) -> list[str]:
    return [finding.message for finding in read_markup(text, html_allowed).findings]


@pytest.mark.parametrize(
    "text",
    [
        "Plain **bold**, *italic*, `code`, a [link](../compact/context.md#stage-1) and <https://example.org>.",
        "- a list\n- of items\n\n1. numbered\n2. too",
        '!!! note "A note"\n    Its text.',
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "Term\n: Its definition",
        "A paragraph with an anchor.\n{: #an-anchor .hb-strapline }",
        "[Mail](mailto:a@example.org), [phone](tel:+441325000000), [site](https://example.org/)",
        "Text with < and > and & in it, and braces {like this}.",
    ],
)
def test_what_markdown_makes_is_allowed(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>bold</b>", "it contains HTML (<b>)"),
        ("<img/src=x onerror=alert(1)>", "it contains HTML"),
        ("&lt;script&gt;", 'character reference "&lt;"'),
        ("[x](JAVASCRIPT:alert(1))", 'the scheme "javascript:"'),
        ("[x](java&#x09;script:alert(1))", 'the scheme "javascript:"'),
        ("[x][r]\n\n[r]: https://example.org", "a link defined apart"),
        ("Text.\n{: onclick=alert(1) }", 'the attribute "onclick"'),
        ("Text.\n{: .editorial }", 'the class "editorial"'),
        ('## Heading {#x" onmouseover=alert(1)}', '"x"" is not a valid anchor'),
        ("## \\<b\\>", 'a heading may not contain "<"'),
        ("![x](//evil.example/x.png)", "on another host"),
        ("!!! danger-zone", 'the class "danger-zone"'),
    ],
)
def test_what_a_source_may_not_hold_is_found(text: str, expected: str) -> None:
    assert any(expected in message for message in findings(text)), findings(text)


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "Pay <iframe src=x></iframe> on time."])
def test_html_in_a_source_is_one_problem_not_one_for_each_element_it_makes(text: str) -> None:
    found = findings(text)
    assert len(found) == 1 and "it contains HTML" in found[0], found


def test_docs_pages_may_hold_html_of_the_kinds_markdown_makes() -> None:
    assert findings('<div class="grid cards" markdown>\n\n- **A**\n\n</div>', html_allowed=True) == []
    assert findings('<div class="grid" style="color:red"></div>', html_allowed=True) != []
    assert findings("<script>alert(1)</script>", html_allowed=True) != []


def test_links_are_found_with_their_lines() -> None:
    markup = read_markup("First line.\n\nSee [Section 3](principles.md#x) and [it][r].\n\n[r]: other.md")
    assert [(line, text, href) for line, text, href in markup.links] == [
        (2, "Section 3", "principles.md#x"),
        (4, "it", "other.md"),  # where its address is written
    ]


def test_a_title_holds_no_markup() -> None:
    assert title_problem("Durham & Darlington {2009} \\") == ""
    assert title_problem("</title>") != "" and title_problem("&lt;b&gt;") != ""


def test_control_characters_are_found_with_their_line() -> None:
    assert control_character("a\n\tb\r\n") is None
    assert control_character("a\nb\x00") == (1, "#x0000")


@pytest.mark.parametrize(
    ("url", "its_scheme", "safe", "elsewhere"),
    [
        ("../compact/context.md#x", "", True, False),
        (" JaVa\nScRiPt:alert(1)", "javascript", False, True),
        ("//evil.example/x", "", True, True),
        ("\\\\evil.example\\x", "", True, True),
        ("mailto:a@example.org", "mailto", True, True),
        ("data:text/html,x", "data", False, True),
    ],
)
def test_an_address_is_read_as_a_browser_reads_it(url: str, its_scheme: str, safe: bool, elsewhere: bool) -> None:
    assert (scheme(url), is_safe_link(url), leaves_site(url)) == (its_scheme, safe, elsewhere)


def test_html_beside_a_problem_hides_neither() -> None:
    """The raw HTML is reported, and so is the unsafe link Markdown makes of the next paragraph."""
    found = findings('<a href="javascript:x">y</a>\n\n[t](javascript:x)')
    assert any("it contains HTML" in message for message in found), found
    assert any('the scheme "javascript:"' in message for message in found), found


def test_html_on_two_lines_is_two_problems_and_an_element_given_markdown_one() -> None:
    assert [finding.line for finding in read_markup("One<br>\n\nTwo<br>").findings] == [0, 2]
    assert [finding.line for finding in read_markup("a<br>b<br>\n\nc<br>").findings] == [0, 0, 2]
    found = findings("<div markdown>\nhello\n</div>")
    assert len(found) == 1 and "it contains HTML (<div markdown>" in found[0], found


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Python's html.parser reads each of these as one harmless block; a browser does not.
        ('<![CDATA[ x ><meta http-equiv="refresh" content="0;url=https://evil.example">]]>', "<meta>"),
        ("<!-- a --!><script>alert(1)</script>-->", "<script>"),
        ('<!--><img src=x onerror="alert(1)">-->', 'the attribute "onerror"'),
        ('<svg><style><img src=x onerror="alert(1)"></style></svg>', "<svg>"),
        ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', "<noscript>"),
        ("<template><script>alert(1)</script></template>", "<template>"),
        ('<a href="&#106;avascript:alert(1)">x</a>', 'the scheme "javascript:"'),
    ],
)
def test_raw_html_in_docs_is_read_as_a_browser_reads_it(html: str, expected: str) -> None:
    assert any(expected in message for message in findings(f"Text.\n\n{html}\n", html_allowed=True))


@pytest.mark.parametrize("html", ["</div>\n\n<p>x</p>", "</article>", '<div class="admonition note">\n<p>Text.</p>\n'])
def test_html_in_docs_must_close_what_it_opens_and_nothing_else(html: str) -> None:
    found = read_markup(f"Text.\n\n{html}\n", html_allowed=True).findings
    assert [(f.line, f.message.split(" here")[0]) for f in found] == [
        (2, "its HTML opens an element" if html.startswith("<div") else "its HTML closes an element it did not open")
    ]


def test_a_finding_is_on_the_line_where_it_stands_not_where_its_word_first_appears() -> None:
    text = "The style of this page.\n\nMore text.\n\n" + '<p style="color: red">Red.</p>\n'
    (finding,) = read_markup(text, html_allowed=True).findings
    assert finding.line == 4 and '"style"' in finding.message
    text = "A javascript: mention.\n\nText.\n\n" + '<a href="&#106;avascript:alert(1)">x</a>\n'
    (finding,) = read_markup(text, html_allowed=True).findings
    assert finding.line == 4


def test_markdown_that_would_take_minutes_is_refused_before_it_runs() -> None:
    assert findings("A paragraph.\n\n" + "[" * 20_000) == [
        "this paragraph has more than 300 square or angle brackets, which would take the build minutes to read; "
        "split it, or write fewer links or tags."
    ]
    assert read_markup("A.\n\n" + "[" * 20_000).findings[0].line == 2
    assert findings("- a\n" + " " * 60 + "- b") == [
        "this line is indented more than 40 spaces: nest lists ten levels at most."
    ]
    assert findings("[a](b.md) " * 200) == []
    assert findings("<a " * 20_000, html_allowed=True)[0].startswith("this paragraph has more than 300")
    assert findings("a\n\n" * 100_000)[0].startswith("this text is longer than 200,000 characters")


@pytest.mark.parametrize(
    ("text", "named"),
    [("a\u202eb", "U+202E RIGHT-TO-LEFT OVERRIDE"), ("a\u2066b", "U+2066 LEFT-TO-RIGHT ISOLATE"), ("\ufffe", "U+FFFE")],
)
def test_no_source_may_hold_a_bidirectional_control_or_a_noncharacter(text: str, named: str) -> None:
    found = control_character(text)
    assert found is not None and found[1] == named


def test_every_control_character_bidirectional_control_and_noncharacter_is_found_and_nothing_else() -> None:
    for code in range(0x110000):
        forbidden = (
            (code < 0x20 and code not in (0x09, 0x0A, 0x0D))
            or 0x7F <= code <= 0x9F
            or code in BIDI_CONTROLS
            or 0xFDD0 <= code <= 0xFDEF
            or code & 0xFFFE == 0xFFFE
        )
        found = control_character(f"a\n{chr(code)}")
        assert (found is not None) == forbidden, f"U+{code:04X}"
        assert found is None or found[0] == 1


@pytest.mark.parametrize("name", ["Darlington\u200bBorough", "A\u00a0B", "\u3164", "Age\u00adUK", "A\ue000", "B\u200d"])
def test_a_name_may_hold_nothing_that_shows_as_nothing(name: str) -> None:
    assert invisible_character(name)


def test_ordinary_names_hold_nothing_invisible() -> None:
    assert invisible_character("Age UK North Yorkshire & Darlington – St Teresa’s (Café)") == ""
