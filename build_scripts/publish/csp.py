"""The Content-Security-Policy: only the site's own origin, and only inline scripts from trusted inputs.

The theme's inline scripts are moved into files by the template overrides (the `partials/javascripts/`
of overrides-shared/ and of each theme's set), so a page of the site needs no inline script at all. The
only inline scripts allowed are those of the redirect pages, each made from mkdocs-redirects' template
(or Zensical's copy of it, overrides-zensical/redirect.html) and a redirect that `make check` has
checked, and allowed by its hash. The only inline styles allowed are the engine's theme's own, by the
hashes its Engine declares. Nothing here is read from a built page: what a page holds never decides
what the policy allows.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable

HEADERS_FILE = "_headers"
REDIRECT_SCRIPT = 'var anchor=window.location.hash.substr(1);location.href="{url}"+(anchor?"#"+anchor:"")'
"""mkdocs-redirects' script (1.2.2, `HTML_TEMPLATE`), which carries an #anchor across the redirect.
Compare with the plugin when upgrading it: a redirect page whose script differs fails the build."""
REDIRECT_REFRESH = "0; url={url}"


def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(script_hashes: Iterable[str], style_hashes: Iterable[str] = (), for_headers: bool = False) -> str:
    """`style_hashes` are the inline styles the theme's own script adds, each allowed by its hash
    (Engine.style_hashes)."""
    scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    styles = " ".join(["'self'", *sorted(set(style_hashes))])
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        f"style-src {styles}",
        # Material's stylesheets draw their icons as data: images.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    if for_headers:
        directives.append("frame-ancestors 'none'")  # ignored in a <meta> policy
    return "; ".join(directives)


def headers_file(script_hashes: Iterable[str], style_hashes: Iterable[str] = ()) -> str:
    """A `_headers` file (Netlify, Cloudflare Pages): the same policy for every page, with frame-ancestors."""
    return (
        "/*\n"
        f"  Content-Security-Policy: {policy(script_hashes, style_hashes, for_headers=True)}\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n"
        "  X-Frame-Options: DENY\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=()\n"
    )
