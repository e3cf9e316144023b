"""Reading YAML as an editor means it: text stays text, lines are kept, duplicates are problems."""

from __future__ import annotations

from pathlib import Path

from build_scripts.load.yaml_source import LineList, LineMap, parse_yaml, read_text


def test_scalars_stay_as_written() -> None:
    data, problems = parse_yaml("answer: no\nnumber: 010\ndate: 2026-11-25\ntime: 1:20\n", "f.yml")
    assert problems == []
    assert data == {"answer": "no", "number": "010", "date": "2026-11-25", "time": "1:20"}


def test_every_key_and_item_keeps_its_line() -> None:
    data, _ = parse_yaml("top: 1\nlist:\n  - a\n  - b: 2\n    c: 3\n", "f.yml", line_offset=10)
    assert isinstance(data, LineMap)
    assert data.key_lines == {"top": 11, "list": 12}
    items = data["list"]
    assert isinstance(items, LineList)
    assert items.item_lines == [13, 14]
    assert items[1].line == 14


def test_a_duplicate_key_is_a_problem_naming_both_lines() -> None:
    _, problems = parse_yaml("id: one\ntitle: x\nid: two\n", "codes/a.yml")
    assert [str(p) for p in problems] == ['codes/a.yml:3: "id" is given twice (first on line 1); keep one.']


def test_a_syntax_error_names_its_line() -> None:
    data, problems = parse_yaml("title: ok\ntext: one: two\n", "a.yml")
    assert data is None
    assert len(problems) == 1
    assert str(problems[0]).startswith("a.yml:2: this is not valid YAML")
    assert "must be put in quotes" in problems[0].message


def test_a_tab_is_shown_by_its_column_and_said_to_be_invisible() -> None:
    _, problems = parse_yaml("list:\n  \t- a\n", "a.yml")
    assert [str(p) for p in problems] == [
        "a.yml:2: this line has a tab at column 3, and YAML does not allow tabs here. Editors often show a tab "
        "as spaces, so you may not see it: delete the space before the text and type spaces instead."
    ]


def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_bytes(b"title: ok\ntext: caf\xe9\n")
    text, problems = read_text(tmp_path, "a.yml")
    assert text is None
    assert [str(p) for p in problems] == ["a.yml:2: this file is not UTF-8 text; save it as UTF-8 in your editor."]


def test_a_byte_order_mark_is_reported_and_the_rest_still_read(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_bytes("\ufefftitle: ok\n".encode())
    text, problems = read_text(tmp_path, "a.yml")
    assert text == "title: ok\n"
    assert [str(p) for p in problems] == [
        'a.yml:1: this file starts with a byte-order mark, which some tools misread; save it as "UTF-8", '
        'not "UTF-8 with BOM".'
    ]
