"""The hand-written pages of docs/: read and checked like every other source, though the engine
renders them itself. They may hold raw HTML of the kinds Markdown makes (see markup.py), and every
file under docs/ is published, so none may be a symbolic link."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..model.handbook import HandWrittenPage
from ..model.problems import Problem, problem
from ..model.source import Source
from .markup import invisible_character, title_problem
from .yaml_source import LINKED, LineMap, markdown_problems, read_text, split_front_matter

DOCS_DIR = "docs"
FRONT_MATTER = ("title", "description", "hide")
"""What a hand-written page's front matter may set: a `template`, a canonical address or any other
field the theme reads would reach the page unchecked."""
HIDE = frozenset({"navigation", "toc", "footer", "path"})


META_LINE = re.compile(r"[A-Za-z0-9_-]+:")
PUBLISHED = frozenset({".md", ".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".pdf", ".txt"})
"""The kinds of file docs/ may hold: every file there is published as it is, so not HTML, SVG (which can
hold scripts) or a host's own files such as _redirects and _headers, which the check does not read."""


def _front_matter_form(text: str) -> str:
    """Why a page's front matter is not written as the check reads it, or "": engines read other forms too
    (a closing "...", "--- " with a space, key: value lines with no "---", Windows line ends), and what
    they would read there the check would not see."""
    if "\r" in text:
        return "this page has Windows line ends (CR LF); save it with Unix line ends (LF)."
    lines = text.split("\n")
    if lines[0].rstrip() == "---" and lines[0] != "---":
        return 'its first line is "---" followed by spaces; make it exactly "---".'
    if lines[0] != "---" and META_LINE.match(lines[0]):
        return 'it begins with "key: value" lines; write front matter between two lines of exactly "---".'
    if lines[0] == "---":
        for line in lines[1:]:
            if line == "---":
                break
            if line.strip() in ("---", "..."):
                return 'close the front matter with a line of exactly "---".'
    return ""


def _fit_name(name: str) -> bool:
    """Whether a file's name is UTF-8 text with no control character (os.walk keeps undecodable bytes
    as lone surrogates)."""
    return all(character.isprintable() and not 0xD800 <= ord(character) <= 0xDFFF for character in name)


def load_hand_written(root: Path, problems: list[Problem]) -> tuple[HandWrittenPage, ...]:
    pages = []
    for relative in _files(root, problems):
        if relative.endswith(".md"):
            page = _load_page(root, relative, problems)
            if page is not None:
                pages.append(page)
    return tuple(pages)


def _files(root: Path, problems: list[Problem]) -> list[str]:
    """Every file under docs/, project-relative; a symbolic link is a problem and left out."""
    found = []
    for folder, subfolders, names in os.walk(root / DOCS_DIR):
        for name in sorted([*subfolders, *names]):
            path = Path(folder) / name
            relative = path.relative_to(root).as_posix()
            if not _fit_name(name):
                message = (
                    "this file's name holds a character that is not UTF-8 text, a control character or a line "
                    "end; rename it with letters, digits, hyphens and dots."
                )
                problems.append(problem(relative, 1, message))
            elif path.is_symlink():
                problems.append(problem(relative, 1, LINKED))
            elif path.is_file():
                if path.suffix.lower() not in PUBLISHED:
                    problems.append(
                        problem(
                            relative,
                            1,
                            f"every file of {DOCS_DIR}/ is published as it is, and a file of this kind is not read "
                            f"by the check (it may be: {', '.join(sorted(PUBLISHED))}); remove it, or ask a developer.",
                        )
                    )
                found.append(relative)
        subfolders.sort()
    return sorted(found)


def _load_page(root: Path, relative: str, problems: list[Problem]) -> HandWrittenPage | None:
    text, read_problems = read_text(root, relative)
    problems.extend(read_problems)
    if text is None:
        return None
    body, body_line = text, 1
    checked: list[tuple[str, str | tuple[str, ...]]] = []
    if message := _front_matter_form(text):
        problems.append(problem(relative, 1, message))
        return None
    if text.startswith("---\n"):
        front, body, body_line = split_front_matter(text, relative, problems)
        for key, line in (front.key_lines if isinstance(front, LineMap) else {}).items():
            if key not in FRONT_MATTER:
                problems.append(
                    problem(
                        relative,
                        line,
                        f'"{key}" is not a field a page of {DOCS_DIR}/ may set (it may set: '
                        f"{', '.join(FRONT_MATTER)}): the theme would act on it unchecked. Remove it.",
                    )
                )
        hide = front.get("hide") if isinstance(front, LineMap) else None
        listed = isinstance(hide, list) and all(isinstance(item, str) for item in hide) and set(hide) <= HIDE
        if isinstance(front, LineMap) and hide is not None and not listed:
            problems.append(problem(relative, front.key_lines["hide"], f'"hide" may list: {", ".join(sorted(HIDE))}.'))
        elif listed and isinstance(hide, list):
            checked.append(("hide", tuple(hide)))
        for key in ("title", "description"):
            value = front.get(key) if isinstance(front, LineMap) else None
            if not isinstance(front, LineMap) or value is None:
                continue
            if not isinstance(value, str):
                problems.append(problem(relative, front.key_lines[key], f'"{key}" should be one line of text.'))
            elif message := title_problem(value) or (
                f"it holds {invisible}; delete it." if (invisible := invisible_character(value)) else ""
            ):
                problems.append(problem(relative, front.key_lines[key], f'"{key}": {message}'))
            else:
                checked.append((key, value))
    problems.extend(markdown_problems(relative, body, body_line, html_allowed=True))
    docs_relative = relative.removeprefix(f"{DOCS_DIR}/")
    return HandWrittenPage(docs_relative, body, body_line, Source(relative, 1), tuple(checked))


def published_files(root: Path) -> list[str]:
    """The files of docs/ other than its pages, docs-relative, as the check found them: published as they are."""
    return [
        relative.removeprefix(f"{DOCS_DIR}/")
        for relative in _files(root, [])
        if not relative.endswith(".md") and not (root / relative).is_symlink()
    ]
