"""Draw parsed ZPL labels onto a 1-bit Pillow image, command by command, like a printer.

The canvas is an ink mask (mode ``1``, set = ink) so that ``^FR`` (reverse) is a plain XOR and a
white ``^GB`` a plain clear; it is inverted into paper colours at the end. Positions are in dots of
the chosen resolution: a ZPL label is designed for one resolution and is not rescaled.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PIL import Image, ImageChops

from station.errors import ZplError
from station.zpl import graphics, symbols
from station.zpl.barcodes import BarcodeDataError
from station.zpl.code128 import is_digits
from station.zpl.gf import Bitmap
from station.zpl.graphics import StoredGraphic
from station.zpl.params import (
    MAX_DOTS,
    MAX_DRAWN_PIXELS,
    MAX_LABEL_PIXELS,
    MAX_STORED_GRAPHIC_BYTES,
    fnum,
    num,
    orientation,
)
from station.zpl.parser import Command, Document, Label, ParseWarning, parse
from station.zpl.symbols import DOTS_PER_INCH
from station.zpl.text import (
    FieldBlock,
    FontSpec,
    TextImage,
    codec_for,
    decode_field,
    render_block,
    render_line,
    resolve_font,
)

SUPPORTED_DPI = (152, 203, 300, 600)
MAX_COPIES = 100
#: The most dots :func:`render_all` returns in all: 100 copies of a 4×6 label at 203 dpi.
MAX_RESULT_PIXELS = 150_000_000

# Accepted and deliberately without a visual effect on a preview.
# fmt: off
_NO_EFFECT = frozenset({
    "MC", "PR", "MD", "PQ", "PW", "LL", "PO", "LT", "LS", "FX", "MM", "MN", "MT", "JU", "JM", "CC",
    "CT", "CD", "XB", "ID", "JZ", "PM", "JS", "SD", "TA", "JT", "KL",
})
# fmt: on
_PAPER = [255] + [0] * 255  # ink mask -> paper colours
_ROTATE = {
    "R": Image.Transpose.ROTATE_270,
    "I": Image.Transpose.ROTATE_180,
    "B": Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class RenderResult:
    """One printed label: the image (mode ``1``, dpi in ``image.info``) and what was skipped."""

    image: Image.Image
    warnings: tuple[ParseWarning, ...]


@dataclass
class _Field:
    x: int = 0
    y: int = 0
    typeset: bool = False  # ^FT: origin is the baseline / lower-left, not the top-left
    font: FontSpec | None = None
    block: FieldBlock | None = None
    reverse: bool = False
    hex_indicator: str | None = None
    barcode: Command | None = None
    data: str | None = None
    data_cmd: Command | None = None


@dataclass
class _Setup:
    width: int
    length: int
    invert: bool = False
    top: int = 0
    shift: int = 0
    copies: int = 1


def label_setup(label: Label, dpi: int) -> _Setup:
    """Label size, inversion, shifts and copies, which apply to the whole label wherever given."""
    per_inch = DOTS_PER_INCH.get(dpi, float(dpi))
    setup = _Setup(width=round(4 * per_inch), length=round(6 * per_inch))
    for cmd in label.commands:
        if cmd.name == "PW":
            setup.width = num(cmd, 0, setup.width, 2, MAX_DOTS)
        elif cmd.name == "LL":
            setup.length = num(cmd, 0, setup.length, 1, MAX_DOTS)
        elif cmd.name == "PO":
            setup.invert = cmd.param(0, "N").upper() == "I"
        elif cmd.name == "LT":
            setup.top = num(cmd, 0, 0, -120, 120)
        elif cmd.name == "LS":
            setup.shift = num(cmd, 0, 0, -9999, 9999)
        elif cmd.name == "PQ":
            setup.copies = num(cmd, 0, 1, 1, 99_999_999)
    if setup.width * setup.length > MAX_LABEL_PIXELS:
        raise ZplError(
            f"the label is {setup.width}×{setup.length} dots, larger than any label the station "
            f"draws (at most {MAX_LABEL_PIXELS // 1_000_000} million dots)",
            position=label.position,
        )
    return setup


@dataclass
class _Context:
    dpi: int
    from_bytes: bool
    graphics: dict[str, Bitmap]
    warnings: list[ParseWarning] = field(default_factory=list)

    stored_bytes: int = 0

    def store(self, stored: StoredGraphic, position: int) -> None:
        """``~DG``: keep a graphic for ``^XG``, within the stream's graphics memory."""
        replaced = self.graphics.get(stored.name)
        self.stored_bytes += len(stored.bitmap.data) - (
            0 if replaced is None else len(replaced.data)
        )
        self.graphics[stored.name] = stored.bitmap
        if self.stored_bytes > MAX_STORED_GRAPHIC_BYTES:
            raise ZplError(
                f"the stored graphics (~DG) take more than "
                f"{MAX_STORED_GRAPHIC_BYTES // (1024 * 1024)} MiB",
                position=position,
            )


