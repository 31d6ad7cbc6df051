"""Scans garbled by the PC's keyboard layout, recognised so the packer is told what to fix.

A keyboard-wedge scanner types key *positions* of a US keyboard; Windows turns them into characters
with the layout it has active. On a French AZERTY layout ``12345`` arrives as ``&é"'(``; on a German
QWERTZ layout ``Y`` and ``Z`` swap. The station cannot silently "correct" such a scan (the mapping
is ambiguous for real data), but when a scan is valid for nothing and *would* be valid after undoing
a layout, the packer is told to set the scanner (or Windows) to the right layout.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

# Character the layout produces -> character the scanner meant (the US key at that position).
_AZERTY: Mapping[str, str] = {
    "&": "1",
    "é": "2",
    '"': "3",
    "'": "4",
    "(": "5",
    "-": "6",
    "è": "7",
    "_": "8",
    "ç": "9",
    "à": "0",
    "A": "Q",
    "Q": "A",
    "a": "q",
    "q": "a",
    "Z": "W",
    "W": "Z",
    "z": "w",
    "w": "z",
    "M": ":",
    "m": ";",
    "?": "M",
    ",": "m",
    ")": "-",
    "°": "_",
}

_QWERTZ: Mapping[str, str] = {
    "Y": "Z",
    "Z": "Y",
    "y": "z",
    "z": "y",
    "ß": "-",
    "Ö": ":",
    "ö": ";",
    "?": "_",
}

_UK: Mapping[str, str] = {'"': "@", "@": '"', "£": "#"}

LAYOUTS: Mapping[str, Mapping[str, str]] = {
    "French AZERTY": _AZERTY,
    "German QWERTZ": _QWERTZ,
    "UK English": _UK,
}


def undo_layout(text: str, layout: str) -> str:
    """``text`` as a US layout would have produced it, assuming ``layout`` typed it."""
    table = LAYOUTS[layout]
    return "".join(table.get(char, char) for char in text)


def apply_layout(text: str, layout: str) -> str:
    """What ``layout`` produces when a scanner types the US-layout ``text`` (tests, demos)."""
    inverse = {meant: produced for produced, meant in LAYOUTS[layout].items()}
    return "".join(inverse.get(char, char) for char in text)


@dataclass(frozen=True)
class LayoutSuspicion:
    layout: str
    meant: str  # the scan as the scanner sent it

    def advice(self) -> str:
        return QCoreApplication.translate(
            "KeyboardLayout",
            "The keyboard layout seems to be {layout}: this scan would read '{meant}' on a US"
            " layout. Set the scanner to the keyboard layout of this PC (see its manual), or"
            " switch Windows to the US layout.",
        ).format(layout=self.layout, meant=self.meant[:40])


def suspect_layout(text: str, is_valid: Callable[[str], bool]) -> LayoutSuspicion | None:
    """The layout that would explain an invalid scan, if exactly one mapping makes it valid."""
    if is_valid(text):
        return None
    for layout in LAYOUTS:
        meant = undo_layout(text, layout)
        if meant != text and is_valid(meant):
            return LayoutSuspicion(layout, meant)
    return None
