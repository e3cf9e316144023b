"""A redirect page as the engines write it, for tests that need one without building a site.

The page is mkdocs-redirects' (1.2.2, its `HTML_TEMPLATE`), which MkDocs and ProperDocs write through
the plugin and Zensical through overrides-zensical/redirect.html. It is copied here rather than
imported so that the tests run in every engine's environment (Zensical's has no MkDocs plugin);
tests/e2e/test_redirects.py checks the pages each engine really writes. The relative address is
worked out here apart from the build's `redirect_url`, so that a mistake in one is not repeated in
the other.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

PAGE = """
<!doctype html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Redirecting...</title>
    <link rel="canonical" href="{url}">
    <script>var anchor=window.location.hash.substr(1);location.href="{url}"+(anchor?"#"+anchor:"")</script>
    <meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
You're being redirected to a <a href="{url}">new destination</a>.
</body>
</html>
"""


def html_path(page: str) -> str:
    """The file a page's address is served from (directory addresses): `a/b.md` -> `a/b/index.html`."""
    stem = page.removesuffix(".md")
    folder = "" if stem == "index" else stem.removesuffix("/index")
    return posixpath.join(folder, "index.html")


def relative_url(old_page: str, new_url: str) -> str:
    """The address, relative to `old_page`'s own, of `new_url` (site-relative, `x/y/` with any `#anchor`)."""
    path, hash_, anchor = new_url.partition("#")
    return posixpath.relpath(path or ".", posixpath.dirname(html_path(old_page)) or ".") + "/" + hash_ + anchor


def write_redirect(site: Path, old_file: str, url: str) -> None:
    """A redirect page at `old_file` (site-relative) sending its reader to `url`."""
    (site / old_file).parent.mkdir(parents=True, exist_ok=True)
    (site / old_file).write_text(PAGE.format(url=url), encoding="utf-8")
