"""Writing: generated pages into a folder, and the site built beside site/ and swapped in at the end.

MkDocs empties its site folder before writing and cannot roll back, so it never writes into site/
itself: it builds into a new folder, and only a build that passed every check replaces site/.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .records import SLUG


def write_files(files: Mapping[str, str | bytes], out: Path) -> list[Path]:
    """Write each file under `out`; refuse any path that would land outside it."""
    out = out.resolve()
    written = []
    for relative, content in sorted(files.items()):
        target = (out / relative).resolve()
        if not target.is_relative_to(out) or not all(SLUG.match(part.split(".")[0]) for part in Path(relative).parts):
            raise ValueError(f"refusing to write {relative!r}: generated paths are made from checked ids only")
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        written.append(target)
    return written


def build_site(root: Path, site_dir: Path) -> int:
    """`mkdocs build --strict` into a fresh folder, then swap it in for `site_dir`."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)],
        cwd=root,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"The build failed; {site_dir.name}/ was left as it was.", file=sys.stderr)
        return 1
    replace_dir(staging, site_dir)
    print(f"Built the site into {site_dir}.")
    return 0


def replace_dir(new: Path, old: Path) -> None:
    """Put `new` where `old` is, with renames only, so that `old` is never half written."""
    retired = old.with_name(f".{old.name}-old")
    shutil.rmtree(retired, ignore_errors=True)
    if old.exists():
        os.replace(old, retired)
    os.replace(new, old)
    shutil.rmtree(retired, ignore_errors=True)


def make_archive(site_dir: Path, archive: Path) -> Path:
    """The built site as one .tar.gz for any static host, the same bytes for the same site."""
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    archive.parent.mkdir(parents=True, exist_ok=True)
    with (
        archive.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=mtime) as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for path in sorted(site_dir.rglob("*")):
            info = tar.gettarinfo(str(path), arcname=path.relative_to(site_dir).as_posix())
            info.mtime, info.uid, info.gid, info.uname, info.gname = mtime, 0, 0, "", ""
            info.mode = 0o755 if path.is_dir() else 0o644
            if path.is_file():
                with path.open("rb") as content:
                    tar.addfile(info, content)
            else:
                tar.addfile(info)
    return archive
