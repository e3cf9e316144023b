"""Writing generated files into a folder, only ever at paths made from checked ids."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..load.records import is_slug


def write_files(files: Mapping[str, str | bytes], out: Path) -> list[Path]:
    """Write each file under `out`; refuse any path that would land outside it."""
    out = out.resolve()
    written = []
    for relative, content in sorted(files.items()):
        target = (out / relative).resolve()
        if not target.is_relative_to(out) or not all(is_slug(part.split(".")[0]) for part in Path(relative).parts):
            raise ValueError(f"refusing to write {relative!r}: generated paths are made from checked ids only")
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        written.append(target)
    return written
