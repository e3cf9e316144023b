"""The contacts: contacts.yml, the one source of who to contact and how, for every page and document."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ..model.contacts import WAYS, Contact, Contacts, ToSupply, Way
from ..model.problems import Problem, problem
from ..model.source import Source
from .fields import EVIDENCE_FIELDS, Field, RecordSpec
from .records import Record
from .yaml_source import load_yaml_file

CONTACTS_FILE = "contacts.yml"

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,}[0-9]$")
_PAGE = re.compile(r"^[a-z0-9][a-z0-9/-]*\.md(?:#[a-z0-9-]+)?$")
_WEB = re.compile(r"^https://[^\s()<>\"'\\]+$")
_FORMATS = {
    "email": (_EMAIL, "an email address, such as compact@example.org"),
    "phone": (_PHONE, "a phone number of digits and spaces, such as 01325 000000"),
    "page": (_PAGE, "a page of this handbook, such as signatories.md or signatories.md#third"),
    "web": (_WEB, "a web address starting with https://, without spaces or brackets"),
}

WAY = RecordSpec(
    what="A way to reach a contact",
    description="One way to reach a contact.",
    fields=(
        Field(
            "how",
            "choice",
            "email, phone, post, web (an https address) or page (a page of this handbook).",
            choices=WAYS,
        ),
        Field("value", "text", "The address, number or page. A postal address may take several lines (use >-)."),
        Field("label", "text", 'What this way is for, where that helps: "for letters".', required=False),
    ),
)
TO_SUPPLY = RecordSpec(
    what="What is still to supply",
    description="A placeholder: details of the contact that nobody has supplied yet. Never guess them.",
    fields=(
        Field("details", "text", 'What is missing: "an email address, a phone number and a postal address".'),
        Field("ask", "text", 'Who can supply them: "the Compact Steering Group", "the Ombudsman".'),
        Field("until_then", "markdown", "What a reader does until the details are supplied: whom to ask, and what."),
    ),
)
CONTACT = RecordSpec(
    what="A contact",
    description="A person or body a reader may need to reach.",
    fields=(
        Field("id", "slug", "The contact's id, which the guide's outcomes and letters name. Never change it."),
        Field("name", "text", 'Its name, as a reader sees it: "The chair of the Compact Steering Group".'),
        Field("role", "markdown", "What it does in the Compact's process, in plain English."),
        Field("reach", "records", "How to reach it: each way that is known.", required=False, record=WAY),
        Field(
            "to_supply", "record", "What is not known yet; remove it once supplied.", required=False, record=TO_SUPPLY
        ),
        Field("if_none", "markdown", "What to do where there is no such contact.", required=False),
        Field(
            "organisation",
            "slug",
            "The id of its organisation in signatories/register.yml, where it belongs to one.",
            required=False,
        ),
        *EVIDENCE_FIELDS,
    ),
)
CONTACTS = RecordSpec(
    what="The contacts",
    description="Who to contact, and how: the people and bodies the handbook sends readers to.",
    fields=(Field("contacts", "records", "The contacts.", record=CONTACT),),
)


def load_contacts(root: Path, problems: list[Problem]) -> Contacts | None:
    data = load_yaml_file(root, CONTACTS_FILE, problems)
    if data is None:
        return None
    record = Record.of(CONTACTS, data, CONTACTS_FILE, 1, problems)
    return Contacts(tuple(_contact(r) for r in record.records_of("contacts", CONTACT)), Source(CONTACTS_FILE, 1))


def _contact(r: Record) -> Contact:
    placeholder = r.record_of("to_supply", TO_SUPPLY)
    contact = Contact(
        id=r.slug("id"),
        name=r.text("name"),
        role=r.text("role"),
        reach=tuple(_way(w) for w in r.records_of("reach", WAY)),
        to_supply=_to_supply(placeholder, r.line_of("to_supply")) if placeholder is not None else None,
        if_none=r.text("if_none", False),
        organisation=r.slug("organisation") if "organisation" in r.data else "",
        evidence=r.evidence(),
        source=Source(r.path, r.line),
    )
    if not contact.reach and contact.to_supply is None:
        r.problems.append(
            problem(
                r.path,
                r.line,
                f'the contact "{contact.id}" has no "reach" and no "to_supply": give the ways to reach it, '
                'or say in "to_supply" what is missing and whom to ask.',
            )
        )
    return contact


def _way(r: Record) -> Way:
    how = r.choice("how", WAYS)
    value = r.text("value")
    line = r.line_of("value")
    pattern, example = _FORMATS.get(how, (None, ""))
    if value and pattern and not (pattern.match(value) and (how != "web" or urlsplit(value).hostname)):
        r.problems.append(problem(r.path, line, f'"{value}" is not {example}.'))
        value = ""  # never made into a link
    return Way(how, value, r.text("label", False), Source(r.path, line))


def _to_supply(r: Record, line: int) -> ToSupply:
    return ToSupply(r.text("details"), r.text("ask"), r.text("until_then"), Source(r.path, line))
