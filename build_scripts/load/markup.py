"""What a source's Markdown may make, decided by what Python-Markdown made of it.

Every text of the sources (a Compact page, each YAML text field, a letter, a page of docs/) is run
through Python-Markdown with the site's extensions, and its HTML read with a real HTML parser. The
text may make only the elements and attributes Markdown itself makes, ids that are slugs, the
classes listed here, and links to http, https, mailto, tel or a page of the handbook. Raw HTML is
refused everywhere but in docs/, whose hand-written pages may hold elements of the same kinds (such
as `<div class="grid cards" markdown>`); character references are refused everywhere.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache

import markdown
from markdown.util import HTML_PLACEHOLDER_RE
from selectolax.lexbor import LexborNode

from ..model.html5 import read_fragment
from ..model.source import BIDI_CONTROLS
from ..model.urls import is_safe_link, leaves_site, scheme

MARKUP_KEPT = 8192
"""How many texts' Markup read_markup keeps: every text of the sources, several times over."""
EXTENSIONS = ("admonition", "attr_list", "def_list", "md_in_html", "tables")
"""The Markdown extensions of mkdocs.yml that change what a source can make (toc only adds heading ids)."""
ELEMENTS = frozenset(
    {"p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img", "div"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd"}
)
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
"""Attributes an element may have besides `id` and `class`."""
ADMONITIONS = frozenset(
    {"note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug", "example"}
)
CLASSES = frozenset(
    {"admonition", "admonition-title", *ADMONITIONS}
    | {"hb-strapline", "grid", "cards", "hb-start", "md-button", "md-button--primary"}
)
"""The classes a source may give (`{: .hb-strapline }`, `!!! note`): Material's admonitions and
buttons, and the handbook's own that sources use. Not the classes that mark what the handbook adds
beside the Compact's words (editorial notes), which only the templates may give."""
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SCHEMES = "http, https, mailto or tel"
_TAG_NAME = re.compile(r"\s*<(/?)([A-Za-z][\w-]*)")
"""The name of the element a tag, as Markdown kept it aside, opens or ends: to tell its end apart."""


@dataclass(frozen=True)
class Finding:
    """Something a text may not hold, with the first line of the text (0-based) it stands on."""

    line: int
    message: str


@dataclass(frozen=True)
class Markup:
    """What Markdown made of a text: what it may not hold, and its links (line, text, address)."""

    findings: tuple[Finding, ...] = ()
    links: tuple[tuple[int, str, str], ...] = ()
    elements: tuple[tuple[int, str], ...] = ()
    """Each element made, with the line (0-based) of the first text inside it."""


@cache
def _markdown(html_allowed: bool) -> markdown.Markdown:
    # One parser of each kind for the whole run, reset before each text: making one costs far more
    # than using it. Where HTML is not allowed, the raw HTML Markdown keeps aside is not put back
    # into its output: it is reported as such, once, and not again for each element it would make.
    # Nor is `<div markdown>` made into an element there (md_in_html): it too is raw HTML. A text with
    # no raw HTML comes out the same with md_in_html or without.
    if html_allowed:
        return markdown.Markdown(extensions=list(EXTENSIONS))
    parser = markdown.Markdown(extensions=[name for name in EXTENSIONS if name != "md_in_html"])
    parser.postprocessors.deregister("raw_html")
    return parser


@contextmanager
def _parser(html_allowed: bool) -> Iterator[markdown.Markdown]:
    parser = _markdown(html_allowed)
    parser.reset()
    try:
        yield parser
    finally:
        parser.reset()


MAX_BRACKETS = 300
"""Square and angle brackets one paragraph may hold: Python-Markdown's time for links and tags grows
with the square of their number (20,000 [ took two minutes, 20,000 <a one), and the handbook's busiest
paragraph has a few dozen."""
MAX_INDENT = 40
"""Spaces a line may begin with: ten levels of list. Markdown's time grows fast with nesting, and the
sources indent 14 at most."""


MAX_MARKDOWN = 200_000
"""Characters one Markdown text may hold: the longest page of the handbook has under 10,000, and the
check's time grows faster than its length."""


def _too_costly(text: str) -> Finding | None:
    """What would make Markdown take more than a moment over a text, found before it runs, with its line."""
    if len(text) > MAX_MARKDOWN:
        return Finding(0, f"this text is longer than {MAX_MARKDOWN:,} characters; split it into pages.")
    brackets, start = 0, 0
    for index, line in enumerate(text.split("\n")):
        if not line.strip():
            brackets, start = 0, index + 1
            continue
        if len(line) - len(line.lstrip(" \t")) > MAX_INDENT:
            return Finding(
                index, f"this line is indented more than {MAX_INDENT} spaces: nest lists ten levels at most."
            )
        brackets += line.count("[") + line.count("<")
        if brackets > MAX_BRACKETS:
            return Finding(
                start,
                f"this paragraph has more than {MAX_BRACKETS} square or angle brackets, which would take the build "
                "minutes to read; split it, or write fewer links or tags.",
            )
    return None


def read_markup(text: str, html_allowed: bool = False) -> Markup:
    """What a source text makes; with `html_allowed` (pages of docs/), raw HTML of the allowed kinds.

    What it makes depends on nothing else, and cannot be changed: it is kept for the texts last read,
    since the check reads some texts twice (for what they hold, then for their links), and the preview
    reads every text again on each edit."""
    return _read_markup(text, html_allowed)  # one key however it is called


@lru_cache(maxsize=MARKUP_KEPT)
def _read_markup(text: str, html_allowed: bool) -> Markup:
    costly = _too_costly(text)
    if costly is not None:
        return Markup(findings=(costly,))
    with _parser(html_allowed) as parser:
        try:
            output = parser.convert(text)
        except RecursionError:
            _markdown.cache_clear()  # a parser stopped halfway keeps state that spoils the next text
            return Markup(
                findings=(Finding(0, "its lists or quotes nest too deep for Markdown; nest a few levels at most."),)
            )
        kept_aside = list(parser.htmlStash.rawHtmlBlocks)
        references = dict(parser.references)
    findings: list[Finding] = []
    lines = text.split("\n")
    opened: set[str] = set()
    used: Counter[tuple[str, int]] = Counter()
    for block in kept_aside:
        if isinstance(block, str) and block.startswith("&"):
            message = (
                f'it contains the character reference "{block}"; write the character itself ({html.unescape(block)}).'
            )
            findings.append(Finding(_line_of(lines, block), message))
        elif not html_allowed:
            # An extension may keep aside an element it made (md_in_html does, where HTML is allowed).
            tag = block if isinstance(block, str) else f"<{getattr(block, 'tag', 'element')}>"
            if not tag.strip():
                continue
            element = _TAG_NAME.match(tag)
            if element and element.group(1) == "/" and element.group(2).lower() in opened:
                continue  # the end of an element already reported
            if element:
                opened.add(element.group(2).lower())
            shown = " ".join(tag.split())[:40]
            message = (
                f"it contains HTML ({shown}). The handbook's sources are Markdown and may not hold HTML; "
                "remove the tag (for emphasis, use **bold**)."
            )
            findings.append(Finding(_next_line(lines, tag.strip().split("\n")[0], used), message))
    for name in references:
        message = f'write each link as [text](address); a link defined apart, as "[{name}]: ...", is not supported.'
        findings.append(Finding(_line_of(lines, f"[{name}]"), message))
    reader = _OutputReader(lines)
    reader.read(output if html_allowed else HTML_PLACEHOLDER_RE.sub("", output), html_allowed)
    return Markup((*findings, *reader.findings), tuple(reader.links), tuple(reader.elements))


def _out_of_place(lines: list[str]) -> Finding:
    """Where a page's HTML first closes an element it did not open, or the last line from which an
    element stays open: read line by line, as tags (the rest is text to an HTML parser)."""
    opened_at = 0
    for index in range(len(lines)):
        reading = read_fragment("\n".join(lines[: index + 1]))
        if not reading.in_place and not reading.left_open:
            return Finding(
                index,
                "its HTML closes an element it did not open here (such as a stray </div>): the page's own markup "
                "after it would move. Remove the end tag, or add the start tag it closes.",
            )
        if reading.in_place:
            opened_at = index + 1
    return Finding(
        min(opened_at, len(lines) - 1),
        "its HTML opens an element here that it does not close: the page's own markup after it would fall "
        "inside. Add the end tag.",
    )


def _line_of(lines: list[str], needle: str) -> int:
    """The first line that holds `needle` (0 when the text has no such line, as after an entity)."""
    needle = needle.strip()
    return next((index for index, line in enumerate(lines) if needle and needle in line), 0)


def _next_line(lines: list[str], needle: str, used: Counter[tuple[str, int]]) -> int:
    """The line of the first occurrence of `needle` not yet in `used`, which counts the occurrences
    taken on each line: the same tag found again is on the line of its next occurrence."""
    for index, line in enumerate(lines):
        if needle and line.count(needle) > used[(needle, index)]:
            used[(needle, index)] += 1
            return index
    return _line_of(lines, needle)


class _OutputReader:
    """Reads the HTML that Markdown made of a text, as a browser builds it, element by element.

    Each finding is placed on the first line, from the line of the text read last, that holds what it
    is about: so an attribute is reported where it stands, not where the same word first appears.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.findings: list[Finding] = []
        self.links: list[tuple[int, str, str]] = []
        self.elements: list[tuple[int, str]] = []
        self._source = "\n".join(lines)
        self._lowercase = self._source.lower()
        self._cursor = 0
        """Where, in the source, the text read last ends: what comes next is looked for from there."""

    def read(self, html: str, html_allowed: bool) -> None:
        reading = read_fragment(html)
        if html_allowed and not reading.in_place:
            self.findings.append(_out_of_place(self.lines))
        stack: list[LexborNode] = list(reversed(list(reading.content.iter(include_text=True))))
        while stack:
            node = stack.pop()
            if node.is_text_node:
                self._text(node.text_content or "")
            elif node.is_comment_node:
                self._find("<!--", "it contains an HTML comment; remove it (a source may hold no HTML).")
            elif node.is_element_node and self._element(node):
                stack.extend(reversed(list(node.iter(include_text=True))))

    def _find(self, needle: str, message: str, fallback: int | None = None) -> None:
        self.findings.append(Finding(self._line_of(needle, fallback), message))

    def _line_of(self, needle: str, fallback: int | None = None) -> int:
        """The line of `needle`'s first occurrence from the cursor, else its nearest before it.

        What Markdown made but the source does not spell out (a table's alignment as `style`, a value
        written `&#106;avascript:` and read decoded) is placed on `fallback`, its element's line.
        """
        needle = needle.strip()
        at = self._source.find(needle, self._cursor) if needle else -1
        if at < 0 and needle:
            at = self._source.rfind(needle, 0, self._cursor)
        if at < 0:
            return fallback if fallback is not None else self._next_written()
        return self._source.count("\n", 0, at)

    def _next_written(self) -> int:
        """The line where what follows the cursor is written: the rest of its line, or the next line that
        is not blank."""
        line = self._source.count("\n", 0, self._cursor)
        end = self._source.find("\n", self._cursor)
        if end < 0 or self._source[self._cursor : end].strip():
            return line
        return next((index for index in range(line + 1, len(self.lines)) if self.lines[index].strip()), line)

    def _text(self, data: str) -> None:
        first = data.strip().split("\n")[0]
        if first:
            at = self._source.find(first, self._cursor)
            if at >= 0:
                self._cursor = at + len(first)

    def _element(self, node: LexborNode) -> bool:
        """Read an element; whether to read what is inside it."""
        tag = node.tag or ""
        if tag not in ELEMENTS:
            self._find(f"<{tag}", f"it makes a <{tag}> element, which a source may not hold.")
            return False
        text = node.text(deep=True)
        first = text.strip().split("\n")[0]
        line = self._line_of(first) if first else self._next_written()
        self.elements.append((line, tag))
        # Where what it holds is not written as read (a decoded reference, a table's alignment): its
        # start tag's line, if the source writes one from here, else its text's.
        written = self._lowercase.find(f"<{tag}", self._cursor)
        line = self._source.count("\n", 0, written) if written >= 0 else line
        allowed = ATTRIBUTES.get(tag, set()) | {"id", "class"}
        for name, value in node.attributes.items():
            value = value or ""
            if name not in allowed:
                self._find(
                    name, f'it gives <{tag}> the attribute "{name}"; a source may set only ids and classes.', line
                )
            elif name == "id" and not ID.fullmatch(value):
                self._find(value, f'"{value}" is not a valid anchor: use lowercase letters, digits and single hyphens.')
            elif name == "class":
                for unknown in sorted(set(value.split()) - CLASSES):
                    self._find(f".{unknown}", f'the class "{unknown}" is not one a source may give.')
            elif name in ("href", "src"):
                self._address(tag, name, value, line)
        if tag == "a" and (href := node.attributes.get("href")):
            self.links.append((self._line_of(href), text.strip(), href))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and ("<" in text or ">" in text):
            self._find(text.strip(), 'a heading may not contain "<" or ">": a heading becomes a title.')
        return True

    def _address(self, tag: str, name: str, value: str, line: int) -> None:
        if not is_safe_link(value):
            message = f'the address "{value}" has the scheme "{scheme(value)}:"; a link may be {SCHEMES} only.'
            self._find(value, message, line)
        elif name == "src" and leaves_site(value):
            self._find(
                value, f'the image "{value}" is on another host; put the image in docs/ and name its file.', line
            )


def title_problem(value: str) -> str:
    """What makes a text unfit as a title (a page's, a heading's, the site's), or nothing.

    A title is written into places no escaping reaches, such as the theme's <title>, so it may hold no
    markup: no "<" or ">", and no character reference.
    """
    if "<" in value or ">" in value:
        return 'it contains "<" or ">", which a title may not; write it in words.'
    if html.unescape(value) != value:
        return "it contains a character reference (such as &amp;); write the character itself."
    return ""


FILLERS = frozenset(
    {0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x034F, 0x17B4, 0x17B5, *range(0x180B, 0x1810)}
    | {*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)}
)
"""Letters and marks that show as nothing (Hangul fillers, the braille blank, the grapheme joiner,
variation selectors and other default-ignorable marks)."""


def _noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _named(character: str) -> str:
    return f"U+{ord(character):04X} {unicodedata.name(character, '')}".rstrip()


def _forbidden(code: int) -> bool:
    """A control character (not a tab or line end), bidirectional control or noncharacter."""
    control = (code < 0x20 and chr(code) not in "\t\n\r") or 0x7F <= code < 0xA0
    return control or code in BIDI_CONTROLS or _noncharacter(code)


_PLANES = range(0, 0x110000, 0x10000)
# Every character _forbidden names, as one class: searched for in C, where a loop in Python over every
# character of every source was a fifth of `make check`.
_FORBIDDEN = re.compile(
    "["
    + "".join(
        re.escape(chr(code))
        for code in (*range(0xA0), *BIDI_CONTROLS, *range(0xFDD0, 0xFDF0), *(p + 0xFFFE for p in _PLANES))
        if _forbidden(code)
    )
    + "".join(re.escape(chr(p + 0xFFFF)) for p in _PLANES)
    + "]"
)


def control_character(text: str) -> tuple[int, str] | None:
    """The first control character of a text (not a tab or line end), bidirectional control or
    noncharacter, with its line (0-based): no source may hold one."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    character = found.group()
    code = ord(character)
    line = text.count("\n", 0, found.start())
    return (line, f"#x{code:04x}") if code < 0xA0 else (line, _named(character) or f"U+{code:04X}")


def invisible_character(text: str) -> str:
    """The first character of a name, title or id that shows as nothing or as a space other than the
    space, named; or "". Two names that differ only by one would look the same."""
    for character in text:
        code = ord(character)
        category = unicodedata.category(character)
        if category in ("Cf", "Co", "Cn", "Zl", "Zp") or code in FILLERS or (category == "Zs" and character != " "):
            return _named(character)
    return ""
