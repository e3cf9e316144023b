"""`python -m build_scripts check`: problems as `path:line: message` lines for editors, or with
`--format github` as GitHub Actions error annotations, which a pull request shows on the file's line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.__main__ import main
from build_scripts.model.problems import github_annotation, problem
from tests.support.project import ROOT, copy_project, edit


def test_an_annotation_names_the_file_and_line_and_escapes_what_github_reads_as_syntax() -> None:
    assert github_annotation(problem("guide/disputes.yml", 42, 'choice "No" leads to "x": 100%\nfix it')) == (
        '::error file=guide/disputes.yml,line=42,title=make check::choice "No" leads to "x": 100%25%0Afix it'
    )
    assert github_annotation(problem("a,b:c.yml", 0, "empty")) == "::error file=a%2Cb%3Ac.yml,title=make check::empty"


def test_check_writes_every_problem_as_an_annotation(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project / "compact/index.md", "(principles.md#principle-fairness)", "(principels.md#principle-fairness)")
    edit(project / "compact/edition.yml", "principles.md#intro", "principles.md#intor")
    assert main(["--root", str(project), "check", "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        '::error file=compact/edition.yml,line=15,title=make check::the link "the principles" goes to "#intor", '
        'which is not an anchor of compact/principles.md. Did you mean "intro"?',
        '::error file=compact/index.md,line=5,title=make check::the link "the principles" goes to "principels.md", '
        'which is not a page of the handbook. Did you mean "principles.md"?',
        "2 problems found; nothing was built or changed.",
    ]


def test_check_writes_problems_as_lines_by_default(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(project / "compact/edition.yml", "principles.md#intro", "principles.md#intor")
    assert main(["--root", str(project), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[0].startswith("compact/edition.yml:15: the link")


def test_make_check_shows_an_editor_the_problems_and_nothing_of_make(tmp_path: Path) -> None:
    """No command line, and no "make: *** [Makefile:NN: check] Error 1" after the problems; still a failure."""
    project = copy_project(ROOT, tmp_path)
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    edit(project / "guide/disputes.yml", "        next: after-writing", "        next: after-writng")
    venv = Path(sys.executable).parent.parent
    outside_make = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    result = subprocess.run(
        ["make", "check", f"VENV={venv}"], cwd=project, env=outside_make, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    lines = (result.stdout + result.stderr).splitlines()
    assert lines[0].startswith("guide/disputes.yml:") and 'leads to "after-writng"' in lines[0], lines
    assert not [line for line in lines if line.startswith("make") or "build_scripts" in line], lines
