"""PDFs laid out by an earlier build, kept by what they were made from, so that a build lays out only
the documents that changed.

WeasyPrint writes the same bytes from the same input (no date or random identifier goes into a
PDF), so a PDF can be used again when everything it was made from is the same: its document (HTML,
running head, footer, form fields), the build's files it shows, the stylesheet and options, the
fonts on the machine, and the version of every installed package and of Pango. The key of an entry
is a digest of all of these; the entries are kept as kept_files.py keeps them.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .kept_files import KeptFiles
from .paper import PrintDocument

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
        found = KeptFiles(self.folder).read(f"{key}-*.pdf")
        if found is None:
            return None
        name, data = found
        return int(name.removesuffix(".pdf").rpartition("-")[2]), data

    def put(self, key: str, pages: int, data: bytes) -> None:
        KeptFiles(self.folder).write(f"{key}-{pages}.pdf", data)

    def forget_unused(self, used: Iterable[str]) -> None:
        """Remove the entries no build has used for a while (kept_files.py), except those just used."""
        keep = set(used)
        KeptFiles(self.folder).forget_unused(lambda name: name.rpartition("-")[0] in keep)


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
