"""Graphic fields and stored graphics: a PNG label converted to ^GF renders back dot for dot."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from station.errors import ZplError
from station.zpl import gf, render, render_all
from tests.zpl.probes import draw, ink, ink_bbox


def _sample_bitmap(samples_dir: Path) -> tuple[Image.Image, gf.Bitmap]:
    image = Image.open(samples_dir / "amazon-sandbox-label-ups.png")
    image.load()
    return image, gf.image_to_bitmap(image)


@pytest.mark.parametrize("compression", ["Z64", "B64", "ACS", "HEX"])
def test_amazon_label_as_gf_renders_back_pixel_identical(
    samples_dir: Path, compression: str
) -> None:
    image, bitmap = _sample_bitmap(samples_dir)
    expected = bitmap.to_image(image.width)
    zpl = f"^XA^PW{image.width}^LL{image.height}^FO0,0{gf.encode_gf(bitmap, compression)}^FS^XZ"
    rendered = render(zpl).image
    assert rendered.size == expected.size
    assert rendered.tobytes() == expected.tobytes()


def test_amazon_label_in_a_bare_label_format_is_identical_where_it_fits(
    samples_dir: Path,
) -> None:
    """``^XA^FO0,0^GF…^FS^XZ`` on the default 4×6 label: the ink of the 800×1400 label ends at
    row 1200, so every dot of it lands, unchanged."""
    image, bitmap = _sample_bitmap(samples_dir)
    expected = bitmap.to_image(image.width)
    rendered = render(f"^XA^FO0,0{gf.encode_gf(bitmap)}^FS^XZ").image
    assert rendered.size == (812, 1218)
    assert ink_bbox(expected, (0, 1218, 800, 1400)) is None
    area = (0, 0, 800, 1218)
    assert rendered.crop(area).tobytes() == expected.crop(area).tobytes()
    assert ink_bbox(rendered, (800, 0, 812, 1218)) is None


def _checker() -> gf.Bitmap:
    # 16 x 4 dots: first byte of each row black, second white
    return gf.Bitmap(bytes([0xFF, 0x00] * 4), 2, 4)


def test_gf_at_origin_and_ft() -> None:
    data = gf.encode_gf(_checker(), "HEX")
    image = draw(f"^XA^FO100,50{data}^FS^XZ")
    assert ink_bbox(image) == (100, 50, 108, 54)
    ft = draw(f"^XA^FT100,50{data}^FS^XZ")
    assert ink_bbox(ft) == (100, 46, 108, 50)


def test_gf_binary_format() -> None:
    raw = bytes([0xF0, 0x0F] * 3)
    image = render(b"^XA^FO10,10^GFB,6,6,2," + raw + b"^FS^XZ").image
    assert ink(image, 10, 10) and not ink(image, 14, 10) and ink(image, 22, 12)
    assert ink_bbox(image) == (10, 10, 26, 13)


def test_download_graphic_recall_with_magnification_and_image_move() -> None:
    data = gf.encode_data(_checker(), "ACS")
    zpl = f"~DGR:LOGO.GRF,8,2,{data}^XA^FO100,100^XGR:LOGO.GRF,2,3^FS^FO300,300^IMLOGO.GRF^FS^XZ"
    image = draw(zpl)
    assert ink_bbox(image, (0, 0, 250, 250)) == (100, 100, 116, 112)
    assert ink_bbox(image, (250, 250, 812, 1218)) == (300, 300, 308, 304)


def test_download_graphic_inside_a_label_serves_later_labels() -> None:
    data = gf.encode_data(_checker(), "Z64")
    zpl = f"^XA~DGBOX,8,2,{data}^FO0,0^XGBOX^FS^XZ^XA^FO10,10^XGR:BOX.GRF,1,1^FS^XZ"
    first, second = render_all(zpl)
    assert ink_bbox(first.image) == (0, 0, 8, 4)
    assert ink_bbox(second.image) == (10, 10, 18, 14)
    assert ink_bbox(render(zpl, label_index=1).image) == (10, 10, 18, 14)


def test_recalling_an_unknown_graphic_warns() -> None:
    result = render("^XA^FO0,0^XGR:NONE.GRF^FS^XZ")
    assert [(w.command, w.position) for w in result.warnings] == [("^XG", 9)]


def test_bad_gf_crc_is_a_positioned_error() -> None:
    data = gf.encode_gf(_checker(), "Z64")
    broken = data[:-4] + ("0000" if not data.endswith("0000") else "1111")
    with pytest.raises(ZplError) as info:
        render(f"^XA^FO0,0{broken}^FS^XZ")
    assert info.value.position == 9
    assert "CRC" in str(info.value)
