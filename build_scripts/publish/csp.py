"""The Content-Security-Policy: only the site's own origin, and only the inline scripts it wrote.

Material for MkDocs writes two small inline scripts into every page, one of which holds the
page's depth, so the policy allows each by its hash, computed from the finished page. The policy
goes into every page as a <meta> element (for hosts that send no headers) and, with the hashes of
every page, into a `_headers` file for hosts that read one (Netlify, Cloudflare Pages).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
_HEAD = re.compile(r"<head[^>]*>\s*(<meta charset=[^>]*>)?", re.IGNORECASE)
HEADERS_FILE = "_headers"


def inline_script_hashes(html: str) -> list[str]:
    """The CSP hash of each inline script a browser would run (not JSON data blocks)."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs or "application/json" in attrs:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(set(hashes))


def policy(script_hashes: Iterable[str], for_headers: bool = False) -> str:
    scripts = " ".join(["'self'", *sorted(set(script_hashes))])
    directives = [
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self'",
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


def with_policy(html: str) -> str:
    """The page with its policy as the first thing in its <head> (after the charset)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(html))}">'
    return _HEAD.sub(lambda m: f"{m.group(0)}\n    {meta}", html, count=1)


def headers_file(script_hashes: Iterable[str]) -> str:
    """A `_headers` file: the same policy for every page, with the hashes of every page's scripts."""
    return (
        "/*\n"
        f"  Content-Security-Policy: {policy(script_hashes, for_headers=True)}\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n"
        "  X-Frame-Options: DENY\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=()\n"
    )
