"""Checks of mkdocs.yml, a source like any other: what it names, what it puts into every page, and
where it sends readers.

MkDocs would stop on some of these with messages of its own; others it would publish. Here each is
a problem with the line of mkdocs.yml and what to do: a page or file that does not exist; a
stylesheet or script from another host (the handbook makes no request to another host); markup in
a text that the theme writes into every page unescaped (the copyright, the site's name); a site_url
that is not a plain https address; a redirect to another host, to a page that does not exist, or
from a page that still does; a folder outside the project; a Markdown extension whose effect on the
sources the check does not know.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..load.docs import DOCS_DIR
from ..load.markup import KNOWN_EXTENSIONS, title_problem
from ..load.yaml_source import LineList, LineMap, load_yaml_file, outside_problem
from ..model.problems import Problem, problem
from ..model.urls import SAFE_SCHEMES, is_safe_link, leaves_site, scheme
from .references import id_problem

CONFIG = "mkdocs.yml"

PLAIN_TEXT = ("site_name", "site_description", "site_author", "copyright")
"""Texts the theme writes into every page as they are: they may hold no markup."""
SITE_URL = re.compile(r"https://[a-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~/-]*)?")


def check_site_config(root: Path, pages: set[str] | None, anchors: dict[str, set[str]] | None = None) -> list[Problem]:
    """Problems with mkdocs.yml; none where there is none (another engine's site).

    Pages named by the navigation and by redirects are checked against `pages` unless it is None,
    and a redirect's anchor against `anchors`.
    """
    problems: list[Problem] = []
    if not (root / CONFIG).is_file():
        return problems
    config = load_yaml_file(root, CONFIG, problems)
    if not isinstance(config, LineMap):
        return problems
    return [
        *problems,
        *_navigation(config, pages),
        *_assets(root, config),
        *_folders(root, config),
        *_plain_texts(config),
        *_site_url(config),
        *_extensions(config),
        *_redirects(config, pages, anchors or {}),
    ]


def configured_redirects(root: Path) -> dict[str, str]:
    """The redirects of mkdocs.yml, old page -> new page (docs-relative), as `make check` reads them."""
    config = load_yaml_file(root, CONFIG, []) if (root / CONFIG).is_file() else None
    return {old: new for old, new, _ in _redirect_maps(config) if isinstance(new, str)}


def _names(value: object) -> list[tuple[str, int]]:
    """The names of a list in mkdocs.yml, with their lines; an item may be `- name` or `- path: name`."""
    if not isinstance(value, LineList):
        return []
    found = []
    for item, line in zip(value, value.item_lines, strict=True):
        name = item.get("path") if isinstance(item, LineMap) else item
        if isinstance(name, str):
            found.append((name, line))
    return found


def _navigation(config: LineMap, pages: set[str] | None) -> list[Problem]:
    problems = []
    for title, line in _nav_titles(config.get("nav")):
        if message := title_problem(title):
            problems.append(problem(CONFIG, line, f'the navigation\'s title "{title}": {message}'))
    for page, line in _nav_pages(config.get("nav"), config.key_lines.get("nav", 1)):
        if leaves_site(page):
            if not is_safe_link(page):
                problems.append(
                    problem(CONFIG, line, f'the navigation links to "{page}"; a link may be http or https.')
                )
        elif pages is not None and page not in pages:
            message = id_problem(page, "a page of the handbook", sorted(pages))
            problems.append(problem(CONFIG, line, f"the navigation names {message}"))
    return problems


def _nav_pages(nav: object, line: int) -> list[tuple[str, int]]:
    """Every page or address named in the navigation, with its line."""
    if isinstance(nav, str):
        return [(nav, line)]
    if isinstance(nav, LineList):
        return [
            page for item, item_line in zip(nav, nav.item_lines, strict=True) for page in _nav_pages(item, item_line)
        ]
    if isinstance(nav, LineMap):
        return [page for key, value in nav.items() for page in _nav_pages(value, nav.key_lines[key])]
    return []


def _nav_titles(nav: object) -> list[tuple[str, int]]:
    if isinstance(nav, LineList):
        return [title for item in nav for title in _nav_titles(item)]
    if isinstance(nav, LineMap):
        return [(key, nav.key_lines[key]) for key in nav] + [t for value in nav.values() for t in _nav_titles(value)]
    return []


def _assets(root: Path, config: LineMap) -> list[Problem]:
    problems = []
    for key in ("extra_css", "extra_javascript"):
        for name, line in _names(config.get(key)):
            if leaves_site(name):
                problems.append(
                    problem(
                        CONFIG,
                        line,
                        f'"{key}" loads "{name}" from another host, and the handbook makes no request to another '
                        f"host; put the file in {DOCS_DIR}/ and name it here.",
                    )
                )
            elif outside_problem(root / DOCS_DIR, name) is not None:
                problems.append(problem(CONFIG, line, f'"{key}" names "{name}", which is outside {DOCS_DIR}/.'))
            elif not (root / DOCS_DIR / name).is_file():
                problems.append(problem(CONFIG, line, f'"{key}" names {DOCS_DIR}/{name}, which does not exist.'))
    theme = config.get("theme")
    if isinstance(theme, LineMap):
        for key in ("favicon", "logo"):
            value = theme.get(key)
            if isinstance(value, str) and leaves_site(value):
                line = theme.key_lines[key]
                problems.append(
                    problem(CONFIG, line, f'"{key}" loads "{value}" from another host; use a file of docs/.')
                )
    return problems


def _folders(root: Path, config: LineMap) -> list[Problem]:
    """Folders and files that mkdocs.yml names: each must exist, inside the project."""
    named = [(key, name, line) for key in ("hooks", "watch") for name, line in _names(config.get(key))]
    theme = config.get("theme")
    if isinstance(theme, LineMap) and isinstance(theme.get("custom_dir"), str):
        named.append(("custom_dir", theme["custom_dir"], theme.key_lines["custom_dir"]))
    for key in ("docs_dir", "INHERIT"):
        if isinstance(config.get(key), str):
            named.append((key, config[key], config.key_lines[key]))
    problems = []
    for key, name, line in named:
        if outside_problem(root, name) is not None:
            problems.append(problem(CONFIG, line, f'"{key}" names "{name}", which is outside the project.'))
        elif not (root / name).exists():
            problems.append(problem(CONFIG, line, f'"{key}" names {name}, which does not exist.'))
        elif key == "docs_dir" and name.rstrip("/") != DOCS_DIR:
            problems.append(problem(CONFIG, line, f'"docs_dir" must be {DOCS_DIR}: the build reads the pages there.'))
    return problems


def _plain_texts(config: LineMap) -> list[Problem]:
    problems = []
    for key in PLAIN_TEXT:
        value = config.get(key)
        if isinstance(value, str) and (message := title_problem(value)):
            problems.append(problem(CONFIG, config.key_lines[key], f'"{key}": {message}'))
    return problems


def _site_url(config: LineMap) -> list[Problem]:
    value = config.get("site_url")
    if value is None or (isinstance(value, str) and SITE_URL.fullmatch(value)):
        return []
    return [
        problem(
            CONFIG,
            config.key_lines["site_url"],
            '"site_url" should be a plain https address, such as https://darlington-compact.example.org/ '
            "(lowercase host; no spaces, quotes, query or #).",
        )
    ]


def _extensions(config: LineMap) -> list[Problem]:
    problems: list[Problem] = []
    extensions = config.get("markdown_extensions")
    if not isinstance(extensions, LineList):
        return problems
    for item, line in zip(extensions, extensions.item_lines, strict=True):
        names = list(item) if isinstance(item, LineMap) else [item]
        for name in names:
            if name not in KNOWN_EXTENSIONS:
                problems.append(
                    problem(
                        CONFIG,
                        line,
                        f'the Markdown extension "{name}" is not one that `make check` knows, so what it lets a '
                        "source hold would go unchecked; ask a developer to review it and add it to "
                        "build_scripts/load/markup.py.",
                    )
                )
    return problems


def _redirect_maps(config: object) -> list[tuple[str, object, int]]:
    """The redirects of the redirects plugin: (old page, new page, line)."""
    plugins = config.get("plugins") if isinstance(config, LineMap) else None
    entries = list(plugins) if isinstance(plugins, LineList) else [plugins]
    for entry in entries:
        settings = entry.get("redirects") if isinstance(entry, LineMap) else None
        maps = settings.get("redirect_maps") if isinstance(settings, LineMap) else None
        if isinstance(maps, LineMap):
            return [(old, new, maps.key_lines[old]) for old, new in maps.items()]
    return []


def _redirects(config: LineMap, pages: set[str] | None, anchors: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for old, new, line in _redirect_maps(config):
        message = _redirect_problem(old, new, pages, anchors)
        if message:
            problems.append(problem(CONFIG, line, f'the redirect from "{old}" {message}'))
    return problems


def _redirect_problem(old: str, new: object, pages: set[str] | None, anchors: dict[str, set[str]]) -> str:
    if not isinstance(new, str):
        return 'should lead to one page, written "old.md: new.md".'
    if leaves_site(new):
        return (
            f'leads to "{new}", on another host (or with the scheme "{scheme(new)}:"); a redirect of the handbook '
            "leads to one of its pages."
            + (" Link to other sites from a page instead." if scheme(new) in SAFE_SCHEMES else "")
        )
    if not old.endswith(".md") or old.startswith("/") or ".." in old.split("/"):
        return 'should be the page that moved, as "old-name.md" (a page of docs/, relative to it).'
    path, _, anchor = new.partition("#")
    if pages is None:
        return ""
    if old in pages:
        return "is a page of the handbook still: a redirect is for an address whose page has moved; remove one of them."
    if path not in pages:
        return f"leads to {id_problem(path, 'a page of the handbook', sorted(pages))}"
    if anchor and path in anchors and anchor not in anchors[path]:
        return f'leads to "#{anchor}", which is not an anchor of {path}.'
    return ""
