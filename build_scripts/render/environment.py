"""The Jinja2 environments: one for Markdown pages, one (autoescaping) for HTML documents."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def markdown_text(text: str) -> str:
    """Source text made safe to place in a generated Markdown page.

    Markdown passes raw HTML through, so every `<` of the sources is written as an entity:
    formatting with Markdown still works, and no tag (least of all a script) reaches a page.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;")


def one_line(text: str) -> str:
    return " ".join(text.split())


def markdown_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_text
    env.filters["one_line"] = one_line
    return env
