"""Every barcode command renders a symbol that zxing-cpp decodes back to the encoded data."""

from __future__ import annotations

import pytest
import zxingcpp
from hypothesis import given, settings
from hypothesis import strategies as st
from zxingcpp import BarcodeFormat as F

from station.zpl import render, render_all
from station.zpl.code128 import encode_manual, mod10
from tests.zpl.probes import bar_runs, decode, draw, ink, ink_bbox

GS, RS, EOT = "\x1d", "\x1e", "\x04"


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("^BCN,100,Y,N,N^FDShip-123 abc^FS", "Ship-123 abc"),
        ("^BCN,100,Y,N,N^FD>;1234567890^FS", "1234567890"),
        ("^BCN,100,Y,N,N^FD>:AB>5123456>6CD^FS", "AB123456CD"),
        ("^BCN,100,Y,N,N^FD>9AB>5123456>7CD^FS", "AB123456CD"),
        ("^BCN,100,Y,N,N^FD>:a>0b><c>=d^FS", "a>b^c~d"),
        ("^BCN,100,N,N,N^FD>;>81234567890^FS", "1234567890"),
        ("^BCN,100,Y,N,N,A^FD1Z999AA10123456784^FS", "1Z999AA10123456784"),
        ("^BCN,100,Y,N,N,A^FDabc123456789^FS", "abc123456789"),
    ],
)
def test_code128_subsets_and_invocation_codes(field: str, expected: str) -> None:
    image = draw(f"^XA^BY2^FO50,50{field}^XZ")
    assert decode(image, F.Code128) == [expected]


def test_code128_fnc1_inside_the_data_is_a_group_separator() -> None:
    image = draw("^XA^BY2^FO50,50^BCN,100,Y,N,N^FD>;>810123456>8>6ABC^FS^XZ")
    assert decode(image, F.Code128) == [f"10123456{GS}ABC"]


def test_code128_ucc_case_mode_adds_the_mod10_digit() -> None:
    image = draw("^XA^BY2^FO50,50^BCN,100,Y,N,N,U^FD0061414199999^FS^XZ")
    digits = "0061414199999".ljust(19, "0")
    assert decode(image, F.Code128) == [digits + mod10(digits)]


def test_code128_gs1_mode() -> None:
    image = draw("^XA^BY2^FO50,50^BCN,100,Y,N,N,D^FD(00)123456789012345675^FS^XZ")
    found = zxingcpp.read_barcodes(image.convert("L"), formats=F.Code128)
    assert [b.text for b in found] == ["(00)123456789012345675"]
    assert found[0].symbology_identifier == "]C1"


def test_code128_check_digit_option() -> None:
    image = draw("^XA^BY2^FO50,50^BCN,100,Y,N,Y,N^FD>;123456^FS^XZ")
    assert decode(image, F.Code128) == ["123456" + mod10("123456")]


def test_code128_bars_are_whole_modules_and_start_at_the_origin() -> None:
    image = draw("^XA^BY3^FO100,50^BCN,80,N,N,N^FDABC123^FS^XZ")
    bbox = ink_bbox(image)
    symbol = encode_manual("ABC123")
    assert bbox == (100, 50, 100 + 3 * len(symbol.modules()), 130)
    runs = bar_runs(image, 90, bbox[0], bbox[2])
    assert all(r % 3 == 0 for r in runs)


def test_code128_interpretation_line_below_or_above() -> None:
    below = draw("^XA^BY2^FO100,100^BCN,80,Y,N,N^FDABC^FS^XZ")
    above = draw("^XA^BY2^FO100,100^BCN,80,Y,Y,N^FDABC^FS^XZ")
    none = draw("^XA^BY2^FO100,100^BCN,80,N,N,N^FDABC^FS^XZ")
    assert ink_bbox(none) is not None and ink_bbox(none)[3] == 180  # type: ignore[index]
    assert ink_bbox(below, (0, 181, 812, 240)) is not None  # text under the bars
    assert ink(above, 100, 179) and ink_bbox(above, (0, 100, 812, 110)) is not None
    assert ink_bbox(above)[3] > 180  # type: ignore[index]  # bars pushed down by the text
    assert decode(above, F.Code128) == ["ABC"]


def test_ft_puts_the_bottom_of_the_bars_on_y() -> None:
    image = draw("^XA^BY2^FT100,300^BCN,80,Y,N,N^FDABC^FS^XZ")
    assert ink(image, 100, 299) and not ink(image, 100, 300)
    assert not ink(image, 100, 219) and ink(image, 100, 220)


