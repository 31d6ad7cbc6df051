"""The layout of a 4×6 carrier label, as data, so the PNG and the ZPL show the same label.

Laid out like the real Amazon DF UPS label (``../shared/samples``): ship-from and weight/package
count at the top, the ship-to block in large type, a routing code with a postal barcode, the
carrier's service and tracking number, the big tracking barcode, and the PO and package identifier
(with the PO as a second barcode) at the bottom. Every element is placed inside its region by
construction: text is fitted by :mod:`doc_text`, barcodes by whole-dot module widths.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from station.simulator.doc_barcode import (
    Symbol,
    check_barcode_data,
    code128,
    module_for,
)
from station.simulator.doc_text import Fitted, clean, fit, line_step, text_width
from station.simulator.documents import LABEL_SIZE, Address, LabelSpec

WIDTH, HEIGHT = LABEL_SIZE
FRAME = 8  # the outer frame sits this far inside the paper edge
RULE = 4  # thickness of frame and section rules
LEFT = 26  # text starts here
RIGHT = WIDTH - 26  # and ends here


@dataclass(frozen=True)
class Region:
    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0


@dataclass(frozen=True)
class Text:
    """One line of text, top-left corner at (x, y), ``size`` dots high, inside ``region``."""

    x: int
    y: int
    size: int
    text: str
    region: Region


@dataclass(frozen=True)
class Box:
    """A rectangle outline ``thickness`` dots wide, or a filled one when thickness ≥ min(w, h)."""

    x: int
    y: int
    w: int
    h: int
    thickness: int


@dataclass(frozen=True)
class Barcode:
    """A Code 128 symbol, top-left at (x, y), bars ``module`` dots per module, ``height`` tall."""

    x: int
    y: int
    module: int
    height: int
    symbol: Symbol


Element = Text | Box | Barcode


@dataclass(frozen=True)
class _Item:
    text: str
    max_size: int
    min_size: int
    max_lines: int = 1


def _stack(items: Sequence[_Item], region: Region, *, x_indent: int = 0) -> list[Text]:
    """Lay ``items`` out top to bottom in ``region``, shrinking all of them together until the
    stack fits the region's height (each item is already fitted to the width)."""
    width = region.width - x_indent
    for percent in range(100, 29, -5):
        fitted: list[Fitted] = []
        for item in items:
            if not item.text:
                continue
            top = max(item.min_size, item.max_size * percent // 100)
            low = min(item.min_size, top)
            fitted.append(
                fit(item.text, width, max_size=top, min_size=low, max_lines=item.max_lines)
            )
        if sum(f.height for f in fitted) <= region.y1 - region.y0 or percent == 30:
            break
    texts: list[Text] = []
    y = region.y0
    for chunk in fitted:
        for line in chunk.lines:
            if y + chunk.size > region.y1:
                return texts  # cannot happen with sane minimum sizes; never draw past the region
            texts.append(Text(region.x0 + x_indent, y, chunk.size, line, region))
            y += line_step(chunk.size)
    return texts


def _city_line(address: Address) -> str:
    parts = [clean(address.city)]
    tail = " ".join(p for p in (clean(address.state_or_region), clean(address.postal_code)) if p)
    if tail:
        parts.append(tail)
    return "  ".join(p for p in parts if p)


def _address_items(address: Address, sizes: tuple[int, int, int]) -> list[_Item]:
    name_size, line_size, city_size = sizes
    return [
        _Item(clean(address.name).upper(), name_size, max(14, name_size // 2), 2),
        _Item(clean(address.address_line1).upper(), line_size, max(14, line_size // 2), 2),
        _Item(clean(address.address_line2).upper(), line_size, max(14, line_size // 2), 1),
        _Item(_city_line(address).upper(), city_size, max(14, city_size // 2), 2),
        _Item(clean(address.country_code).upper(), line_size, max(14, line_size // 2), 1),
    ]


def _right_aligned(text: str, size: int, region: Region, y: int) -> Text:
    fitted = fit(text, region.width, max_size=size, min_size=max(12, size // 2))
    line = fitted.lines[0] if fitted.lines else ""
    x = region.x1 - int(text_width(line, fitted.size) + 0.999)
    return Text(max(region.x0, x), y, fitted.size, line, region)


def _centered(text: str, size: int, region: Region, y: int) -> Text:
    fitted = fit(text, region.width, max_size=size, min_size=max(12, size // 3))
    line = fitted.lines[0] if fitted.lines else ""
    x = region.x0 + (region.width - int(text_width(line, fitted.size) + 0.999)) // 2
    return Text(max(region.x0, x), y, fitted.size, line, region)


def routing_code(spec: LabelSpec) -> str:
    """A carrier-style sort code ("WA 981 9-03"): region, first postal digits and a hub number,
    derived from the tracking number so a seeded simulator prints the same code every time."""
    address = spec.ship_to
    region = re.sub(r"[^0-9A-Z]", "", clean(address.state_or_region).upper())[:3]
    region = region or re.sub(r"[^A-Z]", "", address.country_code.upper())[:2] or "XX"
    digits = re.sub(r"[^0-9A-Z]", "", clean(address.postal_code).upper())[:3] or "000"
    hub = int.from_bytes(hashlib.sha256(spec.tracking_number.encode()).digest()[:2], "big")
    return f"{region} {digits} {hub % 9 + 1}-{hub // 9 % 100:02d}"


def _postal_barcode_data(address: Address) -> str | None:
    """GS1-style "420" + postal code barcode data, when the postal code is plain ASCII."""
    postal = re.sub(r"[ -]", "", address.postal_code.strip())
    if not postal or not re.fullmatch(r"[0-9A-Za-z]{1,12}", postal):
        return None
    return "420" + postal.upper()


def _grouped(tracking: str) -> str:
    """Tracking number as carriers print it: UPS 1Z numbers as 1Z 6A3 4Y6 03 6973 8804, others in
    groups of four."""
    if tracking.upper().startswith("1Z") and len(tracking) == 18:
        t = tracking.upper()
        return " ".join((t[:2], t[2:5], t[5:8], t[8:10], t[10:14], t[14:]))
    compact = tracking.replace(" ", "")
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def _barcode(data: str, region: Region, height: int, *, preferred: int = 3) -> Barcode:
    """A barcode centred in ``region``, at the widest whole-dot module that fits with its quiet
    zones."""
    symbol = code128(data)
    module = module_for(symbol, region.width, preferred)
    x = region.x0 + (region.width - symbol.width(module)) // 2
    return Barcode(x, region.y0, module, height, symbol)


def layout(spec: LabelSpec) -> tuple[Element, ...]:
    """Every element of the label, in drawing order."""
    tracking = check_barcode_data(spec.tracking_number, "tracking number")
    po = check_barcode_data(spec.purchase_order_number, "purchase order number")
    inner = FRAME + RULE
    elements: list[Element] = [Box(FRAME, FRAME, WIDTH - 2 * FRAME, HEIGHT - 2 * FRAME, RULE)]

    def rule(y: int) -> None:
        elements.append(Box(FRAME, y, WIDTH - 2 * FRAME, RULE, RULE))

    # Ship from (left) and weight / package count (right).
    sender = spec.ship_from
    elements += _stack(
        [
            _Item(clean(sender.name).upper(), 24, 14, 1),
            _Item(clean(sender.address_line1).upper(), 22, 14, 1),
            _Item(clean(sender.address_line2).upper(), 22, 14, 1),
            _Item(_city_line(sender).upper(), 22, 14, 1),
            _Item(clean(sender.country_code).upper(), 22, 14, 1),
        ],
        Region(LEFT, 22, 480, 196),
    )
    right = Region(500, 22, RIGHT, 196)
    weight = clean(spec.weight).upper()
    if weight:
        elements.append(_right_aligned(weight, 40, right, 24))
    count = f"PKG {max(spec.package_index, 1)} OF {max(spec.package_count, spec.package_index, 1)}"
    elements.append(_right_aligned(count, 44, right, 90))
    elements.append(_right_aligned(clean(spec.carrier).upper(), 30, right, 156))
    rule(206)

    # Ship to, in large type.
    elements.append(Text(LEFT, 222, 28, "SHIP TO:", Region(LEFT, 222, RIGHT, 260)))
    elements += _stack(
        _address_items(spec.ship_to, (40, 34, 48)), Region(LEFT, 260, RIGHT, 492), x_indent=36
    )
    rule(500)

    # Routing code and postal barcode.
    routing = Region(inner, 516, WIDTH - inner, 700)
    elements.append(_centered(routing_code(spec), 84, routing, 520))
    postal = _postal_barcode_data(spec.ship_to)
    if postal is not None:
        elements.append(_barcode(postal, Region(inner, 618, WIDTH - inner, 696), 74, preferred=2))
    rule(704)

    # Carrier service and tracking number, with the black service-level block on the right.
    service_name = clean(spec.ship_method_name or spec.ship_method).upper()
    elements.append(_left(service_name or "-", 46, Region(LEFT, 722, 640, 776)))
    elements.append(_left(f"TRACKING #: {_grouped(tracking)}", 28, Region(LEFT, 784, 640, 826)))
    elements.append(Box(652, 712, WIDTH - inner - 652, 120, WIDTH - inner - 652))
    rule(832)

    # The tracking barcode.
    elements.append(_barcode(tracking, Region(inner, 854, WIDTH - inner, 1050), 196))
    rule(1064)

    # PO (text and barcode) and package identifier.
    po_barcode = _barcode(po, Region(inner, 1080, 466, 1160), 80)
    elements.append(po_barcode)
    elements.append(_centered(f"PO: {clean(po)}", 30, Region(inner, 1166, 466, 1204), 1168))
    details = Region(478, 1078, RIGHT, 1204)
    elements += _stack(
        [
            _Item(f"PKG ID: {clean(spec.package_identifier)}", 26, 14, 2),
            _Item(f"METHOD: {clean(spec.ship_method)}", 24, 14, 1),
            _Item("BILLING: P/P", 24, 14, 1),
        ],
        details,
    )
    return tuple(elements)


def _left(text: str, size: int, region: Region) -> Text:
    fitted = fit(text, region.width, max_size=size, min_size=max(12, size // 2))
    return Text(region.x0, region.y0, fitted.size, fitted.lines[0] if fitted.lines else "", region)
