"""A ZPL label written for one print head, rewritten for another so it prints at its true size.

Amazon's ZPL labels are written for 203-dpi (8 dots/mm) heads: sent as they are to a 300-dpi
(12 dots/mm) printer, every position and size is taken in the smaller dots and the label comes
out at two thirds of its size. Zebra's ``^MUd,200,300`` asks the printer to convert, but not
every ZPL printer (nor every clone) honours it, and the station could not check what it did.
So the station converts the label itself: each parameter that is a length in dots is multiplied
by the exact pitch ratio (8 → 12 dots/mm is 1.5; 8 → 24 is 3), and barcodes are *re-drawn* by
the printer at whole-dot module widths (``^BY2`` becomes ``^BY3``; ``^BY3`` becomes ``^BY4``
at 1.5×, a symbol 11 % narrower than an exact scale would make it but with every bar whole and
sharp — barcodes are never resampled). Graphics (``^GF``, ``^XG``) are bitmaps: they are
enlarged only by whole factors (600 dpi), otherwise kept dot for dot at their converted
position, with a warning.

What cannot be converted faithfully is left as it is, with a warning: labels that change the
command prefixes (``^CC``/``^CT``) or the units (``^MU``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from station.zpl.parser import Command, parse

# A Zebra head's dots per millimetre, by its nominal dpi.
DOTS_PER_MM = {152: 6, 203: 8, 300: 12, 600: 24}

# Parameters that are lengths in dots, by command (0-based; ^A counts after the font letter).
_DOT_PARAMS: dict[str, tuple[int, ...]] = {
    "FO": (0, 1),
    "FT": (0, 1),
    "LH": (0, 1),
    "PW": (0,),
    "LL": (0,),
    "LS": (0,),
    "LT": (0,),
    "GB": (0, 1, 2),
    "GC": (0, 1),
    "GE": (0, 1, 2),
    "GD": (0, 1, 2),
    "CF": (1, 2),
    "A": (1, 2),
    "FB": (0, 2, 4),
    "TB": (1, 2),
    "BY": (2,),  # bar height; the module width (0) is rounded to a whole dot below
    "BC": (1,),
    "B3": (2,),
    "B2": (1,),
    "BE": (1,),
    "BU": (1,),
    "B8": (1,),
    "B9": (1,),
    "BA": (1,),
    "B1": (2,),
    "B7": (1,),  # PDF417 row height
    "BX": (1,),  # Data Matrix element size
}
_BARCODES = frozenset({"BC", "B3", "B2", "BE", "BU", "B8", "B9", "BA", "B1", "B7"})
_NUMBER = re.compile(r"\d{1,6}")


@dataclass(frozen=True)
class Rescaled:
    content: bytes
    warnings: tuple[str, ...]
    factor: float  # 1.0 when nothing was converted


def factor(from_dpi: int, to_dpi: int) -> float:
    """The exact pitch ratio between two Zebra heads (203 → 300 dpi is 8 → 12 dots/mm: 1.5)."""
    return DOTS_PER_MM[to_dpi] / DOTS_PER_MM[from_dpi]


def design_dpi(zpl: bytes, media_width_inches: float = 4.0) -> int:
    """The head a label was written for, from its ``^PW`` (print width in dots): a width that
    fills the media only at a higher resolution says that resolution; no ``^PW``: 203 dpi, what
    Amazon's ZPL labels are written for."""
    match = re.search(rb"\^PW\s*(\d{1,6})", zpl)
    if match is None:
        return 203
    per_inch = int(match.group(1)) / media_width_inches
    return 600 if per_inch >= 450 else 300 if per_inch >= 250 else 203


