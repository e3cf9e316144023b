"""The preview rebuilds only what an edit changed, with the chosen engine; what it then serves is the site
a whole build makes of the same sources: every page, file and search entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from build_scripts.pipeline import build_project, check
from build_scripts.publish.engines import PROJECT_CONFIG, Engine, chosen_engine
from build_scripts.publish.preview import Builder
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


def built(folder: Path, engine: Engine, files: dict[str, bytes], whole: bool, builder: Builder | None = None) -> Path:
    write_project(folder, files)
    site = (builder or Builder(folder, engine)).build(whole)
    assert site is not None, "the engine did not build the project"
    return site


def first_page(files: dict[str, bytes], prefix: str) -> str:
    return next(path for path in sorted(files) if path.startswith(prefix) and path.endswith(".md"))


def appended(files: dict[str, bytes], path: str, text: str) -> dict[str, bytes]:
    return {**files, path: files[path] + f"\n\n{text}\n".encode()}


def retitled(files: dict[str, bytes], path: str) -> dict[str, bytes]:
    """The page with a new first heading (which the navigation shows on every page)."""
    lines = files[path].decode("utf-8").split("\n")
    heading = next(index for index, line in enumerate(lines) if line.startswith("# "))
    lines[heading] = f"# An edited title of {path}"
    return {**files, path: "\n".join(lines).encode("utf-8")}


@pytest.fixture(scope="module")
def project(root: Path) -> Project:
    checked = check(root)
    assert checked.ok, checked.problems
    return build_project(root, checked, chosen_engine(), with_pdfs=False)


@pytest.mark.parametrize("change", ["a step and a page of the navigation edited", "a title in the navigation edited"])
def test_a_rebuild_after_an_edit_serves_what_a_whole_build_makes(project: Project, tmp_path: Path, change: str) -> None:
    engine = chosen_engine()
    files = project.files
    config = yaml.safe_load(files[PROJECT_CONFIG])
    listed = f"docs/{next(page for page in nav_pages(config['nav']) if page != 'index.md')}"
    step = first_page(files, "docs/guide/step/")
    if change.startswith("a step"):
        edited = appended(appended(files, step, "An edit of the step."), listed, "An edit of the page.")
    else:
        edited = retitled(files, listed)

    builder = Builder(tmp_path / "preview", engine)
    try:
        built(tmp_path / "preview", engine, files, whole=True, builder=builder)
        rebuilt = site_files(built(tmp_path / "preview", engine, edited, whole=False, builder=builder))
    finally:
        builder.close()
    whole = site_files(built(tmp_path / "whole", engine, edited, whole=True))

    assert rebuilt.keys() == whole.keys()
    differing = [path for path in whole if rebuilt[path] != whole[path]]
    assert not differing, f"{len(differing)} files differ from a whole build's, such as {differing[:5]}"
