"""A handbook of two editions, made from the minimal fixture as an editor would: `make edition`
archives the first, then the second changes a clause, adds one, retires one, changes a step of the
guide, adopts the code, re-checks a note and records a new signature."""

from __future__ import annotations

from pathlib import Path

from build_scripts.__main__ import main

from .project import edit, small_project

FIRST, SECOND = "test-1", "test-2"
CODE = "codes_of_practice/fair-funding.yml"


def two_editions(destination: Path) -> Path:
    """The minimal handbook whose edition "test-1" is archived and whose current edition is "test-2"."""
    project = small_project(destination)
    assert main(["--root", str(project), "edition"]) == 0
    edit(project / "compact/edition.yml", "id: test-1", "id: test-2")
    edit(project / "compact/edition.yml", "edition: Test edition", "edition: Second test edition")
    edit(project / "compact/edition.yml", 'published: "2026-01-01"', 'published: "2026-06-01"')
    edit(project / "compact/edition.yml", 'checked_on: "2026-01-10"', 'checked_on: "2026-05-20"')
    edit(project / CODE, "status: draft", 'status: adopted\nadopted_on: "2026-05-20"')
    edit(project / CODE, "Public bodies will pay promptly.", "Public bodies will pay promptly, and in full.")
    talk_first = project.joinpath(CODE).read_text(encoding="utf-8")
    start = talk_first.index("  - id: ff-talk-first")
    end = talk_first.index("checklist:")
    added = (
        "  - id: ff-plan-together\n    sector: both\n    title: Plan together\n"
        "    text: Both sectors will plan funding together.\n    expands: [principle-fairness]\n"
    )
    project.joinpath(CODE).write_text(
        talk_first[:start] + added + talk_first[end:] + "retired_clauses:\n  - ff-talk-first\n", encoding="utf-8"
    )
    edit(
        project / "guide/disputes.yml", "Have you talked to your Champion?", "Have you talked to your Compact Champion?"
    )
    edit(
        project / "signatories/register.yml",
        '    signed_on: "2026-03-31"\n',
        '    signed_on: "2026-03-31"\n    edition: test-1\n',
    )
    edit(
        project / "signatories/register.yml",
        "    status: involved",
        '    status: signed\n    signed_on: "2026-06-15"\n    edition: test-2',
    )
    return project
