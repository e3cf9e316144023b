"""What is wrong with a reference written in a source: a Markdown link, or an id naming something."""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Iterable

from ..load.markup import read_markup
from ..model.problems import Problem, did_you_mean
from ..model.source import Source
from ..model.urls import leaves_site


def link_problem(here: str, text: str, target: str, anchors: dict[str, set[str]], known: set[str]) -> str:
    """What is wrong with a link written on page `here`, or nothing."""
    if leaves_site(target):
        return ""  # another site's page, or an address whose scheme the loader has checked
    path, _, anchor = target.partition("#")
    uri = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else here
    if uri not in known:
        relative_known = [posixpath.relpath(k, posixpath.dirname(here)) for k in known]
        hint = did_you_mean(path, relative_known)
        return f'the link "{text}" goes to "{path}", which is not a page of the handbook.{hint}'
    if anchor and uri in anchors and anchor not in anchors[uri]:
        return (
            f'the link "{text}" goes to "#{anchor}", which is not an anchor of {uri}.'
            f"{did_you_mean(anchor, anchors[uri])}"
        )
    return ""


def repeated_ids(named: Iterable[tuple[str, Source]]) -> list[Problem]:
    """A problem for each id used again after its first use; empty ids are reported elsewhere."""
    problems = []
    seen: dict[str, Source] = {}
    for item_id, source in named:
        if item_id in seen:
            problems.append(Problem(source, f'the id "{item_id}" is already used at {seen[item_id]}; choose another.'))
        elif item_id:
            seen[item_id] = source
    return problems


def id_problem(reference: str, what: str, known: Collection[str]) -> str:
    """What is wrong with an id that should name one of `known`, or nothing."""
    if reference in known:
        return ""
    return f'"{reference}", which is not {what}.{did_you_mean(reference, known)}'


def link_problems(
    here: str,
    markdown: str,
    source: Source,
    anchors: dict[str, set[str]],
    known: set[str],
    by_line: bool = False,
    html_allowed: bool = False,
) -> list[Problem]:
    """A problem for each link of a Markdown text (as Python-Markdown reads it), written on page `here`,
    that leads nowhere; with `html_allowed` (a page of docs/), the links inside its HTML too.

    Each is reported at `source`, or, with `by_line`, at the line of the text the link is on
    (`source` being where the text starts).
    """
    return [
        Problem(Source(source.path, source.line + line) if by_line else source, message)
        for line, text, target in read_markup(markdown, html_allowed).links
        if (message := link_problem(here, text, target, anchors, known))
    ]
