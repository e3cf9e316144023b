"""What an address written in a page or a source is: its scheme, and whether it leaves the site.

Browsers forgive a lot in an address (`JaVaScRiPt:`, a tab inside the word, spaces before it, a
backslash for a slash), so the scheme is read the way a browser reads it, not as written.
"""

from __future__ import annotations

import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
"""The only schemes a link may have; an address with none is relative, inside the site."""

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
# What the URL standard strips from both ends of an address, and removes wherever it stands.
_ENDS = "".join(chr(c) for c in range(0x21))
_REMOVED = str.maketrans("", "", "\t\n\r")


def _as_browser_reads(url: str) -> str:
    return url.strip(_ENDS).translate(_REMOVED)


def scheme(url: str) -> str:
    """The scheme of an address, lowercase ("javascript" for ` JavaScript:...`), or "" for a relative one."""
    match = _SCHEME.match(_as_browser_reads(url))
    return match.group(0)[:-1].lower() if match else ""


def is_safe_link(url: str) -> bool:
    """Whether a link may have this address: a safe scheme, or none."""
    return scheme(url) in SAFE_SCHEMES | {""}


def leaves_site(url: str) -> bool:
    """Whether an address names another host (or any scheme at all): `https://x`, `//x`, `\\\\x`."""
    cleaned = _as_browser_reads(url).replace("\\", "/")
    return bool(scheme(url)) or cleaned.startswith("//")
