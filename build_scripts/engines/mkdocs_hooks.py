"""The thin adapter between MkDocs and the handbook pipeline; the only module that imports MkDocs.

`mkdocs.yml` names this file under `hooks:`. It does one job: MkDocs calls on_config (load and check
everything, stop before anything is written, start laying out the PDFs) and on_files (add the
generated pages and files). The PDFs are laid out on worker processes while MkDocs reads the pages;
the Downloads page, which gives each PDF's pages and size, is read last and waits for them. In the
live preview (`mkdocs serve`), a source with problems does not stop the preview, which would leave the
browser waiting for ever: every page shows the problems instead, and reloads once they are fixed. The
Content-Security-Policy is given to the finished site afterwards, by build_scripts/publish/policy.py,
which works on any engine's output. The source folders are watched by `mkdocs serve` through
`watch:` in mkdocs.yml. Another engine calls the same pipeline through
`python -m build_scripts render --out DIR` instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_scripts.check.config import CONTENT_KEYS, engine_config
from build_scripts.model.problems import Problem, summary
from build_scripts.pipeline import PDF_CACHE, Generating, check, last_updated, start_generating
from build_scripts.publish.site import PDFS_VARIABLE
from build_scripts.render.pdf import LayoutError
from build_scripts.render.problems_page import problems_document, problems_markdown

_PAGES_KEY = "handbook_generated_pages"
_GENERATING_KEY = "handbook_generating"
_LATER_KEY = "handbook_later_files"
_STOPPER = "handbook-stop-pdfs"
UPDATED_KEY = "hb_updated"
"""The day each page's sources last changed, read by overrides/partials/content.html and sitemap.xml."""
_PROBLEMS_KEY = "handbook_problems"
PREVIEW_VARIABLE = "HANDBOOK_PREVIEW"
"""Set by on_startup when MkDocs serves: MkDocs loads this module afresh for every rebuild, so the
command is kept in the process's environment, which the rebuilds share."""


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_startup(command: str, dirty: bool) -> None:
    # Only the preview shows problems as pages; a build with problems always fails, whatever the
    # environment it was started from holds.
    if command == "serve":
        os.environ[PREVIEW_VARIABLE] = "1"
    else:
        os.environ.pop(PREVIEW_VARIABLE, None)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = _root(config)
    checked = check(root)
    if (not checked.ok or checked.handbook is None) and os.environ.get(PREVIEW_VARIABLE) == "1":
        config[_PROBLEMS_KEY] = checked.problems
        config[_PAGES_KEY] = {uri: problems_markdown(checked.problems) for uri in _named_pages(config)}
        return config
    if os.environ.get(PREVIEW_VARIABLE) == "1":
        _follow(config, engine_config(root))
    if not checked.ok or checked.handbook is None:
        raise Abort(f"{summary(checked.problems)} Run `make check` to see them again.")
    # Rendered here, once per build, and handed to on_files on the config it belongs to.
    with_pdfs = os.environ.get(PDFS_VARIABLE, "1") != "0"
    generating = start_generating(
        checked.handbook, config.site_url or "", with_pdfs, root / PDF_CACHE, checked.still_needed
    )
    config[_GENERATING_KEY] = generating
    config.plugins[_STOPPER] = _StopPdfsOnFailure(generating)
    config[_PAGES_KEY] = generating.files
    config.extra[UPDATED_KEY] = last_updated(root, checked.handbook, [*generating.files, *generating.later])
    return config


# Before every plugin's on_files, so that mkdocs-redirects, which lists the pages there, knows the
# generated ones and a redirect to one of them works.
@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    generating: Generating | None = config.get(_GENERATING_KEY)
    later = generating.later if generating is not None else ()
    # The PDFs and the Downloads page are given their content by _finish. The Downloads page is the
    # last page MkDocs reads, so that it reads every other page while the PDFs are laid out.
    for uri, content in {**config[_PAGES_KEY], **dict.fromkeys(later, b"")}.items():
        existing = files.get_file_from_path(uri)
        if existing is not None and config.get(_PROBLEMS_KEY):
            continue
        if existing is not None:
            raise Abort(f"docs/{uri} would hide the page the build makes from the sources; remove it.")
        files.append(File.generated(config, uri, content=content))
    config[_LATER_KEY] = {uri: files.get_file_from_path(uri) for uri in later}
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if page.file.src_uri in config.get(_LATER_KEY, {}):
        _finish(config)
    return page


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    # Before MkDocs copies the files into the site: every PDF is there by then.
    _finish(config)
    return env


def _follow(config: MkDocsConfig, source: dict[str, Any]) -> None:
    """In the preview, what an editor may change in mkdocs.yml (its content) is taken from it at every
    rebuild: the engine itself reads a copy written when the preview started (publish/site.py)."""
    for key in CONTENT_KEYS:
        if key != "site_url":
            config[key] = source.get(key)
    redirects = config.plugins.get("redirects")
    plugins = source.get("plugins") or []
    maps = next((entry["redirects"].get("redirect_maps") for entry in plugins if "redirects" in entry), None)
    if redirects is not None:
        redirects.config["redirect_maps"] = maps or {}


class _StopPdfsOnFailure(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Stops the PDF workers when the build fails: MkDocs tells a hook of a failure without its config,
    so this is added to the build's plugins with the work it stops."""

    def __init__(self, generating: Generating) -> None:
        self.generating = generating

    def on_build_error(self, error: Exception) -> None:
        self.generating.cancel()


def _finish(config: MkDocsConfig) -> None:
    """Wait for the PDFs, then give them and the Downloads page their content; once per build."""
    generating: Generating | None = config.pop(_GENERATING_KEY, None)
    if generating is None:
        return
    later: dict[str, File] = config[_LATER_KEY]
    try:
        finished = generating.finish()
    except LayoutError as error:
        raise Abort(f"The PDFs were not made: {error}") from error
    for uri, content in finished.items():
        if isinstance(content, str):
            later[uri].content_string = content
        else:
            later[uri].content_bytes = content


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    problems: tuple[Problem, ...] | None = config.get(_PROBLEMS_KEY)
    return problems_markdown(problems) if problems else markdown


def on_post_build(config: MkDocsConfig) -> None:
    problems: tuple[Problem, ...] | None = config.get(_PROBLEMS_KEY)
    if problems:
        Path(config.site_dir, "404.html").write_text(problems_document(problems), encoding="utf-8")


def _named_pages(config: MkDocsConfig) -> set[str]:
    """The pages the navigation and the redirects name: while the sources have problems, the preview
    stands in for each, so that the strict build has no missing page to warn of."""
    named = set(_nav_pages(config.nav or []))
    redirects = config.plugins.get("redirects")
    if redirects is not None:
        named |= {target.partition("#")[0] for target in redirects.config.get("redirect_maps", {}).values()}
    return {uri for uri in named if uri.endswith(".md") and "://" not in uri}


def _nav_pages(nav: Any) -> Iterator[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_pages(value)
