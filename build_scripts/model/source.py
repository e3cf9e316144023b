"""Where content was written, and ids that one source names as references to another."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Source:
    """Where a piece of content was written: a path relative to the project root, and a line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Reference:
    """An id named in one source as a reference to something elsewhere, with where it was named."""

    id: str
    source: Source
