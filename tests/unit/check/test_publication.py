"""Ready to publish? `publish-check` fails while the Steering Group still has something to supply or
confirm, and `check` only warns about it, so that editing and previewing go on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from build_scripts.pipeline import check
from build_scripts.publish.promise import move_site
from tests.support.project import ROOT, copy_project, edit

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


def placeholder_lines(root: Path) -> list[str]:
    """`path:line` of every contact detail still to supply, from the sources themselves."""
    checked = check(root)
    assert checked.handbook is not None and checked.handbook.contacts is not None
    return [str(c.to_supply.source) for c in checked.handbook.contacts.placeholders if c.to_supply]


def settle_everything(project: Path) -> None:
    """What the Steering Group does before publishing: every placeholder filled, every fact confirmed,
    each organisation's Champion recorded, the real address set. Done to the parsed files, so it holds
    whatever the sources say today."""
    for path in project.rglob("*.yml"):
        if path.name == "mkdocs.yml":
            continue
        # Every scalar read as the text written (the sources' own rule), so that "on", "yes" and dates
        # are written back as they were, not as booleans or dates.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506
        if _settle(data):
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert move_site(project, "https://compact.darlington.gov.uk/") == ""


def _settle(data: object) -> bool:
    changed = False
    if isinstance(data, dict):
        if data.pop("to_confirm", None) is not None:
            changed = True
        if data.pop("to_supply", None) is not None:
            data.setdefault("reach", []).append({"how": "email", "value": "steering-group@compact.darlington.gov.uk"})
            changed = True
        if "sector" in data and "status" in data and not data.get("champion"):
            data["champion"] = "A. Champion, Partnerships Officer (champion@compact.darlington.gov.uk)"
            changed = True
        values = list(data.values())
    elif isinstance(data, list):
        values = data
    else:
        return False
    return any([_settle(value) for value in values]) or changed


def test_publish_check_on_the_real_sources_lists_each_placeholder_and_fails_while_any_is_left() -> None:
    """Today the real contacts have placeholders, so it fails; once the Steering Group has settled
    everything, it passes, and this test with it."""
    result = publish_check(ROOT)
    waiting = check(ROOT).before_publishing
    assert result.returncode == (1 if waiting else 0), result.stderr
    for line in placeholder_lines(ROOT):
        assert f"{line}: before publishing: the details of " in result.stderr
    for item in waiting:
        assert str(item) in result.stderr


def test_publish_check_passes_once_everything_is_settled(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path)
    settle_everything(project)
    assert placeholder_lines(project) == []
    result = publish_check(project)
    assert result.returncode == 0, result.stderr
    assert "Ready to publish" in result.stdout
