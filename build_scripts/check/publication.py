"""What must be settled before the handbook goes live, beyond its content: its published address.

Each is a problem of severity BEFORE_PUBLISHING: it stops `make publish-check`, not a build.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ..load.yaml_source import LineMap, load_yaml_file
from ..model.problems import BEFORE_PUBLISHING, Problem, problem
from .config import CONFIG

RESERVED_DOMAINS = ("example.com", "example.net", "example.org")
"""Domains reserved for examples (RFC 2606), which no real site can be published at."""
RESERVED_ENDINGS = (".example", ".test", ".invalid", ".localhost")


def check_publication(root: Path) -> list[Problem]:
    """A problem before publishing when `site_url` in mkdocs.yml is missing or an example address."""
    found = site_address_problem(root)
    return [found] if found else []


def site_address_problem(root: Path) -> Problem | None:
    """What is wrong with `site_url` before publishing, or None (check/still_needed.py lists it)."""
    if not (root / CONFIG).is_file():
        return None
    config = load_yaml_file(root, CONFIG, [])
    if not isinstance(config, LineMap):
        return None  # what is wrong with mkdocs.yml is reported by the configuration check
    site_url = config.get("site_url")
    line = config.key_lines.get("site_url", 1)
    host = (urlsplit(site_url).hostname or "") if isinstance(site_url, str) else ""
    if not host:
        message = 'there is no "site_url": set it to the address the handbook will be published at.'
    elif is_example_host(host):
        message = (
            f'"site_url" is still an example address ({site_url}); set it to the address the handbook will be '
            "published at with `make site-url URL=https://...`: canonical links, the sitemap, the data files and "
            "the badge are made from it."
        )
    else:
        return None
    return problem(CONFIG, line, message, BEFORE_PUBLISHING)


def is_example_host(host: str) -> bool:
    return host in RESERVED_DOMAINS or host.endswith(tuple(f".{d}" for d in RESERVED_DOMAINS) + RESERVED_ENDINGS)
