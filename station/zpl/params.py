"""ZPL command parameters as numbers and orientations, with the printer's clamping.

Numbers outside a command's range are clamped as a printer does; text where a number belongs is
malformed ZPL and raises :class:`ZplError` at the command's position.
"""

from __future__ import annotations

import re

from station.errors import ZplError
from station.zpl.parser import Command

MAX_DOTS = 12_000  # longest side of a label we agree to allocate (about 20 in at 600 dpi)

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
