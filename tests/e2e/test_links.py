"""Every link of the built site, in Markdown or in templates, leads to a page and an anchor that exist.

MkDocs checks links written in Markdown; links in generated HTML and theme templates are checked here.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

from tests.support.site import page_file, pages, parse, target_file


def broken_links(site: Path) -> list[str]:
    broken = []
    ids: dict[Path, set[str]] = {}  # the anchors of each page a link leads to, each page read once
    for page in pages(site):
        parsed = parse(page_file(site, page))
        for tag, href in parsed.links:
            target = target_file(site, page, href)
            if target is None:
                continue
            if not target.is_file():
                broken.append(f"/{page}: <{tag}> {href} leads to nothing")
                continue
            anchor = urlsplit(href).fragment
            if anchor and target.suffix == ".html":
                if target not in ids:
                    ids[target] = parse(target).ids
                if anchor not in ids[target]:
                    broken.append(f"/{page}: {href} leads to a missing anchor")
    return broken


def test_every_link_and_anchor_resolves(site: Path) -> None:
    assert broken_links(site) == []


def test_a_broken_anchor_would_be_found(site: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "about" / "this-edition" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("#note-", "#nowhere-", 1), encoding="utf-8")
    assert any("missing anchor" in problem for problem in broken_links(copy))
