"""HTML read as a browser reads it, and what a page's content may hold.

Every reading of HTML in the build goes through one parser, lexbor (through selectolax), which
follows the HTML5 parsing algorithm: a `<![CDATA[` in a page, a comment closed with `--!>`, a `<p>`
inside `<svg>`, are read here as a browser reads them, not as Python's `html.parser` would. The check
reads the sources' HTML with it, and the pass over the finished site publishes its re-serialised tree:
what is published is what was checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .urls import is_safe_link, leaves_site, scheme

CONTENT_ELEMENTS = frozenset(
    {"p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img", "div", "span"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd"}
    | {"article", "details", "summary", "figure", "figcaption", "time", "ins", "del", "sup", "sub", "abbr"}
)
"""What the content of a page (its <article>) may hold, as sources and the handbook's templates make it."""
CONTENT_ATTRIBUTES = frozenset(
    {"id", "class", "title", "href", "src", "alt", "start", "scope", "datetime", "open", "tabindex", "role"}
    | {"aria-hidden", "aria-label", "aria-current", "aria-describedby", "data-search-exclude", "lang"}
)
"""The attributes an element of a page's content may have; `href` and `src` hold safe addresses only."""
ADDRESSES = frozenset({"href", "src"})
WRAPPER = "hb_whole"
AFTER = "hb_after"
"""Ids no source can give (a source's ids are lowercase words and hyphens), so that it cannot fake them."""


def parse(html: str) -> LexborHTMLParser:
    """A whole document, as a browser with scripts builds it."""
    return LexborHTMLParser(html, scripting=True)


def elements(node: LexborNode) -> Iterator[LexborNode]:
    """Every element under `node`, in document order."""
    stack = list(reversed(list(node.iter(include_text=False))))
    while stack:
        child = stack.pop()
        if child.is_element_node:
            yield child
            stack.extend(reversed(list(child.iter(include_text=False))))


@dataclass(frozen=True)
class Reading:
    """A fragment of HTML as a browser reads it, put where a page's content goes."""

    tree: LexborHTMLParser
    content: LexborNode
    in_place: bool
    """It closes every element it opens, and none it did not: the page's own markup around it stays where
    it is (a stray `</article>` would move what follows out of the content; an open `<div>` would take
    the page's footer in)."""
    left_open: bool
    """It opens an element it does not close (else, if not in place, it closes one it did not open)."""


PLACE = ("div", "main", "div", "div", "article")
"""The elements that hold a page's content in the theme, outermost first: an end tag in the content that
closes one of them would move what follows out of the content."""


def read_fragment(html: str) -> Reading:
    """Read `html` where a page's content goes, followed by a marker: whether it stays in its place shows."""
    opening = "".join(f"<{tag}>" for tag in PLACE)
    closing = "".join(f"</{tag}>" for tag in reversed(PLACE))
    tree = LexborHTMLParser(
        scripting=True,
        html=f'<!DOCTYPE html><body>{opening}<div id="{WRAPPER}">{html}</div><p id="{AFTER}"></p>{closing}',
    )
    wrapper = tree.css_first(f"#{WRAPPER}")
    afters = tree.css(f"#{AFTER}")
    after = afters[0] if len(afters) == 1 else None
    assert wrapper is not None  # before anything of `html`
    in_place = (
        after is not None
        and after.parent is not None
        and after.parent.tag == PLACE[-1]
        and wrapper.next is not None
        and wrapper.next.mem_id == after.mem_id
    )
    left_open = after is None or _inside(after, wrapper)
    if after is not None and left_open:
        after.decompose()  # the marker is not the fragment's
    return Reading(tree, wrapper, in_place, left_open)


def _inside(node: LexborNode, ancestor: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == ancestor.mem_id:
            return True
        parent = parent.parent
    return False


def attribute_problem(tag: str, name: str, value: str) -> str:
    """Why an attribute may not stand in a page's content, or ""."""
    if name not in CONTENT_ATTRIBUTES:
        return f'the attribute "{name}" on <{tag}>'
    if name in ADDRESSES and not is_safe_link(value):
        return f'a "{scheme(value)}:" address in <{tag} {name}>'
    if name == "src" and leaves_site(value):
        return f'<{tag}> loads "{value}" from another host'
    return ""


def sanitise(content: LexborNode) -> list[str]:
    """Remove from `content` every element, attribute and comment its place may not hold; what was removed.

    An element that is not allowed goes with everything in it: text kept from a <script> or a <style>
    would be as wrong as the element.
    """
    removed: list[str] = []
    stack = list(reversed(list(content.iter(include_text=True))))
    while stack:
        node = stack.pop()
        if node.is_comment_node:
            removed.append("a comment")
            node.decompose()
            continue
        if not node.is_element_node:
            continue
        tag = node.tag or ""
        if tag not in CONTENT_ELEMENTS:
            removed.append(f"<{tag}>")
            node.decompose()
            continue
        for name, value in list(node.attributes.items()):
            if reason := attribute_problem(tag, name, value or ""):
                removed.append(reason)
                del node.attrs[name]
        stack.extend(reversed(list(node.iter(include_text=True))))
    return removed
