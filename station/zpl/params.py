"""ZPL command parameters as numbers and orientations, with the printer's clamping.

Numbers outside a command's range are clamped as a printer does; text where a number belongs is
malformed ZPL and raises :class:`ZplError` at the command's position.
"""

from __future__ import annotations

import re

from station.errors import ZplError
from station.zpl.parser import Command

MAX_DOTS = 12_000  # longest side of a label we agree to allocate (about 20 in at 600 dpi)
#: The most dots one label (or any one thing drawn on it) may have: a Letter page at 600 dpi is
#: 33.7 Mpx, a 4×6 label at 600 dpi 8.6 Mpx. Mode "1" images take a byte per dot in Pillow.
MAX_LABEL_PIXELS = 36_000_000
#: The most dots one label may draw in all (every field's ink mask added up): the work bound of a
#: label, about a hundred full-label fields.
MAX_DRAWN_PIXELS = 1_000_000_000
#: The most bytes of graphics a stream may store with ``~DG`` at once.
MAX_STORED_GRAPHIC_BYTES = 32 * 1024 * 1024

_NUMBER = re.compile(r"[+-]?(\d{1,12})(\.\d{0,6})?|[+-]?\.\d{1,6}", re.ASCII)


def number(cmd: Command, index: int) -> float | None:
    """Parameter ``index`` as a number, ``None`` when empty; a ZplError when it is not one."""
    text = cmd.param(index)
    if text == "":
        return None
    if not _NUMBER.fullmatch(text):
        raise ZplError(
            f"{cmd.code} parameter {index + 1} is not a number: {text[:20]!r}",
            position=cmd.position,
        )
    return float(text)


def num(cmd: Command, index: int, default: int, lo: int, hi: int) -> int:
    value = number(cmd, index)
    return default if value is None else max(lo, min(hi, int(value)))


def fnum(cmd: Command, index: int, default: float, lo: float, hi: float) -> float:
    value = number(cmd, index)
    return default if value is None else max(lo, min(hi, value))


def orientation(text: str, default: str) -> str:
    value = text[:1].upper()
    return value if value in "NRIB" and value else default
