"""The Jinja2 environments: one for Markdown pages, one (autoescaping) for HTML documents."""

from __future__ import annotations

import contextlib
import datetime
import re
import shutil
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket

from ..model.addresses import STILL_NEEDED_PAGE, relative
from ..model.still_needed import contact_item_id
from .kept_files import code_digest

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
COMPILED = TEMPLATES.parent.parent / ".cache" / "templates"
"""Where the templates, compiled, are kept between runs (Jinja's bytecode cache, which compiles a
template again whenever its source changes): a tenth of a second a build. What a template compiles to
depends on its environment too (autoescape, and each filter, which Jinja may call as it compiles): so
there is one folder for each kind of environment and each state of the build's code and Jinja's
version (kept_files.code_digest); a new one replaces the others."""


def markdown_text(text: str) -> str:
    """Source text made safe to place in a generated Markdown page.

    Markdown passes raw HTML through, so every `<` of the sources is written as an entity:
    formatting with Markdown still works, and no tag (least of all a script) reaches a page.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;")


MARKDOWN_SYNTAX = frozenset("\\`*_{}[]()#+-.!|>")
"""The characters Python-Markdown (with the tables extension) lets a backslash escape: every one that
could start a link, an image, emphasis, code, an attribute list, a heading or a list."""


def plain_text(text: str) -> str:
    """A name or a title, placed in a generated Markdown page as the text it is: no link, attribute list,
    emphasis or tag can be made from it, and it reads exactly as written."""
    return markdown_text("".join(f"\\{c}" if c in MARKDOWN_SYNTAX else c for c in one_line(text)))


def long_date(iso: str) -> str:
    """2027-11-30 as "30 November 2027", the GOV.UK style."""
    date = datetime.date.fromisoformat(iso)
    return f"{date.day} {date:%B %Y}"


def when_words(when: str) -> str:
    """A date as precisely as it is known, as words that follow a verb: "on 1 April 2015", "in June 2023",
    "in 2017"."""
    parts = when.split("-")
    if len(parts) == 3:
        return f"on {long_date(when)}"
    if len(parts) == 2:
        return f"in {datetime.date(int(parts[0]), int(parts[1]), 1):%B %Y}"
    return f"in {when}"


def table_cell(text: str) -> str:
    """Text made safe inside a Markdown table's cell: each "|" escaped (once: `text` has escaped some)."""
    return re.sub(r"(?<!\\)\|", r"\\|", text)


def sentence(text: str) -> str:
    """Text ending as a sentence does: "Does the Compact apply?" stays, "Stage 1" gets a full stop."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def one_line(text: str) -> str:
    return " ".join(text.split())


# libyaml's safe dumper, where PyYAML was built with it, writes the same text several times faster.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(**fields: object) -> str:
    """A page's front matter, written by a YAML dumper (fields that are None are left out): no title,
    with braces, quotes or a trailing backslash, can break it."""
    data = {key: value for key, value in fields.items() if value is not None}
    dumped = yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1_000_000)
    return f"---\n{dumped}---"


def markdown_environment() -> Environment:
    """For Markdown pages: text from the sources passes through the `md` filter, which escapes markup."""
    env = _environment(autoescape=False)
    env.filters["md"] = markdown_text
    env.filters["text"] = plain_text
    env.filters["name"] = plain_text
    env.filters["one_line"] = one_line
    env.filters["long_date"] = long_date
    env.filters["when_words"] = when_words
    env.filters["cell"] = table_cell
    env.filters["sentence"] = sentence
    env.globals["front_matter"] = front_matter
    env.globals["still_needed_href"] = still_needed_href
    return env


def still_needed_href(contact_id: str, here: str) -> str:
    """The link, from the page `here`, to what the "What we still need" page says of a contact's placeholder."""
    return f"{relative(here, STILL_NEEDED_PAGE)}#{contact_item_id(contact_id)}"


def html_environment() -> Environment:
    """For documents written as HTML (the printed ones): everything from the sources is escaped."""
    env = _environment(autoescape=True)
    env.filters["name"] = str  # escaped as HTML, as everything is here
    env.filters["long_date"] = long_date
    env.filters["when_words"] = when_words
    env.filters["sentence"] = sentence
    return env


class _Compiled(FileSystemBytecodeCache):
    """Jinja's bytecode cache, as a speed-up only: a folder that cannot be read or written is a miss."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            folder = Path(self.directory)
            if not folder.is_dir():
                for other in folder.parent.glob("*") if folder.parent.is_dir() else ():
                    if other.name != folder.name:  # made by other code, never read again
                        shutil.rmtree(other, ignore_errors=True)
                folder.mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)


def compiled_folder(autoescape: bool) -> Path:
    """Where this code keeps the templates of one kind of environment compiled (see COMPILED)."""
    return COMPILED / ("html" if autoescape else "markdown") / code_digest("Jinja2")[:16]


def _environment(autoescape: bool) -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=_Compiled(str(compiled_folder(autoescape))),
        autoescape=autoescape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
