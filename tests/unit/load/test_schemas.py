"""The JSON Schemas that editors' tools use agree with the loaders: the committed copies are current,
the real sources pass them, and a broken source fails them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
import yaml

from build_scripts.load.schemas import SCHEMAS_DIR, schema_files
from tests.support.project import CONTENT, ROOT

CODE_FILES = sorted(p for p in (CONTENT / "codes_of_practice").glob("*.yml") if p.name != "contents.yml")


def schema(name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((ROOT / SCHEMAS_DIR / name).read_text(encoding="utf-8"))
    return loaded


def editor_view(path: Path) -> object:
    """The file as a YAML 1.2 editor reads it: quoted or not, a date is text."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.mark.parametrize("name", sorted(schema_files()))
def test_the_committed_schema_is_current(name: str) -> None:
    committed = (ROOT / SCHEMAS_DIR / name).read_text(encoding="utf-8")
    assert committed == schema_files()[name], "run `python -m build_scripts schemas` and commit schemas/"


SOURCES = [(path, "code-of-practice.schema.json") for path in CODE_FILES] + [
    (CONTENT / "codes_of_practice/contents.yml", "codes-of-practice-contents.schema.json"),
    (CONTENT / "guide/disputes.yml", "guide.schema.json"),
    (CONTENT / "guide/examples.yml", "guide-examples.schema.json"),
    (CONTENT / "signatories/register.yml", "signatories.schema.json"),
    (CONTENT / "contacts.yml", "contacts.schema.json"),
]


@pytest.mark.parametrize(("path", "name"), SOURCES, ids=lambda p: p.name if isinstance(p, Path) else p)
def test_each_source_names_its_schema_and_passes_it(path: Path, name: str) -> None:
    schema_path = Path(os.path.relpath(CONTENT / SCHEMAS_DIR / name, path.parent)).as_posix()
    assert path.read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema={schema_path}\n")
    jsonschema.validate(editor_view(path), schema(name))


def test_the_schema_catches_what_the_loader_catches() -> None:
    code = editor_view(CODE_FILES[0])
    assert isinstance(code, dict)
    code["sumary"] = code.pop("summary")
    code["clauses"][0]["sector"] = "bothe"
    errors = {
        e.validator for e in jsonschema.Draft202012Validator(schema("code-of-practice.schema.json")).iter_errors(code)
    }
    assert errors == {"required", "additionalProperties", "enum"}
