"""Checks of mkdocs.yml, a source like any other: content and declared code.

An editor may change the site's texts, its address and the navigation, and the redirects' map; every
other key is code, declared here (DECLARED) and held to it, so that what the site runs, loads and
reads changes only with a developer's change to this file (CODEOWNERS): no INHERIT, hook, plugin,
Markdown extension, theme setting, script or stylesheet that is not declared. Each problem has the
line of mkdocs.yml and what to do: a page or file that does not exist; markup in a text that the
theme writes into every page unescaped (the copyright, the site's name); a site_url that is not a
plain https address, or not the one addresses.txt promises its addresses at; a redirect to another
host, to a page that does not exist, or from a page that still does; a script file in docs/ that is
not declared.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

import yaml

from ..load.docs import DOCS_DIR
from ..load.markup import ID, invisible_character, title_problem
from ..load.yaml_source import LineList, LineMap, load_yaml_file, outside_problem
from ..model.problems import Problem, problem
from ..model.urls import SAFE_SCHEMES, is_safe_link, leaves_site, scheme
from .promise import PROMISE_FILE, promised_at
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
        *_declared(config),
        *_navigation(config, pages),
        *_assets(root, config),
        *_plain_texts(config),
        *_site_url(config),
        *_site_moved(root, config),
        *_redirects(config, pages, anchors or {}),
    ]


CONTENT_KEYS = ("site_name", "site_description", "site_author", "copyright", "site_url", "nav")
"""What an editor may change in mkdocs.yml: the site's texts and address (checked below), and the
navigation. The redirects' map (plugins: redirects: redirect_maps) is content too."""
INERT_KEYS = ("not_in_nav", "validation")
"""Settings that run nothing, load nothing and read no file: which pages the navigation may leave out,
and how loudly the engine reports a link it cannot follow."""
DECLARED_SCRIPTS = ("assets/javascripts/keyboard.js",)
"""The site's own script files (extra_javascript): the only ones besides the theme's a page may load."""
DECLARED: dict[str, object] = {
    "docs_dir": "docs",
    "use_directory_urls": "true",
    "strict": "true",
    "theme": {
        "name": "material",
        "custom_dir": "overrides",
        "language": "custom",
        "font": "false",
        "features": ["navigation.footer", "navigation.sections"],
    },
    "extra_css": ["assets/stylesheets/handbook.css"],
    "extra_javascript": list(DECLARED_SCRIPTS),
    "markdown_extensions": [
        "admonition",
        "attr_list",
        "def_list",
        "md_in_html",
        "tables",
        {"toc": {"permalink": "true", "permalink_title": "Link to this section"}},
    ],
}
"""The code of mkdocs.yml: what makes the site run, load and read. Each is declared here and must be in
mkdocs.yml exactly so, so that changing what the site runs takes a developer's change to this file as
well (CODEOWNERS asks for their review), and nothing undeclared (INHERIT, a hook, a script, a
stylesheet, a theme folder, a plugin, an extension, analytics) reaches the engine."""
PLUGINS = ("search", "redirects")
SEARCH = {"lang": "en"}
SCRIPT_SUFFIXES = frozenset({".js", ".mjs", ".cjs"})


def declared_scripts(root: Path, theme_folders: Collection[str]) -> frozenset[str]:
    """The script files a page may load, site-relative, besides the theme's own: those extra_javascript
    declares, and those of the theme overrides in `theme_folders` (code, both)."""
    return frozenset(
        set(DECLARED_SCRIPTS)
        | {
            path.relative_to(root / folder).as_posix()
            for folder in theme_folders
            for path in (root / folder).rglob("*.js")
        }
    )


def _declared(config: LineMap) -> list[Problem]:
    """Every key of mkdocs.yml is content (CONTENT_KEYS, the redirects' map) or declared code (DECLARED)."""
    problems = []
    for key, line in config.key_lines.items():
        if key in CONTENT_KEYS or key in INERT_KEYS:
            continue
        if key == "plugins":
            problems += _plugins(config[key], line)
        elif key not in DECLARED:
            reason = (
                "it would read settings from another file, which the check does not read"
                if key == "INHERIT"
                else "it is not a setting the handbook declares"
            )
            problems.append(
                problem(
                    CONFIG,
                    line,
                    f'"{key}": {reason}. mkdocs.yml may hold the site\'s texts, its address and the navigation; '
                    "its other settings are code, declared in build_scripts/check/config.py. Remove it, or ask a "
                    "developer to declare it.",
                )
            )
        elif config[key] != DECLARED[key]:
            problems.append(
                problem(
                    CONFIG,
                    _first_difference(config[key], DECLARED[key], line),
                    f'"{key}" is code: it must be as build_scripts/check/config.py declares it, so that what the '
                    "site runs and loads changes only with a developer's review. Put it back as it was, or ask a "
                    "developer to change both.",
                )
            )
    return problems


