"""Nothing live on any built page: no event handler, no javascript: address, no meta refresh, nothing
loaded from another host, and no inline script but those allowed from trusted inputs. A page that
would carry another inline script is refused by the build before it could be served."""

from __future__ import annotations

import os
from pathlib import Path

from build_scripts.publish.engines import chosen_engine
from tests.conftest import build_site
from tests.e2e.test_build import tree_digest
from tests.support.live import live_things, redirect_scripts, sha256_source
from tests.support.project import copy_project, edit


def test_no_built_page_holds_anything_live(root: Path, site: Path) -> None:
    scripts = redirect_scripts(root)
    trusted = {sha256_source(script) for script in scripts.values()}
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    found = []
    for page in pages:
        relative = page.relative_to(site).as_posix()
        found += [f"{relative}: {thing}" for thing in live_things(page, trusted, redirect=relative in scripts)]
    assert found == []


def test_the_reader_sees_what_is_live(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta http-equiv="refresh" content="0;url=https://evil.example">'
        '<link rel="stylesheet" href="//evil.example/x.css"></head><body>'
        '<img src=x onerror="alert(1)"><a href=" JaVa&#x09;Script:alert(1)">x</a>'
        '<script>alert(1)</script><script type="application/json">{}</script>'
        '<iframe src="https://evil.example"></iframe></body></html>',
        encoding="utf-8",
    )
    found = live_things(page, set())
    assert len(found) == 7, found
    assert len(live_things(page, {sha256_source("alert(1)")}, redirect=True)) == 5


def test_a_page_with_an_injected_inline_script_is_refused_by_the_build(root: Path, tmp_path: Path) -> None:
    """A script that no source check sees (here a faulty template) stops the build, naming the pages."""
    project = copy_project(root, tmp_path)
    edit(
        project / chosen_engine().overrides / "main.html",
        "{% block scripts %}",
        "{% block extrahead %}<script>alert(1)</script>{% endblock %}\n{% block scripts %}",
    )
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the site built before", encoding="utf-8")
    before = tree_digest(site)
    os.environ["HANDBOOK_PDFS"] = "0"
    try:
        result = build_site(project, site)
    finally:
        del os.environ["HANDBOOK_PDFS"]
    assert result.returncode == 1
    assert 'index.html: an inline script that is not on the trusted list (it starts "alert(1)")' in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(site) == before
