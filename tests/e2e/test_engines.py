"""Every site engine builds the same handbook from the one generated project: MkDocs 1.6.1, ProperDocs
(its maintained continuation) and Zensical (Material's successor).

This run's engine built `site`; each other engine's build environment, which `make test` sets up
beside this one, builds it again, and the sites are compared. Every engine publishes the same pages
at the same addresses, with the same anchors, links and text, and the same files made by the build
(PDFs, data, images). Two engines with the same theme (MkDocs and ProperDocs, with Material) publish
the same bytes everywhere but the generator line; an engine with another theme differs in its own
assets and search index only.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from build_scripts.publish.csp import HEADERS_FILE
from build_scripts.publish.engines import ENGINE_VARIABLE, ENGINES, Engine, chosen_engine
from tests.conftest import build_site
from tests.support.shared import once
from tests.support.site import ParsedPage, leads_to, page_file, pages, parse

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
THEMES_OWN = (
    "assets/javascripts/",
    "assets/stylesheets/",
    "assets/images/favicon",
    "search/",
    "search.json",
    "redirect.json",
    "sitemap.xml.gz",
)
"""Where an engine or its theme writes its own files: its scripts, styles and search index, Zensical's
list of redirects for its instant navigation, MkDocs' compressed sitemap (the handbook's own
stylesheet and script are compared apart)."""
OURS = ("assets/stylesheets/handbook.css", "assets/javascripts/keyboard.js")
SITEMAP = "sitemap.xml"
SITEMAP_NAMES = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module", params=[name for name in ENGINES if name != chosen_engine().name])
def other_engine(request: pytest.FixtureRequest, root: Path) -> tuple[Engine, Path]:
    """An engine this run does not use, and the Python of its build environment."""
    engine = ENGINES[request.param]
    python = root / engine.venv / "bin" / "python"
    assert python.is_file(), f"{engine.name}'s build environment {engine.venv} is missing: `make test` sets it up"
    return engine, python


def built_with(root: Path, engine: Engine, python: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = once(
        tmp_path_factory,
        f"site-{engine.name}",
        lambda site: build_site(root, site, python, {ENGINE_VARIABLE: engine.name}),
    )
    return built.assert_built()


@pytest.fixture(scope="module")
def other_site(
    root: Path, other_engine: tuple[Engine, Path], site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """Built after this run's engine has built `site`, so that it takes the PDFs from the project's
    cache, as an editor's second build does, instead of laying them all out again at the same time."""
    return built_with(root, *other_engine, tmp_path_factory)


def files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def published(site: Path) -> set[str]:
    """The files the handbook publishes, not the theme."""
    return {path for path in files(site) if path in OURS or not path.startswith(THEMES_OWN)}


def test_the_other_engine_is_installed_at_its_pinned_version(root: Path, other_engine: tuple[Engine, Path]) -> None:
    engine, python = other_engine
    version = subprocess.run(
        [python, "-m", engine.module, "--version"], capture_output=True, text=True, check=True
    ).stdout
    pinned = re.search(rf"^{engine.name}==(\S+)", (root / engine.lock).read_text(), re.MULTILINE)
    assert pinned and pinned.group(1) in version, version


def other_pages(page: str, parsed: ParsedPage) -> set[str]:
    """The other pages and files a page links to, from anywhere on it (navigation, footer, content)."""
    targets = leads_to(page, [href for tag, href in parsed.links if tag == "a"])
    return {target.partition("#")[0] for target in targets} - {page.removesuffix("index.html")}


def content_anchors(parsed: ParsedPage) -> set[str]:
    """The anchors of a page's content; those named `__…` are the theme's (Zensical's skip target)."""
    return {anchor for anchor in parsed.article_ids if not anchor.startswith("__")}


def words(parsed: ParsedPage) -> list[str]:
    """A page's text, word by word: the engines lay out the same text with different white space."""
    return "".join(parsed.article_text).split()


def test_every_engine_publishes_the_same_files(site: Path, other_site: Path) -> None:
    assert published(site) == published(other_site)


def test_every_page_has_the_same_anchors_links_and_text(site: Path, other_site: Path) -> None:
    differences = []
    for page in pages(site):
        ours, theirs = parse(page_file(site, page)), parse(page_file(other_site, page))
        for kind, a, b in [
            ("anchors", content_anchors(ours), content_anchors(theirs)),
            ("links of the content", leads_to(page, ours.article_links), leads_to(page, theirs.article_links)),
            ("pages linked to", other_pages(page, ours), other_pages(page, theirs)),
            ("text", words(ours), words(theirs)),
        ]:
            if a != b:
                differences.append(f"/{page}: {kind} differ: {sorted(set(a) ^ set(b))[:6]}")
    assert differences == []


def made_by_the_build(site: Path, path: str, engine: Engine) -> bytes:
    """A file as the build made it: the headers file without the styles the engine's theme adds."""
    data = (site / path).read_bytes()
    if path == HEADERS_FILE:
        for style in engine.style_hashes:
            data = data.replace(f" {style}".encode(), b"")
    return data


def test_the_files_the_build_makes_are_the_same_bytes(
    site: Path, other_site: Path, other_engine: tuple[Engine, Path]
) -> None:
    made = sorted(
        path for path in published(site) & published(other_site) if not path.endswith(".html") and path != SITEMAP
    )
    differing = [
        path
        for path in made
        if made_by_the_build(site, path, chosen_engine()) != made_by_the_build(other_site, path, other_engine[0])
    ]
    assert differing == []


def sitemap(site: Path) -> dict[str, str | None]:
    """Each address the sitemap lists, with its last change."""
    urls = ElementTree.parse(site / SITEMAP).getroot().findall("s:url", SITEMAP_NAMES)
    return {
        url.findtext("s:loc", namespaces=SITEMAP_NAMES) or "": url.findtext("s:lastmod", namespaces=SITEMAP_NAMES)
        for url in urls
    }


def test_the_sitemaps_list_the_same_addresses_changed_on_the_same_days(site: Path, other_site: Path) -> None:
    """Each theme writes the sitemap from its own template (in its own order): search engines must be
    told of the same pages, with the same dates, whichever engine built the site."""
    assert sitemap(site) == sitemap(other_site)
    assert len(sitemap(site)) > 20


TWINS = [name for name, engine in ENGINES.items() if engine.overrides == chosen_engine().overrides]
"""The other engines with this run's theme. Zensical's theme is its own: with it, the test below has
nothing to compare, and is not defined."""
TWINS.remove(chosen_engine().name)


if TWINS:

    @pytest.mark.parametrize("twin", TWINS)
    def test_engines_with_one_theme_differ_in_nothing_but_the_generator_line(
        root: Path, site: Path, twin: str, tmp_path_factory: pytest.TempPathFactory
    ) -> None:
        engine = ENGINES[twin]
        other_site = built_with(root, engine, root / engine.venv / "bin" / "python", tmp_path_factory)
        assert files(site) == files(other_site)
        differing = [
            path
            for path in sorted(files(site) & files(other_site))
            if GENERATOR.sub(b"", (site / path).read_bytes()) != GENERATOR.sub(b"", (other_site / path).read_bytes())
        ]
        assert differing == []
