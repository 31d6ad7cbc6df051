"""Real documents for the simulator: 4×6 shipping labels (PNG and ZPL), packing slips and
customer invoices (PDF).

Interface agreed between the simulator's server and its document renderer; the bodies are filled in
by the documents work. Every function is deterministic for the same input (no timestamps of "now"
inside the documents), so seeded simulators produce identical documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

LABEL_DPI = 203
LABEL_SIZE = (812, 1218)  # 4×6 in at 203 dpi, in dots


@dataclass(frozen=True)
class Address:
    name: str
    address_line1: str
    city: str
    postal_code: str
    country_code: str
    state_or_region: str = ""
    address_line2: str = ""
    phone: str = ""


@dataclass(frozen=True)
class LabelSpec:
    purchase_order_number: str
    package_identifier: str
    tracking_number: str
    ship_method: str  # e.g. "UPS_GR_RES"
    ship_method_name: str  # e.g. "UPS Ground Residential"
    carrier: str  # e.g. "UPS"
    ship_to: Address
    ship_from: Address
    package_index: int = 1  # 1-based, "package 1 of 2"
    package_count: int = 1
    weight: str = ""  # e.g. "2.5 KG", printed as is


@dataclass(frozen=True)
class DocumentLine:
    item_sequence_number: int
    buyer_product_identifier: str  # ASIN
    vendor_product_identifier: str  # vendor SKU / EAN
    title: str
    quantity: int
    unit_price: Decimal = Decimal("0")


@dataclass(frozen=True)
class OrderDocumentSpec:
    """What a packing slip or a customer invoice shows."""

    purchase_order_number: str
    order_date: datetime
    ship_to: Address
    ship_from: Address
    lines: tuple[DocumentLine, ...]
    is_gift: bool = False
    gift_message: str = ""
    currency: str = "USD"
    invoice_number: str = ""  # customer invoices only
    tax_rate: Decimal = Decimal("0")  # customer invoices only
    extra: dict[str, str] = field(default_factory=dict)


def label_png(spec: LabelSpec) -> bytes:
    """A 812×1218 1-bit-clean PNG (pure black and white, 203 dpi in its pHYs) whose Code 128
    tracking barcode decodes to ``spec.tracking_number``.

    Raises ContentError when the tracking or PO number cannot be printed as a barcode."""
    from station.simulator.doc_label import layout
    from station.simulator.doc_png import render_png

    return render_png(layout(spec))


def label_zpl(spec: LabelSpec) -> bytes:
    """The same label as ZPL II (``^XA … ^XZ``, ``^PW812 ^LL1218``), Code 128 via ``^BC``; pure
    ASCII, non-ASCII text as ``^FH`` escapes under ``^CI28``.

    Raises ContentError when the tracking or PO number cannot be printed as a barcode."""
    from station.simulator.doc_label import layout
    from station.simulator.doc_zpl import render_zpl

    return render_zpl(layout(spec))


def packing_slip_pdf(spec: OrderDocumentSpec) -> bytes:
    """A Letter-size PDF packing slip with the PO as a Code 128 barcode and one row per line.

    Raises ContentError when the PO cannot be a barcode or the order has no lines."""
    from station.simulator.doc_slip import render_slip

    return render_slip(spec)


def customer_invoice_pdf(spec: OrderDocumentSpec) -> bytes:
    """A customer invoice PDF (India region) with the PO, invoice number, lines, tax and totals.

    ``spec.tax_rate`` is a fraction (0.18 is 18 %). Raises ContentError when the PO cannot be a
    barcode, the order has no lines or the tax rate or a price is not usable."""
    from station.simulator.doc_invoice import render_invoice

    return render_invoice(spec)
