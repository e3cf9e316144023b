"""The theme overrides: the files every theme shares (`overrides-shared/`), and one small set per
theme of the files that differ (`overrides/` for Material, `overrides-zensical/` for Zensical), each
a copy of its theme's file with the handbook's changes, kept in step with the version the locks pin.

A copied file names the theme and the version it was copied from ("Zensical's base.html (0.0.73)").
When a lock moves the theme on, the test below names every file to compare with the new version's, so
that an upgrade never leaves an override silently out of date. A file that is the handbook's own, or
the same for both themes, is written once, in the shared set.
"""

from __future__ import annotations

import re

import pytest
from jinja2 import Environment

from build_scripts.load.handbook import SOURCE_FOLDERS
from build_scripts.publish.engines import ENGINES, SHARED_OVERRIDES
from tests.support.locks import LOCKS, read_lock
from tests.support.project import ROOT, THEME_FOLDERS
from tests.support.redirects import PAGE as REDIRECT_PAGE

THEME_PACKAGES = {"Material": "mkdocs-material", "Zensical": "zensical", "MkDocs": "mkdocs"}
"""What a note may name as copied (the themes, and MkDocs for its sitemap), and the package each is pinned as."""
NAMED_VERSION = re.compile(r"\b(Material|Zensical|MkDocs)\b[^0-9\n]{0,40}?\b(\d+\.\d+\.\d+)\b")
FOLDERS = sorted({engine.overrides for engine in ENGINES.values()})
"""Each theme's own set."""


def theme_files(folder: str) -> dict[str, str]:
    return {
        path.relative_to(ROOT / folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.is_file()
    }


def named_versions(text: str) -> set[tuple[str, str]]:
    return set(NAMED_VERSION.findall(text))


def pinned_versions() -> dict[str, set[str]]:
    """Each theme's versions across the locks (one, when the locks agree)."""
    pins: dict[str, set[str]] = {theme: set() for theme in THEME_PACKAGES}
    for lock in LOCKS.values():
        packages = read_lock(ROOT, lock)
        for theme, package in THEME_PACKAGES.items():
            if package in packages:
                pins[theme].add(packages[package].version)
    return pins


def test_a_note_naming_a_theme_version_is_read() -> None:
    assert named_versions("Material's header.html (9.8.1), and the same in Zensical 0.0.73") == {
        ("Material", "9.8.1"),
        ("Zensical", "0.0.73"),
    }


def test_every_engines_overrides_are_read_and_checked_as_sources() -> None:
    assert set(THEME_FOLDERS) <= set(SOURCE_FOLDERS)


@pytest.mark.parametrize("folder", THEME_FOLDERS)
def test_every_copy_names_the_version_the_locks_pin(folder: str) -> None:
    pins = pinned_versions()
    stale = [
        f"{folder}/{path}: copied from {theme} {version}, but the locks pin {theme} {', '.join(sorted(pins[theme]))}: "
        f"compare it with the new version's file, carry the handbook's changes over, and update its note"
        for path, text in theme_files(folder).items()
        for theme, version in sorted(named_versions(text))
        if pins[theme] != {version}
    ]
    assert stale == []
    assert any(named_versions(text) for text in theme_files(folder).values()), f"{folder}/ names no theme version"


def test_a_file_two_themes_have_is_each_themes_copy_and_none_hides_a_shared_one() -> None:
    """A file each theme has must be each theme's copy, naming the version it follows; one the same for
    both (the handbook's own: the footer, British English) belongs in the shared set, once. And a
    theme's file of a shared file's name would silently replace it."""
    sets = {folder: theme_files(folder) for folder in FOLDERS}
    shared = theme_files(SHARED_OVERRIDES)
    misplaced = [
        f"{path}: in {first}/ and {folder}/ alike, or not as each theme's copy: write it once in "
        f"{SHARED_OVERRIDES}/, or name the theme version each copy follows"
        for first, *others in [FOLDERS]
        for folder in others
        for path in sorted(sets[first].keys() & sets[folder].keys())
        if sets[first][path] == sets[folder][path]
        or not (named_versions(sets[first][path]) and named_versions(sets[folder][path]))
    ] + [
        f"{folder}/{path} hides {SHARED_OVERRIDES}/{path}"
        for folder in FOLDERS
        for path in sets[folder].keys() & shared.keys()
    ]
    assert misplaced == []


def test_zensicals_redirect_page_is_the_one_the_policy_allows() -> None:
    """The pass over the finished site allows a redirect page's one inline script by its hash, made
    from mkdocs-redirects' page: Zensical's, from overrides-zensical/redirect.html, must be the same.
    Zensical writes the target as it is, unescaped, as the plugin does (so the check allows a page
    name's letters only: check/config.py), and so does this rendering."""
    template = Environment(autoescape=False).from_string((ROOT / "overrides-zensical/redirect.html").read_text("utf-8"))
    url = "../codes/volunteering/#vo-open-to-all"
    assert template.render(page={"meta": {"location": url}}).strip() == REDIRECT_PAGE.format(url=url).strip()
