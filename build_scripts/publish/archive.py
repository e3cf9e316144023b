"""The built site as one archive for any static host."""

from __future__ import annotations

import gzip
import os
import tarfile
from pathlib import Path


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
