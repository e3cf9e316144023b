"""Synthetic larger handbooks, to see how the build grows: made from a copy of the real one, with
its guide and its codes repeated, so that a handbook "2x" has twice the questions, outcomes and
codes of the real one, written the way an editor writes them."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.project import copy_project

GUIDE = "guide/disputes.yml"
SECTIONS = ("questions", "routes", "outcomes")
"""The guide's lists of steps, each copied whole."""
NAMING_KEYS = ("id", "next", "otherwise", "on", "question")
"""The keys whose value may name a step: a copy's steps are renamed wherever they are named."""


def make_scaled_handbook(root: Path, destination: Path, factor: int) -> Path:
    """A copy of the project whose guide and codes are `factor` times the real ones."""
    destination.mkdir(parents=True)
    project = copy_project(root, destination)
    _more_codes(project, factor)
    _repeated_guide(project, factor)
    return project


def _more_codes(project: Path, factor: int) -> None:
    """(factor - 1) copies of every code, each with ids of its own."""
    contents = project / "codes_of_practice/contents.yml"
    listed = contents.read_text(encoding="utf-8")
    codes = re.findall(r"^  - ([a-z0-9-]+)$", listed, re.MULTILINE)
    nav = []
    for copy in range(2, factor + 1):
        for code in codes:
            source = (project / f"codes_of_practice/{code}.yml").read_text(encoding="utf-8")
            prefix = re.search(r"^\s+- id: ([a-z]+)-", source, re.MULTILINE)
            assert prefix, f"{code}: no clause id found"
            text = re.sub(rf"\b{prefix.group(1)}-", f"{prefix.group(1)}{copy}-", source)
            text = re.sub(r"^title: (.*)$", rf"title: \1 (copy {copy})", text, count=1, flags=re.MULTILINE)
            name = f"{code}-copy-{copy}"
            (project / f"codes_of_practice/{name}.yml").write_text(text, encoding="utf-8")
            listed += f"  - {name}\n"
            nav.append(f"      - codes/{name}.md\n")
    contents.write_text(listed, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("      - codes/volunteering.md\n", "      - codes/volunteering.md\n" + "".join(nav)), "utf-8"
    )


def _repeated_guide(project: Path, factor: int) -> None:
    """(factor - 1) copies of the guide's questions, routes and outcomes, each reached from a choice
    added to the first question."""
    guide = project / GUIDE
    text = guide.read_text(encoding="utf-8")
    bodies = {section: _section(text, section) for section in SECTIONS}
    ids = sorted(
        {name for body in bodies.values() for name in re.findall(r"^  - id: (\S+)$", body, re.MULTILINE)},
        key=len,
        reverse=True,
    )
    naming = re.compile(rf"\b({'|'.join(NAMING_KEYS)}): ({'|'.join(map(re.escape, ids))})(?=\s*$|[,}}\]])", re.M)
    # The words the guide says only after certain answers: a copy says them in a form of its own,
    # ruled by its own copy of the rule, which names the copy's questions.
    rules = _section(text, "says_only_when")
    ruled = re.findall(r"^  - words: (.+)$", rules, re.MULTILINE)

    def copied(body: str, copy: int) -> str:
        body = naming.sub(rf"\1: \2-c{copy}", body)
        for words in ruled:
            pattern = r"\s+".join(map(re.escape, words.split()))
            body = re.sub(pattern, _marked(words, copy), body, flags=re.IGNORECASE)
        return body

    for body in [*bodies.values(), rules]:
        copies = "".join(copied(body, copy) for copy in range(2, factor + 1))
        text = text.replace(body, body + copies, 1)
    start = re.search(r"^start: (\S+)$", text, re.MULTILINE)
    assert start, "the guide names no first question"
    first = text.index(f"  - id: {start.group(1)}\n")
    after = text.index("\n", text.index("        next: ", first)) + 1
    ways_in = "".join(
        f"      - label: The same again ({copy})\n        slug: copy-{copy}\n        next: {start.group(1)}-c{copy}\n"
        for copy in range(2, factor + 1)
    )
    guide.write_text(text[:after] + ways_in + text[after:], encoding="utf-8")


def _marked(words: str, copy: int) -> str:
    """Ruled words as a copy says them, which the original rule does not find."""
    first, _, rest = words.partition(" ")
    return f"{first} c{copy} {rest}" if rest else f"{words}-c{copy}"


def _section(text: str, name: str) -> str:
    """The body of one of the guide's top-level lists: its lines up to the next top-level key."""
    start = text.index(f"\n{name}:\n") + len(name) + 3
    following = re.search(r"^[a-z_]+:", text[start:], re.MULTILINE)
    return text[start : start + following.start()] if following else text[start:]
