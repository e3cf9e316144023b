"""Reading YAML the way content editors mean it, keeping the line of every value.

PyYAML's safe loader silently keeps the last of two duplicate keys and reads `no` as False,
`010` as 8 and `2026-11-25` as a date. Here every scalar stays the text that was written, and
duplicate keys are problems. Types are checked later, against the model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..model.problems import Problem, problem
from .markup import control_character, read_markup


class LineMap(dict[str, Any]):
    """A YAML mapping that remembers its own line and the line of each key."""

    line: int
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A YAML sequence that remembers its own line and the line of each item."""

    line: int
    item_lines: list[int]


class TagFound(yaml.MarkedYAMLError):
    """A YAML tag in a source."""

    def __init__(self, tag: str, mark: Any) -> None:
        super().__init__(problem=f"the tag {tag}", problem_mark=mark)
        self.tag = tag


class _Loader(yaml.CSafeLoader):
    """The safe loader, on libyaml's parser (twenty times faster than PyYAML's own), that keeps text as
    text, lines for every value, and reports duplicate keys."""

    yaml_implicit_resolvers: dict[Any, Any] = {}

    def __init__(self, stream: str, path: str, line_offset: int) -> None:
        super().__init__(stream)
        self.path = path
        self.line_offset = line_offset
        self.problems: list[Problem] = []

    def _line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + 1 + self.line_offset

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineMap:  # type: ignore[override]
        self.flatten_mapping(node)
        result = LineMap()
        result.line = self._line(node)
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = self._line(key_node)
            if not isinstance(key, str):
                self.problems.append(problem(self.path, line, "a key must be a plain word, not a list or mapping."))
                continue
            if key in result:
                first = result.key_lines[key]
                self.problems.append(
                    problem(self.path, line, f'"{key}" is given twice (first on line {first}); keep one.')
                )
                continue
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = line
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = self._line(node)
        result.item_lines = [self._line(child) for child in node.value]
        return result


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)


def _refuse_tags(text: str) -> None:
    """A tag is refused where it is written, before anything is built from it: a source is plain text,
    lists and mappings, and a tag (`!!python/object`, `!ENV`, `!relative`, even `!!str`) is how YAML is
    made to run code or read what is not in the file."""
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            # An alias repeats what an anchor holds: nested, a few lines make billions of values to read.
            raise TagFound("*" + str(event.anchor), event.start_mark)
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise TagFound(tag, event.start_mark)


def _python_error(text: str) -> yaml.MarkedYAMLError | None:
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        return error
    except (yaml.YAMLError, RecursionError):
        return None
    return None


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Any, list[Problem]]:
    """The data in `text`, or None and the problems that stop it being read."""
    try:
        loader = _Loader(text, path, line_offset)
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1 + line_offset
        return None, [
            problem(
                path,
                line,
                f"this line holds a control character (#x{error.character:04x}) that a text file may not; delete it.",
            )
        ]
    try:
        _refuse_tags(text)
        data = loader.get_single_data()
    except RecursionError:
        return None, [_too_deep(text, path, line_offset)]
    except TagFound as error:
        line = (error.problem_mark.line + 1 if error.problem_mark else 1) + line_offset
        shown = error.tag.replace("tag:yaml.org,2002:", "!!")
        if shown.startswith("*"):
            message = (
                f'this line repeats an anchor ("{shown}"); a source writes each value out, and refers to no anchor.'
            )
            return None, [problem(path, line, message)]
        return None, [
            problem(
                path,
                line,
                f'this line gives the YAML tag "{shown}"; a source holds text, lists and mappings, never a tag, '
                "which could make YAML run code or read another file. Remove the tag (quote the text if it "
                "begins with ! or &).",
            )
        ]
    except yaml.MarkedYAMLError as error:
        # libyaml words its errors differently; PyYAML's own parser, run again on a text that failed,
        # gives the wording (and the tab) the messages below are made from.
        error = _python_error(text) or error
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        what = error.problem or "it cannot be read"
        if "'\\t'" in what or "\t" in what:
            return None, [problem(path, line, _tab_message(text, line - line_offset, mark))]
        return None, [problem(path, line, f"this is not valid YAML ({what}). {_yaml_hint(what)}")]
    except yaml.YAMLError as error:
        return None, [problem(path, 1 + line_offset, f"this is not valid YAML ({error}).")]
    finally:
        loader.dispose()
    return data, loader.problems


MAX_DEPTH = 40
"""How deep lists and mappings may nest; the handbook's sources nest five levels at most."""


def _too_deep(text: str, path: str, line_offset: int) -> Problem:
    """Where a text nests deeper than MAX_DEPTH, read with PyYAML's parser, which does not recurse."""
    depth, line = 0, 1
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH and event.start_mark is not None:
                    line = event.start_mark.line + 1
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return problem(
        path,
        line + line_offset,
        f"lists or mappings here nest more than {MAX_DEPTH} levels deep; a source nests a few at most. "
        "Check the brackets and the indentation.",
    )