@pytest.mark.parametrize("orientation", ["R", "I", "B"])
def test_code128_orientation(orientation: str) -> None:
    image = draw(f"^XA^BY2^FO200,200^BC{orientation},100,Y,N,N^FDROTATE1^FS^XZ")
    bbox = ink_bbox(image)
    assert bbox is not None and bbox[0] >= 200 and bbox[1] >= 200
    if orientation in "RB":
        assert bbox[3] - bbox[1] > bbox[2] - bbox[0]
    assert decode(image, F.Code128) == ["ROTATE1"]


def test_by_sets_module_width_and_default_height() -> None:
    image = draw("^XA^BY4,3,77^FO10,10^BCN,,N^FDAB^FS^XZ")
    assert ink_bbox(image) == (10, 10, 10 + 4 * len(encode_manual("AB").modules()), 87)


def test_code39_with_and_without_check_digit_and_ratio() -> None:
    plain = draw("^XA^BY2,3^FO50,50^B3N,N,100,Y,N^FDSHIP-39^FS^XZ")
    assert decode(plain, F.Code39) == ["SHIP-39"]
    checked = draw("^XA^BY2,2.5^FO50,50^B3N,Y,100,Y,N^FDABC^FS^XZ")
    texts = decode(checked, F.Code39)
    assert texts and texts[0].startswith("ABC") and len(texts[0]) == 4
    runs = bar_runs(plain, 100, 50, ink_bbox(plain)[2])  # type: ignore[index]
    assert set(runs[1:-1]) <= {2, 6}  # narrow 2 dots, wide 2 * 3


def test_interleaved_2_of_5() -> None:
    image = draw("^XA^BY3^FO50,50^B2N,100,Y,N,N^FD12345670^FS^XZ")
    assert decode(image, F.ITF) == ["12345670"]
    odd = draw("^XA^BY3^FO50,50^B2N,100,Y,N,Y^FD1234567^FS^XZ")
    assert decode(odd, F.ITF) == ["12345670"]  # check digit 0 completes the pairs


def test_ean13_and_upca() -> None:
    ean = draw("^XA^BY3^FO50,50^BEN,100,Y,N^FD400638133393^FS^XZ")
    assert decode(ean, F.EAN13) == ["4006381333931"]
    upc = draw("^XA^BY3^FO50,50^BUN,100,Y,N,Y^FD03600029145^FS^XZ")
    # zxing-cpp 3 reports UPC-A in its EAN-13 form (a leading 0), but as format UPC-A
    assert decode(upc, F.UPCA) == ["0036000291452"]


def test_pdf417() -> None:
    image = draw("^XA^BY2^FO50,50^B7N,8,5,6,,N^FDPO 1234567 carton 1 of 2^FS^XZ")
    assert decode(image, F.PDF417) == ["PO 1234567 carton 1 of 2"]


def test_datamatrix_with_escape() -> None:
    image = draw("^XA^FO50,50^BXN,6,200^FDDM~d065~~ok^FS^XZ")
    assert decode(image, F.DataMatrix) == ["DMA~ok"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("QA,https://example.com/track?id=42", "https://example.com/track?id=42"),
        ("HM,B0011Hello Bytes", "Hello Bytes"),
        ("LM,N0123456789", "0123456789"),
        ("plain data", "plain data"),
    ],
)
def test_qr_with_field_data_prefixes(data: str, expected: str) -> None:
    image = draw(f"^XA^FO50,50^BQN,2,5^FD{data}^FS^XZ")
    assert decode(image, F.QRCode) == [expected]


def test_qr_magnification_sets_the_module_size() -> None:
    small = ink_bbox(draw("^XA^FO50,50^BQN,2,3^FDQA,abc^FS^XZ"))
    big = ink_bbox(draw("^XA^FO50,50^BQN,2,6^FDQA,abc^FS^XZ"))
    assert small is not None and big is not None
    assert (big[2] - big[0]) == 2 * (small[2] - small[0]) == 2 * 3 * 21


def _ups_secondary(tracking: str) -> str:
    return (
        f"{tracking}_1DUPSN_1D06X610_1D159_1D1234567_1D1/1_1D_1DY_1D634 ALPHA DR_1DPITTSBURGH"
        "_1DPA_1E_04"
    )


def test_maxicode_mode_2_ups_structured_carrier_message() -> None:
    secondary = _ups_secondary("1Z00004951")
    zpl = f"^XA^FO100,100^BD2,1,1^FH^FD001840152382802[)>_1E01_1D96{secondary}^FS^XZ"
    image = draw(zpl)
    texts = decode(image, F.MaxiCode, (90, 90, 350, 350))
    secondary = _ups_secondary("1Z00004951").replace("_1D", GS).replace("_1E", RS)
    secondary = secondary.replace("_04", EOT)
    assert texts == [f"[)>{RS}01{GS}96152382802{GS}840{GS}001{GS}{secondary}"]