class _LabelRenderer:
    """The state of one label while its commands are played (one instance per printed copy)."""

    def __init__(self, ctx: _Context, setup: _Setup, copy_index: int) -> None:
        self.ctx = ctx
        self.setup = setup
        self.copy_index = copy_index
        self.canvas = Image.new("1", (setup.width, setup.length), 0)
        self.home = (0, 0)
        self.default_font = FontSpec("A", 9, 5)
        self.default_orientation = "N"
        self.module_w = 2
        self.ratio = 3.0
        self.bar_height = 10
        self.codec = "cp850"
        self.reverse_all = False
        self.field = _Field()
        self.drawn = 0  # dots of ink masks placed so far: the label's work bound

    def _count(self, mask: Image.Image) -> None:
        self.drawn += mask.width * mask.height
        if self.drawn > MAX_DRAWN_PIXELS:
            raise ZplError(
                f"the label draws more than {MAX_DRAWN_PIXELS // 1_000_000} million dots in all; "
                "no real label does, so the station stopped drawing it"
            )

    def warn(self, cmd: Command, message: str) -> None:
        self.ctx.warnings.append(ParseWarning(cmd.code, cmd.position, message))

    # --- placement -----------------------------------------------------------------------

    def place(self, mask: Image.Image, anchor_y: int, orientation: str = "N") -> None:
        """Put an ink mask at the field origin; ``anchor_y`` is the ``^FT`` baseline row."""
        self._count(mask)
        f = self.field
        w, h = mask.size
        ax, ay = 0, anchor_y
        if orientation in _ROTATE:
            mask = mask.transpose(_ROTATE[orientation])
            if orientation == "R":
                ax, ay = h - ay, 0
            elif orientation == "I":
                ax, ay = w, h - ay
            else:  # B
                ax, ay = ay, w
        x = f.x - (ax if f.typeset else 0) - self.setup.shift
        y = f.y - (ay if f.typeset else 0) + self.setup.top
        if f.reverse or self.reverse_all:
            region = self.canvas.crop((x, y, x + mask.width, y + mask.height))
            self.canvas.paste(ImageChops.logical_xor(region, mask), (x, y))
        else:
            self.canvas.paste(1, (x, y), mask)

    def clear(self, mask: Image.Image) -> None:
        """White ink (``^GB…,W``): clears what is under the mask."""
        self._count(mask)
        f = self.field
        x = f.x - self.setup.shift
        y = f.y - (mask.height if f.typeset else 0) + self.setup.top
        if f.reverse or self.reverse_all:
            region = self.canvas.crop((x, y, x + mask.width, y + mask.height))
            self.canvas.paste(ImageChops.logical_xor(region, mask), (x, y))
        else:
            self.canvas.paste(0, (x, y), mask)

    # --- command dispatch ------------------------------------------------------------------

    def run(self, commands: tuple[Command, ...]) -> None:
        for cmd in commands:
            handler = getattr(self, f"cmd_{cmd.name}", None)
            if cmd.prefix == "~" and cmd.name == "DG":
                self.download(cmd)
            elif handler is not None and cmd.prefix == "^":
                handler(cmd)
            elif cmd.name in _NO_EFFECT:
                continue
            else:
                self.warn(cmd, "command not supported; skipped")
        if self.field.data is not None or self.field.barcode is not None:
            if self.field.data is not None and self.field.data_cmd is not None:
                self.warn(self.field.data_cmd, "field not closed with ^FS; printed anyway")
            self.finish_field()

    def download(self, cmd: Command) -> None:
        self.ctx.store(graphics.download_graphic(cmd), cmd.position)

    # setup
    def cmd_LH(self, cmd: Command) -> None:
        self.home = (num(cmd, 0, 0, 0, MAX_DOTS), num(cmd, 1, 0, 0, MAX_DOTS))

    def cmd_CI(self, cmd: Command) -> None:
        self.codec = codec_for(num(cmd, 0, 0, 0, 36))

    def cmd_FW(self, cmd: Command) -> None:
        self.default_orientation = orientation(cmd.param(0), self.default_orientation)

    def cmd_LR(self, cmd: Command) -> None:
        self.reverse_all = cmd.param(0, "N").upper() == "Y"

    def cmd_CF(self, cmd: Command) -> None:
        name = cmd.param(0, self.default_font.name)[:1]
        height = num(cmd, 1, 0, 0, MAX_DOTS) or None
        width = num(cmd, 2, 0, 0, MAX_DOTS) or None
        if height is None and width is None and name == self.default_font.name:
            return
        if height is None and width is None and name != "0" and name.upper() not in "ABCDEFGH":
            height = self.default_font.height
        self.default_font = resolve_font(name, height, width, 1.0)

    def cmd_BY(self, cmd: Command) -> None:
        self.module_w = num(cmd, 0, self.module_w, 1, 10)
        self.ratio = fnum(cmd, 1, self.ratio, 2.0, 3.0)
        self.bar_height = num(cmd, 2, self.bar_height, 1, MAX_DOTS)

    # fields
    def _origin(self, cmd: Command, typeset: bool) -> None:
        if self.field.data is not None or self.field.barcode is not None:
            self.warn(cmd, "previous field was not closed with ^FS")
            self.finish_field()
        self.field = _Field(
            x=num(cmd, 0, 0, -MAX_DOTS, MAX_DOTS) + self.home[0],
            y=num(cmd, 1, 0, -MAX_DOTS, MAX_DOTS) + self.home[1],
            typeset=typeset,
            reverse=False,
        )

    def cmd_FO(self, cmd: Command) -> None:
        self._origin(cmd, typeset=False)

    def cmd_FT(self, cmd: Command) -> None:
        self._origin(cmd, typeset=True)

    def cmd_A(self, cmd: Command) -> None:
        font = cmd.text[:1] or "0"
        rest = Command(cmd.prefix, cmd.name, cmd.text[1:], cmd.position)
        turn = orientation(rest.param(0), self.default_orientation)
        height = num(rest, 1, 0, 0, MAX_DOTS) or None
        width = num(rest, 2, 0, 0, MAX_DOTS) or None
        if font == "@":
            font = "0"
        if font.upper() not in "ABCDEFGH" and not height and not width:
            height = self.default_font.height
        spec = resolve_font(font, height, width, 1.0)
        self.field.font = replace(spec, orientation=turn)

    def cmd_FB(self, cmd: Command) -> None:
        self.field.block = FieldBlock(
            width=num(cmd, 0, 0, 0, MAX_DOTS),
            lines=num(cmd, 1, 1, 1, 999),
            spacing=num(cmd, 2, 0, -999, 999),
            justify=(
                cmd.param(3, "L")[:1].upper() if cmd.param(3, "L")[:1].upper() in "LCRJ" else "L"
            ),
            indent=num(cmd, 4, 0, 0, 9999),
        )

    def cmd_FR(self, cmd: Command) -> None:
        self.field.reverse = True

    def cmd_FH(self, cmd: Command) -> None:
        self.field.hex_indicator = cmd.text[:1] or "_"

    def cmd_FD(self, cmd: Command) -> None:
        self.field.data = (self.field.data or "") + cmd.text
        self.field.data_cmd = cmd

    cmd_FV = cmd_FD

    def cmd_SN(self, cmd: Command) -> None:
        start = cmd.param(0, "1")
        step = num(cmd, 1, 1, -99_999_999, 99_999_999)
        pad = cmd.param(2, "N").upper() == "Y"
        self.field.data = serial_value(start, step * self.copy_index, zero_pad=pad)
        self.field.data_cmd = cmd

    def cmd_FS(self, cmd: Command) -> None:
        self.finish_field()

    # graphics
    def _ink(self, mask: Image.Image, colour: str) -> None:
        if colour.upper().startswith("W"):
            self.clear(mask)
        else:
            self.place(mask, mask.height)

    def cmd_GB(self, cmd: Command) -> None:
        t = num(cmd, 2, 1, 1, MAX_DOTS)
        w = num(cmd, 0, t, 1, MAX_DOTS)
        h = num(cmd, 1, t, 1, MAX_DOTS)
        self._ink(graphics.box(w, h, t, num(cmd, 4, 0, 0, 8)), cmd.param(3, "B"))

    def cmd_GC(self, cmd: Command) -> None:
        d = num(cmd, 0, 3, 3, MAX_DOTS)
        self._ink(graphics.ellipse(d, d, num(cmd, 1, 1, 1, MAX_DOTS)), cmd.param(2, "B"))

    def cmd_GE(self, cmd: Command) -> None:
        w = num(cmd, 0, 3, 3, MAX_DOTS)
        h = num(cmd, 1, 3, 3, MAX_DOTS)
        self._ink(graphics.ellipse(w, h, num(cmd, 2, 1, 1, MAX_DOTS)), cmd.param(3, "B"))

    def cmd_GD(self, cmd: Command) -> None:
        t = num(cmd, 2, 1, 1, MAX_DOTS)
        w = num(cmd, 0, t, 3, MAX_DOTS)
        h = num(cmd, 1, t, 3, MAX_DOTS)
        mask = graphics.diagonal(w, h, t, cmd.param(4, "R"))
        self._ink(mask, cmd.param(3, "B"))

    def cmd_GF(self, cmd: Command) -> None:
        mask = graphics.bitmap_mask(graphics.graphic_field(cmd))
        self.place(mask, mask.height)

    def _recall(self, cmd: Command, magnify: bool) -> None:
        name = graphics.graphic_name(cmd.param(0))
        bitmap = self.ctx.graphics.get(name)
        if bitmap is None:
            self.warn(cmd, f"stored graphic {name} was never downloaded (~DG); skipped")
            return
        mask = graphics.bitmap_mask(bitmap)
        if magnify:
            mx = num(cmd, 1, 1, 1, 10)
            my = num(cmd, 2, 1, 1, 10)
            if (mx, my) != (1, 1):
                graphics.check_mask(mask.width * mx, mask.height * my, "^XG", cmd.position)
                mask = mask.resize((mask.width * mx, mask.height * my), Image.Resampling.NEAREST)
        self.place(mask, mask.height)

    def cmd_XG(self, cmd: Command) -> None:
        self._recall(cmd, magnify=True)

    def cmd_IM(self, cmd: Command) -> None:
        self._recall(cmd, magnify=False)

    # barcodes select the field type; drawing happens at ^FS
    def _barcode(self, cmd: Command) -> None:
        self.field.barcode = cmd

    cmd_BC = cmd_B3 = cmd_B2 = cmd_BE = cmd_BU = cmd_B7 = cmd_BX = cmd_BQ = cmd_BD = _barcode

    # --- fields ---------------------------------------------------------------------------

    def field_text(self) -> str:
        f = self.field
        text, bad = decode_field(
            f.data or "",
            from_bytes=self.ctx.from_bytes,
            codec=self.codec,
            hex_indicator=f.hex_indicator,
        )
        if bad and f.data_cmd is not None:
            self.warn(f.data_cmd, "^FH escape is not two hex digits; printed as is")
        return text

    def finish_field(self) -> None:
        f = self.field
        try:
            if f.barcode is not None:
                if f.data is not None:
                    self.draw_barcode(f.barcode, self.field_text())
                else:
                    self.warn(f.barcode, "barcode has no field data; skipped")
            elif f.data is not None:
                self.draw_text(self.field_text())
        finally:
            self.field = _Field(x=f.x, y=f.y, typeset=f.typeset)

    def draw_text(self, text: str) -> None:
        f = self.field
        spec = f.font or replace(self.default_font, orientation=self.default_orientation)
        rendered: TextImage
        if f.block is not None and f.block.width > 0:
            rendered = render_block(text, f.block, spec)
        else:
            rendered = render_line(text, spec)
        self.place(rendered.mask, rendered.baseline, spec.orientation)

    def draw_barcode(self, cmd: Command, data: str) -> None:
        defaults = symbols.BarcodeDefaults(
            self.module_w, self.ratio, self.bar_height, self.default_orientation, self.ctx.dpi
        )
        try:
            built = symbols.build(cmd, data, defaults)
        except BarcodeDataError as exc:
            self.warn(cmd, f"barcode data cannot be encoded ({exc}); skipped")
            return
        for note in built.notes:
            self.warn(cmd, note)
        self.place(built.symbol.mask, built.symbol.bottom, built.orientation)

    def image(self) -> Image.Image:
        image = self.canvas.convert("L").point(_PAPER, mode="1")
        if self.setup.invert:
            image = image.transpose(Image.Transpose.ROTATE_180)
        image.info["dpi"] = (self.ctx.dpi, self.ctx.dpi)
        return image


