"""ZPL graphic fields (``^GF``, ``~DG``): 1-bit images to ZPL data and back.

Shared by the printing layer (PNG label → ``^GF`` for a ZPL printer) and by the renderer (drawing
``^GF``/``~DG`` fields), so that a converted label renders back pixel-identical.

In a graphic field a set bit is a printed (black) dot; rows are padded to whole bytes. The data may
be plain ASCII hex, hex with Zebra's run-length compression (``G``–``Y`` and ``g``–``z`` repeat
counts, ``,`` zero-fill, ``!`` one-fill, ``:`` repeat the previous row), ``:B64:`` base64 or
``:Z64:`` base64 of zlib-deflated data, the last two followed by a CRC-16/XMODEM of the base64 text.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from dataclasses import dataclass

from PIL import Image

from station.errors import ZplError

#: The largest graphic field decoded, in bytes: a label's worth of dots (36 Mpx, see
#: ``station.zpl.params.MAX_LABEL_PIXELS``) at 8 dots a byte. A 600-dpi 4×6 label is ~1.1 MB.
MAX_GRAPHIC_BYTES = 36_000_000 // 8
#: The widest row of a graphic field: 12,000 dots.
MAX_BYTES_PER_ROW = 12_000 // 8

# Repeat-count characters of Zebra's ASCII compression.
_SMALL_COUNTS = {chr(ord("G") + i): i + 1 for i in range(19)}  # G=1 .. Y=19
_LARGE_COUNTS = {chr(ord("g") + i): (i + 1) * 20 for i in range(20)}  # g=20 .. z=400
_HEX = set("0123456789ABCDEFabcdef")
_ENCODED = re.compile(r":(B64|Z64):([A-Za-z0-9+/=\s]*):([0-9A-Fa-f]{4})?")


@dataclass(frozen=True)
class Bitmap:
    """A 1-bit raster as ZPL sees it: ``rows`` × ``bytes_per_row`` bytes, set bit = black dot."""

    data: bytes
    bytes_per_row: int
    rows: int

    @property
    def width(self) -> int:
        return self.bytes_per_row * 8

    def to_image(self, width: int | None = None) -> Image.Image:
        """A Pillow mode-"1" image (white paper, black dots), cropped to ``width`` if given."""
        raw = bytes(b ^ 0xFF for b in self.data)  # mode "1": a set bit is white
        image = Image.frombytes("1", (self.width, self.rows), raw)
        if width is not None and width < self.width:
            image = image.crop((0, 0, width, self.rows))
        return image


def image_to_bitmap(image: Image.Image, *, threshold: int = 128) -> Bitmap:
    """Convert any image to a 1-bit :class:`Bitmap` with a hard threshold (never dithered).

    Transparent pixels count as paper: DF PNG labels are RGBA with a transparent background.
    """
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        paper.alpha_composite(rgba)
        image = paper
    grey = image.convert("L")
    # point() with a hard cut: dark pixels become 0 (black) in mode "1" without dithering.
    mono = grey.point(lambda v: 255 if v >= threshold else 0, mode="1")
    width, height = mono.size
    bytes_per_row = (width + 7) // 8
    padded = Image.new("1", (bytes_per_row * 8, height), 1)
    padded.paste(mono, (0, 0))
    data = bytes(b ^ 0xFF for b in padded.tobytes())
    return Bitmap(data=data, bytes_per_row=bytes_per_row, rows=height)


def crc16(text: bytes) -> str:
    """CRC-16/XMODEM of the base64 text, as the four hex digits ZPL expects."""
    return f"{binascii.crc_hqx(text, 0):04X}"


def encode_data(bitmap: Bitmap, compression: str = "Z64") -> str:
    """The data part of a ``^GF``/``~DG`` field for ``bitmap``.

    ``compression``: ``"Z64"`` (smallest, the default), ``"B64"``, ``"ACS"`` (Zebra ASCII
    run-length compression) or ``"HEX"`` (plain hex, for debugging).
    """
    if compression == "Z64":
        text = base64.b64encode(zlib.compress(bitmap.data, 9))
        return f":Z64:{text.decode('ascii')}:{crc16(text)}"
    if compression == "B64":
        text = base64.b64encode(bitmap.data)
        return f":B64:{text.decode('ascii')}:{crc16(text)}"
    if compression == "HEX":
        return bitmap.data.hex().upper()
    if compression == "ACS":
        return _ascii_compress(bitmap)
    raise ValueError(f"unknown graphic compression {compression!r}")


def encode_gf(bitmap: Bitmap, compression: str = "Z64") -> str:
    """A complete ``^GFA`` command (without ``^FO``/``^FS``)."""
    total = len(bitmap.data)
    return f"^GFA,{total},{total},{bitmap.bytes_per_row},{encode_data(bitmap, compression)}"


def _count_chars(count: int) -> str:
    out = []
    while count >= 400:
        out.append("z")
        count -= 400
    if count >= 20:
        out.append(chr(ord("g") + count // 20 - 1))
        count %= 20
    if count:
        out.append(chr(ord("G") + count - 1))
    return "".join(out)


def _ascii_compress(bitmap: Bitmap) -> str:
    rows = []
    previous: str | None = None
    for r in range(bitmap.rows):
        row_hex = bitmap.data[r * bitmap.bytes_per_row : (r + 1) * bitmap.bytes_per_row].hex()
        row_hex = row_hex.upper()
        if row_hex == previous:
            rows.append(":")
            continue
        previous = row_hex
        stripped = row_hex.rstrip("0")
        suffix = "," if len(stripped) < len(row_hex) else ""
        if not stripped:
            rows.append(",")
            continue
        parts = []
        i = 0
        while i < len(stripped):
            j = i
            while j < len(stripped) and stripped[j] == stripped[i]:
                j += 1
            run = j - i
            parts.append(_count_chars(run) + stripped[i] if run > 1 else stripped[i])
            i = j
        rows.append("".join(parts) + suffix)
    return "".join(rows)


def decode_data(
    data: str, *, total_bytes: int, bytes_per_row: int, position: int | None = None
) -> Bitmap:
    """Decode the data part of a graphic field into a :class:`Bitmap` of ``total_bytes`` bytes.

    Raises :class:`ZplError` (with ``position`` when given) for a bad CRC, bad base64, a bad
    deflate stream or characters that are not part of the encoding.
    """
    check_size(total_bytes, bytes_per_row, position=position)
    rows = -(-total_bytes // bytes_per_row)
    capacity = rows * bytes_per_row
    stripped = data.strip()
    match = _ENCODED.fullmatch(stripped)
    if match:
        kind, text, crc = match.group(1), re.sub(r"\s", "", match.group(2)), match.group(3)
        if crc is not None and crc.upper() != crc16(text.encode("ascii")):
            raise ZplError(f"{kind} graphic data fails its CRC check", position=position)
        try:
            raw = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ZplError(f"{kind} graphic data is not valid base64", position=position) from exc
        if kind == "Z64":
            try:
                # Never more than the field holds: a deflate bomb stops here.
                raw = zlib.decompressobj().decompress(raw, capacity)
            except zlib.error as exc:
                raise ZplError("Z64 graphic data does not inflate", position=position) from exc
    else:
        raw = _ascii_decompress(stripped, bytes_per_row, capacity, position)
    raw = raw[:capacity].ljust(capacity, b"\x00")
    return Bitmap(data=raw, bytes_per_row=bytes_per_row, rows=rows)


def check_size(total_bytes: int, bytes_per_row: int, *, position: int | None = None) -> None:
    """Refuse a graphic field size no label needs, before anything is allocated for it."""
    if bytes_per_row <= 0 or total_bytes < 0:
        raise ZplError("graphic field has an invalid size", position=position)
    if bytes_per_row > MAX_BYTES_PER_ROW or total_bytes > MAX_GRAPHIC_BYTES:
        raise ZplError(
            f"graphic field of {total_bytes} bytes, {bytes_per_row} a row, is larger than any "
            f"label (at most {MAX_GRAPHIC_BYTES} bytes, {MAX_BYTES_PER_ROW} a row)",
            position=position,
        )


def _ascii_decompress(text: str, bytes_per_row: int, capacity: int, position: int | None) -> bytes:
    """Zebra's ASCII compression, written into at most ``capacity`` bytes: repeat counts and
    repeated rows beyond the field's size are dropped, as a printer drops them, never stored."""
    row_chars = bytes_per_row * 2
    limit = capacity * 2  # hex digits
    out = bytearray()  # hex digits, as ASCII
    count = 0

    def pad_row(fill: bytes) -> None:
        partial = len(out) % row_chars
        if partial:
            out.extend(fill * (row_chars - partial))

    for ch in text:
        if len(out) >= limit:
            break
        if ch in "\r\n\t ":
            continue
        if ch in _SMALL_COUNTS:
            count += _SMALL_COUNTS[ch]
            continue
        if ch in _LARGE_COUNTS:
            count += _LARGE_COUNTS[ch]
            continue
        if ch in _HEX:
            out.extend(ch.upper().encode("ascii") * min(max(count, 1), limit - len(out)))
            count = 0
        elif ch in ",!":
            fill = b"0" if ch == "," else b"F"
            if len(out) % row_chars:
                pad_row(fill)
            else:
                out.extend(fill * row_chars)
        elif ch == ":":
            pad_row(b"0")
            out.extend(out[-row_chars:] if out else b"0" * row_chars)
            count = 0
        else:
            raise ZplError(f"unexpected character {ch!r} in graphic data", position=position)
    pad_row(b"0")
    try:
        return bytes.fromhex(out[:limit].decode("ascii"))
    except ValueError as exc:  # pragma: no cover - every char is validated above
        raise ZplError("graphic data is not hexadecimal", position=position) from exc
