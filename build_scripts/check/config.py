"""Checks of what mkdocs.yml names: pages in the navigation, stylesheets, hooks and folders.

MkDocs would stop on these too, but with messages of its own; here they are problems like any
other, with the line of mkdocs.yml and what to do.
"""

from __future__ import annotations

from pathlib import Path

from ..load.yaml_source import LineList, LineMap, load_yaml_file
from ..model.problems import Problem, problem
from .references import id_problem

CONFIG = "mkdocs.yml"
DOCS_DIR = "docs"


def check_site_config(root: Path, pages: set[str] | None) -> list[Problem]:
    """Problems with what mkdocs.yml names; none where there is no mkdocs.yml (another engine's site).

    The navigation is checked against `pages` unless it is None.
    """
    problems: list[Problem] = []
    if not (root / CONFIG).is_file():
        return problems
    config = load_yaml_file(root, CONFIG, problems)
    if not isinstance(config, LineMap):
        return problems
    for page, line in _nav_pages(config.get("nav"), config.key_lines.get("nav", 1)):
        if pages is not None and page not in pages:
            message = id_problem(page, "a page of the handbook", sorted(pages))
            problems.append(problem(CONFIG, line, f"the navigation names {message}"))
    for key in ("extra_css", "extra_javascript"):
        for name, line in _names(config.get(key)):
            if "://" not in name and not (root / DOCS_DIR / name).is_file():
                problems.append(problem(CONFIG, line, f'"{key}" names {DOCS_DIR}/{name}, which does not exist.'))
    for key in ("hooks", "watch"):
        for name, line in _names(config.get(key)):
            if not (root / name).exists():
                problems.append(problem(CONFIG, line, f'"{key}" names {name}, which does not exist.'))
    theme = config.get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, LineMap) else None
    if isinstance(theme, LineMap) and isinstance(custom_dir, str) and not (root / custom_dir).is_dir():
        line = theme.key_lines["custom_dir"]
        problems.append(problem(CONFIG, line, f'"custom_dir" names {custom_dir}, which does not exist.'))
    return problems


def _names(value: object) -> list[tuple[str, int]]:
    if not isinstance(value, LineList):
        return []
    return [(item, line) for item, line in zip(value, value.item_lines, strict=True) if isinstance(item, str)]


def _nav_pages(nav: object, line: int) -> list[tuple[str, int]]:
    """Every page named in the navigation, with its line; links to other sites are left out."""
    if isinstance(nav, str):
        return [] if "://" in nav else [(nav, line)]
    if isinstance(nav, LineList):
        return [
            page for item, item_line in zip(nav, nav.item_lines, strict=True) for page in _nav_pages(item, item_line)
        ]
    if isinstance(nav, LineMap):
        return [page for key, value in nav.items() for page in _nav_pages(value, nav.key_lines[key])]
    return []