def _tab_message(text: str, line: int, mark: yaml.Mark | None) -> str:
    """Where the tab is that YAML refused: editors often show a tab as spaces, so say the column."""
    lines = text.splitlines()
    written = lines[line - 1] if 0 < line <= len(lines) else ""
    column = written.index("\t") + 1 if "\t" in written else (mark.column + 1 if mark else 1)
    return (
        f"this line has a tab at column {column}, and YAML does not allow tabs here. Editors often show a tab "
        "as spaces, so you may not see it: delete the space before the text and type spaces instead."
    )


def _yaml_hint(what: str) -> str:
    if "mapping values" in what:
        return 'A value that contains ": " must be put in quotes.'
    return "Check the indentation and quotes on this line and the one before."


MAX_SOURCE_BYTES = 1_000_000
"""A source file is text an editor writes: one over this size is surely the wrong file."""


LINKED = (
    "this is a symbolic link; put the folder or file itself here (the build reads and publishes nothing through "
    "a link)."
)


def outside_problem(root: Path, relative: str) -> Problem | None:
    """Why a source path may not be read, or None: it leads outside the project, or through a symlink.

    Nothing of such a file is read, so nothing of it can be echoed in a message.
    """
    root = root.resolve()
    path = root / relative
    if Path(relative).is_absolute() or ".." in Path(relative).parts:
        return problem(relative, 1, "this path leads outside the project; a source names only files inside it.")
    for part in (path, *path.parents):
        if part == root:
            break
        if part.is_symlink():
            return problem(part.relative_to(root).as_posix(), 1, LINKED)
    if not path.resolve().is_relative_to(root):
        return problem(relative, 1, "this path leads outside the project; a source names only files inside it.")
    return None


def read_text(root: Path, relative: str) -> tuple[str | None, list[Problem]]:
    """The text of a UTF-8 source file inside the project, or None and why it cannot be read."""
    refused = outside_problem(root, relative)
    if refused is not None:
        return None, [refused]
    try:
        size = (root / relative).stat().st_size
        if size > MAX_SOURCE_BYTES:
            megabytes = size / 1_000_000
            return None, [
                problem(
                    relative,
                    1,
                    f"this file is {megabytes:.1f} MB, far more than a source file should be "
                    f"(at most {MAX_SOURCE_BYTES // 1_000_000} MB); check that it is the right file.",
                )
            ]
        raw = (root / relative).read_bytes()
    except FileNotFoundError:
        return None, [problem(relative, 1, "this file is missing; create it or remove what names it.")]
    except OSError as error:
        return None, [problem(relative, 1, f"this file cannot be read ({error.strerror}).")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [problem(relative, line, "this file is not UTF-8 text; save it as UTF-8 in your editor.")]
    control = control_character(text)
    if control is not None:
        line, code = control
        return None, [
            problem(
                relative, line + 1, f"this line holds a control character ({code}) that a text file may not; delete it."
            )
        ]
    if text.startswith("\ufeff"):
        return text.removeprefix("\ufeff"), [
            problem(
                relative,
                1,
                'this file starts with a byte-order mark, which some tools misread; save it as "UTF-8", '
                'not "UTF-8 with BOM".',
            )
        ]
    return text, []


def load_yaml_file(root: Path, relative: str, problems: list[Problem]) -> object:
    """The data of a YAML file, or None when it cannot be read (and the problem that says why)."""
    text, read_problems = read_text(root, relative)
    problems.extend(read_problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(problem(relative, 1, "this file is empty; write its content, or remove what names it."))
        return None
    data, parse_problems = parse_yaml(text, relative)
    problems.extend(parse_problems)
    return data


def split_front_matter(text: str, path: str, problems: list[Problem]) -> tuple[object, str, int]:
    """The front matter's data, the body, and the line the body starts on."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.append(
            problem(
                path, 1, 'the file should start with front matter: a line "---", then "title: ...", then another "---".'
            )
        )
        return None, text, 1
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            data, yaml_problems = parse_yaml("\n".join(lines[1:index]), path, line_offset=1)
            problems.extend(yaml_problems)
            return data, "\n".join(lines[index + 1 :]), index + 2
    problems.append(problem(path, 1, 'the front matter is not closed: add a line "---" after it.'))
    return None, text, 1


def front_matter_parts(text: str) -> tuple[str, str]:
    """A Markdown text's front matter, without its "---" lines ("" where it has none), and its body."""
    if not text.startswith("---\n"):
        return "", text
    end = text.find("\n---\n", 4)
    return (text[4:end], text[end + 5 :]) if end != -1 else ("", text)


def strip_front_matter(text: str) -> str:
    """A Markdown text without its front matter, if it has any."""
    return front_matter_parts(text)[1]


def markdown_problems(path: str, body: str, body_line: int, html_allowed: bool = False) -> list[Problem]:
    """A problem for everything a Markdown body may not hold (see markup.py), at its line."""
    return [
        problem(path, body_line + finding.line, f"this line: {finding.message}")
        for finding in read_markup(body, html_allowed).findings
    ]
