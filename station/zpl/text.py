"""Field text: ``^FH`` hex escapes, ``^CI`` code pages, fonts and the ``^FB`` field block.

Zebra's own fonts are not free, so font 0 (scalable) is drawn with the bundled DejaVu Sans
Condensed Bold and the bitmap fonts ``A``–``H`` with DejaVu Sans Mono at their nominal cell sizes.
Positions and heights follow the printer (cell height in dots, baseline at the cell's ascent), so
boxes and barcodes around the text stay where they belong even though glyph shapes differ.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from station.resources import font_path
from station.zpl.params import MAX_LABEL_PIXELS

# ^CI value -> Python codec. Zebra's single-byte sets 0-13 are code page 850 with national
# substitutions of a few ASCII characters, which carrier labels do not use.
_CODEPAGES = {27: "cp1252", 28: "utf-8", 29: "utf-16-be", 30: "utf-16-le", 31: "cp1252"}

# Text larger than this (in dots) is cut: no label is that big, and it bounds memory.
MAX_TEXT_DOTS = 12_000
MAX_FONT_DOTS = 3_000

_CONTROLS = dict.fromkeys([*range(32), 127])  # not printed by a printer: dropped
_THRESHOLD = [0] * 128 + [255] * 128  # grey -> 1-bit lookup table (a lambda costs 256 calls)

# Bitmap fonts at 203 dpi: (cell height, cell width) in dots.
BITMAP_FONTS: dict[str, tuple[int, int]] = {
    "A": (9, 5),
    "B": (11, 7),
    "C": (18, 10),
    "D": (18, 10),
    "E": (28, 15),
    "F": (26, 13),
    "G": (60, 40),
    "H": (21, 13),
}


def codec_for(ci: int) -> str:
    return _CODEPAGES.get(ci, "cp850")


def decode_field(
    raw: str, *, from_bytes: bool, codec: str, hex_indicator: str | None
) -> tuple[str, bool]:
    """The printable text of field data, and whether an ``^FH`` escape was malformed.

    Bytes input was read as Latin-1, so its characters are the original bytes and are decoded with
    the ``^CI`` codec here. A ``str`` input is already text; only its ``^FH`` escapes are bytes.
    """
    if hex_indicator is None:
        if not from_bytes:
            return raw, False
        return raw.encode("latin-1").decode(codec, errors="replace"), False
    out = bytearray()
    literal_codec = "latin-1" if from_bytes else codec
    bad = False
    i = 0
    n = len(raw)
    while i < n:
        ch = raw[i]
        if ch == hex_indicator and i + 2 < n and _is_hex(raw[i + 1 : i + 3]):
            out.append(int(raw[i + 1 : i + 3], 16))
            i += 3
            continue
        if ch == hex_indicator:
            bad = True
        out.extend(ch.encode(literal_codec, errors="replace"))
        i += 1
    return bytes(out).decode(codec, errors="replace"), bad


def _is_hex(text: str) -> bool:
    return len(text) == 2 and all(c in "0123456789abcdefABCDEF" for c in text)


@dataclass(frozen=True)
class FontSpec:
    """A resolved ``^A``/``^CF`` font: name, cell height and width in dots, orientation."""

    name: str
    height: int
    width: int
    orientation: str = "N"


def resolve_font(name: str, height: int | None, width: int | None, dpi_scale: float) -> FontSpec:
    """Apply Zebra's sizing rules: bitmap fonts scale by whole multiples of their cell."""
    name = name.upper() or "0"
    if name in BITMAP_FONTS:
        base_h, base_w = (max(1, round(v * dpi_scale)) for v in BITMAP_FONTS[name])
        mag_h = max(1, round(height / base_h)) if height else 1
        mag_w = max(1, round(width / base_w)) if width else mag_h
        if height and not width:
            mag_w = mag_h
        if width and not height:
            mag_h = mag_w
        mag_h, mag_w = min(mag_h, 10), min(mag_w, 10)  # Zebra's limit
        return FontSpec(name, base_h * mag_h, base_w * mag_w)
    h = height or (width or max(1, round(9 * dpi_scale)))
    w = width or h
    return FontSpec("0", max(1, min(h, MAX_FONT_DOTS)), max(1, min(w, MAX_FONT_DOTS)))


@functools.lru_cache(maxsize=64)
def _truetype(mono: bool, size: int) -> ImageFont.FreeTypeFont:
    file = "DejaVuSansMono.ttf" if mono else "DejaVuSansCondensed-Bold.ttf"
    # The basic layout engine: labels need no complex shaping, and raqm fails on control codes.
    return ImageFont.truetype(str(font_path(file)), size, layout_engine=ImageFont.Layout.BASIC)


