"""The diagram of the disputes process, drawn as SVG from the guide's stages, so that it can never
disagree with the guide. A fixed layout of our own: the same data always gives the same bytes."""

from __future__ import annotations

import textwrap
from xml.sax.saxutils import escape

from ..model.guide import Stage

WIDTH = 640
BOX_X = 40
BOX_WIDTH = WIDTH - 2 * BOX_X
PADDING = 12
NAME_SIZE = 18
TITLE_SIZE = 16
TEXT_SIZE = 14
LINE = 1.3
# A line of summary holds about this many characters of a sans-serif font at TEXT_SIZE.
CHARS_PER_LINE = 66
ARROW = 44
FONT = "'Open Sans', sans-serif"
"""The handbook's typeface, embedded in the PDFs; on screen the reader's own sans-serif if it is not there."""
INK = "#1a1a1a"
ACCENT = "#303fa1"
FILL = "#eef0fb"


def process_diagram(stages: tuple[Stage, ...]) -> str:
    parts: list[str] = []
    y = 20.0
    for index, stage in enumerate(stages):
        box, height = _stage_box(stage, y)
        parts.append(box)
        y += height
        if stage.then and index < len(stages) - 1:
            parts.append(_arrow(y, stage.then))
            y += ARROW
    height = round(y + 20)
    names = ", then ".join(f"{s.name}: {s.title}" for s in stages)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-labelledby="diagram-title" font-family="{FONT}">\n'
        f'<title id="diagram-title">The disputes process of the Darlington Compact: {escape(names)}.</title>\n'
        '<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
        f'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{ACCENT}"/></marker></defs>\n'
        + "\n".join(parts)
        + "\n</svg>\n"
    )


def diagram_description(stages: tuple[Stage, ...]) -> str:
    """The diagram in words, for its text alternative wherever it is shown: every stage, what happens
    in it, and when the process goes on to the next, as the drawing gives them."""
    parts = []
    for index, stage in enumerate(stages):
        part = f"{stage.name}, {stage.title}: {stage.summary}"
        if stage.then and index < len(stages) - 1:
            part += f" {stage.then}, the process goes on to the next stage."
        parts.append(part)
    return "Diagram of the process: " + " ".join(parts)


def _stage_box(stage: Stage, top: float) -> tuple[str, float]:
    lines = textwrap.wrap(stage.summary, CHARS_PER_LINE)
    text_top = top + PADDING + NAME_SIZE
    height = PADDING * 2 + NAME_SIZE * LINE + TITLE_SIZE * LINE + len(lines) * TEXT_SIZE * LINE + 4
    x = BOX_X + PADDING
    out = [
        f'<g id="stage-{escape(stage.id)}">',
        f'<rect x="{BOX_X}" y="{top:.1f}" width="{BOX_WIDTH}" height="{height:.1f}" rx="8" '
        f'fill="{FILL}" stroke="{ACCENT}" stroke-width="2"/>',
        f'<text x="{x}" y="{text_top:.1f}" font-size="{NAME_SIZE}" font-weight="bold" fill="{ACCENT}">'
        f"{escape(stage.name)}</text>",
        f'<text x="{x}" y="{text_top + TITLE_SIZE * LINE:.1f}" font-size="{TITLE_SIZE}" font-weight="bold" '
        f'fill="{INK}">{escape(stage.title)}</text>',
    ]
    y = text_top + TITLE_SIZE * LINE + 4
    for line in lines:
        y += TEXT_SIZE * LINE
        out.append(f'<text x="{x}" y="{y:.1f}" font-size="{TEXT_SIZE}" fill="{INK}">{escape(line)}</text>')
    out.append("</g>")
    return "\n".join(out), height


def _arrow(top: float, label: str) -> str:
    x = BOX_X + 60
    return (
        f'<line x1="{x}" y1="{top + 4:.1f}" x2="{x}" y2="{top + ARROW - 6:.1f}" stroke="{ACCENT}" stroke-width="2" '
        'marker-end="url(#arrowhead)"/>\n'
        f'<text x="{x + 16}" y="{top + ARROW / 2 + 5:.1f}" font-size="{TEXT_SIZE}" font-style="italic" '
        f'fill="{INK}">{escape(label)}</text>'
    )
