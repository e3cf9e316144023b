"""The preview's builder for the engines that keep MkDocs 1.6's Python API (MkDocs, ProperDocs): one
process for the whole preview, which builds the site project again only where an edit changed it.

Run as `python -m build_scripts.publish.incremental MODULE PARENT` in the project folder (PARENT: the
process it dies with), it reads one word a line: `full` builds the whole site, `changed` only the
pages whose source is newer than the page built from it (the engine's "dirty" build; write_project
writes only the files whose bytes change). It answers each line with `built whole`, `built` (only
what changed) or `failed` (BUILT_WHOLE, BUILT, FAILED). Starting the engine once saves its
start-up on every edit, and a dirty build of a page takes a quarter of a second where a whole build
takes three.

A dirty build does not read the pages it leaves alone, which costs the pages it does build two things,
put back here:

- the navigation's titles: an unread page has none, so each page the navigation lists is given its
  title as the engine would give it (front matter `title`, else its first heading rendered with the
  site's Markdown extensions, by the engine's own title extractor); where a title has changed since
  the build before, or cannot be told so, the build is a whole one, so that every page's navigation
  shows it;
- the search index, which lists only the pages built: the entries of those pages replace theirs in the
  index of the build before, and the sitemap of the build before is kept.

The engine makes its theme's templates afresh for every build; here they are compiled once for each
whole build and kept for the dirty builds after it (Jinja's bytecode cache, which also compiles a
template again when its text changes), and the theme's files are listed once for each whole build: a
dirty build comes after a whole one with the same theme and configuration, since a change to either is
built whole. Together they were half of a dirty build's time.

Nothing of the handbook runs inside the engine; this drives the engine from outside, as its own command
line does. It imports the engine's package, and so only the preview runs it.
"""

from __future__ import annotations

import importlib
import json
import logging
import sys
from pathlib import Path
from typing import Any

import jinja2
import markdown

from ..render.processes import die_with_parent
from .engines import PROJECT_CONFIG

BUILT_WHOLE, BUILT, FAILED = "built whole", "built", "failed"
"""The builder's answers, one a line."""
SEARCH_INDEX = Path("search", "search_index.json")
SITEMAPS = (Path("sitemap.xml"), Path("sitemap.xml.gz"))
_DIRTY_WARNING = "A 'dirty' build is being performed"


class Builds:
    """The engine's API, and what a whole build left that a dirty build would lose."""

    def __init__(self, module: str) -> None:
        # The engine loaded as its command line loads it: ProperDocs' makes the `mkdocs` modules that
        # plugins written for MkDocs (Material's) import its own.
        importlib.import_module(f"{module}.__main__")
        self.load_config = importlib.import_module(f"{module}.config").load_config
        self.build = importlib.import_module(f"{module}.commands.build").build
        self.front_matter = importlib.import_module(f"{module}.utils.meta").get_data
        # The part of the engine's page that takes a page's title from its rendered first heading.
        self.title_extractor = importlib.import_module(f"{module}.structure.pages")._ExtractTitleTreeprocessor
        self.titles: dict[str, str | None] | None = None
        self.index: list[dict[str, Any]] = []
        self.kept: dict[Path, bytes] = {}
        self.compiled = _Compiled()
        self.theme_files: dict[tuple[object, ...], list[str]] = {}
        """The theme's files, as listed for the last whole build."""
        self._keep_theme(importlib.import_module(f"{module}.theme").Theme)

    def _keep_theme(self, theme: Any) -> None:
        """Give every environment the engine makes for its theme the templates compiled before, and the
        listing of the theme's files made for the last whole build."""
        make_env = theme.get_env
        if getattr(make_env, "hb_kept", False):
            raise RuntimeError("the engine's theme is kept already: one builder a process")

        def get_env(instance: Any) -> jinja2.Environment:
            env: jinja2.Environment = make_env(instance)
            env.bytecode_cache = self.compiled
            listed = env.list_templates

            def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
                # The engine's filter is made afresh for each build, from the configuration, which a
                # dirty build shares with the whole build before it: its code tells it.
                code = getattr(filter_func, "__code__", None) if filter_func is not None else None
                if filter_func is not None and code is None:
                    return listed(extensions, filter_func)
                key = (tuple(instance.dirs), tuple(extensions) if extensions else None, code)
                if key not in self.theme_files:
                    self.theme_files[key] = listed(extensions, filter_func)
                return list(self.theme_files[key])

            env.list_templates = list_templates  # type: ignore[method-assign]
            return env

        get_env.hb_kept = True  # type: ignore[attr-defined]
        theme.get_env = get_env

    def run(self, whole: bool) -> bool:
        """Build the site, whole if `whole` or if a dirty build cannot give what a whole one would;
        whether it was whole."""
        config = self.load_config(PROJECT_CONFIG, strict=False)
        docs, site = Path(config["docs_dir"]), Path(config["site_dir"])
        titles = self._titles(config, docs)
        known = None not in titles.values()
        whole = whole or not known or titles != self.titles or not (site / SEARCH_INDEX).is_file()
        if whole:
            # What the configuration may change (a plugin's filters, which Jinja can fold in as it
            # compiles) is built whole: compiled afresh.
            self.theme_files.clear()
            self.compiled.code.clear()
        else:
            config["nav"] = _titled(config["nav"], titles)
        self.build(config, dirty=not whole)
        self.titles = titles
        index = json.loads((site / SEARCH_INDEX).read_text("utf-8"))
        if whole:
            self.kept = {path: (site / path).read_bytes() for path in SITEMAPS if (site / path).is_file()}
        else:
            index["docs"] = _merged(self.index, index["docs"])
            (site / SEARCH_INDEX).write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
            for path, data in self.kept.items():
                (site / path).write_bytes(data)
        self.index = index["docs"]
        return whole

    def _titles(self, config: Any, docs: Path) -> dict[str, str | None]:
        """The title of each untitled page of the navigation, as the engine gives it when it renders the
        page: its front matter's `title`, else its first heading, as rendered with the site's Markdown
        extensions, where that heading is the page's first line; else None, which a dirty build cannot
        give, and a whole build is made."""
        md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        extractor = self.title_extractor()
        extractor._register(md)
        titles: dict[str, str | None] = {}
        for page in _nav_pages(config["nav"]):
            try:
                text, meta = self.front_matter((docs / page).read_text("utf-8-sig"))
            except OSError:  # a page the navigation names and the sources no longer make
                titles[page] = None
                continue
            first = next((line for line in text.split("\n") if line.strip()), "")
            if "title" in meta or not first.startswith("# "):
                titles[page] = str(meta["title"]) if "title" in meta else None
                continue
            md.reset()
            extractor.title = None
            md.convert(first)
            titles[page] = extractor.title
        return titles


