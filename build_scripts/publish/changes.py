"""The pages a proposed change alters: two built sites compared page by page, for the summary of a
pull request's run, so that a reviewer sees what an edit did without reading the whole site.

A page is compared by the readable content of its article (read with an HTML parser), not its bytes:
the navigation, dates and scripts every page shares would otherwise make every page "changed". The
guide's path pages are counted, not listed: one question added can change hundreds of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..model.html5 import parse

PATH_PAGES = "guide/start/"
SHOWN = 60
"""How many pages of each kind the summary lists by name."""


@dataclass(frozen=True)
class Changes:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]


def _content(path: Path) -> str:
    """The text and the addresses of links inside a page's <article>, read as a browser reads it."""
    parts: list[str] = []
    for article in parse(path.read_text(encoding="utf-8", errors="replace")).css("article"):
        for node in article.traverse(include_text=True):
            if node.is_text_node:
                if (text := node.text_content or "").strip():
                    parts.append(" ".join(text.split()))
            elif node.is_element_node:
                attributes = node.attributes
                parts += [f"<{node.tag}>"] + [f"{n}={attributes[n]}" for n in ("href", "src", "id") if n in attributes]
    return "\n".join(parts)


def _pages(site: Path) -> dict[str, Path]:
    return {"/" + p.relative_to(site).as_posix().removesuffix("index.html"): p for p in site.rglob("*.html")}


def compare(base: Path, proposed: Path) -> Changes:
    old, new = _pages(base), _pages(proposed)
    changed = [page for page in sorted(old.keys() & new.keys()) if _content(old[page]) != _content(new[page])]
    return Changes(tuple(sorted(new.keys() - old.keys())), tuple(sorted(old.keys() - new.keys())), tuple(changed))


def _listed(title: str, pages: tuple[str, ...], site_url: str) -> list[str]:
    named = [page for page in pages if not page.startswith("/" + PATH_PAGES)]
    paths = len(pages) - len(named)
    if not pages:
        return []
    lines = [f"### {title} ({len(pages)})", ""]
    lines += [_item(page, site_url) for page in named[:SHOWN]]
    if len(named) > SHOWN:
        lines.append(f"- and {len(named) - SHOWN} more")
    if paths:
        lines.append(f"- {paths} of the guide's path pages ({PATH_PAGES}...)")
    return [*lines, ""]


def _item(page: str, site_url: str) -> str:
    """A page as a list item: its address as code, linked where the site's address is known. A file name
    in a proposal is not trusted, so nothing in it can become Markdown: no link, emphasis or image."""
    address = quote(page, safe="/#")
    shown = f"`{address}`"
    return f"- [{shown}]({site_url.rstrip('/')}{address})" if site_url else f"- {shown}"


def summary(changes: Changes, site_url: str = "") -> str:
    """The changes as Markdown, for a run's summary page."""
    if not (changes.added or changes.removed or changes.changed):
        return "## Pages this change alters\n\nNo page's content changes.\n"
    lines = ["## Pages this change alters", ""]
    lines += _listed("Changed", changes.changed, site_url)
    lines += _listed("New", changes.added, site_url)
    lines += _listed("Gone (a promised address needs a redirect)", changes.removed, site_url)
    return "\n".join(lines)
