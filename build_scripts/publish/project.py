"""The site project: one folder that any site engine builds, written before an engine runs.

It holds `mkdocs.yml` (the checked configuration, made the engine's: publish/engines.py), `docs/`
(every page and file of the site: the hand-written pages as checked, the generated ones, and the
files of docs/) and `overrides/` (the engine's theme overrides). Every value a template reads is in
it: each page carries in its front matter the day its sources last changed (`hb_updated`), besides
what its renderer put there. So no engine needs a hook of ours, and what it builds from can be read,
compared and built again by hand.

The folder is kept between builds: a file is written only when its bytes change, and one no longer
made is removed, so that an engine's own cache and a preview's watcher see only what changed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..model.handbook import HandWrittenPage
from ..render.environment import front_matter
from .engines import PROJECT_CONFIG, PROJECT_DOCS, PROJECT_SITE, PROJECT_THEME, Engine

if TYPE_CHECKING:  # not at run time: `make check` needs no renderer (see pipeline.generated)
    from ..render.guide import PathPage

UPDATED = "hb_updated"
"""The front matter giving the day a page's sources last changed: `date` (for the sitemap) and `text`
(for the page's "Last updated" line)."""
IN_NAV = "hb_in_nav"
"""The front matter of a page the navigation lists: there the theme's table of contents opens and closes
in the phone's drawer. (MkDocs knows a page's place in the navigation; Zensical's page has no such
value, so the project says it.)"""
PAGE_VALUES = frozenset({UPDATED, IN_NAV, "hb_light", "hb_canonical", "hb_current"})
"""The handbook's own front matter, which its templates read; the renderers write all but UPDATED and
IN_NAV."""
_FENCE = "---\n"
# libyaml's safe loader, where PyYAML was built with it: the same data, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Project:
    """The site project's files, by path in its folder, and the guide's path pages to make after the
    engine has built it (render/guide.py: PathPage)."""

    files: dict[str, bytes]
    path_pages: tuple[PathPage, ...] = ()


def project_files(
    config: dict[str, Any],
    engine: Engine,
    theme: Mapping[str, bytes],
    generated: Mapping[str, str | bytes],
    hand_written: Iterable[HandWrittenPage],
    docs_files: Mapping[str, bytes],
    updated: Mapping[str, Mapping[str, str]],
) -> dict[str, bytes]:
    """Every file of the project, by its path in the project folder.

    `config` is mkdocs.yml as checked; `theme` the engine's override files, by path in their folder;
    `generated` every generated file, `docs_files` the files of docs/ that are not pages, both by
    docs-relative path; `updated` the day each page's sources last changed, by docs-relative page.
    """
    pages: dict[str, str | bytes] = {**docs_files, **generated}
    for page in hand_written:
        pages[page.path] = f"{front_matter(**dict(page.front))}\n{page.body}" if page.front else page.body
    files = {f"{PROJECT_THEME}/{path}": content for path, content in theme.items()}
    in_nav = set(nav_pages(config.get("nav")))
    for path, content in pages.items():
        if path.endswith(".md") and isinstance(content, str):
            values: dict[str, object] = {UPDATED: dict(updated[path])} if path in updated else {}
            content = with_front_matter(content, values | ({IN_NAV: True} if path in in_nav else {}))
        files[f"{PROJECT_DOCS}/{path}"] = content.encode("utf-8") if isinstance(content, str) else content
    dumped = yaml.safe_dump(engine.config(config), sort_keys=False, allow_unicode=True, width=100)
    files[PROJECT_CONFIG] = f"# Written by the build from mkdocs.yml, for {engine.name}.\n{dumped}".encode()
    return files


def nav_pages(nav: object) -> Iterator[str]:
    """The pages the navigation (mkdocs.yml's `nav`) lists, by docs-relative path: not its addresses."""
    if isinstance(nav, str):
        if nav.endswith(".md") and "://" not in nav:
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_pages(value)


def with_front_matter(page: str, values: Mapping[str, object]) -> str:
    """A Markdown page with `values` added to its front matter (written by a YAML dumper)."""
    if not values:
        return page
    front: dict[str, object] = {}
    body = page
    if page.startswith(_FENCE):
        end = page.find(f"\n{_FENCE}", len(_FENCE) - 1)
        if end >= 0:
            loaded = yaml.load(page[len(_FENCE) : end + 1], Loader=_LOADER)
            front = loaded if isinstance(loaded, dict) else {}
            body = page[end + 1 + len(_FENCE) :]
    return f"{front_matter(**front, **values)}\n{body}"


def write_project(folder: Path, files: Mapping[str, bytes], before: Mapping[str, bytes] | None = None) -> list[str]:
    """Make `folder` hold exactly `files` (its built site apart): write those that differ, remove the
    rest. The paths written, sorted.

    `before`: what this process last made the folder hold, where it knows, so that the folder need not
    be read to be compared (the preview writes its project on every edit)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for relative, content in sorted(files.items()):
        target = folder / relative
        if before is not None and before.get(relative) == content:
            continue
        if before is None and target.is_file() and not target.is_symlink() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.new")
        temporary.write_bytes(content)
        os.replace(temporary, target)
        written.append(relative)
    if before is not None:
        for relative in sorted(set(before) - set(files), reverse=True):
            (folder / relative).unlink(missing_ok=True)
            parent = (folder / relative).parent
            while parent != folder and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        return written
    for top in (PROJECT_DOCS, PROJECT_THEME):
        for path in sorted((folder / top).rglob("*"), reverse=True):
            relative = path.relative_to(folder).as_posix()
            if path.is_dir() and not path.is_symlink():
                if not any(path.iterdir()):
                    path.rmdir()
            elif relative not in files:
                path.unlink()
    return written


def read_folder(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path (a theme's overrides)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def built_site(folder: Path) -> Path:
    """Where an engine builds the project in `folder`."""
    return folder / PROJECT_SITE
