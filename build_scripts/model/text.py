"""Plain-text views of Markdown shared by validation, rendering and the fidelity test."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from .addresses import relative

_WORD = re.compile(r"\w+(?:['’.\-&]\w+)*|&|%")
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]+)\)")
_ATTR_LIST = re.compile(r"\{:?(?P<attrs>[^}]*)\}")
_ATTR_ID = re.compile(r"#(?P<id>[^\s}]+)")


def words(text: str) -> list[str]:
    """The words of a text, without punctuation, bullets or Markdown markers.

    Two texts with the same words in the same order say the same thing, however they are formatted.
    """
    text = _LINK.sub(lambda m: m.group("text"), text)
    text = _ATTR_LIST.sub(" ", text)
    return _WORD.findall(text.replace("*", " ").replace("_", " "))


def word_spans(markdown: str) -> list[tuple[str, int, int]]:
    """The words of a Markdown text as `words` reads them, each with where it stands in the text
    (start, end): a link's target and an attribute list hold none."""
    hidden = [(m.start("target") - 2, m.end()) for m in _LINK.finditer(markdown)]
    hidden += [(m.start(), m.end()) for m in _ATTR_LIST.finditer(markdown)]
    text = markdown.replace("*", " ").replace("_", " ")
    return [
        (m.group(), m.start(), m.end())
        for m in _WORD.finditer(text)
        if not any(start < m.end() and m.start() < end for start, end in hidden)
    ]


def link_spans(markdown: str) -> list[tuple[int, int]]:
    """Where each link of a Markdown text stands in it (start, end), its target included."""
    return [(m.start(), m.end()) for m in _LINK.finditer(markdown)]


def changed_words(before: str, after: str) -> tuple[int, int]:
    """Which of the words of `after` a change from `before` put in: the range (start, end) of them
    left once the words the two texts share at their start and at their end (letter case aside) are
    set apart. It is empty when the change only took words out or changed their case."""
    old, new = [w.casefold() for w in words(before)], [w.casefold() for w in words(after)]
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = len(new)
    while end > start and len(old) - (len(new) - end) > start and old[len(old) - (len(new) - end) - 1] == new[end - 1]:
        end -= 1
    return start, end


def contains_words(haystack: list[str], needle: list[str]) -> int:
    """How many times the words of `needle` stand together in `haystack`."""
    if not needle:
        return 0
    n = len(needle)
    return sum(1 for i in range(len(haystack) - n + 1) if haystack[i : i + n] == needle)


def blocks(markdown: str) -> list[tuple[int, str]]:
    """The blocks of a Markdown text (runs of lines between blank lines), each with its first line (0-based)."""
    result: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for index, line in enumerate(markdown.split("\n")):
        if line.strip():
            if not current:
                start = index
            current.append(line)
        elif current:
            result.append((start, "\n".join(current)))
            current = []
    if current:
        result.append((start, "\n".join(current)))
    return result


def explicit_ids(markdown: str) -> list[tuple[int, str]]:
    """The anchors set in a Markdown text with attribute lists (`{#id}`, `{: #id }`), with their lines."""
    return [
        (index, id_match.group("id"))
        for index, line in enumerate(markdown.split("\n"))
        for attrs in _ATTR_LIST.finditer(line)
        for id_match in _ATTR_ID.finditer(attrs.group("attrs"))
    ]


def relink(markdown: str, written_on: str, shown_on: str) -> str:
    """Markdown whose relative links were written as from page `written_on`, made to work on `shown_on`.

    Both are docs-relative pages (`guide/index.md`). Links to other sites and to anchors on the
    same page are left as they are.
    """
    if posixpath.dirname(written_on) == posixpath.dirname(shown_on):
        return markdown

    def moved(target: str) -> str:
        path, hash_, anchor = target.partition("#")
        return relative(shown_on, posixpath.join(posixpath.dirname(written_on), path)) + hash_ + anchor

    return map_links(markdown, moved)


def map_links(markdown: str, change: Callable[[str], str]) -> str:
    """Markdown with the target of each relative link to a page or file changed by `change`; links to other
    sites, email addresses and anchors of the same page are left as they are."""

    def changed(match: re.Match[str]) -> str:
        target = match.group("target")
        if "://" in target or target.startswith(("#", "mailto:", "tel:")):
            return match.group(0)
        return f"[{match.group('text')}]({change(target)})"

    return _LINK.sub(changed, markdown)


def one_line_text(markdown: str) -> str:
    """A line of Markdown as plain text: no emphasis markers, link targets or entities."""
    text = _LINK.sub(lambda m: m.group("text"), markdown).replace("**", "").replace("&amp;", "&").replace("&lt;", "<")
    return " ".join(text.split())
