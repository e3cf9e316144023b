"""`make serve`: a change to a source file shows in the preview without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_scripts.publish.site import engine_command
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


@pytest.fixture(scope="module")
def served(root: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """`make serve`'s command, with the chosen engine and without PDFs as it runs it, on a copy of the
    project: (project, base URL)."""
    project = copy_project(root, tmp_path_factory.mktemp("serve"))
    port = free_port()
    process = subprocess.Popen(
        [*engine_command(), "serve", "--livereload", "--config-file", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDFS": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield project, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


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
