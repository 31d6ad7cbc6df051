"""Barcode symbols as ink masks at whole-dot module sizes.

Symbol encoding is zint's (``zint-bindings``), except Code 128 whose subsets ZPL labels choose
themselves (see :mod:`station.zpl.code128`). zint only supplies the module matrix: drawing it here
at integer dots per module keeps every bar edge on a dot, as a thermal printer prints it — a
resampled barcode does not scan reliably.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import zint
from PIL import Image, ImageDraw

from station.zpl.text import FontSpec, render_line

_NONZERO = [0] + [255] * 255


class BarcodeDataError(ValueError):
    """The field data cannot be encoded in the chosen symbology (the renderer warns, skips)."""


@dataclass(frozen=True)
class Symbol:
    """An ink mask (mode ``1``, set = ink) and the y of the bottom of its bars (``^FT`` anchor)."""

    mask: Image.Image
    bottom: int


def encode(symbology: zint.Symbology, data: bytes | str, **options: object) -> zint.Symbol:
    symbol = zint.Symbol()
    symbol.symbology = symbology
    for key, value in options.items():
        setattr(symbol, key, value)
    try:
        symbol.encode(data)
    except RuntimeError as exc:
        raise BarcodeDataError(str(exc)) from exc
    return symbol


def matrix(symbol: zint.Symbol) -> list[list[bool]]:
    """zint's encoded modules: rows of booleans (bits are stored LSB first, 144 bytes a row)."""
    raw = symbol.encoded_data.tobytes()
    stride = len(raw) // 200 if len(raw) >= 200 else 144
    width = int(symbol.width)
    out: list[list[bool]] = []
    for r in range(int(symbol.rows)):
        row = raw[r * stride : r * stride + (width + 7) // 8]
        out.append([bool((row[i >> 3] >> (i & 7)) & 1) for i in range(width)])
    return out


def _bool_image(rows: Sequence[Sequence[bool]]) -> Image.Image:
    height = len(rows)
    width = len(rows[0]) if rows else 0
    data = bytes(255 if m else 0 for row in rows for m in row)
    return Image.frombytes("L", (max(1, width), max(1, height)), data or b"\x00")


def matrix_mask(rows: Sequence[Sequence[bool]], module_w: int, module_h: int) -> Image.Image:
    """Scale a module matrix by whole dots with nearest-neighbour only (edges stay crisp)."""
    small = _bool_image(rows)
    big = small.resize(
        (small.width * max(1, module_w), small.height * max(1, module_h)),
        Image.Resampling.NEAREST,
    )
    return big.point(_NONZERO, mode="1")


def runs(modules: Sequence[bool]) -> list[tuple[bool, int]]:
    out: list[tuple[bool, int]] = []
    for m in modules:
        if out and out[-1][0] == m:
            out[-1] = (m, out[-1][1] + 1)
        else:
            out.append((m, 1))
    return out


def bar_widths(
    modules: Sequence[bool], module_w: int, ratio: float | None
) -> list[tuple[bool, int]]:
    """Bars and spaces in dots. With ``ratio`` (two-width codes) a run longer than one module
    is a wide element of ``round(module_w * ratio)`` dots; otherwise widths scale linearly."""
    out = []
    for ink, length in runs(modules):
        if ratio is None:
            out.append((ink, length * module_w))
        else:
            out.append(
                (ink, module_w if length == 1 else max(module_w + 1, round(module_w * ratio)))
            )
    return out


def linear(
    elements: Sequence[tuple[bool, int]],
    height: int,
    text: str | None,
    *,
    above: bool,
    module_w: int,
    font_height: int,
) -> Symbol:
    """A 1-D symbol of ``elements`` (ink, dots), with its interpretation line if ``text``."""
    width = max(1, sum(w for _, w in elements))
    height = max(1, height)
    bars = Image.new("1", (width, height), 0)
    draw = ImageDraw.Draw(bars)
    x = 0
    for ink, w in elements:
        if ink:
            draw.rectangle((x, 0, x + w - 1, height - 1), fill=1)
        x += w
    if not text:
        return Symbol(bars, height)
    spec = FontSpec("0", font_height, max(1, font_height * 3 // 4))
    line = render_line(text, spec).mask
    gap = max(1, module_w)
    total_w = max(width, line.width)
    total_h = height + gap + line.height
    out = Image.new("1", (total_w, total_h), 0)
    text_x = (width - line.width) // 2 if line.width <= width else 0
    bar_x = 0 if line.width <= width else (line.width - width) // 2
    if above:
        out.paste(1, (text_x, 0), line)
        out.paste(bars, (bar_x, line.height + gap))
        return Symbol(out, total_h)
    out.paste(bars, (bar_x, 0))
    out.paste(1, (text_x, height + gap), line)
    return Symbol(out, height)


def maxicode(symbol: zint.Symbol, dpi: float) -> Symbol:
    """MaxiCode drawn from zint's vector geometry (hexagons and bullseye rings) at its fixed
    physical size of about 28.14 × 26.91 mm."""
    symbol.buffer_vector()
    vector = symbol.vector
    target_w = round(dpi * 28.14 / 25.4)
    scale = target_w / float(vector.width)
    size = (target_w, math.ceil(float(vector.height) * scale))
    image = Image.new("1", size, 0)
    draw = ImageDraw.Draw(image)
    corners: dict[tuple[float, float], list[tuple[float, float]]] = {}
    for hexagon in vector.hexagons:
        key = (float(hexagon.diameter), float(hexagon.rotation))
        if key not in corners:
            radius = key[0] * scale / 2
            angle0 = math.radians(90 + key[1])
            corners[key] = [
                (
                    radius * math.cos(angle0 + k * math.pi / 3),
                    radius * math.sin(angle0 + k * math.pi / 3),
                )
                for k in range(6)
            ]
        cx, cy = float(hexagon.x) * scale, float(hexagon.y) * scale
        draw.polygon([(cx + dx, cy + dy) for dx, dy in corners[key]], fill=1)
    for circle in vector.circles:
        cx, cy = float(circle.x) * scale, float(circle.y) * scale
        stroke = float(circle.width) * scale
        fill = 0 if circle.colour else 1
        if stroke <= 0:
            r = float(circle.diameter) * scale / 2
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)
            continue
        outer = (float(circle.diameter) * scale + stroke) / 2
        draw.ellipse(
            (cx - outer, cy - outer, cx + outer, cy + outer),
            outline=fill,
            width=max(1, round(stroke)),
        )
    return Symbol(image, size[1])
