"""Small handbooks on disk for tests: copies of a fixture that a test may then break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from build_scripts.pipeline import check
from build_scripts.publish.engines import ENGINES

ROOT = Path(__file__).resolve().parent.parent.parent
"""The project's own folder."""
CONTENT = Path(os.environ.get("HANDBOOK_TEST_CONTENT") or ROOT)
"""The sources that the tests of the content read: the project's own, or a copy that an editor's recipes
changed (tests/e2e/test_recipes.py runs those tests on it)."""
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
THEME_FOLDERS = sorted({folder for engine in ENGINES.values() for folder in engine.theme_folders})
"""Every folder of theme overrides, shared and each theme's."""
# What a copy of the real project needs in order to build.
PROJECT_PARTS = (
    "mkdocs.yml",
    "contacts.yml",
    "compact",
    "codes_of_practice",
    "guide",
    "signatories",
    "docs",
    *THEME_FOLDERS,
    "build_scripts",
    "addresses.txt",
)


def copy_fixture(name: str, destination: Path) -> Path:
    target = destination / name
    shutil.copytree(FIXTURES / name, target)
    return target


def copy_project(root: Path, destination: Path) -> Path:
    """A copy of the real project's sources and build code, to break without touching the real one."""
    target = destination / "project"
    target.mkdir()
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace text that must be there, so a test never breaks a file by accident."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(project: Path) -> list[str]:
    """The problems `make check` would print for a project, as `path:line: message` lines."""
    return [str(p) for p in check(project).problems]


LINKED_SECTIONS = {
    "principles-and-commitments": ("Section 3: Principles and commitments", "commitments"),
    "introducing-the-codes": ("Section 4: Introducing the codes", "codes"),
    "implementing-the-compact": ("Section 5: Implementing the Compact", "annual-review"),
    "resolving-disagreements": ("Section 6: Resolving disagreements", "stage-1"),
    "case-studies": ("Appendix 2: Case studies", "case-studies"),
}
"""The sections of the real Compact that the build's templates link to, each with the anchor linked."""


def small_project(destination: Path) -> Path:
    """The minimal handbook as a whole project that builds, PDFs and all, in a few seconds: the fixture's
    sources with the real mkdocs.yml (without its navigation), theme overrides, stylesheet and build code."""
    target = copy_fixture("minimal", destination)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:\n")] + "\n"
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    # The templates link to sections of the real Compact. The fixture gains them as one-line sections,
    # so that every link finds its page and anchor in every engine's strict build (Zensical has no
    # lesser level for a missing page, as MkDocs' `validation` has).
    for slug, (title, anchor) in LINKED_SECTIONS.items():
        (target / "compact" / f"{slug}.md").write_text(
            f"---\nlabel: {title.split(':')[0]}\ntitle: {title.split(': ')[1]}\n---\n\n{title}.\n{{: #{anchor} }}\n",
            encoding="utf-8",
        )
    contents = target / "compact/contents.yml"
    contents.write_text(
        contents.read_text(encoding="utf-8") + "".join(f"  - {slug}\n" for slug in LINKED_SECTIONS), encoding="utf-8"
    )
    for part in (*THEME_FOLDERS, "build_scripts", "docs/assets"):
        shutil.copytree(ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    return target
