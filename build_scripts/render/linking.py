"""The "Linking to the handbook" page for partner websites: which addresses to use, and the badge."""

from __future__ import annotations

from ..model.addresses import page_url
from ..model.handbook import Handbook
from .environment import markdown_environment
from .images import BADGE_PNG, BADGE_SIZE, BADGE_SVG, BADGE_TEXT


def badge_snippet(site_url: str) -> str:
    """The HTML a partner pastes to show the badge, linking to the handbook."""
    home = site_url or "/"
    width, height = BADGE_SIZE
    return (
        f'<a href="{home}">\n'
        "  <picture>\n"
        f'    <source srcset="{home}{BADGE_SVG}" type="image/svg+xml">\n'
        f'    <img src="{home}{BADGE_PNG}" alt="{" ".join(BADGE_TEXT)}" width="{width}" height="{height}">\n'
        "  </picture>\n"
        "</a>"
    )


def linking_page(handbook: Handbook, site_url: str) -> str:
    examples = [
        ("The handbook", page_url(site_url, "index.md")),
        ("A section of the Compact", page_url(site_url, "compact/resolving-disagreements.md")),
        ("A stage of the disputes process", page_url(site_url, "compact/resolving-disagreements.md", "stage-2")),
        ("A shared principle", page_url(site_url, "compact/principles-and-commitments.md", "principle-partnership")),
        ("A sector commitment", page_url(site_url, "compact/principles-and-commitments.md", "public-mixed-funding")),
        ("A code of practice", page_url(site_url, "codes/resources-and-procurement.md")),
        ("A clause of a code", page_url(site_url, "codes/resources-and-procurement.md", "rp-prompt-payment")),
        ("The disagreement guide", page_url(site_url, "guide/index.md")),
        ("A step of the guide", page_url(site_url, "guide/step/refer-to-the-panel/index.md")),
        ("The handbook as a PDF", f"{site_url}downloads/darlington-compact-handbook.pdf"),
    ]
    return (
        markdown_environment()
        .get_template("linking.md.j2")
        .render(examples=examples, snippet=badge_snippet(site_url), badge_svg=BADGE_SVG, handbook=handbook)
    )
