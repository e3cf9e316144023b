"""The pass over a finished site, after the engine has written everything (redirect pages included):
refuse any page with live content that is not trusted, then put the policy into every page and write
the `_headers` file. Any engine's output can go through it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..model.addresses import redirect_page, redirect_url
from ..render.processes import on_every_core
from .csp import HEADERS_FILE, REDIRECT_REFRESH, REDIRECT_SCRIPT, headers_file, policy, script_hash, with_policy
from .live_content import live_content

_PER_TASK = 16
"""Pages a worker reads at a time: few enough to share the work evenly, enough to cost little to send."""


def secure_site(site: Path, redirects: Mapping[str, str]) -> list[str]:
    """Check every page of a built site, then give each its policy; or, if any page is not safe, change
    nothing and return why, as `page: reason` lines.

    `redirects` are the checked redirects of mkdocs.yml (old page -> new page, docs-relative): their
    pages are the only ones that may hold an inline script and a meta refresh, each made from them.
    """
    targets = {redirect_page(old): redirect_url(old, new) for old, new in redirects.items()}
    scripts = {page: REDIRECT_SCRIPT.format(url=url) for page, url in targets.items()}
    pages = sorted(site.rglob("*.html"))
    checks = []
    for path in pages:
        page = path.relative_to(site).as_posix()
        trusted = (scripts[page],) if page in scripts else ()
        refresh = REDIRECT_REFRESH.format(url=targets[page]) if page in targets else None
        checks.append((site, page, trusted, refresh))
    problems = [line for lines in on_every_core(_check_page, checks, _PER_TASK) for line in lines]
    if problems:
        return problems
    hashes = {script_hash(script) for script in scripts.values()}
    text = policy(hashes)
    for path in pages:
        path.write_text(with_policy(path.read_text(encoding="utf-8"), text), encoding="utf-8")
    (site / HEADERS_FILE).write_text(headers_file(hashes), encoding="utf-8")
    return []


def _check_page(site: Path, page: str, trusted: tuple[str, ...], refresh: str | None) -> list[str]:
    html = (site / page).read_text(encoding="utf-8")
    return [f"{page}: {reason}" for reason in live_content(html, trusted, refresh)]
