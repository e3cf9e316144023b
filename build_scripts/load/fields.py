"""What a kind of YAML record may hold: one description shared by the loaders and the JSON Schemas.

A loader reads a record against its `RecordSpec` (unknown and missing fields become problems); the
JSON Schema that editors' tools use is generated from the same spec, so the two cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
WHEN_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
"""A date as precisely as it is known: 2015-04-01, 2023-06 or 2017."""


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    """text, markdown, slug, date, when (a date as precisely as known), choice, choices (a list of
    choices), slugs (a list of ids), texts (a list of text), record (one mapping), records (a list
    of mappings), flag (true or false) or texts_or_records (a list whose items are text, or mappings
    where text needs more)."""
    description: str
    required: bool = True
    choices: tuple[str, ...] = ()
    """The values a "choice" field, or each item of a "choices" field, may take."""
    record: RecordSpec | None = None
    """What a "record" field, or each item of a "records" field, holds."""


@dataclass(frozen=True)
class RecordSpec:
    what: str
    """How messages name one record: "A clause"."""
    description: str
    fields: tuple[Field, ...]

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if not f.required)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


EVIDENCE_FIELDS = (
    Field(
        "source",
        "markdown",
        "Where this fact comes from: the title of the source, with a link where there is one, and its date.",
    ),
    Field("checked_on", "date", "The date someone last checked the fact against that source, written like 2026-11-26."),
    Field(
        "to_confirm",
        "text",
        "What the Compact Steering Group must still confirm, as a question; remove it once confirmed.",
        required=False,
    ),
)
"""The fields of a fact that is not in the 2009 text: its source, when it was checked, what is unsure."""


def json_schema(spec: RecordSpec, title: str) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for a file holding one record of `spec`."""
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **_object_schema(spec)}


def _object_schema(spec: RecordSpec) -> dict[str, Any]:
    return {
        "description": spec.description,
        "type": "object",
        "additionalProperties": False,
        "required": list(spec.required),
        "properties": {f.name: {"description": f.description, **_value_schema(f)} for f in spec.fields},
    }


def _value_schema(field: Field) -> dict[str, Any]:
    text = {"type": "string", "minLength": 1}
    slug = {"type": "string", "pattern": SLUG_PATTERN}
    if field.kind in ("text", "markdown"):
        return text
    if field.kind == "slug":
        return slug
    if field.kind == "date":
        return {"type": "string", "pattern": DATE_PATTERN}
    if field.kind == "when":
        return {"type": "string", "pattern": WHEN_PATTERN}
    if field.kind == "flag":
        # true or false, whether a tool reads it as YAML 1.2 does (a boolean) or as the loader does (text).
        return {"enum": [True, False, "true", "false"]}
    if field.kind == "choice":
        return {"enum": list(field.choices)}
    if field.kind == "choices":
        return {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": list(field.choices)}}
    if field.kind == "slugs":
        return {"type": "array", "minItems": 1, "items": slug}
    if field.kind == "texts":
        return {"type": "array", "minItems": 1, "items": text}
    if field.kind == "record" and field.record is not None:
        return _object_schema(field.record)
    if field.kind == "records" and field.record is not None:
        return {"type": "array", "minItems": 1, "items": _object_schema(field.record)}
    if field.kind == "texts_or_records" and field.record is not None:
        return {"type": "array", "minItems": 1, "items": {"oneOf": [text, _object_schema(field.record)]}}
    raise ValueError(f"unknown field kind {field.kind!r} of {field.name!r}")
