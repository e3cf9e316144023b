"""Both site engines build the same handbook from the one generated project: MkDocs 1.6.1 and
ProperDocs, its maintained continuation.

This run's engine built `site`; the other engine's build environment, which `make test` sets up
beside this one, builds it again, and the two sites are compared: the same files at the same
addresses, the same anchors and links on every page, and the same bytes everywhere else. Only the
generator line of a page may differ.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from build_scripts.publish.engines import ENGINE_VARIABLE, ENGINES, chosen_engine
from tests.conftest import build_site
from tests.support.shared import once
from tests.support.site import page_file, pages, parse

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def other_engine(root: Path) -> tuple[str, Path]:
    """The engine this run does not use, and the Python of its build environment."""
    other = next(name for name in ENGINES if name != chosen_engine().name)
    venv = ENGINES[other].venv
    python = root / venv / "bin" / "python"
    assert python.is_file(), f"{other}'s build environment {venv} is missing: `make test` sets it up"
    return other, python


@pytest.fixture(scope="module")
def other_site(root: Path, other_engine: tuple[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    engine, python = other_engine
    built = once(
        tmp_path_factory, f"site-{engine}", lambda site: build_site(root, site, python, {ENGINE_VARIABLE: engine})
    )
    return built.assert_built()


def files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def test_the_other_engine_is_installed_at_its_pinned_version(root: Path, other_engine: tuple[str, Path]) -> None:
    engine, python = other_engine
    version = subprocess.run([python, "-m", engine, "--version"], capture_output=True, text=True, check=True).stdout
    lock = (root / ENGINES[engine].lock).read_text()
    pinned = re.search(rf"^{engine}==(\S+)", lock, re.MULTILINE)
    assert pinned and f"{engine}, version {pinned.group(1)} from {python.parent.parent}" in version, version


def test_both_engines_publish_the_same_files(site: Path, other_site: Path) -> None:
    assert files(site) == files(other_site)


def test_every_page_has_the_same_anchors_links_and_text(site: Path, other_site: Path) -> None:
    differences = []
    for page in pages(site):
        ours, theirs = parse(page_file(site, page)), parse(page_file(other_site, page))
        for kind, a, b in [("anchors", ours.ids, theirs.ids), ("links", ours.links, theirs.links)]:
            if a != b:
                differences.append(f"/{page}: {kind} differ")
        if ours.article_text != theirs.article_text:
            differences.append(f"/{page}: text differs")
    assert differences == []


def test_the_sites_differ_in_nothing_but_the_generator_line(site: Path, other_site: Path) -> None:
    differing = [
        path
        for path in sorted(files(site) & files(other_site))
        if GENERATOR.sub(b"", (site / path).read_bytes()) != GENERATOR.sub(b"", (other_site / path).read_bytes())
    ]
    assert differing == []