class _Compiled(jinja2.BytecodeCache):
    """The theme's templates as compiled, kept in memory, each with the checksum of the text it was
    compiled from."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def _nav_pages(nav: object) -> list[str]:
    """The pages the navigation lists without a title of their own, in order."""
    if isinstance(nav, str):
        return [nav] if "://" not in nav else []
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() if not isinstance(value, str) for page in _nav_pages(value)]
    return []


def _titled(nav: object, titles: dict[str, str | None]) -> object:
    """The navigation with each untitled page given its title, where it has one."""
    if isinstance(nav, str):
        title = titles.get(nav)
        return {title: nav} if title else nav
    if isinstance(nav, list):
        return [_titled(item, titles) for item in nav]
    if isinstance(nav, dict):
        return {key: value if isinstance(value, str) else _titled(value, titles) for key, value in nav.items()}
    return nav


def _merged(before: list[dict[str, Any]], built: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The search index of the build before, with the entries of the pages just built in place of theirs
    (a page's entries share its address up to `#`), and those of pages new to it at the end."""
    fresh: dict[str, list[dict[str, Any]]] = {}
    for entry in built:
        fresh.setdefault(_page_of(entry), []).append(entry)
    merged: list[dict[str, Any]] = []
    placed: set[str] = set()
    for entry in before:
        page = _page_of(entry)
        if page not in fresh:
            merged.append(entry)
        elif page not in placed:
            merged.extend(fresh[page])
            placed.add(page)
    merged.extend(entry for page, entries in fresh.items() if page not in placed for entry in entries)
    return merged


def _page_of(entry: dict[str, Any]) -> str:
    return str(entry.get("location", "")).partition("#")[0]


def main(module: str, parent: int) -> int:
    die_with_parent(parent)
    # The engine's messages as its command line shows them, but for the one on every dirty build.
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s", stream=sys.stderr)
    logging.getLogger().handlers[0].addFilter(lambda record: not record.getMessage().startswith(_DIRTY_WARNING))
    builds = Builds(module)
    try:
        for line in sys.stdin:
            try:
                whole = builds.run(whole=line.strip() == "full")
            except Exception as error:  # the engine's own; the preview goes on serving the site before
                print(f"The engine could not build the preview: {error}", file=sys.stderr, flush=True)
                print(FAILED, flush=True)
            else:
                print(BUILT_WHOLE if whole else BUILT, flush=True)
    except KeyboardInterrupt:  # the preview was stopped with Ctrl+C, which reaches this process too
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
