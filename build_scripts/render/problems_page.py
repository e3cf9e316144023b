"""The page the live preview shows while the sources have problems, instead of a page that never loads.

Each problem is shown as `make check` prints it, escaped: a message quotes the source, which may hold
anything. The page is only ever served by the preview (`make serve`); a build with problems stops.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from ..model.problems import Problem, plural

TITLE = "The handbook has problems to fix"
REFRESH_SECONDS = 2
"""How often the stand-in for a page the sources no longer make asks for it again."""


def _items(problems: Iterable[Problem]) -> str:
    return "\n".join(f"<li><code>{html.escape(str(problem))}</code></li>" for problem in sorted(set(problems)))


def problems_markdown(problems: tuple[Problem, ...]) -> str:
    """The preview's stand-in for every page of docs/: the problems, as `path:line: message` lines."""
    return (
        f"# {TITLE}\n\n"
        f"`make check` finds {plural(len(problems), 'problem')}. Fix each in the file and at the line it "
        "names, and save: this page reloads, and shows the handbook again once every one is fixed.\n\n"
        f'<ul class="hb-problems">\n{_items(problems)}\n</ul>\n'
    )


def problems_document(problems: tuple[Problem, ...]) -> str:
    """The stand-in for a page the build makes from the sources (served as the preview's "not found"
    page): a page of its own, which asks again every few seconds, since the preview's reloading
    script is not added to it."""
    return (
        '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="refresh" content="{REFRESH_SECONDS}">\n<title>{TITLE}</title>\n</head>\n<body>\n'
        f"<h1>{TITLE}</h1>\n<p>This page is made from the sources, which have "
        f"{plural(len(problems), 'problem')}. Fix each in the file and at the line it names, and save: "
        f'this page shows again once every one is fixed.</p>\n<ul class="hb-problems">\n{_items(problems)}\n</ul>\n'
        "</body>\n</html>\n"
    )
