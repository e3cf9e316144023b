"""The site project: every value a template reads is in it, written before any engine runs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from jinja2 import Environment, nodes

from build_scripts.pipeline import build_project, check
from build_scripts.publish.engines import ENGINES, PROJECT_CONFIG
from build_scripts.publish.project import IN_NAV, PAGE_VALUES, UPDATED, project_files, with_front_matter, write_project
from tests.support.editions import two_editions
from tests.support.project import ROOT, THEME_FOLDERS

THEMES = THEME_FOLDERS


def values_read(template: str) -> set[str]:
    """The handbook's own values (named hb_…) a template reads, as `meta.<name>` from a page's front
    matter or `extra.<name>` from the configuration."""
    found = set()
    for node in (
        Environment(extensions=["jinja2.ext.loopcontrols"]).parse(template).find_all((nodes.Getattr, nodes.Getitem))
    ):
        name = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        owner = node.node
        owner_name = owner.attr if isinstance(owner, nodes.Getattr) else getattr(owner, "name", None)
        if isinstance(name, str) and name.startswith("hb_") and owner_name in ("meta", "extra"):
            found.add(f"{owner_name}.{name}")
    return found


def front_matter_keys(files: dict[str, bytes]) -> set[str]:
    keys: set[str] = set()
    for path, content in files.items():
        text = content.decode("utf-8") if path.endswith(".md") else ""
        if text.startswith("---\n"):
            keys |= set(yaml.safe_load(text[4 : text.index("\n---\n", 3)]) or {})
    return keys


@pytest.fixture(scope="module")
def project_with_an_archive(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The project of a small handbook with an archived edition (whose pages name the current page)."""
    root = two_editions(tmp_path_factory.mktemp("archived"))
    checked = check(root)
    assert checked.ok, checked.problems
    return build_project(root, checked, ENGINES["mkdocs"], with_pdfs=False).files


def test_the_reader_of_templates_finds_a_value_read_from_the_configuration_or_a_page() -> None:
    template = "{{ config.extra.hb_updated[page.file.src_uri] }}{% if page.meta['hb_light'] %}{% endif %}"
    assert values_read(template) == {"extra.hb_updated", "meta.hb_light"}


@pytest.mark.parametrize("theme", THEMES)
def test_every_value_a_template_reads_is_one_the_project_provides(
    theme: str, project_with_an_archive: dict[str, bytes]
) -> None:
    """An engine runs no code of ours, so a value a template reads must be in the project, as a page's
    front matter; none comes from the configuration's `extra`, which nothing fills any more."""
    assert list((ROOT / theme).rglob("*.html")), f"{theme}/ holds no template"
    # The small handbook has no navigation, so none of its pages is marked as in it (tested below).
    provided = front_matter_keys(project_with_an_archive) | {IN_NAV}
    assert provided & set(PAGE_VALUES) == set(PAGE_VALUES), "the declared values are not all written"
    read = {
        f"{path.relative_to(ROOT / theme)}: {value}"
        for path in sorted((ROOT / theme).rglob("*"))
        if path.suffix in (".html", ".xml")
        for value in values_read(path.read_text(encoding="utf-8"))
        if not (value.startswith("meta.") and value.removeprefix("meta.") in provided)
    }
    assert read == set()


def test_every_page_carries_the_day_its_sources_last_changed(project_with_an_archive: dict[str, bytes]) -> None:
    pages = [path for path in project_with_an_archive if path.endswith(".md")]
    without = [path for path in pages if UPDATED not in front_matter_keys({path: project_with_an_archive[path]})]
    # An archived edition's pages are dated by their edition, in their notice.
    assert [path for path in without if not path.startswith("docs/editions/")] == []
    assert len(pages) > len(without)


def test_the_project_configuration_runs_nothing_of_ours(project_with_an_archive: dict[str, bytes]) -> None:
    config = yaml.safe_load(project_with_an_archive[PROJECT_CONFIG])
    assert "hooks" not in config and "watch" not in config and "extra" not in config
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"


def test_the_pages_the_navigation_lists_and_only_they_are_marked_as_in_it() -> None:
    config = {
        "nav": [{"Home": "index.md"}, {"A section": ["a/one.md", {"Two": "a/two.md"}]}, {"X": "https://x.example/"}]
    }
    pages = {path: "# Page\n" for path in ("index.md", "a/one.md", "a/two.md", "guide/step/s.md")}
    files = project_files(config, ENGINES["mkdocs"], {}, pages, (), {}, {})
    marked = {path for path, content in files.items() if f"{IN_NAV}: true".encode() in content}
    assert marked == {"docs/index.md", "docs/a/one.md", "docs/a/two.md"}


def test_front_matter_is_added_to_what_a_page_has() -> None:
    page = "---\ntitle: 'A: title'\n---\n# Body\n\n---\n"
    assert with_front_matter(page, {UPDATED: {"date": "2026-12-04"}}) == (
        "---\ntitle: 'A: title'\nhb_updated:\n  date: '2026-12-04'\n---\n# Body\n\n---\n"
    )
    assert with_front_matter("# Body\n", {"hb_light": True}) == "---\nhb_light: true\n---\n# Body\n"


@pytest.mark.parametrize("known", [False, True], ids=["read from the folder", "known from the last write"])
def test_writing_the_project_again_writes_only_what_changed_and_removes_what_went(tmp_path: Path, known: bool) -> None:
    first = {"docs/a.md": b"a", "docs/b/c.md": b"c", "mkdocs.yml": b"x"}
    assert write_project(tmp_path, first) == ["docs/a.md", "docs/b/c.md", "mkdocs.yml"]
    (tmp_path / "site").mkdir()
    assert write_project(tmp_path, {"docs/a.md": b"A", "mkdocs.yml": b"x"}, first if known else None) == ["docs/a.md"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "docs",
        "docs/a.md",
        "mkdocs.yml",
        "site",
    ]
