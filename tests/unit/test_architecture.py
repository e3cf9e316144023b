"""The folders of build_scripts/ are the steps of the pipeline, and imports run one way only.

model <- load <- check <- render <- publish <- pipeline, __main__: a module imports from its own step
and the steps before it, never from a later one; no two modules import each other, by any chain; and
none imports a site engine: each engine is a command run on the generated project. See ARCHITECTURE.md.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.imports import cycles, external_imports, import_graph
from tests.support.project import ROOT

PACKAGE = ROOT / "build_scripts"
STEPS = ("model", "load", "check", "render", "publish", "")
"""The steps in pipeline order; "" is the top of the package (pipeline, __main__)."""
ENGINES = {"mkdocs", "properdocs", "material", "zensical"}


def step_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in STEPS) else ""


def upward_imports(package: Path) -> list[str]:
    """Each import from a later step of the pipeline, as "importer -> imported"."""
    return [
        f"{module} ({step_of(module) or 'top'}) -> {other} ({step_of(other) or 'top'})"
        for module, imported in sorted(import_graph(package).items())
        for other in sorted(imported)
        if STEPS.index(step_of(other)) > STEPS.index(step_of(module))
    ]


def test_every_module_is_in_a_step() -> None:
    unknown = [module for module in import_graph(PACKAGE) if step_of(module) not in STEPS]
    assert not unknown
    top = sorted(m for m in import_graph(PACKAGE) if step_of(m) == "")
    assert top == ["build_scripts", "build_scripts.__main__", "build_scripts.pipeline"]


def test_no_module_imports_from_a_later_step() -> None:
    assert upward_imports(PACKAGE) == []


def test_no_two_modules_import_each_other() -> None:
    assert [" -> ".join(loop) for loop in cycles(import_graph(PACKAGE))] == []


def test_no_module_imports_a_site_engine() -> None:
    importers = sorted(m for m, names in external_imports(PACKAGE).items() if names & ENGINES)
    assert importers == []


def test_only_typesetting_imports_weasyprint_and_checking_loads_it_not() -> None:
    """Importing WeasyPrint takes half a second that `make check`, and a build's own check, do without."""
    importers = sorted(m for m, names in external_imports(PACKAGE).items() if "weasyprint" in names)
    assert importers == ["build_scripts.render.typesetting"]
    script = (
        "import sys; from pathlib import Path; from build_scripts.pipeline import check; "
        f"assert check(Path({str(ROOT)!r})).ok; assert 'weasyprint' not in sys.modules, 'WeasyPrint was imported'"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A tiny package in the same shape, for showing that the checks above can fail."""
    root = tmp_path / "build_scripts"
    for folder in ("model", "render"):
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "model" / "handbook.py").write_text("from .guide import Guide\n")
    (root / "model" / "guide.py").write_text("")
    (root / "render" / "pages.py").write_text("from ..model.handbook import Handbook\n")
    return root


def test_an_upward_import_is_found(package: Path) -> None:
    assert upward_imports(package) == []
    (package / "model" / "guide.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..render import pages\n"
    )
    assert upward_imports(package) == ["build_scripts.model.guide (model) -> build_scripts.render.pages (render)"]


def test_two_modules_importing_each_other_are_found(package: Path) -> None:
    assert cycles(import_graph(package)) == []
    (package / "model" / "guide.py").write_text("from . import handbook\n")
    assert cycles(import_graph(package)) == [
        ["build_scripts.model.guide", "build_scripts.model.handbook", "build_scripts.model.guide"]
    ]
