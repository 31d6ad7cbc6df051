"""The simulator's documents are real: labels scan, PDFs open and hold the PO, output is stable."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image

from station.errors import ContentError
from station.simulator.documents import (
    LABEL_DPI,
    LABEL_SIZE,
    Address,
    DocumentLine,
    LabelSpec,
    OrderDocumentSpec,
    customer_invoice_pdf,
    label_png,
    label_zpl,
    packing_slip_pdf,
)

SHIP_TO = Address("Jingxu Wang", "311 Cedar St Apt 701", "Seattle", "98121-1555", "US", "WA")
SHIP_FROM = Address(
    "Amazon Fulfillment Services", "172 Trade Street", "Lexington", "40511", "US", "KY"
)
SAO_PAULO = Address(
    "Maria da Conceição Müller-Lüdenscheid",
    "Avenida Brigadeiro Faria Lima 3477",
    "São Paulo",
    "04538-133",
    "BR",
    "SP",
)
LABEL = LabelSpec(
    purchase_order_number="2JK3S9VC",
    package_identifier="PKG001",
    tracking_number="1Z6A34Y60369738804",
    ship_method="UPS_GR_RES",
    ship_method_name="UPS Ground Residential",
    carrier="UPS",
    ship_to=SHIP_TO,
    ship_from=SHIP_FROM,
    package_index=1,
    package_count=2,
    weight="2.5 KG",
)
LINES = tuple(
    DocumentLine(n, f"B0{n}EK971A{n}", f"SKU-{n:05d}", title, n, Decimal("149.70") * n)
    for n, title in enumerate(
        ('Large Sensory Table and Lid Set - 24"h', "Ceramic Mug", "USB-C Cable 2m"), start=1
    )
)
ORDER = OrderDocumentSpec(
    purchase_order_number="2JK3S9VC",
    order_date=datetime(2019, 1, 19, 10, 30),
    ship_to=SHIP_TO,
    ship_from=SHIP_FROM,
    lines=LINES,
)
INVOICE = replace(
    ORDER,
    purchase_order_number="3KL9PQ2X",
    ship_to=Address("Priya Raghunathan", "Flat 12B, Whitefield", "Bengaluru", "560066", "IN"),
    currency="INR",
    invoice_number="KA-2026-000451",
    tax_rate=Decimal("0.18"),
)


def decoded(image: Image.Image) -> set[str]:
    return {result.text for result in zxingcpp.read_barcodes(image)}


def open_png(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return image.copy() if image.mode != "P" else image.convert("L")


# --- PNG labels -------------------------------------------------------------------------------


def test_label_png_is_a_4x6_203_dpi_one_bit_image() -> None:
    with Image.open(io.BytesIO(label_png(LABEL))) as image:
        assert image.format == "PNG"
        assert image.size == LABEL_SIZE == (812, 1218)
        assert image.mode == "1"
        assert round(image.info["dpi"][0]) == round(image.info["dpi"][1]) == LABEL_DPI
        colours = image.convert("L").getcolors()
        assert colours is not None and {value for _count, value in colours} == {0, 255}


def test_label_png_barcodes_decode_to_tracking_number_and_po() -> None:
    codes = decoded(open_png(label_png(LABEL)).convert("L"))
    assert LABEL.tracking_number in codes
    assert LABEL.purchase_order_number in codes


def test_label_tracking_barcode_is_code128_and_the_widest_symbol() -> None:
    results = zxingcpp.read_barcodes(open_png(label_png(LABEL)).convert("L"))
    tracking = [r for r in results if r.text == LABEL.tracking_number]
    assert tracking and tracking[0].format == zxingcpp.BarcodeFormat.Code128
    widest = max(results, key=lambda r: r.position.bottom_right.x - r.position.top_left.x)
    assert widest.text == LABEL.tracking_number


def test_label_tracking_barcode_still_scans_at_half_resolution() -> None:
    """Bars are whole multiples of the module, so halving the image (a poor scan) keeps them."""
    image = open_png(label_png(LABEL)).convert("L")
    half = image.resize((406, 609), Image.Resampling.BOX)
    assert LABEL.tracking_number in decoded(half)


def test_label_png_prints_non_ascii_names() -> None:
    spec = replace(LABEL, ship_to=SAO_PAULO)
    image = open_png(label_png(spec))
    assert image.size == LABEL_SIZE
    assert LABEL.tracking_number in decoded(image.convert("L"))


def test_long_tracking_numbers_get_narrower_bars_and_still_scan() -> None:
    spec = replace(LABEL, tracking_number="9400111899223197428490123456")
    codes = decoded(open_png(label_png(spec)).convert("L"))
    assert spec.tracking_number in codes


@pytest.mark.parametrize(
    "tracking", ["", "1Z^XA", "TRACK~JR", "1Z 6A3>", "ÜBER123", "X" * 41, " 1Z123"]
)
def test_untrusted_tracking_numbers_are_refused_with_a_content_error(tracking: str) -> None:
    spec = replace(LABEL, tracking_number=tracking)
    with pytest.raises(ContentError) as caught:
        label_png(spec)
    assert "tracking number" in str(caught.value)
    assert caught.value.hint
    with pytest.raises(ContentError):
        label_zpl(spec)


# --- ZPL labels -------------------------------------------------------------------------------


def test_label_zpl_is_one_ascii_label_of_the_right_size() -> None:
    zpl = label_zpl(LABEL)
    text = zpl.decode("ascii")
    assert text.startswith("^XA")
    assert text.rstrip().endswith("^XZ")
    assert text.count("^XA") == text.count("^XZ") == 1
    assert "^PW812" in text and "^LL1218" in text


def _barcode_fields(text: str) -> dict[str, int]:
    """data -> module width of each ^BY…^BC…^FD…^FS field."""
    found = re.findall(r"\^BY(\d+)[^\^]*\^BCN[^\^]*\^FD([^\^]*)\^FS", text)
    return {data: int(module) for module, data in found}


def test_label_zpl_has_tracking_and_po_barcodes_with_whole_dot_modules() -> None:
    fields = _barcode_fields(label_zpl(LABEL).decode("ascii"))
    assert fields[LABEL.tracking_number] == 3
    assert fields[LABEL.purchase_order_number] >= 2


def test_label_zpl_positions_stay_on_the_label() -> None:
    text = label_zpl(LABEL).decode("ascii")
    for x, y in re.findall(r"\^FO(\d+),(\d+)", text):
        assert 0 <= int(x) < 812 and 0 <= int(y) < 1218
    for w, h, _t in re.findall(r"\^GB(\d+),(\d+),(\d+)", text):
        assert int(w) <= 812 and int(h) <= 1218


def _field_texts(text: str) -> list[str]:
    """Every ^FD value, with ^FH escapes undone (UTF-8 under ^CI28)."""
    out = []
    for escaped, data in re.findall(r"(\^FH_)?\^FD([^\^]*)\^FS", text):
        if escaped:
            raw = re.sub(rb"_([0-9A-F]{2})", lambda m: bytes([int(m[1], 16)]), data.encode())
            out.append(raw.decode("utf-8"))
        else:
            out.append(data)
    return out


def test_label_zpl_sends_non_ascii_as_utf8_hex_escapes() -> None:
    text = label_zpl(replace(LABEL, ship_to=SAO_PAULO)).decode("ascii")
    assert "^CI28" in text
    fields = _field_texts(text)
    assert any("SÃO PAULO" in field for field in fields)
    assert any("MÜLLER" in field for field in fields)


def test_label_zpl_and_png_show_the_same_texts() -> None:
    from station.simulator.doc_label import Text, layout

    texts = [e.text for e in layout(LABEL) if isinstance(e, Text) and e.text]
    barcodes = set(_barcode_fields(label_zpl(LABEL).decode("ascii")))
    zpl_texts = [t for t in _field_texts(label_zpl(LABEL).decode("ascii")) if t not in barcodes]
    assert zpl_texts == texts
    assert "SEATTLE  WA 98121-1555" in texts
    assert "PKG 1 OF 2" in texts and "2.5 KG" in texts


# --- PDFs -------------------------------------------------------------------------------------


def pdf_pages(data: bytes) -> list[tuple[str, tuple[float, float], Image.Image]]:
    """(text, size in points, 300 dpi greyscale rendering) of each page."""
    pdf = pdfium.PdfDocument(data)
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            bitmap = page.render(scale=300 / 72, grayscale=True)
            image = bitmap.to_pil().copy()
            bitmap.close()
            pages.append((text, (page.get_width(), page.get_height()), image))
            page.close()
        return pages
    finally:
        pdf.close()


def test_packing_slip_is_a_letter_pdf_with_the_po_and_every_asin() -> None:
    pages = pdf_pages(packing_slip_pdf(ORDER))
    text = "\n".join(page[0] for page in pages)
    assert pages[0][1] == pytest.approx((612, 792), abs=0.5)
    assert ORDER.purchase_order_number in text
    for line in LINES:
        assert line.buyer_product_identifier in text
        assert line.vendor_product_identifier in text
    assert "Seattle" in text and "Lexington" in text
    assert "19 January 2019" in text


def test_packing_slip_po_barcode_decodes_at_300_dpi() -> None:
    image = pdf_pages(packing_slip_pdf(ORDER))[0][2]
    assert ORDER.purchase_order_number in decoded(image)


def test_packing_slip_shows_the_gift_message_only_for_gifts() -> None:
    gift = replace(ORDER, is_gift=True, gift_message="Happy birthday, Jürgen!\nLove, Ana")
    text = pdf_pages(packing_slip_pdf(gift))[0][0]
    assert "Gift message" in text and "Happy birthday, Jürgen!" in text and "Love, Ana" in text
    assert "Gift message" not in pdf_pages(packing_slip_pdf(ORDER))[0][0]


def test_packing_slip_runs_onto_more_pages_when_the_order_is_long() -> None:
    many = tuple(
        DocumentLine(n, f"B0000{n:05d}", f"SKU-{n}", "A fairly long product title " * 3, 1)
        for n in range(1, 41)
    )
    pages = pdf_pages(packing_slip_pdf(replace(ORDER, lines=many)))
    assert len(pages) > 1
    text = "\n".join(page[0] for page in pages)
    assert all(line.buyer_product_identifier in text for line in many)
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1][0]


def test_customer_invoice_is_an_a4_tax_invoice_that_adds_up() -> None:
    pages = pdf_pages(customer_invoice_pdf(INVOICE))
    text = "\n".join(page[0] for page in pages)
    assert pages[0][1] == pytest.approx((595.3, 841.9), abs=0.5)
    assert "Tax Invoice" in text
    assert INVOICE.invoice_number in text and INVOICE.purchase_order_number in text
    for line in LINES:
        assert line.buyer_product_identifier in text
    # 149.70×1 + 149.70×2×2 ... = 149.70 + 598.80 + 1347.30 = 2095.80 net; 18 % tax per line.
    assert "INR 2,095.80" in text
    assert "INR 377.24" in text  # 26.95 + 107.78 + 242.51
    assert "INR 2,473.04" in text
    assert "18%" in text


def test_customer_invoice_po_barcode_decodes_at_300_dpi() -> None:
    image = pdf_pages(customer_invoice_pdf(INVOICE))[0][2]
    assert INVOICE.purchase_order_number in decoded(image)


@pytest.mark.parametrize("rate", [Decimal("18"), Decimal("-0.1"), Decimal("NaN"), Decimal("1")])
def test_invoice_refuses_a_tax_rate_that_is_not_a_fraction(rate: Decimal) -> None:
    with pytest.raises(ContentError, match="tax rate"):
        customer_invoice_pdf(replace(INVOICE, tax_rate=rate))


def test_documents_without_lines_are_refused() -> None:
    with pytest.raises(ContentError, match="no lines"):
        packing_slip_pdf(replace(ORDER, lines=()))
    with pytest.raises(ContentError, match="no lines"):
        customer_invoice_pdf(replace(INVOICE, lines=()))


def test_pdf_prints_non_ascii_names_as_text() -> None:
    text = pdf_pages(packing_slip_pdf(replace(ORDER, ship_to=SAO_PAULO)))[0][0]
    assert "São Paulo" in text and "Müller" in text


def test_pdf_prints_windows_1252_text_with_the_core_font() -> None:
    """€, Ÿ and curly quotes are Windows-1252 (the core font's text) but not Latin-1 (fpdf2's
    default): a slip naming them must render, not crash, and keep them as text."""
    ship_to = replace(SAO_PAULO, name="Ÿvonne “Zoë” Müller", address_line2="Caixa € 12")
    text = pdf_pages(packing_slip_pdf(replace(ORDER, ship_to=ship_to)))[0][0]
    assert "Ÿvonne" in text and "“Zoë”" in text and "€ 12" in text


# --- determinism ------------------------------------------------------------------------------


def test_same_spec_gives_the_same_bytes() -> None:
    assert label_png(LABEL) == label_png(replace(LABEL))
    assert label_zpl(LABEL) == label_zpl(replace(LABEL))
    assert packing_slip_pdf(ORDER) == packing_slip_pdf(replace(ORDER))
    assert customer_invoice_pdf(INVOICE) == customer_invoice_pdf(replace(INVOICE))
    assert label_png(LABEL) != label_png(replace(LABEL, tracking_number="1Z6A34Y60369738805"))


def test_zpl_printed_by_the_station_renderer_matches_the_png_bar_for_bar() -> None:
    """The ZPL label, rendered by the station's own ZPL renderer, carries the very same symbols
    at the very same dots as the PNG label (code set B, same module, same position)."""
    renderer = pytest.importorskip("station.zpl.renderer")
    for spec in (LABEL, replace(LABEL, tracking_number="9400111899223197428490123456")):
        printed = renderer.render(label_zpl(spec)).image.convert("L")
        drawn = open_png(label_png(spec)).convert("L")
        assert printed.size == drawn.size == LABEL_SIZE
        for y in (650, 950, 1120):  # postal, tracking and PO barcode rows (x < 466 for the PO)
            right = 466 if y == 1120 else 800
            assert [printed.getpixel((x, y)) for x in range(12, right)] == [
                drawn.getpixel((x, y)) for x in range(12, right)
            ]
        codes = decoded(printed)
        assert spec.tracking_number in codes and spec.purchase_order_number in codes
