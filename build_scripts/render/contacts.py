"""A contact's ways to reach it, as Markdown for a page: links a reader can follow (mailto:, tel:,
https:, a page of the handbook) made only from values the loader has checked."""

from __future__ import annotations

import re

from ..model.addresses import relative
from ..model.contacts import Way
from .environment import markdown_text, one_line

NAMES = {"email": "Email", "phone": "Phone", "post": "Post", "web": "Website"}


def way_markdown(way: Way, here: str) -> str:
    """One way to reach a contact, on the page `here` (docs-relative): "Email: [a@b.org](mailto:a@b.org)"."""
    if way.how == "page":
        page, _, anchor = way.value.partition("#")
        text = markdown_text(way.label) if way.label else "This page of the handbook"
        return f"[{text}]({relative(here, page)}{'#' + anchor if anchor else ''})"
    name = NAMES[way.how] + (f" ({markdown_text(one_line(way.label))})" if way.label else "")
    value = markdown_text(way.value)
    if way.how == "email":
        return f"{name}: [{value}](mailto:{way.value})"
    if way.how == "phone":
        return f"{name}: [{value}](tel:{re.sub(r'[^0-9+]', '', way.value)})"
    if way.how == "web":
        return f"{name}: [{value}]({way.value})"
    return f"{name}: " + ", ".join(markdown_text(line.strip()) for line in way.value.splitlines() if line.strip())
