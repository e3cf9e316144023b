"""Where content was written, and ids that one source names as references to another."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Source:
    """Where a piece of content was written: a path relative to the project root, and a line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{printable(self.path)}:{self.line}"


BIDI_CONTROLS = frozenset({*range(0x202A, 0x202F), *range(0x2066, 0x206A)})
"""Embeddings, overrides and isolates: they change the order text is shown in, so that what a reader
sees is not what the source says ("Trojan Source")."""


def printable(text: str) -> str:
    """Text to print on one line of a report as it is: a line end, a control or a bidirectional character
    in it (a file may be named with one) is written as an escape, so that it can neither start a line
    that looks like another problem nor reorder what is shown."""
    return "".join(
        character.encode("unicode_escape").decode("ascii")
        if not character.isprintable() or ord(character) in BIDI_CONTROLS
        else character
        for character in text
    )


@dataclass(frozen=True)
class Reference:
    """An id named in one source as a reference to something elsewhere, with where it was named."""

    id: str
    source: Source