def rescale(zpl: bytes, from_dpi: int, to_dpi: int) -> Rescaled:
    """``zpl`` rewritten for a ``to_dpi`` head. Raises ZplError for malformed ZPL."""
    if from_dpi == to_dpi:
        return Rescaled(zpl, (), 1.0)
    ratio = factor(from_dpi, to_dpi)
    doc = parse(zpl)
    commands = [cmd for label in doc.labels for cmd in (*label.preamble, *label.commands)]
    if any(c.name in ("CC", "CT", "MU") for c in commands):
        return Rescaled(
            zpl,
            (
                f"The ZPL label changes its prefixes or units (^CC/^CT/^MU); it was sent as "
                f"written for {from_dpi} dpi and prints at {1 / ratio:.0%} of its size "
                f"on this {to_dpi}-dpi printer.",
            ),
            1.0,
        )
    out: list[str] = []
    notes: list[str] = []
    for label in doc.labels:
        out.extend(_emit(c) for c in label.preamble)
        out.append("^XA")
        out.extend(_label(label.commands, ratio, notes))
        out.append("^XZ")
    return Rescaled("".join(out).encode("latin-1"), tuple(dict.fromkeys(notes)), ratio)


def _label(commands: tuple[Command, ...], ratio: float, notes: list[str]) -> list[str]:
    out: list[str] = []
    module_set = False
    for cmd in commands:
        if cmd.name == "BY":
            module_set = True
            out.append(_emit(_by(cmd, ratio)))
            continue
        if cmd.name in _BARCODES and not module_set:
            # The printer's default ^BY2,3,10 is in its own (smaller) dots: say it in ours.
            out.append(f"^BY{_module(2, ratio)},3,{round(10 * ratio)}")
            module_set = True
        if cmd.name in ("GF", "XG", "IM"):
            scaled = _graphic(cmd, ratio)
            if scaled is None:
                notes.append(
                    "A graphic in the ZPL label (a logo or an image) is a bitmap and cannot be "
                    f"enlarged {ratio:g}× without blurring: it prints dot for dot, smaller "
                    "than the rest of the label."
                )
            else:
                cmd = scaled
        elif cmd.name == "BQ":
            cmd = _params(cmd, {2: lambda v: max(1, min(10, round(v * ratio)))})
        elif cmd.name in _DOT_PARAMS:
            cmd = _params(cmd, dict.fromkeys(_DOT_PARAMS[cmd.name], lambda v: round(v * ratio)))
        out.append(_emit(cmd))
    return out


def _module(width: int, ratio: float) -> int:
    return max(1, min(10, round(width * ratio - 1e-9)))  # 4.5 rounds down: never wider


def _by(cmd: Command, ratio: float) -> Command:
    return _params(cmd, {0: lambda v: _module(v, ratio), 2: lambda v: round(v * ratio)})


def _graphic(cmd: Command, ratio: float) -> Command | None:
    """A recalled graphic (``^XG``) magnified by a whole factor; None for a bitmap that would
    need resampling (any ``^GF``/``^IM``, or ``^XG`` at 1.5×)."""
    whole = round(ratio)
    if cmd.name != "XG" or abs(ratio - whole) > 1e-9:
        return None
    return _params(cmd, {1: lambda v: v * whole, 2: lambda v: v * whole}, defaults={1: 1, 2: 1})


def _params(
    cmd: Command,
    change: dict[int, Callable[[int], int]],
    defaults: dict[int, int] | None = None,
) -> Command:
    head = ""
    text = cmd.text
    if cmd.name == "A":  # ^A0N,30,30: the font letter leads the parameters
        head, text = text[:1], text[1:]
    parts = text.split(",")
    for index, convert in change.items():
        if index >= len(parts) and defaults and index in defaults:
            parts += [""] * (index + 1 - len(parts))
        if index >= len(parts):
            continue
        raw = parts[index].strip()
        if raw == "" and defaults and index in defaults:
            raw = str(defaults[index])
        if _NUMBER.fullmatch(raw):
            parts[index] = str(convert(int(raw)))
    return Command(cmd.prefix, cmd.name, head + ",".join(parts), cmd.position)


def _emit(cmd: Command) -> str:
    return f"{cmd.prefix}{cmd.name}{cmd.text}"
