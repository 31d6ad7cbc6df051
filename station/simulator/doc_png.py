"""Drawing a label layout as a 1-bit PNG, the way a 203 dpi thermal printer would print it.

The image is mode "1" from the start, so nothing is ever grey: Pillow draws text without
anti-aliasing on 1-bit images, and bars are whole-dot rectangles.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from station.simulator.doc_label import Barcode, Box, Element, Text
from station.simulator.doc_text import pil_font
from station.simulator.documents import LABEL_DPI, LABEL_SIZE

BLACK, WHITE = 0, 1


def _box(draw: ImageDraw.ImageDraw, box: Box) -> None:
    x1, y1 = box.x + box.w - 1, box.y + box.h - 1
    t = box.thickness
    if t * 2 >= min(box.w, box.h):
        draw.rectangle((box.x, box.y, x1, y1), fill=BLACK)
        return
    draw.rectangle((box.x, box.y, x1, box.y + t - 1), fill=BLACK)
    draw.rectangle((box.x, y1 - t + 1, x1, y1), fill=BLACK)
    draw.rectangle((box.x, box.y, box.x + t - 1, y1), fill=BLACK)
    draw.rectangle((x1 - t + 1, box.y, x1, y1), fill=BLACK)


def _barcode(draw: ImageDraw.ImageDraw, code: Barcode) -> None:
    for offset, width in code.symbol.bars(code.module):
        x = code.x + offset
        draw.rectangle((x, code.y, x + width - 1, code.y + code.height - 1), fill=BLACK)


def render_png(elements: tuple[Element, ...]) -> bytes:
    image = Image.new("1", LABEL_SIZE, WHITE)
    draw = ImageDraw.Draw(image)
    draw.fontmode = "1"  # no anti-aliasing: a thermal head prints dots, not greys
    for element in elements:
        if isinstance(element, Box):
            _box(draw, element)
        elif isinstance(element, Barcode):
            _barcode(draw, element)
        elif isinstance(element, Text):
            font = pil_font(element.size)
            draw.text((element.x, element.y), element.text, font=font, fill=BLACK, anchor="la")
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(LABEL_DPI, LABEL_DPI))
    return out.getvalue()
