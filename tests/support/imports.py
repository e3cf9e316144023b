"""The imports between the modules of a package, read from their source with `ast` (nothing is run).

Every import counts, also one inside a function or under `if TYPE_CHECKING:`, because each is a
dependency a reader must follow.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path


def module_names(package: Path) -> dict[str, Path]:
    """Each module of the package by its dotted name ("build_scripts.load.codes")."""
    modules = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def imported_modules(name: str, path: Path, known: Mapping[str, Path]) -> set[str]:
    """The modules of `known` that module `name` imports, and the other top-level packages it imports."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(name, is_package, node.level, node.module)
            for alias in node.names:
                # `from . import x` may name a module x of the package, or a name defined in it.
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return found


def _absolute(name: str, is_package: bool, level: int, module: str | None) -> str:
    if level == 0:
        return module or ""
    parts = name.split(".") if is_package else name.split(".")[:-1]
    parts = parts[: len(parts) - (level - 1)]
    return ".".join([*parts, *([module] if module else [])])


def import_graph(package: Path) -> dict[str, set[str]]:
    """For each module of the package, the modules of the package it imports (not itself)."""
    modules = module_names(package)
    return {
        name: {other for other in imported_modules(name, path, modules) if other in modules and other != name}
        for name, path in modules.items()
    }


def external_imports(package: Path) -> dict[str, set[str]]:
    """For each module of the package, the top-level names of the other packages it imports."""
    modules = module_names(package)
    return {
        name: {other.split(".")[0] for other in imported_modules(name, path, modules) if other not in modules}
        for name, path in modules.items()
    }


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Every loop of imports, each as the modules along it with the first repeated at the end."""
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            loop = [*trail[trail.index(module) :], module]
            if frozenset(loop) not in seen:
                seen.add(frozenset(loop))
                found.append(loop)
            return
        if module in done:
            return
        for other in sorted(graph.get(module, ())):
            visit(other, [*trail, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    return found
