"""Conversions on real content: Amazon's sample label and slip, and the simulator's documents."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from station.errors import ContentError, PrinterError
from station.printing.content import DocumentKind, sniff
from station.printing.convert import (
    load_image,
    pdf_to_zpl,
    png_to_zpl,
    prepare_label,
    render_pdf_pages,
)
from station.printing.profile import Media, PrinterProfile
from tests.printing.conftest import decode_labels

TRACKING = "1Z6A34Y60369738804"


def expected_mono(png: bytes) -> Image.Image:
    """The sample label as 1-bit dots, trimmed — derived independently of the converter."""
    source = Image.open(io.BytesIO(png)).convert("RGBA")
    paper = Image.new("RGBA", source.size, "white")
    paper.alpha_composite(source)
    grey = paper.convert("L")
    box = grey.point(lambda v: 255 if v < 128 else 0).getbbox()
    assert box is not None
    return grey.point(lambda v: 255 if v >= 128 else 0, mode="1").crop(box)


def texts(image: Image.Image) -> set[str]:
    return {barcode.text for barcode in zxingcpp.read_barcodes(image.convert("L"))}


def test_sample_label_becomes_one_gf_field_at_203_dpi(label_png: bytes) -> None:
    zpl = png_to_zpl(label_png, PrinterProfile.label(203)).content
    assert zpl.startswith(b"^XA\n^PW812\n^LL1218\n^FO0,0^GFA,")
    assert zpl.endswith(b"^FS\n^XZ\n")
    (bitmap,) = decode_labels(zpl)
    expected = expected_mono(label_png)
    assert expected.size == (800, 1201)  # content ends ~1200 px down: the blank tail is trimmed
    decoded = bitmap.to_image(expected.width)
    assert decoded.size == expected.size
    assert decoded.tobytes() == expected.tobytes()
    assert TRACKING in texts(decoded)


def test_600_dpi_zpl_printer_gets_the_label_at_exactly_3x(label_png: bytes) -> None:
    # Zebra's 600-dpi heads are 24 dots/mm, exactly 3× the 8 dots/mm of a 203-dpi head.
    converted = png_to_zpl(label_png, PrinterProfile.label(600))
    (bitmap,) = decode_labels(converted.content)
    expected = expected_mono(label_png)
    tripled = expected.resize((expected.width * 3, expected.height * 3), Image.Resampling.NEAREST)
    assert bitmap.to_image(tripled.width).tobytes() == tripled.tobytes()
    assert b"^PW2436\n^LL3654" in converted.content
    assert converted.warnings == ()
    assert TRACKING in texts(bitmap.to_image(tripled.width))


def test_600_dpi_driver_printer_falls_back_to_2x_with_a_warning(label_png: bytes) -> None:
    # A nominal 600 dpi is 2.96× of 203: 3× would not fit the 3600-dot page, so 2×, and a warning.
    profile = PrinterProfile.label(600, language="driver")
    raster = prepare_label(load_image(label_png), profile)
    assert (raster.scale, raster.width, raster.height) == (2, 1600, 2402)
    assert "2×" in raster.warnings[0]


def test_300_dpi_printer_prints_1x_with_a_warning_never_resampled(label_png: bytes) -> None:
    raster = prepare_label(load_image(label_png), PrinterProfile.label(300))
    assert raster.scale == 1
    assert (raster.width, raster.height) == (800, 1201)
    assert "300-dpi" in raster.warnings[0]


def test_strict_profile_refuses_a_non_integer_scale(label_png: bytes) -> None:
    with pytest.raises(PrinterError, match=r"1\.50× scale"):
        png_to_zpl(label_png, PrinterProfile.label(300, strict_scaling=True))


def test_label_with_its_own_dpi_tag_is_scaled_by_the_exact_ratio() -> None:
    image = Image.new("1", (400, 600), 1)
    ImageDraw.Draw(image).rectangle((10, 10, 389, 589), outline=0, width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(300, 300))
    raster = prepare_label(load_image(buffer.getvalue()), PrinterProfile.label(600))
    assert (raster.scale, raster.width, raster.height, raster.warnings) == (2, 760, 1160, ())


def test_a_label_that_cannot_fit_is_refused() -> None:
    image = Image.new("L", (900, 900), 0)  # 900 black dots wide > 812
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    with pytest.raises(PrinterError, match="cut off"):
        png_to_zpl(buffer.getvalue(), PrinterProfile.label(203))


def test_a_landscape_label_is_turned_to_fit() -> None:
    image = Image.new("L", (1100, 700), 255)
    ImageDraw.Draw(image).rectangle((0, 0, 1099, 699), outline=0, width=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    raster = prepare_label(load_image(buffer.getvalue()), PrinterProfile.label(203))
    assert (raster.width, raster.height) == (700, 1100)
    assert any("turned" in w for w in raster.warnings)


def test_darkness_offset_and_copies_are_in_the_zpl(label_png: bytes) -> None:
    profile = PrinterProfile.label(203, darkness=25, offset_x=8, offset_y=16)
    zpl = png_to_zpl(label_png, profile, copies=3).content
    assert zpl.startswith(b"~SD25\n^XA\n^PW812\n^LL1218\n^LH8,16\n^FO0,0^GFA,")
    assert zpl.endswith(b"^FS\n^PQ3\n^XZ\n")


def test_packing_slip_renders_at_300_dpi_greyscale_and_stays_scannable(slip_pdf: bytes) -> None:
    pages = list(render_pdf_pages(slip_pdf, 300))
    assert len(pages) == 1
    page = pages[0]
    assert page.mode == "L"
    assert (page.width, abs(page.height - 3300) <= 1) == (2550, True)
    assert texts(page)  # the PO barcode still decodes


def test_packing_slip_on_a_4x6_thermal_printer(slip_pdf: bytes) -> None:
    zpl = pdf_to_zpl(slip_pdf, PrinterProfile.label(203)).content
    (bitmap,) = decode_labels(zpl)
    assert bitmap.width <= 816 and bitmap.rows <= 1218  # fits 812×1218 (rows padded to bytes)
    assert bitmap.rows > 1000  # Letter portrait fills the 4×6 height


def test_broken_documents_are_content_errors() -> None:
    with pytest.raises(ContentError):
        load_image(b"\x89PNG\r\n\x1a\nnot really")
    with pytest.raises(ContentError):
        list(render_pdf_pages(b"%PDF-1.4\nbroken", 300))


def test_sniffing_by_magic_bytes(label_png: bytes, slip_pdf: bytes) -> None:
    assert sniff(label_png) is DocumentKind.PNG
    assert sniff(slip_pdf) is DocumentKind.PDF
    assert sniff(b"\xef\xbb\xbf\r\n^XA^FO10,10^FDhi^FS^XZ") is DocumentKind.ZPL
    assert sniff(b"~DGR:X.GRF,2,1,FF\n^XA^XGR:X.GRF^FS^XZ") is DocumentKind.ZPL
    for junk in (b"", b"hello", b"GIF89a", b"^not zpl"):
        with pytest.raises(ContentError):
            sniff(junk)


@given(st.binary(max_size=300))
def test_sniff_never_crashes(data: bytes) -> None:
    try:
        kind = sniff(data)
    except ContentError:
        return
    assert kind in DocumentKind


@st.composite
def odd_images(draw: st.DrawFn) -> bytes:
    mode = draw(st.sampled_from(["1", "L", "P", "RGB", "RGBA", "LA", "PA-transparent"]))
    huge = draw(st.booleans())
    width = draw(st.integers(1, 2600 if huge else 120))
    height = draw(st.integers(1, 2600 if huge else 120))
    base = Image.new("RGBA", (width, height), (255, 255, 255, draw(st.sampled_from([0, 255]))))
    pen = ImageDraw.Draw(base)
    for _ in range(draw(st.integers(0, 4))):
        x0, x1 = sorted(draw(st.lists(st.integers(0, width - 1), min_size=2, max_size=2)))
        y0, y1 = sorted(draw(st.lists(st.integers(0, height - 1), min_size=2, max_size=2)))
        colour = draw(st.sampled_from([(0, 0, 0, 255), (90, 90, 90, 255), (0, 0, 0, 60)]))
        pen.rectangle((x0, y0, x1, y1), fill=colour)
    if mode == "PA-transparent":
        image = base.convert("P")
        image.info["transparency"] = 0
    elif mode == "P":
        image = base.convert("RGB").convert("P", palette=Image.Palette.ADAPTIVE)
    else:
        image = base.convert(mode)
    dpi = draw(st.sampled_from([None, 72, 203, 300, 600, 150]))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", **({"dpi": (dpi, dpi)} if dpi else {}))
    return buffer.getvalue()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(png=odd_images(), dpi=st.sampled_from([203, 300, 600]))
def test_odd_images_convert_or_are_refused_clearly(png: bytes, dpi: int) -> None:
    profile = PrinterProfile.label(dpi)  # type: ignore[arg-type]
    try:
        zpl = png_to_zpl(png, profile).content
    except PrinterError as exc:
        assert "cut off" in str(exc) and exc.hint
        return
    (bitmap,) = decode_labels(zpl)
    media_w, media_h = profile.media_dots
    assert bitmap.rows <= media_h and bitmap.width <= media_w + 7


def test_simulator_label_png_converts_losslessly(
    simulator_documents: tuple[str, bytes, bytes, bytes],
) -> None:
    tracking, png, zpl, slip = simulator_documents
    assert sniff(png) is DocumentKind.PNG and sniff(zpl) is DocumentKind.ZPL
    converted = png_to_zpl(png, PrinterProfile.label(203))
    assert converted.warnings == ()
    (bitmap,) = decode_labels(converted.content)
    assert bitmap.to_image(expected_mono(png).width).tobytes() == expected_mono(png).tobytes()
    assert tracking in texts(bitmap.to_image())
    assert sniff(slip) is DocumentKind.PDF
    assert decode_labels(pdf_to_zpl(slip, PrinterProfile.label(203)).content)


def test_media_sizes_in_dots() -> None:
    assert PrinterProfile.label(203).media_dots == (812, 1218)
    assert PrinterProfile.label(300).media_dots == (1218, 1827)
    assert PrinterProfile.label(600).media_dots == (2436, 3654)
    assert PrinterProfile.office(Media.LETTER).media_dots == (2550, 3300)
