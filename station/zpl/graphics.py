"""Graphic shapes (``^GB ^GC ^GD ^GE``) and graphic fields (``^GF``, ``~DG``) as ink masks.

Shapes are drawn on a mask of exactly their size in dots, so a ``^GB200,10,10`` at ``^FO100,50``
inks columns 100–299 and rows 50–59 and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw

from station.errors import ZplError
from station.zpl import gf
from station.zpl.params import MAX_LABEL_PIXELS
from station.zpl.parser import Command


def check_mask(width: int, height: int, what: str, position: int | None = None) -> None:
    """Refuse to allocate a mask larger than any label (checked before Pillow allocates it)."""
    if width * height > MAX_LABEL_PIXELS:
        raise ZplError(
            f"{what} of {width}×{height} dots is larger than any label "
            f"(at most {MAX_LABEL_PIXELS // 1_000_000} million dots)",
            position=position,
        )


def box(width: int, height: int, thickness: int, rounding: int) -> Image.Image:
    """``^GB``: a frame of ``thickness`` (solid when it fills the box), corners rounded 0–8."""
    thickness = max(1, thickness)
    width = max(width, thickness)
    height = max(height, thickness)
    check_mask(width, height, "a shape")
    mask = Image.new("1", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    radius = round(max(0, min(8, rounding)) * min(width, height) / 2 / 8)
    solid = thickness * 2 >= min(width, height)
    if radius:
        draw.rounded_rectangle(
            (0, 0, width - 1, height - 1),
            radius=radius,
            fill=1 if solid else None,
            outline=1,
            width=thickness,
        )
    elif solid:
        draw.rectangle((0, 0, width - 1, height - 1), fill=1)
    else:
        draw.rectangle((0, 0, width - 1, height - 1), outline=1, width=thickness)
    return mask


def ellipse(width: int, height: int, thickness: int) -> Image.Image:
    """``^GE``/``^GC``: an ellipse outline of ``thickness`` (solid when it fills the shape)."""
    thickness = max(1, thickness)
    width = max(width, thickness)
    height = max(height, thickness)
    check_mask(width, height, "a shape")
    mask = Image.new("1", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    if thickness * 2 >= min(width, height):
        draw.ellipse((0, 0, width - 1, height - 1), fill=1)
    else:
        draw.ellipse((0, 0, width - 1, height - 1), outline=1, width=thickness)
    return mask


def diagonal(width: int, height: int, thickness: int, lean: str) -> Image.Image:
    """``^GD``: a line across the box; ``R`` leans right (``/``), ``L`` left (``\\``)."""
    thickness = max(1, thickness)
    width = max(width, thickness)
    height = max(height, 1)
    check_mask(width, height, "a shape")
    mask = Image.new("1", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    if lean.upper() == "L":
        points = [
            (0, 0),
            (thickness - 1, 0),
            (width - 1, height - 1),
            (width - thickness, height - 1),
        ]
    else:
        points = [
            (0, height - 1),
            (thickness - 1, height - 1),
            (width - 1, 0),
            (width - thickness, 0),
        ]
    draw.polygon(points, fill=1)
    return mask


def bitmap_mask(bitmap: gf.Bitmap) -> Image.Image:
    """Ink mask of a graphic field: set bits are ink, exactly as stored."""
    return Image.frombytes("1", (bitmap.width, bitmap.rows), bitmap.data)


def _int(text: str, what: str, position: int) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ZplError(f"{what} is not a whole number: {text[:20]!r}", position=position) from None


def graphic_field(cmd: Command) -> gf.Bitmap:
    """Decode ``^GFa,b,c,d,data`` (``A`` hex/compressed/B64/Z64, ``B`` raw bytes)."""
    parts = cmd.text.split(",", 4)
    if len(parts) < 5:
        raise ZplError(
            "^GF needs format, byte counts, bytes per row and data", position=cmd.position
        )
    kind = parts[0].strip().upper() or "A"
    total = _int(parts[1], "^GF byte count", cmd.position)
    per_row = _int(parts[3], "^GF bytes per row", cmd.position)
    gf.check_size(total, per_row, position=cmd.position)
    data = parts[4]
    if kind == "B":
        raw = data.encode("latin-1", errors="replace")[:total].ljust(total, b"\x00")
        rows = -(-total // per_row)
        return gf.Bitmap(raw.ljust(rows * per_row, b"\x00"), per_row, rows)
    if kind != "A":
        raise ZplError(f"^GF format {kind!r} is not supported (use A or B)", position=cmd.position)
    return gf.decode_data(data, total_bytes=total, bytes_per_row=per_row, position=cmd.position)


@dataclass(frozen=True)
class StoredGraphic:
    name: str
    bitmap: gf.Bitmap


def graphic_name(text: str) -> str:
    """Normalise ``R:LOGO.GRF`` / ``LOGO`` / ``E:logo.grf`` to ``LOGO.GRF`` (device ignored)."""
    name = text.strip().upper()
    if ":" in name:
        name = name.split(":", 1)[1]
    if "." not in name:
        name += ".GRF"
    return name


def download_graphic(cmd: Command) -> StoredGraphic:
    """Decode ``~DGd:o.x,t,w,data``."""
    parts = cmd.text.split(",", 3)
    if len(parts) < 4:
        raise ZplError("~DG needs name, byte count, bytes per row and data", position=cmd.position)
    total = _int(parts[1], "~DG byte count", cmd.position)
    per_row = _int(parts[2], "~DG bytes per row", cmd.position)
    gf.check_size(total, per_row, position=cmd.position)
    bitmap = gf.decode_data(
        parts[3], total_bytes=total, bytes_per_row=per_row, position=cmd.position
    )
    return StoredGraphic(graphic_name(parts[0]), bitmap)
