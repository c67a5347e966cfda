"""The picture a link preview shows when a handbook page is shared (Open Graph, Twitter card).

One image per language, 1200 by 630 pixels (the size Open Graph and Twitter's large card ask
for), drawn from the handbook's own name and description in that language: the handbook's
logo (the favicon's figure), the name and the description in Open Sans (the PDFs' font,
Apache 2.0, in handbook/fonts/), white on the handbook's blue. Made for the handbook, and
licensed like its text: CC BY 4.0, which the PNG states in its own metadata (and README.md).

Drawing takes about a tenth of a second, so the image is kept in a cache folder under the hash
of everything it is made of (the texts, this code, the fonts), as the downloads are: a rebuild
copies it.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from handbook.files import write_atomic

SIZE = (1200, 630)
LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
BLUE = "#1d4f91"  # the favicon's blue; white on it has a contrast ratio of 8.6
PALE = "#dbe6f5"
FONTS = Path(__file__).parent / "fonts"
MARGIN = 80


def share_image(name: str, description: str) -> bytes:
    """The PNG for a language: `name` large, `description` below it, wrapped to the width."""
    from PIL import Image, ImageDraw, ImageFont
    from PIL.PngImagePlugin import PngInfo

    image = Image.new("RGB", SIZE, BLUE)
    draw = ImageDraw.Draw(image)
    _logo(draw, MARGIN, MARGIN, scale=7)
    title = ImageFont.truetype(str(FONTS / "OpenSans-Bold.ttf"), 88)
    body = ImageFont.truetype(str(FONTS / "OpenSans-Semibold.ttf"), 44)
    width = SIZE[0] - 2 * MARGIN
    lines = _wrapped(draw, description, body, width)
    y = SIZE[1] - MARGIN - 60 * len(lines) - 130
    draw.text((MARGIN, y), name, font=title, fill="white")
    for number, line in enumerate(lines):
        draw.text((MARGIN, y + 130 + 60 * number), line, font=body, fill=PALE)
    metadata = PngInfo()
    for key, value in (("Title", name), ("Description", description), ("Author", name),
                       ("Copyright", f"{name}. Licence: {LICENCE}")):
        metadata.add_itxt(key, value)
    output = io.BytesIO()
    image.save(output, "PNG", optimize=True, pnginfo=metadata)
    return output.getvalue()


def write_share_image(target: Path, name: str, description: str, cache_dir: Path) -> None:
    """Write the image to `target`, drawn once per set of inputs and kept in `cache_dir`."""
    key = hashlib.sha256()
    for part in (name, description):
        key.update(part.encode("utf-8") + b"\0")
    for source in (Path(__file__), FONTS / "OpenSans-Bold.ttf", FONTS / "OpenSans-Semibold.ttf"):
        key.update(source.read_bytes())
    cached = cache_dir / f"{key.hexdigest()}.png"
    if not cached.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(cached, share_image(name, description))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, cached.read_bytes())


# ---- Helpers ----------------------------------------------------------------------------------


def _logo(draw: object, left: int, top: int, scale: int) -> None:
    """The favicon (a figure on a rounded square, 24 by 24 units), in white and blue."""
    def box(*units: float) -> list[float]:
        return [left + units[0] * scale, top + units[1] * scale, left + units[2] * scale,
                top + units[3] * scale]

    draw.rounded_rectangle(box(0, 0, 24, 24), radius=4 * scale, fill="white")
    draw.ellipse(box(8.5, 5.5, 15.5, 12.5), fill=BLUE)  # the head
    draw.chord(box(5.5, 14.5, 18.5, 22), 180, 360, fill=BLUE)  # the shoulders
    draw.rectangle(box(5.5, 18.25, 18.5, 20), fill=BLUE)


def _wrapped(draw: object, text: str, font: object, width: int) -> list[str]:
    """`text` in lines no wider than `width` pixels, broken between words."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines
