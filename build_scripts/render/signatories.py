"""The signatory register's page on the site (its data is made in data.py)."""

from __future__ import annotations

from ..model.addresses import SIGNATORIES_PAGE
from ..model.handbook import Handbook
from .environment import markdown_environment
from .paper import BLANK_COPY_PDF, signatory_pdf


def signatories_page(handbook: Handbook, with_pdfs: bool) -> dict[str, str]:
    register = handbook.register
    if register is None:
        return {}
    lead = register.organisation(register.lead.id)
    page = (
        markdown_environment()
        .get_template("signatories.md.j2")
        .render(
            register=register,
            codes=handbook.codes,
            lead=lead,
            counter_signer=lead and register.counter_signer(lead),
            with_pdfs=with_pdfs,
            copy=signatory_pdf,
            blank_copy=BLANK_COPY_PDF,
            csv_file="data/signatories.csv",
            json_file="data/signatories.json",
        )
    )
    return {SIGNATORIES_PAGE: page}
