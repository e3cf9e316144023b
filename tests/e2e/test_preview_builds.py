"""The preview rebuilds only what an edit changed, with the chosen engine (and every engine that can);
what it then serves is the site a whole build makes of the same sources: every page, file and search
entry."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

from build_scripts.pipeline import Checked, build_project, check
from build_scripts.publish.engines import ENGINES, PROJECT_CONFIG, PROJECT_THEME, Engine, chosen_engine
from build_scripts.publish.preview import Builder, Preview, rebuild
from build_scripts.publish.project import Project, nav_pages, write_project

SEARCH_INDEX = "search/search_index.json"


def site_files(site: Path) -> dict[str, object]:
    """Every file of a built site, by path; the search index as the data it holds."""
    files: dict[str, object] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            relative = path.relative_to(site).as_posix()
            files[relative] = json.loads(path.read_bytes()) if relative == SEARCH_INDEX else path.read_bytes()
    return files


def built(builder: Builder, files: dict[str, bytes], whole: bool) -> Path:
    write_project(builder.folder, files)
    site = builder.build(whole)
    assert site is not None, "the engine did not build the project"
    return site.folder


def first_page(files: dict[str, bytes], prefix: str) -> str:
    return next(path for path in sorted(files) if path.startswith(prefix) and path.endswith(".md"))


def appended(files: dict[str, bytes], path: str, text: str) -> dict[str, bytes]:
    return {**files, path: files[path] + f"\n\n{text}\n".encode()}


def retitled(files: dict[str, bytes], path: str) -> dict[str, bytes]:
    """The page with a new first heading, with Markdown in it (the navigation shows it, rendered, on
    every page)."""
    lines = files[path].decode("utf-8").split("\n")
    heading = next(index for index, line in enumerate(lines) if line.startswith("# "))
    lines[heading] = "# The *edited* title of `a page` \\& co {: #edited }"
    return {**files, path: "\n".join(lines).encode("utf-8")}


THEMED = f"{PROJECT_THEME}/partials/copyright.html"
"""A template of the theme that every page shows."""
CHANGES = {
    "a step and a page of the navigation edited": (
        lambda files, step, listed: files,
        lambda files, step, listed: appended(appended(files, step, "An edit of the step."), listed, "An edit."),
        True,
    ),
    "a title in the navigation edited": (
        lambda files, step, listed: files,
        lambda files, step, listed: retitled(files, listed),
        False,
    ),
    "a step edited, with Markdown in a title of the navigation": (
        lambda files, step, listed: retitled(files, listed),
        lambda files, step, listed: appended(retitled(files, listed), step, "An edit of the step."),
        True,
    ),
    "a template of the theme edited": (
        lambda files, step, listed: files,
        lambda files, step, listed: appended(files, THEMED, "<!-- An edit of the theme. -->"),
        False,
    ),
    "a file added to the theme": (
        lambda files, step, listed: files,
        lambda files, step, listed: {**files, f"{PROJECT_THEME}/assets/added.txt": b"Added to the theme."},
        False,
    ),
}
"""Each change: the project before, the project after, and whether only what changed is built again
(a new title in the navigation shows on every page, and so does the theme, whose templates the builder
keeps compiled)."""


def built_page(docs_page: str) -> str:
    """Where the engine writes a page of docs/ (at its own address, as use_directory_urls has it)."""
    stem = docs_page.removesuffix(".md")
    return (
        f"{stem.removesuffix('index')}index.html"
        if stem == "index" or stem.endswith("/index")
        else f"{stem}/index.html"
    )


@pytest.fixture(scope="module")
def checked(root: Path) -> Checked:
    checked = check(root)
    assert checked.ok, checked.problems
    return checked


def rebuilt_and_whole(
    root: Path, checked: Checked, engine: Engine, python: str, change: str, tmp_path: Path
) -> tuple[dict[str, object], dict[str, object]]:
    """The preview's site after `change`, and a whole build's of the same sources, with `engine`."""
    project = build_project(root, checked, engine, with_pdfs=False)
    config = yaml.safe_load(project.files[PROJECT_CONFIG])
    listed, *_, untouched = [page for page in nav_pages(config["nav"]) if page != "index.md"]
    step = first_page(project.files, "docs/guide/step/")
    before, after, only_what_changed = CHANGES[change]
    files, edited = before(project.files, step, f"docs/{listed}"), after(project.files, step, f"docs/{listed}")

    # As `make serve` does: the first build whole, the next what the edit changed; what is compared is
    # the site the preview serves.
    folder, preview = tmp_path / "preview", Preview(tmp_path / "served")
    builder = Builder(folder, engine, python)
    try:
        rebuild(folder, builder, Project(files), preview)
        served_page = preview.site / built_page(untouched)
        kept = served_page.stat().st_mtime_ns
        rebuild(folder, builder, Project(edited), preview)
    finally:
        builder.close()
    assert preview.build == 2, "the preview did not serve both builds"
    # A page built again is a new file, with the time it was built; one left alone, the same file.
    assert (served_page.stat().st_mtime_ns == kept) == (only_what_changed and engine.incremental)
    return site_files(preview.site), site_files(built(Builder(tmp_path / "whole", engine, python), edited, whole=True))


def assert_same(rebuilt: dict[str, object], whole: dict[str, object]) -> None:
    assert rebuilt.keys() == whole.keys()
    differing = [path for path in whole if rebuilt[path] != whole[path]]
    assert not differing, f"{len(differing)} files differ from a whole build's, such as {differing[:5]}"


@pytest.mark.parametrize("change", CHANGES)
def test_a_rebuild_after_an_edit_serves_what_a_whole_build_makes(
    root: Path, checked: Checked, tmp_path: Path, change: str
) -> None:
    assert_same(*rebuilt_and_whole(root, checked, chosen_engine(), sys.executable, change, tmp_path))


@pytest.mark.parametrize(
    "engine", [engine for engine in ENGINES.values() if engine.incremental], ids=lambda engine: engine.name
)
def test_every_engine_that_rebuilds_what_changed_serves_what_its_whole_build_makes(
    root: Path, checked: Checked, tmp_path: Path, engine: Engine
) -> None:
    """With each engine's own Python, as `make serve ENGINE=...` runs it."""
    python = root / engine.venv / "bin" / "python"
    assert python.is_file(), f"{engine.name}'s build environment {engine.venv} is missing: `make test` sets it up"
    assert_same(*rebuilt_and_whole(root, checked, engine, str(python), next(iter(CHANGES)), tmp_path))
