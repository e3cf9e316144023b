"""PDFs laid out by an earlier build, kept by what they were made from, so that a build lays out only
the documents that changed.

WeasyPrint writes the same bytes from the same input (no date or random identifier goes into a
PDF), so a PDF can be used again when everything it was made from is the same: its document (HTML,
running head, footer, form fields), the build's files it shows, the stylesheet and options, the
fonts on the machine, and the version of every installed package and of Pango. The key of an entry
is a digest of all of these; an entry is never changed, only written whole and, once unused for a
while, removed. The cache is a speed-up only: a folder that cannot be read or written is a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import subprocess
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .paper import PrintDocument

KEEP_UNUSED_DAYS = 14
"""An entry no build has used for this long is removed: other branches' PDFs stay for a while."""
_REFERENCE = re.compile(r"hb:([^\"'\s)]+)")
"""How a printed document names a file of the build (an image) in its own generated HTML."""


def referenced_files(document: PrintDocument, files: Mapping[str, str | bytes]) -> dict[str, str | bytes]:
    """The build's files that a document shows, and which alone it may fetch while it is laid out."""
    return {path: files[path] for path in sorted(set(_REFERENCE.findall(document.html))) if path in files}


@dataclass(frozen=True)
class PdfCache:
    folder: Path
    environment: str
    """The digest of what every PDF depends on besides its own document."""

    @classmethod
    def at(cls, folder: Path, layout: Iterable[str]) -> PdfCache:
        """The cache in `folder`, for PDFs laid out with `layout` (stylesheet, options, Pango version)."""
        digest = hashlib.sha256()
        for part in (*layout, *_installed_packages(), *_fonts()):
            digest.update(part.encode("utf-8") + b"\0")
        return cls(folder, digest.hexdigest())

    def key(self, document: PrintDocument, shown: Mapping[str, str | bytes]) -> str:
        digest = hashlib.sha256(self.environment.encode("ascii"))
        for part in (document.html, *document.footer, document.running_head, str(document.forms)):
            digest.update(b"\0" + part.encode("utf-8"))
        for path, content in shown.items():
            digest.update(b"\0" + path.encode("utf-8") + b"\0")
            digest.update(content.encode("utf-8") if isinstance(content, str) else content)
        return digest.hexdigest()

    def get(self, key: str) -> tuple[int, bytes] | None:
        """The number of pages and the bytes of the PDF kept under `key`, or None."""
        for entry in self._entries(f"{key}-*.pdf"):
            try:
                data = entry.read_bytes()
                os.utime(entry)
            except OSError:
                return None
            return int(entry.stem.rpartition("-")[2]), data
        return None

    def put(self, key: str, pages: int, data: bytes) -> None:
        """Keep a PDF: written beside, then renamed, so that another build never reads half of it."""
        entry = self.folder / f"{key}-{pages}.pdf"
        partial = entry.with_name(f".{entry.name}.{os.getpid()}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(data)
            partial.replace(entry)
        except OSError:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)

    def forget_unused(self, used: Iterable[str]) -> None:
        """Remove the entries no build has used for KEEP_UNUSED_DAYS, except those just used, and what
        a build that was killed while writing left half-written more than an hour ago."""
        keep = set(used)
        now = time.time()
        for entry in self._entries("*"):
            partial = entry.name.startswith(".")
            oldest = now - (3600 if partial else KEEP_UNUSED_DAYS * 86400)
            try:
                if (partial or entry.name.rpartition("-")[0] not in keep) and entry.stat().st_mtime < oldest:
                    entry.unlink()
            except OSError:
                continue

    def _entries(self, pattern: str) -> list[Path]:
        try:
            return list(self.folder.glob(pattern))
        except OSError:
            return []


def _installed_packages() -> list[str]:
    return sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())


def _fonts() -> list[str]:
    """Every font file fontconfig knows, with its size and time: a font installed or updated
    anywhere may change how a page is set."""
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ["no fontconfig"]
    fonts = []
    for name in sorted(set(listed.stdout.splitlines())):
        try:
            status = os.stat(name)
        except OSError:
            continue
        fonts.append(f"{name} {status.st_size} {status.st_mtime_ns}")
    return fonts
