"""A synthetic large handbook, to see how the build grows: twenty codes and a guide of several
hundred steps, made from a copy of the real one."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.project import copy_project

EXTRA_CODES = 15
CHAIN = 150


def make_large_handbook(root: Path, destination: Path) -> Path:
    destination.mkdir(parents=True)
    project = copy_project(root, destination)
    _more_codes(project)
    _longer_guide(project)
    return project


def _more_codes(project: Path) -> None:
    source = (project / "codes_of_practice/partnerships.yml").read_text(encoding="utf-8")
    contents = project / "codes_of_practice/contents.yml"
    listed = contents.read_text(encoding="utf-8")
    nav = []
    for number in range(1, EXTRA_CODES + 1):
        code = f"extra-{number}"
        # Every id of the code, its retired clauses' too, made its own.
        text = re.sub(r"\bpa-", f"x{number}-", source).replace("title: Partnerships", f"title: Extra code {number}")
        (project / f"codes_of_practice/{code}.yml").write_text(text, encoding="utf-8")
        listed += f"  - {code}\n"
        nav.append(f"      - codes/{code}.md\n")
    contents.write_text(listed, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("      - codes/volunteering.md\n", "      - codes/volunteering.md\n" + "".join(nav)), "utf-8"
    )


def _longer_guide(project: Path) -> None:
    """A chain of questions off the first one, each with a way out to an outcome: many steps, and
    paths that grow linearly."""
    guide = project / "guide/disputes.yml"
    text = guide.read_text(encoding="utf-8")
    questions = "".join(
        f"  - id: chain-{i}\n    stage: before\n    question: Synthetic question {i}?\n    choices:\n"
        f"      - {{label: Go on, slug: go-on, next: {f'chain-{i + 1}' if i + 1 < CHAIN else 'chain-end-0'}}}\n"
        f"      - {{label: Stop here, slug: stop, next: chain-end-{i}}}\n"
        for i in range(CHAIN)
    )
    outcomes = "".join(
        f"  - id: chain-end-{i}\n    stage: before\n    title: Synthetic outcome {i}\n    summary: An outcome.\n"
        f"    steps: [Do something.]\n    who_acts: Your organisation.\n    contacts: [lead-body]\n"
        f"    time:\n      suggestion: Within a week.\n"
        for i in range(CHAIN)
    )
    text = text.replace("questions:\n", f"questions:\n{questions}").replace("outcomes:\n", f"outcomes:\n{outcomes}")
    # A way in from the guide's first question, after its first choice.
    start = next(line.removeprefix("start:").strip() for line in text.splitlines() if line.startswith("start:"))
    first_question = text.index(f"  - id: {start}\n")
    after = text.index("\n", text.index("        next: ", first_question)) + 1
    way_in = "      - label: A synthetic question\n        slug: synthetic\n        next: chain-0\n"
    text = text[:after] + way_in + text[after:]
    guide.write_text(text, encoding="utf-8")