def _first_difference(value: object, declared: object, line: int) -> int:
    """The line where `value`, read from mkdocs.yml, first differs from what is declared."""
    if isinstance(value, LineList) and isinstance(declared, list):
        for index, (item, item_line) in enumerate(zip(value, value.item_lines, strict=True)):
            if index >= len(declared) or item != declared[index]:
                return _first_difference(item, declared[index] if index < len(declared) else None, item_line)
        return value.item_lines[-1] if value.item_lines else line
    if isinstance(value, LineMap) and isinstance(declared, dict):
        for key, key_line in value.key_lines.items():
            if key not in declared or value[key] != declared[key]:
                return _first_difference(value[key], declared.get(key), key_line)
    return line


def _plugins(plugins: object, line: int) -> list[Problem]:
    """Search (lang: en), then redirects with its map: the line of the first entry that is not so."""
    entries = list(plugins) if isinstance(plugins, LineList) else [plugins]
    lines = plugins.item_lines if isinstance(plugins, LineList) else [line]
    for index, (entry, entry_line) in enumerate(zip(entries, lines, strict=True)):
        name = next(iter(entry)) if isinstance(entry, LineMap) and len(entry) == 1 else entry
        settings = entry[name] if isinstance(entry, LineMap) and isinstance(name, str) else None
        fine = index < len(PLUGINS) and name == PLUGINS[index]
        if name == "search":
            fine = fine and settings == SEARCH
        elif name == "redirects":
            fine = fine and isinstance(settings, LineMap) and set(settings) == {"redirect_maps"}
        if not fine:
            return [_plugins_problem(entry_line)]
    return [_plugins_problem(line)] if len(entries) != len(PLUGINS) else []


def _plugins_problem(line: int) -> Problem:
    return problem(
        CONFIG,
        line,
        '"plugins" is code: it must be search (lang: en), then redirects with its redirect_maps, as '
        "build_scripts/check/config.py declares; a plugin runs code. Put it back as it was, or ask a "
        "developer to change both.",
    )


def engine_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml as an engine reads it, typed, once `make check` has found nothing wrong with it: no tag, so
    read with PyYAML's safe loader, which builds nothing but text, numbers, lists and mappings."""
    data = yaml.safe_load((root / CONFIG).read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def config_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Those of `problems` that are mkdocs.yml's: while there are any, no engine may read it."""
    return [found for found in problems if found.source.path == CONFIG and found.is_error]


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
        if message := _text_problem(title):
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
    for path in sorted((root / DOCS_DIR).rglob("*")):
        relative = path.relative_to(root / DOCS_DIR).as_posix()
        if path.suffix.lower() in SCRIPT_SUFFIXES and relative not in DECLARED_SCRIPTS:
            problems.append(
                problem(
                    f"{DOCS_DIR}/{relative}",
                    1,
                    "a script file that mkdocs.yml does not declare: every file of docs/ is published, and a page "
                    "could load it. Remove it, or ask a developer to declare it (extra_javascript).",
                )
            )
    return problems


def _plain_texts(config: LineMap) -> list[Problem]:
    problems = []
    for key in PLAIN_TEXT:
        value = config.get(key)
        if isinstance(value, str) and (message := _text_problem(value)):
            problems.append(problem(CONFIG, config.key_lines[key], f'"{key}": {message}'))
    return problems


def _text_problem(value: str) -> str:
    """A text the theme writes into every page, some of it into attributes unescaped: no markup, no
    double quote, nothing invisible."""
    if '"' in value:
        return 'it contains a double quote ("), which the theme would write unescaped; use ’ or “ ” instead.'
    invisible = invisible_character(value)
    return title_problem(value) or (f"it holds {invisible}; delete it." if invisible else "")


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


def _site_moved(root: Path, config: LineMap) -> list[Problem]:
    """A site_url other than the one addresses.txt promises the addresses at: every link would change."""
    value, at = config.get("site_url"), promised_at(root)
    if not isinstance(value, str) or at is None or value == at:
        return []
    return [
        problem(
            CONFIG,
            config.key_lines["site_url"],
            f'"site_url" moves the handbook from {at} to {value}: every address partners link to, the canonical '
            "links, the badge and the data files would change with it. If the move is meant, run `make site-url "
            f"URL={value}`, which records it in {PROMISE_FILE} too, and ask a developer to review the change.",
        )
    ]


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


_PAGE_PATH = re.compile(r"[a-z0-9_-]+(?:/[a-z0-9_-]+)*\.md")


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
    if not _PAGE_PATH.fullmatch(path):
        # The redirect page's script and its meta refresh are made from it, unescaped, as mkdocs-redirects
        # and Zensical write them: only a page name's own letters may stand there.
        return (
            f'leads to "{path}", which is not a page of docs/: write it relative to docs/, in lowercase letters, '
            'digits, hyphens and underscores, as "section/page-name.md".'
        )
    if anchor and not ID.fullmatch(anchor):
        # The redirect page's script is made from it: only an anchor's own letters may stand there.
        return f'leads to the anchor "#{anchor}", which is not an anchor: use lowercase letters, digits and hyphens.'
    if pages is None:
        return ""
    if old in pages:
        return "is a page of the handbook still: a redirect is for an address whose page has moved; remove one of them."
    if path not in pages:
        return f"leads to {id_problem(path, 'a page of the handbook', sorted(pages))}"
    if anchor and path in anchors and anchor not in anchors[path]:
        return f'leads to "#{anchor}", which is not an anchor of {path}.'
    return ""