def test_maxicode_mode_3_alphanumeric_postcode() -> None:
    zpl = "^XA^FO100,100^BD3^FH^FD066826EC1A1B[)>_1E01_1D96TRACK42_1DUPSN_1E_04^FS^XZ"
    texts = decode(draw(zpl), F.MaxiCode, (90, 90, 350, 350))
    assert texts == [f"[)>{RS}01{GS}96EC1A1B{GS}826{GS}066{GS}TRACK42{GS}UPSN{RS}{EOT}"]


def test_maxicode_is_about_one_inch_at_any_dpi() -> None:
    for dpi in (203, 300):
        bbox = ink_bbox(render("^XA^FO0,0^BD4^FDhello maxicode^FS^XZ", dpi).image)
        assert bbox is not None
        assert abs((bbox[2] - bbox[0]) - dpi * 28.14 / 25.4) < 0.05 * dpi


def test_bad_barcode_data_is_a_warning_not_a_crash() -> None:
    result = render("^XA^FO50,50^BEN,100^FDnot digits^FS^FO50,300^BCN^FDok^FS^XZ")
    assert [w.command for w in result.warnings] == ["^BE"]
    assert decode(result.image, F.Code128) == ["ok"]


def test_serial_numbers_count_across_copies() -> None:
    results = render_all("^XA^PQ3^BY2^FO50,50^BCN,80,Y,N,N^SN0001,1,Y^FS^FO50,300^SNLBL-7^FS^XZ")
    assert len(results) == 3
    assert [decode(r.image, F.Code128) for r in results] == [["0001"], ["0002"], ["0003"]]
    assert ink_bbox(results[0].image, (0, 290, 812, 330)) is not None


def test_field_variable_is_field_data() -> None:
    image = draw("^XA^BY2^FO50,50^BCN,80^FVvariable^FS^XZ")
    assert decode(image, F.Code128) == ["variable"]


def test_field_hex_with_custom_indicator() -> None:
    image = draw("^XA^BY2^FO50,50^FH\\^BCN,80^FDA\\42C\\5E^FS^XZ")
    assert decode(image, F.Code128) == ["ABC^"]


def test_utf8_code_page_and_default_code_page() -> None:
    utf8 = render("^XA^CI28^FO50,50^FH^BQN,2,5^FDQA,M_C3_BCller Stra\u00dfe^FS^XZ".encode()).image
    assert decode(utf8, F.QRCode) == ["M\u00fcller Stra\u00dfe"]
    cp850 = render(b"^XA^FO50,50^BQN,2,5^FDQA,M\x81ller^FS^XZ").image
    assert decode(cp850, F.QRCode) == ["M\u00fcller"]
    text = render("^XA^FO50,50^BQN,2,5^FDQA,M\u00fcller^FS^XZ").image  # str stays text
    assert decode(text, F.QRCode) == ["M\u00fcller"]


@settings(max_examples=40, deadline=None)
@given(
    st.text(
        alphabet=st.characters(min_codepoint=32, max_codepoint=126, exclude_characters="^~>"),
        min_size=1,
        max_size=30,
    )
)
def test_code128_automatic_mode_round_trips_any_printable_text(text: str) -> None:
    image = draw(f"^XA^PW2400^BY2^FO20,50^BCN,60,N,N,N,A^FD{text}^FS^XZ")
    assert decode(image, F.Code128) == [text]


_CODE128_PARTS = ["1", "12", "345", ">5", ">6", ">7", ">8", "AB", "x", ">9", ">;", ">0", "><"]
_CODE128_PARTS += [">=", "\x01", "`"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_CODE128_PARTS), max_size=12))
def test_code128_manual_subset_switching_encodes_what_it_says(parts: list[str]) -> None:
    """Whatever the invocation codes do (switch, FNC1, FNC4 extension), the scanner reads the
    text the encoder reports; characters a subset cannot hold are counted, never invented."""
    data = ">:" + "".join(parts) + "Z"
    symbol = encode_manual(data)
    result = render(f"^XA^PW2400^BY2^FO20,50^BCN,60,N,N,N^FD{data}^FS^XZ")
    texts = decode(result.image, F.Code128)
    assert len(texts) == 1
    if symbol.skipped:
        assert [w.command for w in result.warnings] == ["^BC"]
    else:
        assert texts[0].replace(GS, "") == symbol.text
