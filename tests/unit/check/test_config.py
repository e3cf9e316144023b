"""mkdocs.yml is content and declared code: what an editor may change, and what only a developer's
change to build_scripts/check/config.py allows."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.check.config import check_site_config
from build_scripts.publish.promise import move_site
from tests.support.project import ROOT

CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def problems_with(tmp_path: Path, config: str) -> list[str]:
    (tmp_path / "docs/assets/stylesheets").mkdir(parents=True)
    (tmp_path / "docs/assets/stylesheets/handbook.css").write_text("", "utf-8")
    (tmp_path / "docs/assets/javascripts").mkdir(parents=True)
    (tmp_path / "docs/assets/javascripts/keyboard.js").write_text("", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    return [str(p) for p in check_site_config(tmp_path, None)]


def line_of(config: str, text: str) -> int:
    return config[: config.index(text)].count("\n") + 1


def test_the_real_configuration_is_content_and_declared_code(tmp_path: Path) -> None:
    assert problems_with(tmp_path, CONFIG) == []


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("site_name:", "INHERIT: ../other.yml\nsite_name:", "would read settings from another file"),
        ("site_name:", "hooks:\n  - evil.py\nsite_name:", '"hooks"'),
        (
            "  - assets/javascripts/keyboard.js",
            "  - assets/javascripts/keyboard.js\n  - assets/x.js",
            '"extra_javascript" is code',
        ),
        ("  language: custom", "  language: ../../../etc", '"theme" is code'),
        ("  font: false", "  font:\n    text: Roboto", '"theme" is code'),
        (
            "site_name:",
            "extra:\n  analytics:\n    provider: google\n    property: G-X\nsite_name:",
            '"extra": it is not a setting',
        ),
        ("  - search:\n", "  - evil-plugin\n  - search:\n", '"plugins" is code'),
        ("  - tables\n", "  - tables\n  - pymdownx.snippets:\n      base_path: /\n", '"markdown_extensions" is code'),
        ("site_name:", "remote_url: https://evil.example/\nsite_name:", '"remote_url": it is not a setting'),
    ],
)
def test_what_runs_loads_or_reads_is_declared_and_any_other_change_is_refused_on_its_line(
    tmp_path: Path, old: str, new: str, said: str
) -> None:
    config = CONFIG.replace(old, new, 1)
    problems = problems_with(tmp_path, config)
    (found,) = [p for p in problems if said in p]
    first_changed = line_of(config, new.splitlines()[0]) if not new.startswith(old) else line_of(config, new) + 1
    assert found.startswith("mkdocs.yml:"), found
    assert int(found.split(":")[1]) <= first_changed


def test_the_navigation_the_texts_and_the_redirects_are_the_editors(tmp_path: Path) -> None:
    config = CONFIG.replace("  - Downloads: downloads.md", "  - Get the PDFs: downloads.md").replace(
        "site_name: The Darlington Compact", "site_name: Darlington Compact handbook"
    )
    config = config.replace("      redirect_maps: {}", "      redirect_maps:\n        old.md: downloads.md")
    assert problems_with(tmp_path, config) == []


@pytest.mark.parametrize(
    "target",
    [
        '\'x";location="https://evil.example/";".md\'',
        "'a page.md'",
        "../../etc/passwd.md",
        "/downloads.md",
        "Downloads",
    ],
)
def test_a_redirect_leads_only_to_a_page_name_which_the_redirect_page_can_hold_as_it_is(
    tmp_path: Path, target: str
) -> None:
    """mkdocs-redirects (and Zensical's redirect page, overrides-zensical/redirect.html) write the target
    into a script and a meta refresh without escaping it, and the policy allows that script by its hash."""
    config = CONFIG.replace("      redirect_maps: {}", f"      redirect_maps:\n        old.md: {target}")
    (found,) = problems_with(tmp_path, config)
    assert found.startswith(f'mkdocs.yml:{line_of(config, "        old.md:")}: the redirect from "old.md" leads to'), (
        found
    )
    assert 'as "section/page-name.md"' in found


def test_site_url_moves_only_with_make_site_url(tmp_path: Path) -> None:
    (tmp_path / "addresses.txt").write_text(
        "# Promised at: https://darlington-compact.example.org/\n/\n", encoding="utf-8"
    )
    moved = CONFIG.replace("https://darlington-compact.example.org/", "https://evil.example/")
    (found,) = problems_with(tmp_path, moved)
    assert found.startswith(f'mkdocs.yml:{line_of(moved, "site_url:")}: "site_url" moves the handbook from')
    assert "make site-url URL=https://evil.example/" in found
    assert move_site(tmp_path, "https://compact.darlington.gov.uk/") == ""
    assert check_site_config(tmp_path, None) == []
    assert "# Promised at: https://compact.darlington.gov.uk/\n" in (tmp_path / "addresses.txt").read_text("utf-8")
    assert move_site(tmp_path, "javascript:alert(1)//") != ""


def test_a_script_file_in_docs_that_is_not_declared_is_refused(tmp_path: Path) -> None:
    problems_with(tmp_path, CONFIG)
    (tmp_path / "docs/assets/javascripts/theme").mkdir()
    (tmp_path / "docs/assets/javascripts/theme/evil.js").write_text("alert(1)", "utf-8")
    (found,) = [str(p) for p in check_site_config(tmp_path, None)]
    assert found.startswith("docs/assets/javascripts/theme/evil.js:1: a script file that mkdocs.yml does not declare")