def serial_value(start: str, offset: int, *, zero_pad: bool) -> str:
    """``^SN``: the last run of digits in ``start`` counts; the rest is kept."""
    end = len(start)
    while end > 0 and not is_digits(start[end - 1]):
        end -= 1
    begin = end
    while begin > 0 and is_digits(start[begin - 1]):
        begin -= 1
    if begin == end:
        return start
    begin = max(begin, end - 18)  # a counter, not a bignum
    digits = start[begin:end]
    value = int(digits) + offset
    text = str(abs(value))
    if zero_pad or digits.startswith("0"):
        text = text.rjust(len(digits), "0")
    return start[:begin] + ("-" if value < 0 else "") + text + start[end:]


def _preamble_graphics(ctx: _Context, doc: Document, upto: int) -> None:
    for index, label in enumerate(doc.labels[: upto + 1]):
        for cmd in label.preamble:
            if cmd.prefix == "~" and cmd.name == "DG":
                ctx.store(graphics.download_graphic(cmd), cmd.position)
        if index < upto:
            for cmd in label.commands:
                if cmd.prefix == "~" and cmd.name == "DG":
                    ctx.store(graphics.download_graphic(cmd), cmd.position)


def _check_dpi(dpi: int) -> None:
    if dpi not in SUPPORTED_DPI:
        raise ValueError(f"dpi must be one of {SUPPORTED_DPI}, not {dpi}")


