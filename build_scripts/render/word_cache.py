"""Word documents made by an earlier build, kept by what they were made from, so that a build writes
only the documents that changed: python-docx takes about 0.4 s for the guide's letters (each edition's)
and the Steering Group pack, most of it compressing.

A document is the same bytes when everything it was made from is the same: what the caller says it
is made from (a letter's title, words and date; the pack's content, whose dataclasses' `repr` shows
every field), the build's code (kept_files.code_digest: every module, so that a label or a helper
changed anywhere is never missed), and the versions of python-docx and lxml. The key of an entry is a
digest of all of these; the entries are kept as kept_files.py keeps them. Without a folder (tests,
`render`), every document is made.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .kept_files import KeptFiles, code_digest


@dataclass(frozen=True)
class WordCache:
    folder: Path | None
    code: str
    """The digest of what every document depends on besides its own content."""
    used: set[str] = field(default_factory=set)
    """The entries this build used or made, which forget_unused keeps."""

    @classmethod
    def off(cls) -> WordCache:
        """No cache: every document is made."""
        return cls(None, "")

    @classmethod
    def at(cls, folder: Path) -> WordCache:
        return cls(folder, code_digest("python-docx", "lxml"))

    def document(self, made_from: Iterable[str], make: Callable[[], bytes]) -> bytes:
        """The document made from `made_from`: kept from an earlier build, or made by `make` and kept."""
        if self.folder is None:
            return make()
        digest = hashlib.sha256(self.code.encode("ascii"))
        for part in made_from:
            digest.update(b"\0" + part.encode("utf-8"))
        name = f"{digest.hexdigest()}.docx"
        self.used.add(name)
        kept = KeptFiles(self.folder).read(name)
        if kept is not None:
            return kept[1]
        data = make()
        KeptFiles(self.folder).write(name, data)
        return data

    def forget_unused(self) -> None:
        if self.folder is not None:
            KeptFiles(self.folder).forget_unused(self.used.__contains__)
