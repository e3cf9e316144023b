"""The site built beside site/ and swapped in at the end.

MkDocs empties its site folder before writing and cannot roll back, so it never writes into site/
itself: it builds into a new folder, and only a build that passed every check replaces site/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ENGINE_VARIABLE = "HANDBOOK_ENGINE"
"""The site engine: `mkdocs` (MkDocs 1.6.1, the default) or `properdocs` (its maintained continuation),
set by the Makefile's ENGINE. Each reads mkdocs.yml and runs the same hook, plugins and theme."""
ENGINES = ("mkdocs", "properdocs")


def engine_command() -> list[str]:
    """The command of the chosen site engine, to which `build` or `serve` and their options are added."""
    engine = os.environ.get(ENGINE_VARIABLE) or ENGINES[0]
    if engine not in ENGINES:
        choices = ", ".join(ENGINES)
        raise SystemExit(f"{ENGINE_VARIABLE}={engine} is not a site engine of the handbook; use one of: {choices}.")
    return [sys.executable, "-m", engine]


def build_site(root: Path, site_dir: Path) -> int:
    """The engine's strict build into a fresh folder, then swapped in for `site_dir`."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [*engine_command(), "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", str(staging)],
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
