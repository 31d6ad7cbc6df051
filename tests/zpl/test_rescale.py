"""The ZPL rewrite for another print head: exact for dots, whole dots for bars, any input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from station.errors import ZplError
from station.zpl import parse
from station.zpl.rescale import factor, rescale


def test_pitch_ratios_are_zebras_dots_per_millimetre() -> None:
    assert factor(203, 300) == 1.5 and factor(203, 600) == 3.0 and factor(300, 203) == 2 / 3


def test_every_length_in_dots_is_converted() -> None:
    zpl = b"^XA^PW812^LL1218^LH10,20^FO100,50^A0N,30,20^FDX^FS^FT8,9^GB40,30,2^FS^XZ"
    out = rescale(zpl, 203, 300).content
    assert out == (b"^XA^PW1218^LL1827^LH15,30^FO150,75^A0N,45,30^FDX^FS^FT12,14^GB60,45,3^FS^XZ")


def test_a_barcode_without_by_gets_the_default_in_the_new_dots() -> None:
    out = rescale(b"^XA^FO10,10^BCN,50^FD123^FS^XZ", 203, 300).content
    assert b"^BY3,3,15^BCN,75" in out


def test_field_data_is_never_touched() -> None:
    out = rescale(b"^XA^FO1,1^A0N,20,20^FD100,200,300^FS^XZ", 203, 600).content
    assert b"^FD100,200,300^FS" in out


_PIECES = st.sampled_from(
    [
        "^XA",
        "^XZ",
        "^FO",
        "^FT",
        "^GB",
        "^BY",
        "^BC",
        "^A0N",
        "^FD",
        "^FS",
        "^GFA",
        "^XG",
        "^PW",
        "^BQ",
        "~DG",
        ",",
        "1",
        "25",
        "9999999",
        "-3",
        "N",
        " ",
        "x",
    ]
)


@given(st.lists(_PIECES, max_size=40))
def test_any_input_is_rewritten_or_refused_cleanly(pieces: list[str]) -> None:
    zpl = "".join(pieces).encode()
    try:
        out = rescale(zpl, 203, 300)
    except ZplError:
        return  # malformed ZPL is refused as such
    parse(out.content)  # what came in parsed, so what goes out does
