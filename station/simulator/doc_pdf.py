"""The parts packing slips and customer invoices share: fonts, the PO barcode, address blocks,
dates and money.

Both are drawn with fpdf2 and the bundled DejaVu fonts embedded (subset), so names like "São Paulo"
or "Müller" print on any printer and the text stays extractable: the station and its tests read the
PO back from the PDF. The creation date is the order date, never "now", so a seeded simulator
serves byte-identical PDFs.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

from fpdf import FPDF

from station.errors import ContentError
from station.resources import font_path
from station.simulator.doc_barcode import check_barcode_data, code128
from station.simulator.doc_text import clean
from station.simulator.documents import Address, OrderDocumentSpec

FAMILY = "DejaVu"
CORE_FAMILY = "helvetica"
REGULAR = "DejaVuSansCondensed.ttf"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
CENT = Decimal("0.01")


def needs_unicode_font(spec: OrderDocumentSpec) -> bool:
    """Whether any text of ``spec`` falls outside what the core PDF font can show."""
    texts = [spec.purchase_order_number, spec.gift_message, spec.invoice_number, spec.currency]
    for address in (spec.ship_to, spec.ship_from):
        texts += [
            address.name,
            address.address_line1,
            address.address_line2,
            address.city,
            address.state_or_region,
            address.postal_code,
            address.country_code,
            address.phone,
        ]
    for line in spec.lines:
        texts += [line.buyer_product_identifier, line.vendor_product_identifier, line.title]
    texts += [*spec.extra.keys(), *spec.extra.values()]
    # As each font cleans it (the regular and the bold one know different characters), and
    # upper-cased too, as country codes and currencies are printed: "µ" is Windows-1252, its
    # capital "Μ" (Greek) is not.
    shown = [form for t in texts for form in (clean(t), text(t))]
    try:
        "\n".join(shown + [form.upper() for form in shown]).encode("cp1252")
    except UnicodeEncodeError:
        return True
    return False


class DocumentPdf(FPDF):
    """An FPDF with the DejaVu fonts loaded and a footer naming the PO and the page."""

    def __init__(
        self, page_format: str, footer_text: str, created: datetime, *, unicode_text: bool = True
    ) -> None:
        super().__init__(orientation="portrait", unit="mm", format=page_format)
        self.footer_text = footer_text
        # Parsing the two TrueType fonts costs ~0.2 s a document; text that the PDF core font
        # (Helvetica, Windows-1252) can show is drawn with it instead, so a page of 100 slips
        # in a list answer is served in time. Anything else embeds DejaVu.
        self.unicode_text = unicode_text
        # The core font's text is Windows-1252 (what needs_unicode_font checks); fpdf2's default
        # is Latin-1, which lacks €, Ÿ, curly quotes and the like.
        self.core_fonts_encoding = "windows-1252"
        if unicode_text:
            self.add_font(FAMILY, "", str(font_path(REGULAR)))
            self.add_font(FAMILY, "B", str(font_path("DejaVuSansCondensed-Bold.ttf")))
        self.set_creation_date(created if created.tzinfo else created.replace(tzinfo=UTC))
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(15, 15, 15)
        self.alias_nb_pages()

    def set_font(self, family: str | None = None, style: str = "", size: float = 0) -> None:  # type: ignore[override]
        if not self.unicode_text and family == FAMILY:
            family = CORE_FAMILY
        super().set_font(family, style, size)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FAMILY, "", 8)
        self.cell(0, 5, f"{self.footer_text}    Page {self.page_no()} of {{nb}}", align="C")


def text(value: str) -> str:
    """Customer text as the PDF fonts can print it (one line)."""
    return clean(value, REGULAR)


def paragraph(value: str) -> str:
    """Customer text that may span lines (a gift message): each line cleaned, breaks kept."""
    lines = [text(line) for line in value.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def long_date(value: datetime) -> str:
    """The date as "19 January 2019", independent of the machine's locale."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def money(amount: Decimal, currency: str) -> str:
    return f"{text(currency).upper()} {amount.quantize(CENT, ROUND_HALF_UP):,.2f}"


def address_lines(address: Address) -> list[str]:
    city = " ".join(
        part
        for part in (text(address.city), text(address.state_or_region), text(address.postal_code))
        if part
    )
    lines = [text(address.name), text(address.address_line1), text(address.address_line2), city]
    lines.append(text(address.country_code).upper())
    if address.phone:
        lines.append(f"Phone: {text(address.phone)}")
    return [line for line in lines if line]


def address_block(pdf: DocumentPdf, title: str, address: Address, x: float, width: float) -> float:
    """Draw a titled address at (x, current y); returns the y below it."""
    y = pdf.get_y()
    pdf.set_xy(x, y)
    pdf.set_font(FAMILY, "B", 9)
    pdf.cell(width, 5, title, new_x="LEFT", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10)
    for line in address_lines(address):
        pdf.set_x(x)
        pdf.multi_cell(width, 5, line, align="L", new_x="LEFT", new_y="NEXT")
    return float(pdf.get_y())


def barcode(
    pdf: DocumentPdf, data: str, right: float, y: float, height: float, room: float
) -> None:
    """The PO as vector Code 128 bars (crisp at any print resolution), right-aligned at ``right``,
    0.4 mm per module (4.7 dots at 300 dpi) unless a long PO needs narrower bars to fit ``room``."""
    symbol = code128(data)
    module = min(0.4, room / len(symbol.modules))
    width = len(symbol.modules) * module
    x = right - width
    pdf.set_fill_color(0, 0, 0)
    for offset, bar in symbol.bars(1):
        pdf.rect(x + offset * module, y, bar * module, height, style="F")
    pdf.set_font(FAMILY, "", 9)
    pdf.set_xy(x, y + height + 0.5)
    pdf.cell(width, 4, data, align="C")


def check(spec: OrderDocumentSpec, document: str) -> str:
    """The PO number, after refusing a spec no packer could use."""
    po = check_barcode_data(spec.purchase_order_number, "purchase order number")
    if not spec.lines:
        raise ContentError(
            f"The {document} for PO {po} has no lines.",
            hint="Every order has at least one line; check the order data.",
        )
    for line in spec.lines:
        if line.quantity < 0 or line.unit_price < 0:
            raise ContentError(
                f"Line {line.item_sequence_number} of PO {po} has a negative quantity or price.",
                hint="Correct the order data.",
            )
    return po


def output(pdf: DocumentPdf) -> bytes:
    return bytes(pdf.output())
