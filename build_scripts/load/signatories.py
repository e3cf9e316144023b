"""The signatory register: signatories/register.yml."""

from __future__ import annotations

from pathlib import Path

from ..model.handbook import Register, Signatory
from ..model.problems import Problem
from ..model.source import Reference, Source
from .fields import Field, RecordSpec
from .records import Record
from .yaml_source import load_yaml_file

REGISTER_FILE = "signatories/register.yml"
SIGNATORY_SECTORS = ("public", "third")
STATUSES = ("involved", "signed")

ORGANISATION = RecordSpec(
    what="An organisation",
    description="An organisation in the signatory register.",
    fields=(
        Field("id", "slug", "Its id: the name of its signatory copy. Never change it."),
        Field("name", "text", "Its name, as it signs."),
        Field("sector", "choice", "public or third.", choices=SIGNATORY_SECTORS),
        Field("status", "choice", '"involved" in preparing the Compact, or "signed".', choices=STATUSES),
        Field("signed_on", "date", "The date on its signed copy (signed organisations only).", required=False),
        Field("champion", "text", "Its nominated Compact Champion, where known.", required=False),
    ),
)
REGISTER = RecordSpec(
    what="The register",
    description="The signatory register of the Darlington Compact.",
    fields=(
        Field("lead", "slug", "The id of the lead body, which counter-signs each signatory copy."),
        Field("organisations", "records", "The organisations.", record=ORGANISATION),
    ),
)


def load_register(root: Path, problems: list[Problem]) -> Register | None:
    data = load_yaml_file(root, REGISTER_FILE, problems)
    if data is None:
        return None
    register = Record.of(REGISTER, data, REGISTER_FILE, 1, problems)
    return Register(
        lead=Reference(register.slug("lead"), Source(REGISTER_FILE, register.line_of("lead"))),
        organisations=tuple(_organisation(r) for r in register.records_of("organisations", ORGANISATION)),
        source=Source(REGISTER_FILE, 1),
    )


def _organisation(r: Record) -> Signatory:
    status = r.choice("status", STATUSES)
    signed_on = r.date_for_status(
        "signed_on",
        status,
        "signed",
        missing='a signed organisation needs "signed_on": the date it signed.',
        extra='"signed_on" is for signed organisations; set "status: signed" or remove it.',
    )
    return Signatory(
        id=r.slug("id"),
        name=r.text("name"),
        sector=r.choice("sector", SIGNATORY_SECTORS),
        status=status,
        signed_on=signed_on,
        champion=r.text("champion", False),
        source=Source(r.path, r.line),
    )
