"""The signatory register on the site: a page, and the register as CSV and JSON."""

from __future__ import annotations

import csv
import io
import json

from ..model import Handbook, Register
from .environment import markdown_environment
from .print_documents import signatory_pdf

SIGNATORIES_PAGE = "signatories.md"
REGISTER_CSV = "data/signatories.csv"
REGISTER_JSON = "data/signatories.json"
COLUMNS = ("id", "name", "sector", "status", "signed_on", "champion", "signatory_copy")


def signatory_files(handbook: Handbook, with_pdfs: bool) -> dict[str, str]:
    register = handbook.register
    if register is None:
        return {}
    rows = _rows(register)
    page = (
        markdown_environment()
        .get_template("signatories.md.j2")
        .render(
            register=register, with_pdfs=with_pdfs, copy=signatory_pdf, csv_file=REGISTER_CSV, json_file=REGISTER_JSON
        )
    )
    data = {"edition": handbook.edition.name, "published": handbook.edition.published, "lead": register.lead.id}
    return {
        SIGNATORIES_PAGE: page,
        REGISTER_CSV: _csv(rows),
        REGISTER_JSON: json.dumps({**data, "organisations": rows}, indent=2, ensure_ascii=False) + "\n",
    }


def _rows(register: Register) -> list[dict[str, str]]:
    return [
        {
            "id": o.id,
            "name": o.name,
            "sector": o.sector,
            "status": o.status,
            "signed_on": o.signed_on,
            "champion": o.champion,
            "signatory_copy": "/" + signatory_pdf(o.id),
        }
        for o in register.organisations
    ]


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
