"""Files a build made, kept in a folder under a key of what they were made from, for the next build
(pdf_cache.py, word_cache.py). An entry is written beside, then renamed, so that another build never
reads half of one; it is never changed, only used again (which renews its time) or, once no build has
used it for a while, removed. The folder is a speed-up only: one that cannot be read or written is a
miss, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

KEEP_UNUSED_DAYS = 14
"""An entry no build has used for this long is removed: other branches' files stay for a while."""
HALF_WRITTEN_SECONDS = 3600
"""What a build killed while writing left is removed after this long."""


BUILD_CODE = Path(__file__).resolve().parent.parent
"""build_scripts/: the build's own code."""


def code_digest(*packages: str, code: Path | None = None) -> str:
    """A digest of the build's own code (every module under `code`, build_scripts/ itself unless a test
    says otherwise) and of the versions of `packages`: what a file kept from an earlier build was made
    with, besides its own input. Any change to the code makes every entry anew: a module that helps
    make a document (a label, a filter) is not left out by mistake."""
    return _digest(packages, code) if code is not None else _running_code_digest(packages)


@cache
def _running_code_digest(packages: tuple[str, ...]) -> str:
    """The digest of the code this process runs, read once: it does not change under a running process,
    and the Word documents and each template environment ask for it."""
    return _digest(packages, BUILD_CODE)


def _digest(packages: tuple[str, ...], code: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(code.rglob("*.py")):
        digest.update(path.relative_to(code).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    for package in packages:
        digest.update(f"{package}=={metadata.version(package)}\0".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class KeptFiles:
    folder: Path

    def read(self, pattern: str) -> tuple[str, bytes] | None:
        """The name and bytes of an entry whose name matches `pattern`, or None."""
        for entry in self._entries(pattern):
            try:
                data = entry.read_bytes()
                os.utime(entry)
            except OSError:
                return None
            return entry.name, data
        return None

    def write(self, name: str, data: bytes) -> None:
        entry = self.folder / name
        partial = entry.with_name(f".{entry.name}.{os.getpid()}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(data)
            partial.replace(entry)
        except OSError:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)

    def forget_unused(self, used: Callable[[str], bool]) -> None:
        """Remove the entries no build has used for KEEP_UNUSED_DAYS, but those `used` names, and what
        a build that was killed while writing left half-written."""
        now = time.time()
        for entry in self._entries("*"):
            partial = entry.name.startswith(".")
            oldest = now - (HALF_WRITTEN_SECONDS if partial else KEEP_UNUSED_DAYS * 86400)
            try:
                if (partial or not used(entry.name)) and entry.stat().st_mtime < oldest:
                    entry.unlink()
            except OSError:
                continue

    def _entries(self, pattern: str) -> list[Path]:
        try:
            return list(self.folder.glob(pattern))
        except OSError:
            return []
