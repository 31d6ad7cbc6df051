"""The packing slip that goes in the box: who it is for, what is inside, and the PO as a barcode
so a packer can scan the slip instead of the order sheet.

Letter portrait like Amazon's DF sample slip (which is drawn rotated; ours is upright so the text
reads in order when extracted). No prices: a slip travels with gifts.
"""

from __future__ import annotations

from station.simulator.doc_pdf import (
    FAMILY,
    DocumentPdf,
    address_block,
    barcode,
    check,
    long_date,
    needs_unicode_font,
    output,
    paragraph,
    text,
)
from station.simulator.documents import OrderDocumentSpec


def render_slip(spec: OrderDocumentSpec) -> bytes:
    po = check(spec, "packing slip")
    pdf = DocumentPdf(
        "Letter",
        f"Packing slip for PO {po}",
        spec.order_date,
        unicode_text=needs_unicode_font(spec),
    )
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    pdf.set_font(FAMILY, "B", 20)
    pdf.cell(100, 10, "Packing Slip", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10)
    pdf.multi_cell(75, 5, f"PO {po}", align="L", new_x="LMARGIN", new_y="NEXT")
    below_title = pdf.get_y()
    barcode(pdf, po, pdf.w - pdf.r_margin, 15, 14, room=width - 80)

    pdf.set_y(max(38, below_title + 3))
    pdf.set_font(FAMILY, "B", 12)
    pdf.multi_cell(
        width,
        6,
        f"Your order of {long_date(spec.order_date)} (Purchase Order {po})",
        new_x="LMARGIN",
        new_y="NEXT",
        align="L",
    )
    pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.w - pdf.r_margin, pdf.get_y() + 1)
    pdf.ln(4)

    top = pdf.get_y()
    left_end = address_block(pdf, "Ship to:", spec.ship_to, pdf.l_margin, width / 2 - 5)
    pdf.set_y(top)
    right_end = address_block(
        pdf, "Shipped from:", spec.ship_from, pdf.l_margin + width / 2, width / 2
    )
    pdf.set_y(max(left_end, right_end) + 4)

    if spec.is_gift:
        pdf.set_font(FAMILY, "B", 11)
        pdf.cell(width, 6, "Gift message", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FAMILY, "", 11)
        message = paragraph(spec.gift_message) or "Enjoy your gift!"
        pdf.multi_cell(
            width, 6, message, border=1, padding=2, new_x="LMARGIN", new_y="NEXT", align="L"
        )
        pdf.ln(4)

    pdf.set_font(FAMILY, "", 10)
    with pdf.table(
        col_widths=(12, 98, 32, 44),
        text_align=("CENTER", "LEFT", "LEFT", "LEFT"),
        line_height=5.5,
        padding=1.5,
    ) as table:
        table.row(("Qty.", "Item", "ASIN", "Vendor SKU"))
        for line in spec.lines:
            table.row(
                (
                    str(line.quantity),
                    text(line.title) or "-",
                    text(line.buyer_product_identifier) or "-",
                    text(line.vendor_product_identifier) or "-",
                )
            )
    pdf.ln(3)
    units = sum(line.quantity for line in spec.lines)
    pdf.set_font(FAMILY, "B", 10)
    pdf.cell(width, 6, f"Items in this shipment: {units}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10)
    pdf.cell(width, 6, "This shipment completes your order.", new_x="LMARGIN", new_y="NEXT")
    for key, value in sorted(spec.extra.items()):
        pdf.multi_cell(
            width, 5, f"{text(key)}: {text(value)}", new_x="LMARGIN", new_y="NEXT", align="L"
        )
    pdf.ln(4)
    pdf.set_font(FAMILY, "B", 11)
    pdf.cell(width, 6, "Return or replace your item", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10)
    pdf.cell(width, 5, "Visit Amazon.com/returns", new_x="LMARGIN", new_y="NEXT")
    return output(pdf)
