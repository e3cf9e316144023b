"""The Downloads page: every PDF the build made, with its page count and size."""

from __future__ import annotations

from dataclasses import dataclass, field

from .environment import markdown_environment
from .paper import ADOPTION_PACK_PDF, BLANK_COPY_PDF, DOWNLOADS, HANDBOOK_PDF, PROCESS_PDF
from .pdf import Pdf
from .steering_pack import PACK_DOCX, PACK_PDF


@dataclass
class Group:
    id: str
    heading: str
    lead: str
    documents: list[Pdf] = field(default_factory=list)
    also: str = ""
    """A line of Markdown after the PDFs: the same document in another format."""


def downloads_page(pdfs: list[Pdf]) -> str:
    """The page; with no PDFs (the live preview makes none), a page that says where they come from."""
    groups = {
        "handbook": Group("handbook", "The handbook", "The Compact, its codes of practice and the disputes process."),
        "process": Group(
            "process", "The disputes process on one page", "The three stages in brief, for a noticeboard."
        ),
        "codes": Group("codes", "Codes of practice", "Each code of practice on its own."),
        "adoption": Group(
            "adoption",
            "For the Compact Steering Group",
            "Each clause of the codes beside the words of the Compact it puts into practice, with its basis and "
            "status, to decide on at a meeting.",
        ),
        "steering-pack": Group(
            "steering-pack",
            "What the handbook still needs",
            "For the Compact Steering Group: what it must still supply or confirm before the handbook goes live, "
            "why, and where the handbook uses it, with a form to fill in on screen for the contacts and each "
            "organisation's Compact Champion. The website lists the same on [What we still need]"
            "(about/still-needed.md).",
            also=f"The same pack [as a Word document]({PACK_DOCX}), to fill in with a word processor.",
        ),
        "signatory-copies": Group(
            "signatory-copies",
            "Signatory copies",
            "The agreement (Sections 1 to 6) with a signature page, for each organisation of the register. An "
            "organisation not in the register signs the copy for a new signatory, whose names, roles and date can "
            "be filled in on screen before printing.",
        ),
    }
    for pdf in pdfs:
        groups[_group_of(pdf.path)].documents.append(pdf)
    shown = [group for group in groups.values() if group.documents]
    return markdown_environment().get_template("downloads.md.j2").render(groups=shown, documents=bool(pdfs))


def _group_of(path: str) -> str:
    if path == HANDBOOK_PDF:
        return "handbook"
    if path == PROCESS_PDF:
        return "process"
    if path == ADOPTION_PACK_PDF:
        return "adoption"
    if path == PACK_PDF:
        return "steering-pack"
    if path == BLANK_COPY_PDF or path.startswith(f"{DOWNLOADS}/signatory-copies/"):
        return "signatory-copies"
    return "codes"
