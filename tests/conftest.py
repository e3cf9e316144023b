"""Fixtures shared by every tier: the project, the built site, a local server and Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.browser import chromium
from tests.support.server import SiteServer, serve

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def build_site(root: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`make build`'s command, run on a project folder, building into `site_dir`."""
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(root), "build", "--site-dir", str(site_dir)],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real handbook, built once per test session the way `make build` builds it."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = build_site(ROOT, site_dir)
    assert result.returncode == 0, f"the build failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[SiteServer]:
    with serve(site) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium for the session. A browser that cannot start fails the test; it is never skipped."""
    with chromium() as running:
        yield running
