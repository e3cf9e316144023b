"""The site engines, each an adapter over the one generated project (publish/project.py).

An engine is given a folder holding `mkdocs.yml`, `docs/` (every page, hand-written and generated, each
with the values its templates read as front matter) and `overrides/` (its theme's override set), and
builds it into `site/` in that folder. Nothing of the handbook runs inside an engine: no hook, no
plugin of ours. What differs between engines is here and only here: the command, the override set,
the few settings of the configuration that only one engine reads, and the inline styles its theme's
script adds.
"""

from __future__ import annotations

import copy
import os
import sys
from dataclasses import dataclass, field
from typing import Any

ENGINE_VARIABLE = "HANDBOOK_ENGINE"
"""The site engine, set by the Makefile's ENGINE: one of ENGINES' names; MkDocs by default."""
SHARED_OVERRIDES = "overrides-shared"
"""The project's folder of the theme overrides that are the same for every theme: the handbook's own
(the footer, British English) and the theme's inline scripts that both themes write alike, as files."""
PROJECT_CONFIG = "mkdocs.yml"
PROJECT_DOCS = "docs"
PROJECT_THEME = "overrides"
PROJECT_SITE = "site"
"""Within the project folder: the configuration, the pages, the theme's overrides and the built site."""


@dataclass(frozen=True)
class Engine:
    name: str
    module: str
    """Run as `python -m <module>`, from the engine's own virtual environment."""
    venv: str
    """That environment's folder, as the Makefile names it."""
    lock: str
    """The hash-pinned lock of that environment."""
    overrides: str
    """The project's folder of this engine's theme overrides: the files that differ by theme."""
    theme: dict[str, Any] = field(default_factory=dict)
    """Theme settings only this engine reads, added to mkdocs.yml's."""
    markdown: dict[str, Any] = field(default_factory=dict)
    """Markdown extension settings only this engine reads, added to mkdocs.yml's."""
    incremental: bool = False
    """Its package keeps MkDocs 1.6's Python API, with which the preview rebuilds only the pages an edit
    changed (publish/incremental.py); without it, the preview has the engine build the whole site."""
    style_hashes: tuple[str, ...] = ()
    """The inline styles the theme's own script adds to a page, each allowed by the
    Content-Security-Policy by its hash (publish/csp.py): a constant here, never read from a built page."""

    @property
    def theme_folders(self) -> tuple[str, str]:
        """The folders of the project whose files make up this engine's overrides: the files every
        theme shares, then this theme's own, which would win."""
        return (SHARED_OVERRIDES, self.overrides)

    def config(self, checked: dict[str, Any]) -> dict[str, Any]:
        """mkdocs.yml, as the check read it, made this engine's configuration of the project."""
        config = copy.deepcopy(checked)
        for key in ("hooks", "watch", "site_dir"):
            config.pop(key, None)
        config["docs_dir"] = PROJECT_DOCS
        config["site_dir"] = PROJECT_SITE
        config["theme"] = {**config.get("theme", {}), "custom_dir": PROJECT_THEME, **self.theme}
        if self.markdown:
            extensions = list(config.get("markdown_extensions", []))
            config["markdown_extensions"] = [*extensions, *({name: value} for name, value in self.markdown.items())]
        return config

    def incremental_command(self, python: str = sys.executable) -> list[str]:
        """Run in the project folder, for the preview of an `incremental` engine: its builder."""
        return [python, "-m", "build_scripts.publish.incremental", self.module]

    def build_command(self, strict: bool = True) -> list[str]:
        """Run in the project folder: builds it into its `site/`; strictly (a warning fails it) but for
        the preview, whose pages while the sources have problems are the problems."""
        return [
            sys.executable,
            "-m",
            self.module,
            "build",
            *(["--strict"] if strict else []),
            "--config-file",
            PROJECT_CONFIG,
        ]


ENGINES = {
    "mkdocs": Engine("mkdocs", "mkdocs", ".venv", "requirements.txt", "overrides", incremental=True),
    "properdocs": Engine(
        "properdocs", "properdocs", ".venv-properdocs", "requirements/properdocs.txt", "overrides", incremental=True
    ),
    "zensical": Engine(
        "zensical",
        "zensical",
        ".venv-zensical",
        "requirements/zensical.txt",
        "overrides-zensical",
        # Material's look (Zensical's own is "modern"); and code in plain text, whose colours are the
        # theme's, which pass WCAG AA, where Pygments' would not.
        theme={"variant": "classic"},
        markdown={"pymdownx.highlight": {"use_pygments": False}},
        # The search dialog's styles, which Zensical 0.0.73's bundle puts into a <style> of the dialog's
        # shadow root (its string `Tc`). When upgrading Zensical, test_requests.py's policy test names
        # the new hash Chromium asks for: compare the bundle's styles, then replace this.
        style_hashes=("'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='",),
    ),
}
"""The engines the handbook builds with: MkDocs 1.6.1 (the default) and ProperDocs, its maintained
continuation, with Material for MkDocs; Zensical, by Material's team, with its own theme."""


def chosen_engine() -> Engine:
    """The engine HANDBOOK_ENGINE names (MkDocs when unset)."""
    name = os.environ.get(ENGINE_VARIABLE) or "mkdocs"
    if name not in ENGINES:
        raise SystemExit(
            f"{ENGINE_VARIABLE}={name} is not a site engine of the handbook; use one of: {', '.join(ENGINES)}."
        )
    return ENGINES[name]
