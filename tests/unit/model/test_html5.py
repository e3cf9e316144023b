"""The one HTML parser, and the cut a page's content gets: whatever goes in, nothing live comes out,
and what comes out reads the same when a browser reads it again."""

from __future__ import annotations

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.load.markup import EXTENSIONS
from build_scripts.model.html5 import CONTENT_ATTRIBUTES, CONTENT_ELEMENTS, elements, read_fragment, sanitise
from build_scripts.model.urls import is_safe_link, leaves_site

PIECES = [
    "<",
    ">",
    "/",
    "=",
    '"',
    "'",
    "!",
    "-",
    "--",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    ":",
    ";",
    "&",
    "#",
    " ",
    "\n",
    "\t",
    "x",
    "<!--",
    "-->",
    "--!>",
    "<![CDATA[",
    "]]>",
    "<?",
    "<!DOCTYPE",
    "</",
    "<script>",
    "</script>",
    "<svg>",
    "</svg>",
    "<math>",
    "<mtext>",
    "<mglyph>",
    "<style>",
    "</style>",
    "<noscript>",
    "</noscript>",
    "<template>",
    "<textarea>",
    "</textarea>",
    "<title>",
    "<xmp>",
    "<plaintext>",
    "<iframe",
    "<img",
    "<a",
    "<p",
    "<div",
    "<table>",
    "<select>",
    "<option>",
    "<form",
    "<base",
    "<meta",
    "<link",
    "<object",
    "<embed",
    " src=",
    " href=",
    " onerror=",
    " onclick=",
    " style=",
    " srcset=",
    " http-equiv=refresh",
    " content=0;url=//evil",
    "javascript:",
    "java&#x09;script:",
    "&#106;",
    "data:text/html,",
    "//evil.example/x.js",
    "alert(1)",
    "markdown",
    " markdown=1",
    "*",
    "_",
    "`",
    "!!! note",
    "{: onclick=x }",
    "[x](javascript:alert(1))",
    "![i](//evil/x.png)",
]
LIVE_ELEMENTS = {"script", "iframe", "frame", "object", "embed", "base", "meta", "link", "form", "style", "svg", "math"}


def cut(html: str) -> str:
    """A fragment read where content goes, cut, and written out again."""
    reading = read_fragment(html)
    sanitise(reading.content)
    return reading.content.inner_html or ""


def nothing_live(html: str) -> list[str]:
    found = []
    for element in elements(read_fragment(html).content):
        tag = element.tag or ""
        if tag not in CONTENT_ELEMENTS or tag in LIVE_ELEMENTS:
            found.append(f"<{tag}>")
        for name, value in element.attributes.items():
            value = value or ""
            if name not in CONTENT_ATTRIBUTES or name.startswith("on") or name == "style":
                found.append(f"{name} on <{tag}>")
            if name in ("href", "src") and not is_safe_link(value):
                found.append(f"{name}={value!r}")
            if name == "src" and leaves_site(value):
                found.append(f"src from another host: {value!r}")
    return found


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40).map("".join))
def test_whatever_goes_in_nothing_live_comes_out_and_it_reads_the_same_again(text: str) -> None:
    once = cut(text)
    assert nothing_live(once) == [], once
    # Read again by a browser, what is published is the same tree: no difference between a first and a
    # second reading (mutation XSS) for a page to use.
    assert cut(once) == once


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=30).map("".join))
def test_whatever_markdown_makes_of_a_source_nothing_live_survives_the_cut(text: str) -> None:
    html = markdown.markdown(text, extensions=list(EXTENSIONS))
    assert nothing_live(cut(html)) == []


def test_the_cut_keeps_what_sources_and_templates_make() -> None:
    html = (
        '<h2 id="a">Title</h2><p class="hb-strapline">A <a href="../x.md#y" title="t">link</a>, <em>em</em>.</p>'
        '<details class="hb-letter"><summary>Letter</summary><ol start="2"><li>One</li></ol></details>'
        '<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
        '<img src="../assets/images/diagram.svg" alt="The stages">'
    )
    assert cut(html) == html


def test_the_cut_takes_an_element_that_is_not_allowed_with_everything_in_it() -> None:
    assert cut("<p>a</p><form><p>b</p><script>c</script></form><p>d</p>") == "<p>a</p><p>d</p>"
    assert cut('<p onclick="x" title="t">a</p><a href="javascript:x">b</a>') == '<p title="t">a</p><a>b</a>'
