"""The signatory register: signatories/register.yml."""

from __future__ import annotations

from pathlib import Path

from ..model.handbook import CHANGES, CHANGES_WITH_SUCCESSOR, Register, Signatory, Since2009
from ..model.problems import Problem, problem
from ..model.source import Reference, Source
from .fields import EVIDENCE_FIELDS, Field, RecordSpec
from .records import Record
from .yaml_source import load_yaml_file

REGISTER_FILE = "signatories/register.yml"
SIGNATORY_SECTORS = ("public", "third")
STATUSES = ("involved", "signed")

SINCE_2009 = RecordSpec(
    what="What has become of an organisation",
    description="What has become of the organisation since the 2009 Compact named it, and where that is known from.",
    fields=(
        Field(
            "change",
            "choice",
            "unchanged; renamed or reconstituted (the same organisation, under a new name or legal form); merged "
            "(into another); replaced (by another body that took over its role); abolished; closed; or not-known.",
            choices=CHANGES,
        ),
        Field(
            "now",
            "text",
            "Its name now, or the body it merged into or was replaced by (needed for renamed, reconstituted, merged "
            "and replaced; for abolished, the body that now does its work, where there is one).",
            required=False,
        ),
        Field("when", "when", "When it changed: 2015-04-01, or 2023-06 or 2017 where only that is known.", False),
        Field("note", "markdown", "More about it, in a sentence or two.", required=False),
        *EVIDENCE_FIELDS,
    ),
)
ORGANISATION = RecordSpec(
    what="An organisation",
    description="An organisation in the signatory register.",
    fields=(
        Field("id", "slug", "Its id: the name of its signatory copy. Never change it."),
        Field("name", "text", "Its name as the 2009 Compact gives it (or, if it joined later, as it signed)."),
        Field("sector", "choice", "public or third.", choices=SIGNATORY_SECTORS),
        Field("status", "choice", '"involved" in preparing the Compact, or "signed".', choices=STATUSES),
        Field("signed_on", "date", "The date on its signed copy (signed organisations only).", required=False),
        Field(
            "edition",
            "slug",
            "The id of the edition it signed (signed organisations; record it with the signature): this edition's "
            "(compact/edition.yml) or an archived one's (editions/<id>/).",
            required=False,
        ),
        Field("champion", "text", "Its nominated Compact Champion, where known.", required=False),
        Field(
            "since_2009",
            "record",
            "What has become of it since 2009 (renamed, merged, closed...), with the source and the date checked.",
            required=False,
            record=SINCE_2009,
        ),
    ),
)
REGISTER = RecordSpec(
    what="The register",
    description="The signatory register of the Darlington Compact.",
    fields=(
        Field("lead", "slug", "The id of the lead body, which counter-signs every signatory copy but its own."),
        Field(
            "lead_copy_counter_signed_by",
            "slug",
            "The id of the organisation that counter-signs the lead body's own copy, for the Compact Steering Group.",
        ),
        Field("organisations", "records", "The organisations.", record=ORGANISATION),
    ),
)


def load_register(root: Path, problems: list[Problem]) -> Register | None:
    data = load_yaml_file(root, REGISTER_FILE, problems)
    if data is None:
        return None
    register = Record.of(REGISTER, data, REGISTER_FILE, 1, problems)
    return Register(
        lead=_reference(register, "lead"),
        lead_copy_counter_signed_by=_reference(register, "lead_copy_counter_signed_by"),
        organisations=tuple(_organisation(r) for r in register.records_of("organisations", ORGANISATION)),
        source=Source(REGISTER_FILE, 1),
    )


def _reference(register: Record, key: str) -> Reference:
    return Reference(register.slug(key), Source(REGISTER_FILE, register.line_of(key)))


def _organisation(r: Record) -> Signatory:
    status = r.choice("status", STATUSES)
    signed_on = r.date_for_status(
        "signed_on",
        status,
        "signed",
        missing='a signed organisation needs "signed_on": the date it signed.',
        extra='"signed_on" is for signed organisations; set "status: signed" or remove it.',
    )
    edition = r.slug("edition") if "edition" in r.data else ""
    if status != "signed" and edition:
        r.problems.append(
            problem(
                r.path,
                r.line_of("edition"),
                '"edition" is for signed organisations; set "status: signed" or remove it.',
            )
        )
    since = r.record_of("since_2009", SINCE_2009)
    return Signatory(
        id=r.slug("id"),
        name=r.text("name"),
        sector=r.choice("sector", SIGNATORY_SECTORS),
        status=status,
        signed_on=signed_on,
        champion=r.text("champion", False),
        edition=edition,
        since_2009=_since_2009(since) if since is not None else None,
        source=Source(r.path, r.line),
        name_source=Source(r.path, r.line_of("name")),
    )


def _since_2009(r: Record) -> Since2009:
    change = r.choice("change", CHANGES)
    now = r.text("now", required=False)
    if change in CHANGES_WITH_SUCCESSOR and not now:
        r.problems.append(
            problem(r.path, r.line_of("change"), f'"{change}" needs "now": the name it has now, or the body it became.')
        )
    elif change in ("unchanged", "closed", "not-known") and now:
        r.problems.append(
            problem(
                r.path,
                r.line_of("now"),
                f'"now" is for an organisation renamed, merged or replaced, not "{change}"; '
                'remove it, or say more in "note".',
            )
        )
    return Since2009(
        change=change,
        now=now,
        when=r.when("when"),
        note=r.text("note", required=False),
        evidence=r.evidence(),
    )
