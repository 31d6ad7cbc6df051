"""Code 128 symbols as bar/space modules, so every renderer draws whole-dot bars.

Symbols are encoded in code set B only, which is what a Zebra printer does with plain ``^BC`` data
in mode N: the PNG label and the ZPL label then carry bar-for-bar the same symbol, of a width known
before printing, and the ZPL field holds the tracking number as is. python-barcode supplies the
code set tables; drawing is done by the renderers at an integer module width, because a barcode
resampled by a fractional factor or anti-aliased at its edges stops scanning at 203 dpi.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from barcode.charsets import code128 as tables

from station.errors import ContentError

QUIET_MODULES = 10  # clear space each side required by ISO/IEC 15417

# What tracking numbers, PO numbers and package identifiers look like; nothing that a ZPL field
# would read as a command (^ ~), as a Code 128 invocation (>) or that the symbol cannot encode.
_SAFE = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z./+ -]*[0-9A-Za-z./+-])?")
MAX_BARCODE_CHARS = 40


def check_barcode_data(value: str, what: str) -> str:
    """``value`` if it can be printed as a barcode on a label, else a ContentError naming it."""
    if not value or len(value) > MAX_BARCODE_CHARS or not _SAFE.fullmatch(value):
        raise ContentError(
            f"The {what} {value[:MAX_BARCODE_CHARS]!r} cannot be printed as a barcode.",
            hint=(
                f"A {what} must be 1 to {MAX_BARCODE_CHARS} letters and digits "
                "(also . / + - and inner spaces), printed exactly as received; correct the "
                "order data."
            ),
        )
    return value


@dataclass(frozen=True)
class Symbol:
    """One Code 128 symbol: ``modules`` is a string of '1' (bar) and '0' (space), no quiet zone."""

    data: str
    modules: str

    def width(self, module: int) -> int:
        """Dots taken by the symbol at ``module`` dots per module, without its quiet zones."""
        return len(self.modules) * module

    def bars(self, module: int) -> tuple[tuple[int, int], ...]:
        """(offset, width) of each bar in dots, for a renderer that fills rectangles."""
        found: list[tuple[int, int]] = []
        start = -1
        for index, bit in enumerate(self.modules + "0"):
            if bit == "1" and start < 0:
                start = index
            elif bit == "0" and start >= 0:
                found.append((start * module, (index - start) * module))
                start = -1
        return tuple(found)


@lru_cache(maxsize=512)
def code128(data: str) -> Symbol:
    """The Code 128 (code set B) symbol for ``data``; ContentError unless it is barcode-safe."""
    check_barcode_data(data, "barcode value")
    values = [tables.START_CODES["B"], *(tables.B[char] for char in data)]
    check = (values[0] + sum(i * v for i, v in enumerate(values[1:], start=1))) % 103
    patterns = [tables.CODES[value] for value in [*values, check]]
    return Symbol(data, "".join(patterns) + tables.STOP + "11")  # stop: 11 modules + final bar


def module_for(symbol: Symbol, room: int, preferred: int = 3) -> int:
    """The widest whole-dot module (``preferred`` down to 1) at which the symbol and both quiet
    zones fit in ``room`` dots; a ContentError when even one dot per module does not fit."""
    for module in range(preferred, 0, -1):
        if symbol.width(module) + 2 * QUIET_MODULES * module <= room:
            return module
    raise ContentError(
        f"The barcode {symbol.data!r} is too long for the label.",
        hint="Shorten the value; a 4-inch label holds about 30 characters of Code 128.",
    )
