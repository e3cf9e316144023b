"""Typed reading of one YAML mapping: each field checked, each problem noted with its line."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from ..model.facts import Evidence
from ..model.problems import Problem, did_you_mean, problem
from ..model.source import Source
from ..model.urls import leaves_site, scheme
from .fields import SLUG_PATTERN, WHEN_PATTERN, RecordSpec
from .markup import SCHEMES, control_character, invisible_character, read_markup, title_problem
from .yaml_source import LineList, LineMap

SLUG = re.compile(SLUG_PATTERN)
WHEN = re.compile(WHEN_PATTERN)
NAMES = frozenset({"name", "now", "title", "champion", "question", "label", "id", "edition", "signs_as"})
"""Fields that name something, read as names: no character that shows as nothing may stand in one."""
SLUG_RULE = 'lowercase letters, digits and single hyphens, such as "stage-2-panel"'


def is_slug(value: str) -> bool:
    """Whether a value is an id: the whole of it, with no line end after it (`$` would allow one)."""
    return SLUG.fullmatch(value) is not None


class Record:
    """The fields of one mapping in a source file, read against the fields it may have.

    Every accessor returns a usable value (empty when the field is wrong or missing) and notes the
    problem, so that one pass over a file reports everything that is wrong with it.
    """

    def __init__(
        self,
        data: Any,
        path: str,
        line: int,
        what: str,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
        problems: list[Problem] | None = None,
    ) -> None:
        self.path = path
        self.what = what
        self.problems: list[Problem] = [] if problems is None else problems
        if isinstance(data, LineMap):
            self.data: LineMap = data
            self.line = data.line
        else:
            self.data = LineMap()
            self.data.key_lines = {}
            self.line = line
            self.problems.append(problem(path, line, f'{what} should be a set of "key: value" lines.'))
            return
        allowed = required + optional
        for key, key_line in data.key_lines.items():
            if key not in allowed:
                self.problems.append(
                    problem(
                        path,
                        key_line,
                        f'{what} has an unknown field "{key}".{did_you_mean(key, allowed)}'
                        f" Its fields are: {', '.join(allowed)}.",
                    )
                )
        for key in required:
            if key not in data:
                self.problems.append(problem(path, self.line, f'{what} has no "{key}"; add it.'))

    @classmethod
    def of(cls, spec: RecordSpec, data: Any, path: str, line: int, problems: list[Problem]) -> Record:
        return cls(data, path, line, spec.what, spec.required, spec.optional, problems)

    def line_of(self, key: str) -> int:
        return self.data.key_lines.get(key, self.line)

    def text(self, key: str, required: bool = True) -> str:
        """A field of text, stripped; a list or mapping here is a problem."""
        value = self._string(key, required)
        if value:
            self._no_html(key, value, self.line_of(key))
        if key in NAMES and not self._visible(key, value):
            return ""
        return value.strip()

    def _visible(self, key: str, value: str) -> bool:
        """Whether a name or title holds nothing that shows as nothing; if it does, that is a problem."""
        invisible = invisible_character(value)
        if invisible:
            self.problems.append(
                problem(
                    self.path,
                    self.line_of(key),
                    f'"{key}" of {self.what} holds {invisible}, which shows as nothing or as a space: with it, the '
                    "text looks like another. Delete it (retype the text if you cannot see where it is).",
                )
            )
        return not invisible

    def _string(self, key: str, required: bool) -> str:
        """A field's text as written; a list or mapping here is a problem."""
        value = self.data.get(key)
        if value is None or value == "":
            if required and key in self.data:
                self.problems.append(
                    problem(self.path, self.line_of(key), f'"{key}" of {self.what} is empty; write it.')
                )
            return ""
        if not isinstance(value, str):
            self.problems.append(
                problem(self.path, self.line_of(key), f'"{key}" of {self.what} should be text, not a list or mapping.')
            )
            return ""
        return value

    def _no_html(self, key: str, value: str, line: int) -> None:
        """Note what the text may not hold, read as Markdown (see markup.py)."""
        control = control_character(value)
        if control is not None:
            message = f"it holds a control character ({control[1]}); remove it."
            self.problems.append(problem(self.path, line, f'"{key}" of {self.what}: {message}'))
            return
        for finding in read_markup(value).findings:
            self.problems.append(problem(self.path, line, f'"{key}" of {self.what}: {finding.message}'))

    def title(self, key: str, required: bool = True) -> str:
        """A field of text that becomes a title or a heading, so holds no markup (see markup.title_problem)."""
        value = self.text(key, required)
        if key not in NAMES and not self._visible(key, value):
            return ""
        message = title_problem(value)
        if message:
            self.problems.append(problem(self.path, self.line_of(key), f'"{key}" of {self.what}: {message}'))
            return ""
        return value

    def link(self, key: str) -> str:
        """A field that is the address of a page of the handbook, written as from the source's page."""
        value = self.text(key)
        if value and leaves_site(value):
            self.problems.append(
                problem(
                    self.path,
                    self.line_of(key),
                    f'"{key}" of {self.what} should be the address of a page of the handbook, not "{value}"'
                    + (f" (a link may be {SCHEMES} only)." if scheme(value) else "."),
                )
            )
            return ""
        return value

    def slug(self, key: str) -> str:
        """A field that must be an id: a lowercase slug, safe to use in an address. Not being one is
        the only problem reported of it: markup in an id is not an id either."""
        value = self._string(key, True).strip()
        if value and not is_slug(value):
            self.problems.append(
                problem(self.path, self.line_of(key), f'"{value}" is not a valid id: use {SLUG_RULE}.')
            )
            return ""
        return value

    def choice(self, key: str, choices: tuple[str, ...], required: bool = True) -> str:
        """A field that must be one of a few words."""
        value = self.text(key, required)
        if value and value not in choices:
            listed = ", ".join(f'"{c}"' for c in choices)
            self.problems.append(
                problem(
                    self.path,
                    self.line_of(key),
                    f'"{key}" of {self.what} is "{value}"; it should be one of {listed}.{did_you_mean(value, choices)}',
                )
            )
            return ""
        return value

    def date(self, key: str, required: bool = True) -> str:
        """A date written as year-month-day, such as 2027-03-31."""
        value = self.text(key, required)
        try:
            if value:
                datetime.date.fromisoformat(value)
                if len(value) != 10:
                    raise ValueError(value)
        except ValueError:
            self.problems.append(
                problem(
                    self.path, self.line_of(key), f'"{key}" should be a date written like 2027-03-31, not "{value}".'
                )
            )
            return ""
        return value

    def when(self, key: str) -> str:
        """An optional date as precisely as it is known: 2015-04-01, 2023-06 or 2017."""
        value = self.text(key, required=False)
        if not value:
            return ""
        try:
            if not WHEN.fullmatch(value):
                raise ValueError(value)
            parts = [int(part) for part in value.split("-")]
            datetime.date(parts[0], *(parts[1:] + [1, 1])[:2])
        except ValueError:
            self.problems.append(
                problem(
                    self.path,
                    self.line_of(key),
                    f'"{key}" should be a date written like 2015-04-01, or 2023-06, or 2017 where only the month '
                    f'or the year is known, not "{value}".',
                )
            )
            return ""
        return value

    def date_for_status(self, key: str, status: str, dated: str, missing: str, extra: str) -> str:
        """A date field that a record has when its status is `dated`, and only then.

        `missing` says what to do when it should be there; `extra`, when it should not. A date that is
        there but badly written is one problem (how to write it), not also a missing date.
        """
        written = self.data.get(key) not in (None, "")
        value = self.date(key, required=False)
        if status == dated and not written:
            self.problems.append(problem(self.path, self.line_of("status"), missing))
        elif status and status != dated and written:
            self.problems.append(problem(self.path, self.line_of(key), extra))
        return value

    def evidence(self) -> Evidence:
        """A fact's evidence, from the fields of EVIDENCE_FIELDS."""
        return Evidence(
            cited=self.text("source"),
            checked_on=self.date("checked_on"),
            to_confirm=self.text("to_confirm", required=False),
            source=Source(self.path, self.line_of("checked_on")),
            to_confirm_source=Source(self.path, self.line_of("to_confirm")),
        )

    def flag(self, key: str) -> bool:
        value = self.text(key, required=False)
        if value not in ("", "true", "false"):
            self.problems.append(problem(self.path, self.line_of(key), f'"{key}" should be true or false.'))
        return value == "true"

    def _list(self, key: str, how: str) -> LineList | None:
        """A list field, or None where it is missing or (a problem) not a list; `how` says what its items are."""
        items = self.data.get(key)
        if items is not None and not isinstance(items, LineList):
            self.problems.append(
                problem(self.path, self.line_of(key), f'"{key}" of {self.what} should be a list{how}.')
            )
            return None
        return items

    def records(self, key: str, what: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> list[Record]:
        """A list field whose items are mappings, each read as a Record."""
        items = self._list(key, ' ("- " items)')
        if items is None:
            return []
        return [
            Record(item, self.path, line, what, required, optional, self.problems)
            for item, line in zip(items, items.item_lines, strict=True)
        ]

    def record_of(self, key: str, spec: RecordSpec) -> Record | None:
        """A field that holds one mapping, read as a Record; None when the field is not there."""
        if key not in self.data:
            return None
        return Record.of(spec, self.data[key], self.path, self.line_of(key), self.problems)

    def records_of(self, key: str, spec: RecordSpec) -> list[Record]:
        return self.records(key, spec.what, spec.required, spec.optional)

    def slugs(self, key: str) -> list[tuple[str, int]]:
        """A list field whose items are ids, each with its line; an invalid id is a problem and left out."""
        result = []
        for value, line in self.texts(key, markup=False):
            if is_slug(value):
                result.append((value, line))
            else:
                self.problems.append(problem(self.path, line, f'"{value}" is not a valid id: use {SLUG_RULE}.'))
        return result

    def text_items(self, key: str, at_least_one: bool = False) -> tuple[str, ...]:
        """A list field of text, each item non-empty; with `at_least_one`, an empty list is a problem."""
        items = self.texts(key)
        for text, line in items:
            if not text:
                self.problems.append(
                    problem(self.path, line, f'an item of "{key}" is empty; write it or remove the "-".')
                )
        if at_least_one and key in self.data and not items:
            self.problems.append(problem(self.path, self.line_of(key), f'"{key}" is empty; give at least one item.'))
        return tuple(text for text, _ in items if text)

    def listed_files(self, key: str, root: Path, folder: str, suffix: str) -> list[tuple[str, str]]:
        """The (id, file) of each id a contents list names, where the file `folder/<id><suffix>` exists.

        An id listed twice, or whose file is missing, is a problem and left out.
        """
        found = []
        seen: dict[str, int] = {}
        for item_id, line in self.slugs(key):
            relative = f"{folder}/{item_id}{suffix}"
            if item_id in seen:
                self.problems.append(
                    problem(self.path, line, f'"{item_id}" is listed twice (first on line {seen[item_id]}).')
                )
            elif not (root / relative).is_file():
                self.problems.append(problem(self.path, line, f'"{item_id}" names {relative}, which does not exist.'))
            else:
                found.append((item_id, relative))
            seen.setdefault(item_id, line)
        return found

    def texts_or_records(self, key: str, spec: RecordSpec) -> list[tuple[str | Record, int]]:
        """A list field whose items are text, or mappings of `spec` (an item with conditions, say),
        each with its line. A mapping with none of the spec's fields is text with an unquoted ": "."""
        items = self._list(key, ', one "- " item a line')
        if items is None:
            return []
        result: list[tuple[str | Record, int]] = []
        fields = {f.name for f in spec.fields}
        for item, line in zip(items, items.item_lines, strict=True):
            if isinstance(item, LineMap) and fields & set(item):
                result.append((Record.of(spec, item, self.path, line, self.problems), line))
            elif isinstance(item, LineMap):
                self.problems.append(
                    problem(
                        self.path,
                        line,
                        f'this item of "{key}" contains ": ", so it is read as "name: value"; put the whole item '
                        'in double quotes (or, for an item shown only on some paths, write it as "text" with "when").',
                    )
                )
            elif isinstance(item, str) and item.strip():
                self._no_html(key, item, line)
                result.append((item.strip(), line))
            elif isinstance(item, str) or item is None:
                self.problems.append(
                    problem(self.path, line, f'an item of "{key}" is empty; write it or remove the "-".')
                )
            else:
                self.problems.append(problem(self.path, line, f'this item of "{key}" should be text, not a list.'))
        return result

    def texts(self, key: str, markup: bool = True) -> list[tuple[str, int]]:
        """A list field whose items are text, each with its line; with `markup`, read as Markdown for
        what a text may not hold."""
        items = self._list(key, ', one "- " item a line')
        if items is None:
            return []
        result = []
        for item, line in zip(items, items.item_lines, strict=True):
            if isinstance(item, LineMap):
                self.problems.append(
                    problem(
                        self.path,
                        line,
                        f'this item of "{key}" contains ": ", so it is read as "name: value"; '
                        "put the whole item in double quotes.",
                    )
                )
            elif item is None:
                result.append(("", line))
            elif not isinstance(item, str):
                self.problems.append(problem(self.path, line, f'this item of "{key}" should be text, not a list.'))
            else:
                if markup:
                    self._no_html(key, item, line)
                result.append((item.strip(), line))
        return result
