"""The pass over a finished site: what it refuses, and the policy it gives to what it accepts."""

from __future__ import annotations

from pathlib import Path

from build_scripts.model.addresses import redirect_url
from build_scripts.publish.csp import REDIRECT_SCRIPT, script_hash
from build_scripts.publish.policy import secure_site
from tests.support.redirects import PAGE as REDIRECT_PAGE
from tests.support.redirects import relative_url

PAGE = (
    '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>T</title>\n</head>\n'
    "<body>{}</body>\n</html>\n"
)


def site_of(tmp_path: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(PAGE.format(body) if not body.startswith("<!doctype") else body, "utf-8")
    return tmp_path


def test_a_clean_site_gets_the_policy_in_every_page_and_a_headers_file(tmp_path: Path) -> None:
    site = site_of(tmp_path, {"index.html": "<p>Hello</p>", "a/index.html": '<script src="../x.js"></script>'})
    assert secure_site(site, {}, {"x.js"}) == []
    for page in ("index.html", "a/index.html"):
        html = (site / page).read_text("utf-8")
        assert '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src' in html
        assert "script-src 'self';" in html
    assert "frame-ancestors 'none'" in (site / "_headers").read_text("utf-8")


def test_a_page_with_an_untrusted_inline_script_is_refused_and_nothing_is_changed(tmp_path: Path) -> None:
    site = site_of(tmp_path, {"index.html": "<p>Hi</p>", "guide/index.html": "<script>alert(1)</script>"})
    before = {p: p.read_text("utf-8") for p in site.rglob("*.html")}
    assert secure_site(site, {}) == [
        'guide/index.html: an inline script that is not on the trusted list (it starts "alert(1)")'
    ]
    assert {p: p.read_text("utf-8") for p in site.rglob("*.html")} == before
    assert not (site / "_headers").exists()


def test_each_kind_of_live_content_is_named(tmp_path: Path) -> None:
    body = (
        '<img src="x" onerror="alert(1)"><a href="jav&#x09;ascript:alert(1)">x</a>'
        '<meta http-equiv="refresh" content="0; url=https://evil.example"><iframe src="a"></iframe>'
        '<link rel="stylesheet" href="https://evil.example/x.css"><script type="application/json">{}</script>'
    )
    problems = secure_site(site_of(tmp_path, {"index.html": body}), {})
    assert len(problems) == 5 and all(p.startswith("index.html: ") for p in problems)
    for reason in (
        '"onerror"',
        '"javascript:"',
        "meta refresh",
        "<iframe>",
        '<link> loads "https://evil.example/x.css"',
    ):
        assert any(reason in p for p in problems), reason


def test_a_redirect_page_may_hold_its_own_script_and_refresh_and_the_headers_allow_it(tmp_path: Path) -> None:
    url = relative_url("old.md", "codes/volunteering/#vo-open-to-all")
    assert url == redirect_url("old.md", "codes/volunteering.md#vo-open-to-all")
    site = site_of(tmp_path, {"old/index.html": REDIRECT_PAGE.format(url=url), "index.html": "<p>Home</p>"})
    assert secure_site(site, {"old.md": "codes/volunteering.md#vo-open-to-all"}) == []
    allowed = script_hash(REDIRECT_SCRIPT.format(url=url))
    assert allowed in (site / "_headers").read_text("utf-8")
    assert allowed in (site / "old/index.html").read_text("utf-8")


def test_a_redirect_script_that_differs_from_the_plugins_is_refused(tmp_path: Path) -> None:
    page = REDIRECT_PAGE.format(url="../codes/volunteering/").replace(
        "location.href=", "fetch('//evil');location.href="
    )
    site = site_of(tmp_path, {"old/index.html": page})
    assert secure_site(site, {"old.md": "codes/volunteering.md"}) != []


def test_a_script_file_the_site_does_not_declare_is_refused(tmp_path: Path) -> None:
    site = site_of(tmp_path, {"a/index.html": '<script src="../assets/javascripts/evil.js"></script>'})
    (site / "assets/javascripts").mkdir(parents=True)
    (site / "assets/javascripts/bundle.0a1b2c3d.min.js").write_text("", "utf-8")
    assert secure_site(site, {}, {"x.js"}) == [
        'a/index.html: <script> loads "../assets/javascripts/evil.js", which is not one of the site\'s declared scripts'
    ]
    (site / "a/index.html").write_text(
        PAGE.format('<script src="../assets/javascripts/bundle.0a1b2c3d.min.js"></script>'), "utf-8"
    )
    assert secure_site(site, {}, {"x.js"}) == []


def test_what_a_browser_would_read_as_live_is_found_however_it_is_hidden(tmp_path: Path) -> None:
    """Python's html.parser reads `<![CDATA[` to its `]]>`; a browser ends it at the first `>`, so what
    follows is live there, and so here."""
    hidden = {
        "cdata.html": '<![CDATA[ x ><meta http-equiv="refresh" content="0;url=https://evil.example">]]>',
        "comment.html": '<!-- x --!><img src=x onerror="alert(1)">-->',
        "abrupt.html": '<!--><img src=x onerror="alert(1)">-->',
        "svg.html": '<svg><style><img src=x onerror="alert(1)"></style></svg>',
    }
    problems = secure_site(site_of(tmp_path, hidden), {})
    for page in hidden:
        assert any(p.startswith(f"{page}: ") for p in problems), page


def test_content_is_cut_to_what_sources_and_templates_make_and_anything_cut_is_a_problem(tmp_path: Path) -> None:
    article = '<article class="md-content__inner"><p>Text</p><form action="/x"><input name="q"></form></article>'
    problems = secure_site(site_of(tmp_path, {"index.html": article}), {})
    assert problems == ["index.html: its content held <form>, which no source may make"]


def test_what_is_published_is_the_tree_the_browser_reads_written_again(tmp_path: Path) -> None:
    site = site_of(tmp_path, {"index.html": '<article class="md-content__inner"><p title=a&amp;b>x<p>y</article>'})
    assert secure_site(site, {}) == []
    html = (site / "index.html").read_text("utf-8")
    assert '<article class="md-content__inner"><p title="a&amp;b">x</p><p>y</p></article>' in html
    assert html.startswith("<!DOCTYPE html>")


def test_the_styles_an_engines_theme_adds_are_allowed_by_their_hashes_and_nothing_else(tmp_path: Path) -> None:
    site = site_of(tmp_path, {"index.html": "<p>Hello</p>"})
    assert secure_site(site, {}, (), ("'sha256-abc='",)) == []
    for text in ((site / "index.html").read_text("utf-8"), (site / "_headers").read_text("utf-8")):
        assert "style-src 'self' 'sha256-abc=';" in text
        assert "unsafe-inline" not in text
