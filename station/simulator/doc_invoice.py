"""The customer invoice that must travel with India-region shipments ("Tax Invoice").

A4 like Amazon.in's invoices: seller and buyer, invoice and order numbers, one row per line with
unit price, net amount, tax rate, tax and total, and the totals. Amounts are Decimal, rounded half
up to the paisa/cent per line, and the totals are the sums of the printed line amounts, so the
document adds up exactly as printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from station.errors import ContentError
from station.simulator.doc_pdf import (
    CENT,
    FAMILY,
    DocumentPdf,
    address_block,
    barcode,
    check,
    long_date,
    money,
    needs_unicode_font,
    output,
    text,
)
from station.simulator.documents import DocumentLine, OrderDocumentSpec


@dataclass(frozen=True)
class InvoiceLine:
    line: DocumentLine
    net: Decimal
    tax: Decimal

    @property
    def total(self) -> Decimal:
        return self.net + self.tax


def invoice_lines(spec: OrderDocumentSpec) -> tuple[InvoiceLine, ...]:
    """Each line's net amount and tax as printed (``tax_rate`` is a fraction: 0.18 is 18 %)."""
    rate = spec.tax_rate
    if not rate.is_finite() or not Decimal(0) <= rate < Decimal(1):
        raise ContentError(
            f"The tax rate {rate} of PO {spec.purchase_order_number.strip()[:40]} is not a "
            "fraction between 0 and 1.",
            hint="Give the tax rate as a fraction, e.g. 0.18 for 18 %.",
        )
    out = []
    for line in spec.lines:
        if not line.unit_price.is_finite():
            raise ContentError(
                f"Line {line.item_sequence_number} has no valid unit price.",
                hint="Correct the order data.",
            )
        net = (line.unit_price * line.quantity).quantize(CENT, ROUND_HALF_UP)
        out.append(InvoiceLine(line, net, (net * rate).quantize(CENT, ROUND_HALF_UP)))
    return tuple(out)


def _percent(rate: Decimal) -> str:
    value = (rate * 100).normalize()
    return f"{value:f}%"


def render_invoice(spec: OrderDocumentSpec) -> bytes:
    po = check(spec, "customer invoice")
    rows = invoice_lines(spec)
    currency = text(spec.currency).upper() or "INR"
    tax_name = "IGST" if currency == "INR" else "Tax"
    invoice_number = text(spec.invoice_number) or f"INV-{po}"
    pdf = DocumentPdf(
        "A4",
        f"Tax Invoice {invoice_number} for PO {po}",
        spec.order_date,
        unicode_text=needs_unicode_font(spec),
    )
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    pdf.set_font(FAMILY, "B", 20)
    pdf.cell(100, 10, "Tax Invoice", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 8)
    pdf.cell(100, 4, "(Original for Recipient)", new_x="LMARGIN", new_y="NEXT")
    barcode(pdf, po, pdf.w - pdf.r_margin, 15, 14, room=width - 80)

    pdf.set_y(36)
    pdf.set_font(FAMILY, "", 10)
    facts = [
        ("Invoice Number", invoice_number),
        ("Invoice Date", long_date(spec.order_date)),
        ("Order Number (PO)", po),
        ("Order Date", long_date(spec.order_date)),
        *((text(key), text(value)) for key, value in sorted(spec.extra.items())),
    ]
    for label, value in facts:
        pdf.set_font(FAMILY, "B", 10)
        pdf.cell(45, 5.5, f"{label}:")
        pdf.set_font(FAMILY, "", 10)
        pdf.multi_cell(width - 45, 5.5, value, new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(3)

    top = pdf.get_y()
    left_end = address_block(pdf, "Sold by:", spec.ship_from, pdf.l_margin, width / 2 - 5)
    pdf.set_y(top)
    right_end = address_block(
        pdf, "Billing and shipping address:", spec.ship_to, pdf.l_margin + width / 2, width / 2
    )
    pdf.set_y(max(left_end, right_end) + 5)

    pdf.set_font(FAMILY, "", 8.5)
    with pdf.table(
        col_widths=(8, 62, 22, 10, 22, 14, 20, 22),
        text_align=("CENTER", "LEFT", "RIGHT", "CENTER", "RIGHT", "CENTER", "RIGHT", "RIGHT"),
        line_height=4.5,
        padding=1.2,
    ) as table:
        table.row(
            (
                "Sl.",
                "Description",
                "Unit Price",
                "Qty",
                "Net Amount",
                f"{tax_name} Rate",
                f"{tax_name} Amount",
                "Total Amount",
            )
        )
        for number, row in enumerate(rows, start=1):
            line = row.line
            description = (
                f"{text(line.title) or '-'}\n"
                f"ASIN: {text(line.buyer_product_identifier) or '-'}\n"
                f"SKU: {text(line.vendor_product_identifier) or '-'}"
            )
            table.row(
                (
                    str(number),
                    description,
                    money(line.unit_price, currency),
                    str(line.quantity),
                    money(row.net, currency),
                    _percent(spec.tax_rate),
                    money(row.tax, currency),
                    money(row.total, currency),
                )
            )
    net = sum((row.net for row in rows), Decimal(0))
    tax = sum((row.tax for row in rows), Decimal(0))
    pdf.ln(3)
    for label, amount, bold in (
        ("Subtotal (net)", net, False),
        (f"{tax_name} ({_percent(spec.tax_rate)})", tax, False),
        ("Grand Total", net + tax, True),
    ):
        pdf.set_font(FAMILY, "B" if bold else "", 11 if bold else 10)
        pdf.cell(width - 45, 6, label, align="R")
        pdf.cell(45, 6, money(amount, currency), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font(FAMILY, "B", 10)
    pdf.multi_cell(
        width, 5, f"For {text(spec.ship_from.name)}:", align="R", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(8)
    pdf.set_font(FAMILY, "", 9)
    pdf.cell(width, 5, "Authorized Signatory", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(FAMILY, "", 8)
    pdf.multi_cell(
        width,
        4,
        "Whether tax is payable under reverse charge: No. This is a computer-generated invoice.",
        new_x="LMARGIN",
        new_y="NEXT",
        align="L",
    )
    return output(pdf)
