"""The build as `make build` and `make check` run it: strict, all-or-nothing, and clear when it fails."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from build_scripts.publish.archive import make_archive
from tests.conftest import build_site
from tests.support.project import copy_project, edit
from tests.support.shared import Build

# The tests that break a copy of the project share that copy: they run on one xdist worker.
pytestmark = pytest.mark.xdist_group("build-copy")


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "build_scripts", "--root", str(project), "check"],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def built_copy(root: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the project with a site built from it: (project, site)."""
    project = copy_project(root, tmp_path_factory.mktemp("copy"))
    # With the history, as a clone has it: each page's "Last updated" is read from it.
    history = root / ".git"
    if history.is_dir():
        shutil.copytree(history, project / ".git", symlinks=True)
    elif history.is_file():
        shutil.copy2(history, project / ".git")
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    return project, site


def test_the_real_build_is_strict_and_quiet(site_build: Build) -> None:
    site_build.assert_built()
    output = site_build.output
    assert "WARNING" not in output
    assert "MkDocs 2.0" not in output, "the Material end-of-life banner is shown"


def test_check_passes_on_the_real_sources(root: Path) -> None:
    result = run_check(root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("All sources are fine:")
    # What remains is never an error: a fact due for its yearly check, or something to settle before publishing.
    for line in result.stderr.splitlines():
        assert ": warning: " in line or ": before publishing: " in line, line


def test_check_reports_a_broken_cross_reference_with_file_and_line(built_copy: tuple[Path, Path]) -> None:
    project, _ = built_copy
    page = project / "compact/resolving-disagreements.md"
    original = page.read_text(encoding="utf-8")
    try:
        edit(page, "(principles-and-commitments.md)", "(principles-and-commitment.md)")
        result = run_check(project)
    finally:
        page.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == (
        'compact/resolving-disagreements.md:8: the link "Section 3" goes to "principles-and-commitment.md", '
        'which is not a page of the handbook. Did you mean "principles-and-commitments.md"?'
    )
    assert lines[1] == "1 problem found; nothing was built or changed."
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("path", "old", "new", "expected"),
    [
        (
            "compact/principles-and-commitments.yml",
            "id: public-mixed-funding",
            "id: Public Mixed Funding",
            "compact/principles-and-commitments.yml:",
        ),
        ("docs/index.md", "(guide/index.md)", "(guide/indx.md)", "index.md"),
        ("guide/disputes.yml", "        next: panel-referred", "        next: panel-refered", "guide/disputes.yml:"),
        ("docs/index.md", "(about/this-edition.md)", "(about/this-edition.md#nowhere)", "index.md"),
    ],
    ids=["content-problem", "broken-link-in-docs", "guide-problem", "broken-anchor-in-docs"],
)
def test_a_failed_build_leaves_the_previous_site_untouched(
    built_copy: tuple[Path, Path], path: str, old: str, new: str, expected: str
) -> None:
    project, site = built_copy
    before = tree_digest(site)
    source = project / path
    original = source.read_text(encoding="utf-8")
    try:
        edit(source, old, new)
        result = build_site(project, site)
    finally:
        source.write_text(original, encoding="utf-8")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output
    assert "Traceback" not in output
    assert tree_digest(site) == before
    assert not list(project.glob(".site-new-*")), "the half-built folder was left behind"


def test_render_writes_the_generated_pages_for_another_engine(root: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "build_scripts",
            "--root",
            str(root),
            "render",
            "--no-pdfs",
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/compact/resolving-disagreements.md").read_text(encoding="utf-8")
    assert "\n# Section 6: Resolving Disagreements\n" in page


def test_dist_packs_the_site_into_one_archive_the_same_every_time(site: Path, tmp_path: Path) -> None:
    first = make_archive(site, tmp_path / "a" / "site.tar.gz")
    second = make_archive(site, tmp_path / "b" / "site.tar.gz")
    assert first.read_bytes() == second.read_bytes()
    with tarfile.open(first) as archive:
        names = archive.getnames()
    assert "index.html" in names and "_headers" in names and "downloads/darlington-compact-handbook.pdf" in names


def test_two_builds_of_one_commit_are_identical_byte_for_byte(site: Path, built_copy: tuple[Path, Path]) -> None:
    """Sitemap dates, the search index, every page and every PDF: the same commit, the same bytes,
    also from a copy of the project in another folder."""
    _, again = built_copy

    def digests(folder: Path) -> dict[str, str]:
        return {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    first, second = digests(site), digests(again)
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []
