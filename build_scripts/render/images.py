"""Images made at build time, never fetched: the share image for link previews, and the
"We support the Darlington Compact" badge (SVG with real text, and a PNG for where SVG is not
accepted). Pillow draws the PNGs with Open Sans, the font the PDFs embed."""

from __future__ import annotations

import io
import subprocess
import textwrap
from functools import cache
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

SHARE_IMAGE = "assets/images/share/darlington-compact.png"
BADGE_SVG = "assets/badge/we-support-the-darlington-compact.svg"
BADGE_PNG = "assets/badge/we-support-the-darlington-compact.png"
BADGE_TEXT = ("We support the", "Darlington Compact")
BADGE_SIZE = (240, 64)
INDIGO = (48, 63, 161)
WHITE = (255, 255, 255)


def image_files() -> dict[str, bytes | str]:
    return {SHARE_IMAGE: share_image(), BADGE_SVG: badge_svg(), BADGE_PNG: badge_png()}


@cache
def _font_file(style: str) -> str:
    """The file of Open Sans in `style`, as fontconfig finds it (the Makefile installs the font)."""
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", f"Open Sans:{style}"], capture_output=True, text=True, check=True
    ).stdout
    if "OpenSans" not in found:
        raise RuntimeError("the Open Sans font is not installed: run `make build`, which installs it")
    return found


def _font(style: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(_font_file(style), size)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


# The PNGs are drawn once a process (@cache): the preview asks for them again on every edit, and they
# change with nothing it watches.
@cache
def share_image() -> bytes:
    """1200 by 630 pixels, the size link previews use."""
    image = Image.new("RGB", (1200, 630), INDIGO)
    draw = ImageDraw.Draw(image)
    draw.text((80, 170), "The Darlington Compact", font=_font("bold", 76), fill=WHITE)
    lines = textwrap.wrap("How the public sector and the voluntary and community sector work together", 44)
    for index, line in enumerate(lines):
        draw.text((80, 300 + index * 56), line, font=_font("regular", 40), fill=WHITE)
    draw.text((80, 520), "Supporting Partnerships for Success", font=_font("regular", 30), fill=(220, 224, 247))
    return _png(image)


@cache
def badge_png() -> bytes:
    image = Image.new("RGB", BADGE_SIZE, INDIGO)
    draw = ImageDraw.Draw(image)
    draw.text((14, 9), BADGE_TEXT[0], font=_font("regular", 16), fill=WHITE)
    draw.text((14, 29), BADGE_TEXT[1], font=_font("bold", 20), fill=WHITE)
    return _png(image)


def badge_svg() -> str:
    width, height = BADGE_SIZE
    label = escape(" ".join(BADGE_TEXT))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="badge-title">\n'
        f'<title id="badge-title">{label}</title>\n'
        f'<rect width="{width}" height="{height}" rx="6" fill="#303fa1"/>\n'
        f'<text x="14" y="26" font-family="\'Open Sans\', Arial, sans-serif" font-size="16" fill="#ffffff">'
        f"{escape(BADGE_TEXT[0])}</text>\n"
        f'<text x="14" y="50" font-family="\'Open Sans\', Arial, sans-serif" font-size="20" font-weight="bold" '
        f'fill="#ffffff">{escape(BADGE_TEXT[1])}</text>\n'
        "</svg>\n"
    )
