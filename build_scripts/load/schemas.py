"""The JSON Schemas of the source files, generated from the same specs the loaders read with.

They are committed in schemas/ (source files name them in a `# yaml-language-server: $schema=` line,
so an editor such as VS Code completes and checks fields) and published with the site.
`python -m build_scripts schemas` rewrites the committed copies; a test fails when they are stale.
"""

from __future__ import annotations

import json

from .codes import CODE, CONTENTS
from .compact import EDITION_SPEC
from .contacts import CONTACTS
from .fields import json_schema
from .guide import EXAMPLES, GUIDE
from .signatories import REGISTER

SCHEMAS_DIR = "schemas"


def schema_files() -> dict[str, str]:
    """Each schema's file name and its JSON text."""
    schemas = {
        "code-of-practice.schema.json": json_schema(CODE, "A code of practice of the Darlington Compact"),
        "codes-of-practice-contents.schema.json": json_schema(CONTENTS, "The list of the codes of practice"),
        "edition.schema.json": json_schema(EDITION_SPEC, "An edition of the Darlington Compact handbook"),
        "contacts.schema.json": json_schema(CONTACTS, "The contacts of the Darlington Compact handbook"),
        "guide.schema.json": json_schema(GUIDE, "The disagreement guide"),
        "guide-examples.schema.json": json_schema(EXAMPLES, "The worked examples of the disagreement guide"),
        "signatories.schema.json": json_schema(REGISTER, "The signatory register of the Darlington Compact"),
    }
    return {name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for name, schema in schemas.items()}
