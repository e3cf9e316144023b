"""The editing recipes of CONTRIBUTING.md, read from the guide itself and applied to a copy of the sources.

A recipe is a fenced block of CONTRIBUTING.md that follows a comment saying where it goes (GitHub
and every Markdown viewer hide the comment, so the editor sees only the block):

    <!-- recipe: set guide/disputes.yml id=champions-tried slug=not-resolved -->
    <!-- recipe: set contacts.yml id=steering-group remove=to_supply -->
    <!-- recipe: after guide/examples.yml id=grant-funding question=champions-tried -->
    <!-- recipe: new guide/letters/ask-about-funding.md -->
    <!-- recipe: delete codes_of_practice/volunteering.yml id=vo-celebrate -->
    <!-- recipe: expect -->

- `set FILE [KEY=VALUE ...] [remove=KEY]`: each field of the block replaces the field of that name in
  the item the selectors find (each one found inside the item before it), or is added after the
  field before it; without selectors, the top-level fields of the file. `remove=KEY` takes that
  field out of the item first (the recipe says so in words beside the block).
- `after FILE KEY=VALUE ...`: the block is inserted after the item the selectors find.
- `new FILE`: the block is a new file.
- `delete FILE KEY=VALUE ...`: the item the selectors find is taken out. It has no block: the guide
  says it in words.
- `expect`: the block is what `make check` says at this point, problem for problem.

So the test that applies the recipes applies the very text an editor copies, and the guide cannot
drift from what is tested.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from build_scripts.pipeline import check

_MARKER = re.compile(r"^<!-- recipe: (set|after|new|delete|expect) ?(\S*)((?: [\w-]+=\S+)*) -->$")
_FENCE = re.compile(r"^(```+)(\w*)")


@dataclass(frozen=True)
class Recipe:
    """One block of CONTRIBUTING.md and where it goes."""

    section: str
    """The heading of the section it is in."""
    action: str
    path: str
    selectors: tuple[tuple[str, str], ...]
    block: str
    line: int
    """Its line in CONTRIBUTING.md."""
    removes: tuple[str, ...] = ()
    """The fields a `set` takes out of the item first."""


def read_recipes(guide: Path) -> list[Recipe]:
    lines = guide.read_text(encoding="utf-8").splitlines()
    recipes, section = [], ""
    for number, line in enumerate(lines):
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        marker = _MARKER.match(line)
        if not marker:
            continue
        pairs = [tuple(pair.split("=", 1)) for pair in marker.group(3).split()]
        selectors = tuple((key, value) for key, value in pairs if key != "remove")
        removes = tuple(value for key, value in pairs if key == "remove")
        if marker.group(1) == "delete":
            recipes.append(Recipe(section, "delete", marker.group(2), selectors, "", number + 1))
            continue
        fence = _FENCE.match(lines[number + 1]) if number + 1 < len(lines) else None
        assert fence, f"CONTRIBUTING.md:{number + 1}: a recipe comment must stand just before its block"
        end = lines.index(fence.group(1), number + 2)
        block = "\n".join(lines[number + 2 : end]) + "\n"
        recipes.append(Recipe(section, marker.group(1), marker.group(2), selectors, block, number + 1, removes))
    return recipes


def apply(recipe: Recipe, project: Path) -> bool:
    """Applies the recipe; False when the sources have what it adds already (an editor followed this
    very example), so that the test runs on sources an editor changed as the guide says."""
    target = project / recipe.path
    where = f"CONTRIBUTING.md:{recipe.line} ({recipe.section})"
    if recipe.action == "new":
        if target.exists():
            return False
        target.write_text(recipe.block, encoding="utf-8")
        return True
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    if recipe.action == "delete":
        if not _exists(lines, recipe.selectors):
            return False
        start, end, _ = _find(lines, recipe.selectors, where)
        while end < len(lines) and not lines[end].strip():
            end += 1
        del lines[start:end]
        target.write_text("".join(lines), encoding="utf-8")
        return True
    start, end, indent = _find(lines, recipe.selectors, where)
    if recipe.action == "after" and _has_already(lines, recipe):
        return False
    for key in recipe.removes:
        lines, end = _remove_field(lines, start, end, indent, key)
    if recipe.action == "after":
        block = _reindent(recipe.block.splitlines(keepends=True), indent - _dash_indent(recipe.block))
        lines[end:end] = block
    else:
        lines = _set_fields(lines, start, end, indent, recipe.block, where)
    target.write_text("".join(lines), encoding="utf-8")
    return True


def _has_already(lines: list[str], recipe: Recipe) -> bool:
    """Whether the item the block adds (by its first `key: value`) is there, beside the one it follows."""
    first = next(line for line in recipe.block.splitlines() if line.strip())
    key, _, value = first.strip().removeprefix("- ").partition(": ")
    return _exists(lines, (*recipe.selectors[:-1], (key, value.strip().strip('"'))))


def _exists(lines: list[str], selectors: tuple[tuple[str, str], ...]) -> bool:
    try:
        _find(lines, selectors, "")
    except AssertionError:
        return False
    return True


def _remove_field(lines: list[str], start: int, end: int, dash: int, key: str) -> tuple[list[str], int]:
    """The lines without the item's field `key` (which may be absent: an editor removed it already),
    and the item's new end."""
    level = dash + 2
    found = next((i for i in range(start, end) if _key_at(lines, i, start, dash, level) == key), None)
    if found is None:
        return lines, end
    stop = _block_end(lines, found, end, level)
    return [*lines[:found], *lines[stop:]], end - (stop - found)


