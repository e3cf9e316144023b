"""The signatory register's page on the site (its data is made in data.py)."""

from __future__ import annotations

from ..model.addresses import SIGNATORIES_PAGE
from ..model.handbook import Handbook
from .environment import markdown_environment
from .print_documents import signatory_pdf


def signatories_page(handbook: Handbook, with_pdfs: bool) -> dict[str, str]:
    if handbook.register is None:
        return {}
    page = (
        markdown_environment()
        .get_template("signatories.md.j2")
        .render(
            register=handbook.register,
            with_pdfs=with_pdfs,
            copy=signatory_pdf,
            csv_file="data/signatories.csv",
            json_file="data/signatories.json",
        )
    )
    return {SIGNATORIES_PAGE: page}
