"""Fixtures shared by every tier: the project, the built site, a local server and Chromium.

The real handbook is built once per test run, however many pytest-xdist workers run the tests
(tests/support/shared.py): a test that needs it takes `site` (or `site_build` for what the build
printed, or `server` to have it served), and never changes it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.browser import chromium
from tests.support.project import CONTENT
from tests.support.server import SiteServer, serve
from tests.support.shared import Build, once

ROOT = Path(__file__).resolve().parent.parent
BUILT_SITE = os.environ.get("HANDBOOK_TEST_SITE")
"""A site built already, of the sources in HANDBOOK_TEST_CONTENT (set by tests/e2e/test_recipes.py)."""


@pytest.fixture(scope="session")
def root() -> Path:
    """The project whose content the tests read (see tests.support.project.CONTENT)."""
    return CONTENT


def build_site(
    root: Path, site_dir: Path, python: Path | str = sys.executable, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`make build`'s command, run on a project folder, building into `site_dir`; by default with
    this environment's Python and so its engine."""
    return subprocess.run(
        [str(python), "-m", "build_scripts", "--root", str(root), "build", "--site-dir", str(site_dir)],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real handbook, built once per test run the way `make build` builds it."""
    if BUILT_SITE:
        return Build(Path(BUILT_SITE), 0, "")
    return once(tmp_path_factory, "site", lambda site: build_site(CONTENT, site))


@pytest.fixture(scope="session")
def site(site_build: Build) -> Path:
    return site_build.assert_built()


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[SiteServer]:
    with serve(site) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium for the session. A browser that cannot start fails the test; it is never skipped."""
    with chromium() as running:
        yield running


LONGEST_FIRST = ("tests/e2e/test_recipes.py", "tests/e2e/test_accessibility.py")
"""Modules whose tests take a minute or more each: started first, so that no worker is left at the end
of a run with one of them while the other has nothing to do."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        return next((i for i, module in enumerate(LONGEST_FIRST) if item.nodeid.startswith(module)), len(LONGEST_FIRST))

    items.sort(key=rank)