def _render_label(ctx: _Context, label: Label, copy_index: int) -> Image.Image:
    setup = label_setup(label, ctx.dpi)
    renderer = _LabelRenderer(ctx, setup, copy_index)
    renderer.run(label.commands)
    return renderer.image()


def render(zpl: str | bytes | Document, dpi: int = 203, *, label_index: int = 0) -> RenderResult:
    """Render one label (the first by default) of a ZPL stream.

    Raises :class:`ZplError` for malformed ZPL and :class:`IndexError` for a missing label.
    """
    _check_dpi(dpi)
    doc = zpl if isinstance(zpl, Document) else parse(zpl)
    if not 0 <= label_index < len(doc.labels):
        raise IndexError(f"label {label_index} not found; the ZPL holds {len(doc.labels)}")
    ctx = _Context(dpi=dpi, from_bytes=doc.from_bytes, graphics={})
    ctx.warnings.extend(doc.warnings)
    _preamble_graphics(ctx, doc, label_index)
    image = _render_label(ctx, doc.labels[label_index], 0)
    return RenderResult(image, tuple(ctx.warnings))


def render_all(
    zpl: str | bytes | Document,
    dpi: int = 203,
    *,
    copies: bool = True,
    max_labels: int = MAX_COPIES,
) -> list[RenderResult]:
    """Every printed label in order: each ``^XA…^XZ`` and, with ``copies``, its ``^PQ`` copies
    (``^SN`` serials count up across them), at most ``max_labels`` images and
    :data:`MAX_RESULT_PIXELS` dots in all (so ``^PQ`` cannot multiply a large label into
    gigabytes)."""
    _check_dpi(dpi)
    doc = zpl if isinstance(zpl, Document) else parse(zpl)
    ctx = _Context(dpi=dpi, from_bytes=doc.from_bytes, graphics={})
    results: list[RenderResult] = []
    pixels = 0
    pending = list(doc.warnings)
    for label in doc.labels:
        _preamble_only(ctx, label)
        count = label_setup(label, dpi).copies if copies else 1
        for copy_index in range(count):
            if len(results) >= max_labels or pixels >= MAX_RESULT_PIXELS:
                why = (
                    f"more than {max_labels} labels"
                    if len(results) >= max_labels
                    else f"more than {MAX_RESULT_PIXELS // 1_000_000} million dots of labels"
                )
                ctx.warnings.append(ParseWarning("^PQ", label.position, f"{why}; stopped"))
                return _with_tail_warning(results, ctx.warnings)
            ctx.warnings = pending
            image = _render_label(ctx, label, copy_index)
            results.append(RenderResult(image, tuple(ctx.warnings)))
            pixels += image.width * image.height
            pending = []
    return results


def _preamble_only(ctx: _Context, label: Label) -> None:
    for cmd in label.preamble:
        if cmd.prefix == "~" and cmd.name == "DG":
            stored = graphics.download_graphic(cmd)
            ctx.graphics[stored.name] = stored.bitmap


def _with_tail_warning(
    results: list[RenderResult], warnings: list[ParseWarning]
) -> list[RenderResult]:
    if results:
        last = results[-1]
        results[-1] = RenderResult(last.image, (*last.warnings, *warnings[-1:]))
    return results
