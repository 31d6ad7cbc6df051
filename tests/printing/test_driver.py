"""Driver printing through QPrinter, offscreen, into a PDF file that is then checked like paper:
rasterised, scanned, and its embedded label image measured."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp

from station.printing.address import parse_printer_uri
from station.printing.convert import png_to_zpl
from station.printing.driver import QtDriverPrinter
from station.printing.printer import PrinterState, PrintJob
from station.printing.profile import Media, PrinterProfile

pytestmark = pytest.mark.usefixtures("qapp")  # a QApplication first, as in the GUI


def print_to_pdf(tmp_path: Path, profile: PrinterProfile, job: PrintJob) -> Path:
    output = tmp_path / "out.pdf"
    printer = QtDriverPrinter(parse_printer_uri("qt://pdf"), profile, output_file=output)
    assert printer.status().state is PrinterState.ONLINE
    printer.print_job(job)
    return output


def page_facts(
    path: Path, dpi: float
) -> tuple[tuple[float, float], list[tuple[float, int]], set[str]]:
    """(page size in pt, [(image width in pt, image width in px)], barcodes at ``dpi``)."""
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        page = document[0]
        size = page.get_size()
        images = [
            (obj.get_matrix().a, obj.get_px_size()[0])
            for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=4)
        ]
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        codes = {b.text for b in zxingcpp.read_barcodes(bitmap.to_pil())}
        bitmap.close()
        page.close()
    finally:
        document.close()
    return size, images, codes


@pytest.mark.parametrize("dpi", [203, 300])
def test_label_prints_on_an_exact_4x6_page_one_dot_per_pixel(
    tmp_path: Path, label_png: bytes, dpi: int
) -> None:
    profile = PrinterProfile.label(dpi, language="driver")  # type: ignore[arg-type]
    output = print_to_pdf(tmp_path, profile, PrintJob.from_bytes(label_png, name="PO1"))
    (width_pt, height_pt), images, codes = page_facts(output, dpi)
    assert (round(width_pt, 2), round(height_pt, 2)) == (288.0, 432.0)  # 4×6 in exactly
    ((image_pt, image_px),) = images
    assert image_px == 800  # trimmed, not resampled (1× at both resolutions)
    device_pixels = image_pt / 72 * dpi
    assert device_pixels == pytest.approx(round(device_pixels), abs=0.01)
    scale = round(device_pixels) / image_px
    assert scale == int(scale)  # a whole number of device pixels per label pixel
    assert "1Z6A34Y60369738804" in codes


def test_slip_prints_on_letter_at_300_dpi(tmp_path: Path, slip_pdf: bytes) -> None:
    profile = PrinterProfile.office(Media.LETTER)
    output = print_to_pdf(tmp_path, profile, PrintJob.from_bytes(slip_pdf, name="PO1-slip"))
    (width_pt, height_pt), images, codes = page_facts(output, 300)
    assert (round(width_pt), round(height_pt)) == (612, 792)
    assert [px for _pt, px in images] == [2550]  # rasterised at 300 dpi, drawn 1:1
    assert codes


def test_zpl_label_is_rendered_offline_and_printed_1_to_1(tmp_path: Path, label_png: bytes) -> None:
    try:
        from station.zpl import render_all  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"the ZPL renderer is not available ({exc!r})")
    zpl = png_to_zpl(label_png, PrinterProfile.label(203)).content
    profile = PrinterProfile.label(203, language="driver")
    output = print_to_pdf(tmp_path, profile, PrintJob.from_bytes(zpl, name="PO1"))
    (width_pt, height_pt), images, codes = page_facts(output, 203)
    assert (round(width_pt, 2), round(height_pt, 2)) == (288.0, 432.0)
    ((image_pt, image_px),) = images
    assert image_px == 800 and image_pt / 72 * 203 == pytest.approx(800, abs=0.01)
    assert "1Z6A34Y60369738804" in codes


def test_unknown_qt_printer_is_offline() -> None:
    printer = QtDriverPrinter(parse_printer_uri("qt://No Such Printer"), PrinterProfile.office())
    assert printer.status().state is PrinterState.OFFLINE
