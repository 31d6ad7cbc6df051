"""Writing a label layout as ZPL II, in the command subset carrier labels use.

Fields are positioned with ``^FO`` (top-left), text uses the scalable font ``^A0``, rules and frames
``^GB``, barcodes ``^BY`` + ``^BC``. The output is pure ASCII: text outside printable ASCII, and
the ZPL control characters ``^ ~ _`` inside text, are sent as ``^FH`` hex escapes of their UTF-8
bytes under ``^CI28``.
"""

from __future__ import annotations

from station.simulator.doc_label import Barcode, Box, Element, Text
from station.simulator.documents import LABEL_SIZE

_PLAIN = frozenset(chr(c) for c in range(0x20, 0x7F)) - set("^~_\\")


def field_data(text: str) -> str:
    """``^FD…^FS`` for ``text``, preceded by ``^FH`` when any character needs escaping."""
    if all(char in _PLAIN for char in text):
        return f"^FD{text}^FS"
    escaped = "".join(
        char if char in _PLAIN else "".join(f"_{byte:02X}" for byte in char.encode("utf-8"))
        for char in text
    )
    return f"^FH_^FD{escaped}^FS"


def _element(element: Element) -> str:
    if isinstance(element, Box):
        thickness = min(element.thickness, element.w, element.h)
        return f"^FO{element.x},{element.y}^GB{element.w},{element.h},{thickness}^FS"
    if isinstance(element, Barcode):
        return (
            f"^FO{element.x},{element.y}^BY{element.module},3,{element.height}"
            f"^BCN,{element.height},N,N,N{field_data(element.symbol.data)}"
        )
    return f"^FO{element.x},{element.y}^A0N,{element.size},{element.size}{field_data(element.text)}"


def render_zpl(elements: tuple[Element, ...]) -> bytes:
    width, height = LABEL_SIZE
    lines = ["^XA", "^CI28", f"^PW{width}", f"^LL{height}", "^LH0,0"]
    lines += [_element(element) for element in elements if not _empty(element)]
    lines += ["^PQ1", "^XZ"]
    return "\n".join(lines).encode("ascii")


def _empty(element: Element) -> bool:
    return isinstance(element, Text) and not element.text
