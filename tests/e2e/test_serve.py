"""`make serve`: a change to a source file shows in the preview without a restart, and a source with
problems shows them in the browser (never a page that loads for ever) until they are fixed."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.support.project import copy_project, edit

# The tests share one preview server: they run on one xdist worker.
pytestmark = pytest.mark.xdist_group("serve")

WAIT_SECONDS = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            text: str = response.read().decode("utf-8")
            return text
    except (urllib.error.URLError, OSError):
        return ""  # not serving yet, or busy rebuilding


def wait_for(url: str, text: str) -> bool:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


@contextlib.contextmanager
def serving(project: Path) -> Iterator[str]:
    """`make serve`'s command, with the chosen engine, on a project: its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "build_scripts", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def served(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The preview of a copy of the project: (project, base URL)."""
    project = copy_project(root, tmp_path_factory.mktemp("serve"))
    with serving(project) as base:
        yield project, base


def status_and_text(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return 0, ""


@pytest.mark.browser
def test_a_source_with_a_problem_shows_the_problems_in_the_browser_until_fixed(
    root: Path, tmp_path: Path, browser: Browser
) -> None:
    project = copy_project(root, tmp_path)
    typo = "        next: panel-refered\n"
    edit(project / "guide/disputes.yml", "        next: panel-referred\n", typo)
    line = (project / "guide/disputes.yml").read_text(encoding="utf-8").splitlines().index(typo.rstrip()) + 1
    problem = f"guide/disputes.yml:{line}: the choice"
    with serving(project) as base:
        assert wait_for(f"{base}/", problem), "the preview did not show the problem"
        home = fetch(f"{base}/")
        assert "The handbook has problems to fix" in home and "panel-refered" in home
        # A page the sources make (not in docs/): the stand-in asks for it again every few seconds.
        status, text = status_and_text(f"{base}/guide/step/no-reply/")
        assert status == 404 and problem in text and '<meta http-equiv="refresh"' in text
        # The page open in the browser shows the site again by itself once the source is fixed (the
        # preview's reload script, publish/preview.py).
        ctx = browser.new_context()
        page = ctx.new_page()
        page.goto(f"{base}/")
        expect(page.locator("body")).to_contain_text("The handbook has problems to fix")
        edit(project / "guide/disputes.yml", typo, "        next: panel-referred\n")
        assert wait_for(f"{base}/guide/step/no-reply/", "reminder"), "the fixed page did not come back"
        assert "The handbook has problems to fix" not in fetch(f"{base}/")
        expect(page.locator("body")).not_to_contain_text("The handbook has problems to fix", timeout=20_000)
        ctx.close()


def test_editing_a_code_updates_its_page(served: tuple[Path, str]) -> None:
    project, base = served
    url = f"{base}/codes/resources-and-procurement/"
    assert wait_for(url, "Pay promptly"), "the preview did not start"
    edit(
        project / "codes_of_practice/resources-and-procurement.yml", "title: Pay promptly", "title: Pay on time, always"
    )
    assert wait_for(url, "Pay on time, always"), "the edit did not reach the preview"


def test_editing_the_guide_updates_its_pages(served: tuple[Path, str]) -> None:
    project, base = served
    url = f"{base}/guide/step/evolution-a-party/"
    assert wait_for(url, "Is eVOLution (Darlington CVS) one of the organisations in dispute?")
    edit(
        project / "guide/disputes.yml",
        "question: Is eVOLution (Darlington CVS) one of the organisations in dispute?",
        "question: Is eVOLution one of the parties?",
    )
    assert wait_for(url, "Is eVOLution one of the parties?"), "the edit did not reach the preview"


def test_a_tag_in_mkdocs_yml_never_runs_under_the_preview(root: Path, tmp_path: Path) -> None:
    """The engine reads mkdocs.yml again at every rebuild, with a loader that runs Python tags: the preview
    gives it a checked copy instead, and shows what is wrong with mkdocs.yml as any other problem."""
    project = copy_project(root, tmp_path)
    ran = tmp_path / "ran"
    tag = f'extra: !!python/object/apply:os.system ["touch {ran}"]\n'
    with serving(project) as base:
        assert wait_for(f"{base}/", "Darlington Compact"), "the preview did not start"
        edit(project / "mkdocs.yml", "site_name:", f"{tag}site_name:")
        assert wait_for(f"{base}/", "mkdocs.yml:1: this line gives the YAML tag"), "the problem was not shown"
    assert not ran.exists(), "a tag in mkdocs.yml ran a command"


def test_the_preview_does_not_start_while_mkdocs_yml_has_a_problem(root: Path, tmp_path: Path) -> None:
    project = copy_project(root, tmp_path)
    ran = tmp_path / "ran"
    edit(project / "mkdocs.yml", "site_name:", f'INHERIT: !!python/object/apply:os.system ["touch {ran}"]\nsite_name:')
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert 'mkdocs.yml:1: this line gives the YAML tag "!!python/object/apply:os.system"' in result.stderr
    assert not ran.exists()


def test_editing_the_navigation_updates_the_preview(served: tuple[Path, str]) -> None:
    project, base = served
    assert wait_for(f"{base}/", "Worked examples"), "the preview did not start"
    edit(
        project / "mkdocs.yml",
        "      - Worked examples: guide/examples/index.md",
        "      - Examples worked through: guide/examples/index.md",
    )
    assert wait_for(f"{base}/", "Examples worked through"), "the navigation's change did not reach the preview"
