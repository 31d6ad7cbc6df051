"""Offline ZPL II: parse a label and render it to a 1-bit image, without sending it anywhere.

Used by the GUI's label preview and by the printing layer to print ZPL on a driver printer.
Labelary does this online, but it would receive customer addresses; this stays on the station.

    result = render(zpl_bytes, dpi=203)
    result.image.save("label.png", dpi=(203, 203))
    for warning in result.warnings: ...
"""

from __future__ import annotations

from station.zpl.parser import Command, Document, Label, ParseWarning, parse
from station.zpl.renderer import SUPPORTED_DPI, RenderResult, render, render_all

__all__ = [
    "SUPPORTED_DPI",
    "Command",
    "Document",
    "Label",
    "ParseWarning",
    "RenderResult",
    "parse",
    "render",
    "render_all",
]
