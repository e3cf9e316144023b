"""Content problems: where they are and what to do about them.

A problem in the sources is a value, collected with the others and reported together;
an exception means a bug in this package.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .source import Source, printable

ERROR = "error"
"""Stops the build: the sources cannot be published as they are."""
WARNING = "warning"
"""Shown, and nothing stops: a fact due for its yearly check, say."""
BEFORE_PUBLISHING = "before publishing"
"""Does not stop a build or a preview, but stops `make publish-check`: something the Compact
Steering Group must supply or confirm (a placeholder contact, a fact marked "to confirm")."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the sources, in compiler style: `path:line: message`."""

    source: Source
    message: str
    severity: str = ERROR
    """ERROR, WARNING or BEFORE_PUBLISHING."""

    def __str__(self) -> str:
        label = "" if self.severity == ERROR else f"{self.severity}: "
        return f"{self.source}: {label}{printable(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def problem(path: str, line: int, message: str, severity: str = ERROR) -> Problem:
    return Problem(Source(path, line), message, severity)


def report(problems: Iterable[Problem], line: Callable[[Problem], str] = str) -> str:
    """All problems, sorted by path and line, one a line, each as `line` writes it."""
    return "\n".join(map(line, sorted(set(problems))))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest choice, or nothing when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' Did you mean "{close[0]}"?' if close else ""


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 problem", "2 problems"."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def summary(problems: Iterable[Problem], line: Callable[[Problem], str] = str) -> str:
    """Every problem, each as `line` writes it, then a line that counts them and says nothing was built."""
    listed = set(problems)
    return f"{report(listed, line)}\n{plural(len(listed), 'problem')} found; nothing was built or changed."


def github_annotation(problem: Problem) -> str:
    """The problem as a GitHub Actions annotation (an error, or a warning for what stops no build), which a
    pull request shows on the file's line.

    GitHub reads `::error file=PATH,line=N::MESSAGE` lines from a step's output; in the message `%`,
    CR and LF must be escaped, and in the file's path also `:` and `,`.
    """
    message = _escape(problem.message)
    path = _escape(problem.source.path).replace(":", "%3A").replace(",", "%2C")
    line = f",line={problem.source.line}" if problem.source.line > 0 else ""
    kind = "error" if problem.is_error else "warning"
    title = "make check" if problem.is_error else f"make check ({problem.severity})"
    return f"::{kind} file={path}{line},title={title}::{message}"


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
