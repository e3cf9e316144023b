"""Ready to publish? `publish-check` fails while the Steering Group still has something to supply or
confirm, and `check` only warns about it, so that editing and previewing go on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.pipeline import check
from tests.support.project import ROOT, edit

CONFIG = "site_name: Test\nsite_url: {url}\ndocs_dir: docs\n"


def publish_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(project), "publish-check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "url", ["https://darlington-compact.example.org/", "https://example.com/", "https://compact.test/"]
)
def test_an_example_address_must_be_replaced_before_publishing(project: Path, url: str) -> None:
    (project / "mkdocs.yml").write_text(CONFIG.format(url=url), encoding="utf-8")
    checked = check(project)
    assert checked.ok
    (found,) = checked.before_publishing
    assert str(found).startswith(f'mkdocs.yml:2: before publishing: "site_url" is still an example address ({url})')


def test_a_real_address_is_ready(project: Path) -> None:
    (project / "mkdocs.yml").write_text(CONFIG.format(url="https://compact.darlington.gov.uk/"), encoding="utf-8")
    assert check(project).before_publishing == ()


def test_publish_check_fails_and_lists_what_to_settle(project: Path) -> None:
    (project / "mkdocs.yml").write_text(CONFIG.format(url="https://compact.example.org/"), encoding="utf-8")
    edit(
        project / "compact/edition.yml",
        '    checked_on: "2026-01-10"\n',
        '    checked_on: "2026-01-10"\n    to_confirm: Is it closed?\n',
    )
    result = publish_check(project)
    assert result.returncode == 1
    assert 'mkdocs.yml:2: before publishing: "site_url" is still an example address' in result.stderr
    assert "compact/edition.yml:22: before publishing: to confirm: Is it closed?" in result.stderr
    assert "Not ready to publish: 2 things" in result.stderr


def test_publish_check_passes_when_nothing_is_left(project: Path) -> None:
    (project / "mkdocs.yml").write_text(CONFIG.format(url="https://compact.darlington.gov.uk/"), encoding="utf-8")
    result = publish_check(project)
    assert result.returncode == 0, result.stderr
    assert "Ready to publish" in result.stdout
