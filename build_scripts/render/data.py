"""The handbook as data for partners and their tools: /data/compact.json, codes.json and guide.json,
each with a JSON Schema in /schemas/data/, and the edition in each file."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..model.addresses import code_page, compact_page, page_url, step_page
from ..model.guide import Guide, Question
from ..model.handbook import Handbook, Register
from .paper import signatory_pdf

DATA_DIR = "data"
REGISTER_CSV = f"{DATA_DIR}/signatories.csv"
REGISTER_COLUMNS = {
    "id": "The organisation's id in the register.",
    "name": "Its name as the 2009 Compact gives it (or, for one that joined later, as it signed).",
    "sector": "public or third.",
    "status": "involved (in preparing the Compact, as the 2009 source says) or signed.",
    "signed_on": "The date on its signed copy (YYYY-MM-DD), or empty.",
    "champion": "Its nominated Compact Champion, or empty.",
    "since_2009": "What has become of it since 2009: unchanged, renamed, reconstituted, merged, replaced, "
    "abolished, closed or not-known; empty where nobody has checked yet.",
    "now": "Its name now, or the body it merged into, was replaced by, or whose work it now is; or empty.",
    "changed": "When it changed: YYYY-MM-DD, YYYY-MM or YYYY, as precisely as known; or empty.",
    "change_note": "More about the change (Markdown), or empty.",
    "change_source": "Where the change is known from (Markdown, with links), or empty.",
    "change_checked_on": "When someone last checked it against that source (YYYY-MM-DD), or empty.",
    "change_to_confirm": "What the Compact Steering Group has still to confirm about it; empty once confirmed.",
    "signatory_copy": "The address of its signatory copy (PDF).",
}
COLUMNS = tuple(REGISTER_COLUMNS)
SCHEMA_DIR = "schemas/data"
SCHEMA_VERSION = "https://json-schema.org/draft/2020-12/schema"


def data_files(handbook: Handbook, site_url: str) -> dict[str, str]:
    documents = {"compact": _compact(handbook, site_url), "codes": _codes(handbook, site_url)}
    if handbook.guide is not None:
        documents["guide"] = _guide(handbook.guide, site_url)
    files = {}
    if handbook.register is not None:
        rows = _register_rows(handbook.register, site_url)
        columns = {column: {**TEXT, "description": text} for column, text in REGISTER_COLUMNS.items()}
        documents["signatories"] = ("organisations", rows, _object(columns))
        files[REGISTER_CSV] = _csv(rows)
    for name, items in documents.items():
        key, value, item_schema = items
        schema_path = f"{SCHEMA_DIR}/{name}.schema.json"
        data = {"schema": f"{site_url.rstrip('/')}/{schema_path}", **_edition(handbook), key: value}
        files[f"{DATA_DIR}/{name}.json"] = _json(data)
        files[schema_path] = _json(_schema(name, key, item_schema))
    return files


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _edition(handbook: Handbook) -> dict[str, str]:
    return {"edition": handbook.edition.name, "published": handbook.edition.published}


def _schema(name: str, key: str, item: dict[str, Any]) -> dict[str, Any]:
    text = {"type": "string"}
    return {
        "$schema": SCHEMA_VERSION,
        "title": f"The Darlington Compact handbook: {name}",
        "type": "object",
        "additionalProperties": False,
        "required": ["schema", "edition", "published", key],
        "properties": {
            "schema": {**text, "format": "uri"},
            "edition": text,
            "published": {**text, "format": "date"},
            key: {"type": "array", "items": item},
        },
    }


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "required": list(properties), "properties": properties}


TEXT = {"type": "string"}
URL = {"type": "string", "format": "uri"}
IDS = {"type": "array", "items": {"type": "string"}}


def _compact(handbook: Handbook, site_url: str) -> tuple[str, list[dict[str, Any]], dict[str, Any]]:
    items = []
    for page in handbook.pages:
        for group in page.groups:
            for item in group.items:
                items.append(
                    {
                        "id": item.id,
                        "kind": item.kind,
                        "title": item.title,
                        "text": item.text,
                        "url": page_url(site_url, compact_page(page.id), item.id),
                    }
                )
    schema = _object({"id": TEXT, "kind": TEXT, "title": TEXT, "text": TEXT, "url": URL})
    return "principles_and_commitments", items, schema


def _codes(handbook: Handbook, site_url: str) -> tuple[str, list[dict[str, Any]], dict[str, Any]]:
    codes = [
        {
            "id": code.id,
            "title": code.title,
            "status": code.status,
            "version": code.version,
            "review_date": code.review_date,
            "url": page_url(site_url, code_page(code.id)),
            "clauses": [
                {
                    "id": clause.id,
                    "sector": clause.sector,
                    "title": clause.title,
                    "text": clause.text,
                    "expands": [reference.id for reference in clause.expands],
                    "basis": clause.basis,
                    "url": page_url(site_url, code_page(code.id), clause.id),
                }
                for clause in code.clauses
            ],
        }
        for code in handbook.codes
    ]
    clause = _object(
        {"id": TEXT, "sector": TEXT, "title": TEXT, "text": TEXT, "expands": IDS, "basis": TEXT, "url": URL}
    )
    schema = _object(
        {
            "id": TEXT,
            "title": TEXT,
            "status": {"enum": ["draft", "adopted"]},
            "version": TEXT,
            "review_date": TEXT,
            "url": URL,
            "clauses": {"type": "array", "items": clause},
        }
    )
    return "codes", codes, schema


def _guide(guide: Guide, site_url: str) -> tuple[str, list[dict[str, Any]], dict[str, Any]]:
    """Every step, and every route: a route has no page, and goes on by the answer to `reads`."""
    steps: list[dict[str, Any]] = []
    for step in guide.steps:
        entry: dict[str, Any] = {
            "id": step.id,
            "kind": "question" if isinstance(step, Question) else "outcome",
            "stage": step.stage,
            "title": step.title,
            "url": page_url(site_url, step_page(step.id)),
            "reads": None,
            "choices": [],
        }
        if isinstance(step, Question):
            entry["choices"] = [{"label": c.label, "slug": c.slug, "next": c.next.id} for c in step.choices]
        steps.append(entry)
    for route in guide.routes:
        question = guide.step(route.on.id)
        branches = [
            {"label": choice.label if choice else "", "slug": b.answer, "next": b.next.id}
            for b in route.branches
            for choice in [question.choice(b.answer) if isinstance(question, Question) else None]
        ]
        if route.otherwise:
            branches.append({"label": "In any other case", "slug": "", "next": route.otherwise.id})
        steps.append(
            {
                "id": route.id,
                "kind": "route",
                "stage": "",
                "title": "",
                "url": None,
                "reads": route.on.id,
                "choices": branches,
            }
        )
    choice = _object({"label": TEXT, "slug": TEXT, "next": TEXT})
    schema = _object(
        {
            "id": TEXT,
            "kind": {"enum": ["question", "outcome", "route"]},
            "stage": TEXT,
            "title": TEXT,
            "url": {"type": ["string", "null"], "format": "uri"},
            "reads": {"type": ["string", "null"]},
            "choices": {"type": "array", "items": choice},
        }
    )
    return "steps", steps, schema


def _register_rows(register: Register, site_url: str) -> list[dict[str, str]]:
    rows = []
    for o in register.organisations:
        since = o.since_2009
        rows.append(
            {
                "id": o.id,
                "name": o.name,
                "sector": o.sector,
                "status": o.status,
                "signed_on": o.signed_on,
                "champion": o.champion,
                "since_2009": since.change if since else "",
                "now": since.now if since else "",
                "changed": since.when if since else "",
                "change_note": since.note if since else "",
                "change_source": since.evidence.cited if since else "",
                "change_checked_on": since.evidence.checked_on if since else "",
                "change_to_confirm": since.evidence.to_confirm if since else "",
                "signatory_copy": f"{site_url.rstrip('/')}/{signatory_pdf(o.id)}",
            }
        )
    return rows


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV Injection")."""


def spreadsheet_cell(value: str) -> str:
    """A value as a spreadsheet must read it: text, never a formula; OWASP's advice, a leading quote."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    writer.writerows({column: spreadsheet_cell(value) for column, value in row.items()} for row in rows)
    return out.getvalue()
