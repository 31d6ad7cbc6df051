"""ZPL barcode commands (``^BC ^B3 ^B2 ^BE ^BU ^B7 ^BX ^BQ ^BD``) with their field data to
symbols: parameters and ``^BY`` defaults applied, data prefixes and escapes unwrapped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import zint

from station.zpl import barcodes, code128
from station.zpl.code128 import is_digits
from station.zpl.params import MAX_DOTS, num, orientation
from station.zpl.parser import Command

# Printers are built in dots per millimetre (6, 8, 12, 24): their "300 dpi" is 12 dots/mm, so a
# 4×6 in label is 1218×1827 dots there, not 1200×1800. Nominal dpi -> dots per inch for sizes.
DOTS_PER_INCH = {152: 152.25, 203: 203.0, 300: 304.5, 600: 609.0}


@dataclass(frozen=True)
class BarcodeDefaults:
    """``^BY`` module width, wide-to-narrow ratio and height; ``^FW`` orientation; resolution."""

    module_w: int = 2
    ratio: float = 3.0
    bar_height: int = 10
    orientation: str = "N"
    dpi: int = 203


@dataclass(frozen=True)
class Built:
    """A drawn symbol, its orientation, and notes for the warning list."""

    symbol: barcodes.Symbol
    orientation: str
    notes: list[str] = field(default_factory=list)


def build(cmd: Command, data: str, d: BarcodeDefaults) -> Built:
    """Raises :class:`~station.zpl.barcodes.BarcodeDataError` for data the symbology refuses:
    a printer prints nothing for it, so the renderer warns and carries on."""
    turn = orientation(cmd.param(0), d.orientation)
    notes: list[str] = []
    name = cmd.name
    w = d.module_w
    font_h = max(10, 9 * w)
    if name == "BC":
        return Built(_code128(cmd, data, d, font_h, notes), turn, notes)
    if name in ("B3", "B2", "BE", "BU"):
        return Built(_linear(cmd, data, d, font_h), turn, notes)
    if name == "B7":
        rows = num(cmd, 4, 0, 0, 90)
        cols = num(cmd, 3, 0, 0, 30)
        options: dict[str, object] = {}
        if cmd.param(2):
            options["option_1"] = num(cmd, 2, 0, 0, 8)
        if cols:
            options["option_2"] = cols
        if rows >= 3:
            options["option_3"] = rows
        sym = barcodes.encode(zint.Symbology.PDF417, data.encode("latin-1", "replace"), **options)
        modules = barcodes.matrix(sym)
        row_h = num(cmd, 1, d.bar_height, 1, MAX_DOTS // max(1, len(modules)))
        mask = barcodes.matrix_mask(modules, w, max(1, row_h))
        return Built(barcodes.Symbol(mask, mask.height), turn, notes)
    if name == "BX":
        size = num(cmd, 1, w, 1, MAX_DOTS)
        payload = datamatrix_payload(data, cmd.param(6, "~")[:1] or "~")
        sym = barcodes.encode(
            zint.Symbology.DATAMATRIX, payload.encode("latin-1", "replace"), option_3=100
        )
        mask = barcodes.matrix_mask(barcodes.matrix(sym), size, size)
        return Built(barcodes.Symbol(mask, mask.height), turn, notes)
    if name == "BQ":
        default_mag = {152: 1, 203: 2, 300: 3, 600: 6}.get(d.dpi, 2)
        mag = num(cmd, 2, default_mag, 1, 10)
        ecc, payload = qr_payload(data, cmd.param(3, "Q"))
        level = {"L": 1, "M": 2, "Q": 3, "H": 4}.get(ecc, 3)
        sym = barcodes.encode(
            zint.Symbology.QRCODE, payload.encode("utf-8", "replace"), option_1=level
        )
        mask = barcodes.matrix_mask(barcodes.matrix(sym), mag, mag)
        return Built(barcodes.Symbol(mask, mask.height), "N", notes)
    # BD: MaxiCode
    mode = num(cmd, 0, 2, 2, 6)
    primary, secondary = maxicode_message(mode, data)
    options = {"option_1": mode}
    if primary:
        options["primary"] = primary
    sym = barcodes.encode(
        zint.Symbology.MAXICODE, secondary.encode("latin-1", "replace"), **options
    )
    per_inch = DOTS_PER_INCH.get(d.dpi, float(d.dpi))
    return Built(barcodes.maxicode(sym, per_inch), "N", notes)


def _code128(
    cmd: Command, data: str, d: BarcodeDefaults, font_h: int, notes: list[str]
) -> barcodes.Symbol:
    height = num(cmd, 1, d.bar_height, 1, MAX_DOTS)
    show = cmd.param(2, "Y").upper() == "Y"
    above = cmd.param(3, "N").upper() == "Y"
    check = cmd.param(4, "N").upper() == "Y"
    mode = cmd.param(5, "N").upper()[:1]
    readable: str
    if mode == "U":
        symbol = code128.encode_ucc_case(data)
        readable = symbol.text
    elif mode == "D":
        symbol, readable = code128.encode_gs1(data)
    elif mode == "A":
        symbol = code128.encode_auto(data)
        readable = symbol.text
    else:
        if check:
            digits = "".join(c for c in data if is_digits(c))
            data += code128.mod10(digits) if digits else ""
        symbol = code128.encode_manual(data)
        readable = symbol.text
    if symbol.skipped:
        notes.append(f"{symbol.skipped} character(s) not encodable in their Code 128 subset")
    elements = barcodes.bar_widths(symbol.modules(), d.module_w, None)
    return barcodes.linear(
        elements,
        height,
        readable if show else None,
        above=above,
        module_w=d.module_w,
        font_height=font_h,
    )


def _linear(cmd: Command, data: str, d: BarcodeDefaults, font_h: int) -> barcodes.Symbol:
    name = cmd.name
    ratio: float | None = None
    if name == "B3":
        check = cmd.param(1, "N").upper() == "Y"
        height = num(cmd, 2, d.bar_height, 1, MAX_DOTS)
        show, above = cmd.param(3, "Y"), cmd.param(4, "N")
        sym = barcodes.encode(zint.Symbology.CODE39, data.upper(), option_2=1 if check else 0)
        ratio = d.ratio
    elif name == "B2":
        height = num(cmd, 1, d.bar_height, 1, MAX_DOTS)
        show, above = cmd.param(2, "Y"), cmd.param(3, "N")
        check = cmd.param(4, "N").upper() == "Y"
        sym = barcodes.encode(zint.Symbology.C25INTER, data, option_2=1 if check else 0)
        ratio = d.ratio
    elif name == "BE":
        height = num(cmd, 1, d.bar_height, 1, MAX_DOTS)
        show, above = cmd.param(2, "Y"), cmd.param(3, "N")
        digits = data.strip()[:12].rjust(12, "0")
        sym = barcodes.encode(zint.Symbology.EANX, digits)
    else:  # BU
        height = num(cmd, 1, d.bar_height, 1, MAX_DOTS)
        show, above = cmd.param(2, "Y"), cmd.param(3, "N")
        digits = data.strip()[:11].rjust(11, "0")
        sym = barcodes.encode(zint.Symbology.UPCA, digits)
    modules = barcodes.matrix(sym)[0]
    elements = barcodes.bar_widths(modules, d.module_w, ratio)
    return barcodes.linear(
        elements,
        height,
        str(sym.text) if show.upper() == "Y" else None,
        above=above.upper() == "Y",
        module_w=d.module_w,
        font_height=font_h,
    )


def qr_payload(data: str, default_ecc: str) -> tuple[str, str]:
    """Split ``^BQ`` field data ``QA,text`` / ``MM,Btext`` into error level and text."""
    ecc = default_ecc.upper()[:1] or "Q"
    if len(data) >= 3 and data[2] == "," and data[0].upper() in "HQML":
        ecc, mode, rest = data[0].upper(), data[1].upper(), data[3:]
        if mode == "M" and rest:
            kind = rest[0].upper()
            if kind == "B" and len(rest) >= 5 and is_digits(rest[1:5]):
                rest = rest[5 : 5 + int(rest[1:5])]
            elif kind in "NAK":
                rest = rest[1:]
        return ecc, rest
    return ecc, data


def datamatrix_payload(data: str, escape: str) -> str:
    """``^BX`` escapes: ``~dNNN`` a character by decimal code, ``~~`` the escape itself."""
    out: list[str] = []
    i = 0
    while i < len(data):
        if data[i] == escape and i + 1 < len(data):
            nxt = data[i + 1]
            if nxt == escape:
                out.append(escape)
                i += 2
                continue
            if nxt.lower() == "d" and is_digits(data[i + 2 : i + 5]):
                out.append(chr(int(data[i + 2 : i + 5]) % 256))
                i += 5
                continue
        out.append(data[i])
        i += 1
    return "".join(out)


def maxicode_message(mode: int, data: str) -> tuple[str, str]:
    """Split ``^BD`` field data into zint's primary (postal code, country, class of service)
    and secondary message.

    Modes 2/3 carry a structured carrier message: ZPL puts class (3), country (3) and postal
    code (9 digits in mode 2, 6 characters in mode 3) first, then the rest of the message, which
    on UPS labels starts with ``[)>RS01GS96`` (zint moves that header to where it belongs).
    """
    if mode not in (2, 3):
        return "", data
    service, country = data[0:3], data[3:6]
    if mode == 2:
        k = 6
        while k < len(data) and k < 15 and is_digits(data[k]):
            k += 1
        postal = data[6:k]
    else:
        k = min(len(data), 12)
        postal = data[6:k]
    if not (is_digits(service) and is_digits(country) and postal):
        raise barcodes.BarcodeDataError(
            "MaxiCode mode 2/3 data must start with class, country and postal code"
        )
    return postal + country + service, data[k:]