@dataclass(frozen=True)
class TextImage:
    """Ink mask of one text field (mode ``1``, set = ink) and its baseline in dots from the top."""

    mask: Image.Image
    baseline: int


def _font_for(spec: FontSpec) -> tuple[ImageFont.FreeTypeFont, float]:
    """A Pillow font whose em fills the cell height, and the horizontal stretch to apply."""
    mono = spec.name != "0"
    font = _truetype(mono, spec.height)
    if mono:
        natural = font.getlength("M") or 1.0
        return font, spec.width / natural
    # Zebra's font 0 is condensed: at width == height its glyphs are roughly as wide as DejaVu
    # Sans Condensed Bold at the same size, so the ratio is the stretch.
    return font, spec.width / spec.height


def measure(text: str, spec: FontSpec) -> int:
    font, stretch = _font_for(spec)
    return round(font.getlength(text) * stretch)


def render_line(text: str, spec: FontSpec) -> TextImage:
    """One line of text; the baseline sits at the font's ascent scaled into the cell height."""
    font, stretch = _font_for(spec)
    text = text.translate(_CONTROLS)
    ascent, descent = font.getmetrics()
    cell = spec.height
    baseline = max(1, round(cell * ascent / max(1, ascent + descent)))
    longest = min(MAX_TEXT_DOTS, MAX_LABEL_PIXELS // max(1, cell))  # the mask stays label-sized
    while text and font.getlength(text) * max(1.0, stretch) > longest:
        text = text[: len(text) // 2]
    natural = max(1, round(font.getlength(text)))
    width = max(1, round(natural * stretch))
    image = Image.new("L", (natural, cell), 0)
    if text:
        ImageDraw.Draw(image).text((0, baseline), text, font=font, fill=255, anchor="ls")
    if width != natural:
        image = image.resize((width, cell), Image.Resampling.BILINEAR)
    # Anti-aliased glyphs cut at half grey: hinting of 1-bit rendering moves baselines by a dot.
    mask = image.point(_THRESHOLD, mode="1")
    return TextImage(mask, baseline)


@dataclass(frozen=True)
class FieldBlock:
    """``^FB`` width, max lines, extra line spacing, justification (L/C/R/J) and hanging indent."""

    width: int
    lines: int = 1
    spacing: int = 0
    justify: str = "L"
    indent: int = 0


def wrap(text: str, block: FieldBlock, spec: FontSpec) -> list[str]:
    """Word-wrap into the block width; ``\\&`` forces a break; excess lines are dropped."""
    out: list[str] = []
    for paragraph in text.split("\\&"):
        words = paragraph.split(" ")
        line = ""
        for word in words:
            candidate = word if not line else f"{line} {word}"
            limit = block.width - (block.indent if out else 0)
            if line and measure(candidate, spec) > limit:
                out.append(line)
                line = word
            else:
                line = candidate
        out.append(line)
    return out[: max(1, block.lines)]


def render_block(text: str, block: FieldBlock, spec: FontSpec) -> TextImage:
    """A field block; its baseline is that of the last line slot (what ``^FT`` anchors to)."""
    lines = wrap(text, block, spec)
    pitch = max(1, spec.height + block.spacing)
    tallest = min(MAX_TEXT_DOTS, MAX_LABEL_PIXELS // max(1, block.width))
    slots = max(1, min(block.lines, tallest // pitch))
    height = pitch * (slots - 1) + spec.height
    image = Image.new("1", (max(1, block.width), max(1, height)), 0)
    baseline = spec.height
    for index, line in enumerate(lines):
        rendered = render_line(line.strip() if block.justify != "L" else line, spec)
        baseline = rendered.baseline
        indent = block.indent if index > 0 else 0
        free = block.width - indent - rendered.mask.width
        if block.justify == "C":
            x = indent + free // 2
        elif block.justify == "R":
            x = indent + free
        else:
            x = indent
        top = index * pitch
        if block.justify == "J" and index < len(lines) - 1 and " " in line.strip():
            _paste_justified(image, line.strip(), spec, indent, top, block.width - indent)
            continue
        image.paste(1, (x, top), rendered.mask)
    return TextImage(image, pitch * (slots - 1) + baseline)


def _paste_justified(
    image: Image.Image, line: str, spec: FontSpec, x0: int, top: int, width: int
) -> None:
    words = [w for w in line.split(" ") if w]
    rendered = [render_line(w, spec).mask for w in words]
    gap_total = width - sum(r.width for r in rendered)
    gaps = max(1, len(words) - 1)
    x = x0
    for index, mask in enumerate(rendered):
        image.paste(1, (x, top), mask)
        x += mask.width + gap_total // gaps + (1 if index < gap_total % gaps else 0)