def _block_end(lines: list[str], start: int, limit: int, level: int) -> int:
    """The line after the field or item that starts at `start` (its key, or its dash, indented by
    `level`): every line after it indented more, or blank, up to `limit`, without the blank lines
    at its end."""
    stop = start + 1
    while stop < limit and (not lines[stop].strip() or _indent(lines[stop]) > level):
        stop += 1
    while stop > start + 1 and not lines[stop - 1].strip():
        stop -= 1
    return stop


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _dash_indent(block: str) -> int:
    first = next(line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    return _indent(first)


def _reindent(lines: list[str], delta: int) -> list[str]:
    if delta >= 0:
        return [" " * delta + line if line.strip() else line for line in lines]
    return [line[-delta:] if line.strip() else line for line in lines]


def _find(lines: list[str], selectors: tuple[tuple[str, str], ...], where: str) -> tuple[int, int, int]:
    """(first line, line after, indent of the dash) of the item the selectors find; the whole file
    (indent -2, so fields sit at 0) without selectors."""
    start, end, dash = 0, len(lines), -2
    for key, value in selectors:
        pattern = re.compile(rf'^( *)(- )?{re.escape(key)}: "?{re.escape(value)}"?(\s+#.*)?$')
        found = next((i for i in range(start, end) if pattern.match(lines[i].rstrip("\n"))), None)
        assert found is not None, f"{where}: no {key}: {value} in the item or file it names"
        match = pattern.match(lines[found].rstrip("\n"))
        assert match
        field = len(match.group(1)) + (2 if match.group(2) else 0)
        item = found
        while not lines[item].lstrip(" ").startswith("- ") or _indent(lines[item]) != field - 2:
            item -= 1
            assert item >= start, f"{where}: {key}: {value} is not in a list item"
        start, end, dash = item, _block_end(lines, item, end, field - 2), field - 2
    return start, end, dash


def _fields(block: list[str]) -> list[tuple[str, list[str]]]:
    """The block's fields at its top level, each with its lines, the item's dash made two spaces."""
    if block and block[0].lstrip().startswith("- "):
        block = [block[0].replace("- ", "  ", 1), *block[1:]]
    level = min(_indent(line) for line in block if line.strip())
    fields: list[tuple[str, list[str]]] = []
    for line in block:
        if line.strip() and _indent(line) == level and not line.lstrip().startswith("#"):
            fields.append((line.strip().split(":", 1)[0], [line]))
        elif fields:
            fields[-1][1].append(line)
    return fields


def _key_at(lines: list[str], i: int, start: int, dash: int, level: int) -> str | None:
    """The key a line writes at the item's level (the item's first line after its dash), or None."""
    line = lines[i]
    if i == start and dash >= 0:
        line = line.replace("- ", "  ", 1)
    if not line.strip() or _indent(line) != level or line.lstrip().startswith(("#", "- ")):
        return None
    return line.strip().split(":", 1)[0]


def _set_fields(lines: list[str], start: int, end: int, dash: int, block: str, where: str) -> list[str]:
    level = dash + 2
    fields = _fields(block.splitlines(keepends=True))
    assert fields, f"{where}: the block has no fields"
    block_level = _indent(fields[0][1][0])
    after = start + 1 if dash >= 0 else 0
    for key, field_lines in fields:
        new = _reindent(field_lines, level - block_level)
        found = next((i for i in range(start, end) if _key_at(lines, i, start, dash, level) == key), None)
        if found is None:
            lines[after:after] = new
            after, end = after + len(new), end + len(new)
            continue
        if found == start and dash >= 0:
            new = [" " * dash + "- " + new[0][level:], *new[1:]]
        stop = _block_end(lines, found, end, level)
        lines[found:stop] = new
        after, end = found + len(new), end + len(new) - (stop - found)
    return lines


def apply_all(guide: Path, project: Path) -> list[Recipe]:
    """Applies every recipe of the guide to the project, in the order the guide gives them, and checks
    that `make check` says what the guide says it says."""
    recipes = read_recipes(guide)
    all_applied = True
    for recipe in recipes:
        if recipe.action == "expect" and all_applied:
            said = [str(problem) for problem in check(project).problems]
            assert said == recipe.block.splitlines(), f"CONTRIBUTING.md:{recipe.line}: make check says:\n" + "\n".join(
                said
            )
        elif recipe.action != "expect":
            all_applied = apply(recipe, project) and all_applied
    return recipes
