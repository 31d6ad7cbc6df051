"""Pixel probes and barcode decoding for rendered labels (ink is black, value 0)."""

from __future__ import annotations

import zxingcpp
from PIL import Image, ImageOps

from station.zpl import render


def draw(zpl: str | bytes, dpi: int = 203) -> Image.Image:
    result = render(zpl, dpi)
    return result.image


def ink(image: Image.Image, x: int, y: int) -> bool:
    return image.getpixel((x, y)) == 0


def ink_bbox(
    image: Image.Image, box: tuple[int, int, int, int] | None = None
) -> tuple[int, int, int, int] | None:
    """Bounding box (left, top, right+1, bottom+1) of the ink, optionally inside ``box``."""
    region = image.crop(box) if box else image
    bbox = ImageOps.invert(region.convert("L")).getbbox()
    if bbox is None or box is None:
        return bbox
    return (bbox[0] + box[0], bbox[1] + box[1], bbox[2] + box[0], bbox[3] + box[1])


def decode(
    image: Image.Image,
    fmt: zxingcpp.BarcodeFormat,
    box: tuple[int, int, int, int] | None = None,
) -> list[str]:
    """Texts of the barcodes of ``fmt`` found (in ``box``, with a quiet zone added)."""
    region = image.crop(box) if box else image
    region = ImageOps.expand(region.convert("L"), border=40, fill=255)
    found = zxingcpp.read_barcodes(region, formats=fmt, text_mode=zxingcpp.TextMode.Plain)
    return [b.text for b in found]


def bar_runs(image: Image.Image, y: int, x0: int, x1: int) -> list[int]:
    """Lengths of the alternating ink/paper runs along row ``y``."""
    out: list[int] = []
    previous: bool | None = None
    for x in range(x0, x1):
        value = ink(image, x, y)
        if value == previous:
            out[-1] += 1
        else:
            out.append(1)
            previous = value
    return out
