"""The pass over a finished site, after the engine has written everything (redirect pages included):
read every page as a browser does, refuse any page with live content that is not trusted, and
otherwise write each page again from what was read, with its policy; then the `_headers` file. Any
engine's output can go through it."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from pathlib import Path

from ..model.addresses import redirect_page, redirect_url
from ..render.processes import on_every_core
from .csp import HEADERS_FILE, REDIRECT_REFRESH, REDIRECT_SCRIPT, headers_file, policy, script_hash
from .live_content import secure_page

_PER_TASK = 16
"""Pages a worker reads at a time: few enough to share the work evenly, enough to cost little to send."""
THEME_SCRIPT = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")
"""The theme's own script file (Material's bundle, named for its content)."""


def secure_site(
    site: Path, redirects: Mapping[str, str], declared_scripts: Collection[str] = (), style_hashes: Collection[str] = ()
) -> list[str]:
    """Check every page of a built site, then write each again with its policy; or, if any page is not
    safe, change nothing and return why, as `page: reason` lines.

    `redirects` are the checked redirects of mkdocs.yml (old page -> new page, docs-relative): their
    pages are the only ones that may hold an inline script and a meta refresh, each made from them.
    `declared_scripts` are the site's own script files (site-relative) that a page may load, besides
    the theme's. `style_hashes` allow the inline styles the theme's script adds (Engine.style_hashes).
    """
    targets = {redirect_page(old): redirect_url(old, new) for old, new in redirects.items()}
    scripts = {page: REDIRECT_SCRIPT.format(url=url) for page, url in targets.items()}
    hashes = {script_hash(script) for script in scripts.values()}
    text = policy(hashes, style_hashes)
    script_files = frozenset(
        {*declared_scripts}
        | {
            path.relative_to(site).as_posix()
            for path in site.glob("assets/javascripts/*.js")
            if THEME_SCRIPT.fullmatch(path.relative_to(site).as_posix())
        }
    )
    tasks = []
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        trusted = (scripts[page],) if page in scripts else ()
        refresh = REDIRECT_REFRESH.format(url=targets[page]) if page in targets else None
        tasks.append((site, page, script_files, trusted, refresh, text))
    results = on_every_core(_secure, tasks, _PER_TASK)
    problems = [f"{page}: {reason}" for page, _, reasons in results for reason in reasons]
    if problems:
        return problems
    for page, html, _ in results:
        (site / page).write_text(html, encoding="utf-8")
    (site / HEADERS_FILE).write_text(headers_file(hashes, style_hashes), encoding="utf-8")
    return []


def _secure(
    site: Path, page: str, script_files: frozenset[str], trusted: tuple[str, ...], refresh: str | None, text: str
) -> tuple[str, str, list[str]]:
    secured = secure_page((site / page).read_text(encoding="utf-8"), page, script_files, trusted, refresh, text)
    return page, secured.html, secured.reasons
