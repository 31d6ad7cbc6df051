"""Tokens, prefixes, positions; unknown commands warn, malformed ZPL is a positioned ZplError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station.errors import ZplError
from station.zpl import parse, render, render_all
from station.zpl.parser import tokenize
from station.zpl.text import decode_field
from tests.zpl.probes import draw, ink_bbox


def test_commands_keep_their_parameters_and_positions() -> None:
    doc = parse("^XA\n^FO10,20^A0N,30,40^FDa,b ^FS\n^XZ")
    (label,) = doc.labels
    assert [(c.code, c.text, c.position) for c in label.commands] == [
        ("^FO", "10,20", 4),
        ("^A", "0N,30,40", 12),
        ("^FD", "a,b ", 22),
        ("^FS", "", 29),
    ]
    assert label.commands[1].params == ("0N", "30", "40")
    assert label.commands[0].param(5, "x") == "x"


def test_field_data_is_kept_verbatim() -> None:
    (label,) = parse("^XA^FO1,2^FD a, b ~ c ^FS^XZ").labels
    assert [c.text for c in label.commands if c.name == "FD"] == [" a, b ~ c "]


def test_prefix_characters_can_be_changed() -> None:
    doc = parse("^XA^CC+ +FO10,10+GB20,20,20+FS +CT# #JA +XZ")
    assert [c.code for c in doc.labels[0].commands] == ["^CC", "^FO", "^GB", "^FS", "^CT", "~JA"]
    image = render("^XA^CC+ +FO10,10+GB20,20,20+FS+XZ").image
    assert ink_bbox(image) == (10, 10, 30, 30)


def test_several_labels_and_the_preamble() -> None:
    doc = parse("~DGA,1,1,FF\n^XA^FO0,0^FDa^FS^XZ\n^XA^XZ")
    assert len(doc.labels) == 2
    assert [c.code for c in doc.labels[0].preamble] == ["~DG"]


def test_unknown_commands_are_skipped_with_a_warning() -> None:
    result = render("^XA^FO10,10^GB5,5,5^FS^ZZ12^QQ^XZ")
    assert [(w.command, w.position) for w in result.warnings] == [("^ZZ", 22), ("^QQ", 27)]
    assert "not supported" in str(result.warnings[0])
    assert ink_bbox(result.image) == (10, 10, 15, 15)


def test_commands_outside_a_label_warn() -> None:
    result = render("^FO1,1^XA^XZ")
    assert [(w.command, w.position) for w in result.warnings] == [("^FO", 0)]


def test_field_without_fs_is_printed_with_a_warning() -> None:
    result = render("^XA^FO10,10^A0N,40^FDHI^XZ")
    assert [w.command for w in result.warnings] == ["^FD"]
    assert ink_bbox(result.image) is not None


@pytest.mark.parametrize(
    ("zpl", "position"),
    [
        ("^XA^FOab,10^FS^XZ", 3),
        ("^XA^FO10,10^GB5,x^FS^XZ", 11),
        ("^XA^FO10,10", 0),
        ("", 0),
        ("hello", 0),
        ("^XA^F", 3),
        ("^XA^BY2,abc^XZ", 3),
        ("^XA^FO0,0^GFA,4,4,0,FFFF^FS^XZ", 9),
        ("^XA^FO0,0^GFA,4,4,2,FFZQ^FS^XZ", 9),
        ("^XA^FO0,0^GFB,400,400,2,abc^FS^XZ", 9),
    ],
)
def test_malformed_zpl_raises_a_positioned_error(zpl: str, position: int) -> None:
    with pytest.raises(ZplError) as info:
        render(zpl)
    assert info.value.position == position
    assert f"at character {position}" in str(info.value)


def test_bytes_and_str_input() -> None:
    assert parse(b"^XA^XZ").from_bytes
    assert not parse("^XA^XZ").from_bytes
    with pytest.raises(TypeError):
        parse(42)  # type: ignore[arg-type]


def test_render_label_index_and_bad_dpi() -> None:
    with pytest.raises(IndexError):
        render("^XA^XZ", label_index=1)
    with pytest.raises(ValueError, match="dpi"):
        render("^XA^XZ", dpi=72)


def test_pq_copies_are_capped() -> None:
    results = render_all("^XA^PQ1000^FO0,0^GB5,5,5^FS^XZ", max_labels=5)
    assert len(results) == 5
    assert any("stopped" in w.message for w in results[-1].warnings)


@pytest.mark.parametrize(
    ("raw", "from_bytes", "codec", "indicator", "expected"),
    [
        ("A_41B", False, "cp850", "_", "AAB"),
        ("A_4", False, "cp850", "_", "A_4"),
        ("\xc3\xbc", True, "utf-8", None, "\u00fc"),
        ("_C3_BC", False, "utf-8", "_", "\u00fc"),
        ("\u00fc", False, "utf-8", None, "\u00fc"),
        ("\x81", True, "cp850", None, "\u00fc"),
        ("#7E", True, "cp1252", "#", "~"),
    ],
)
def test_field_text_decoding(
    raw: str, from_bytes: bool, codec: str, indicator: str | None, expected: str
) -> None:
    assert decode_field(raw, from_bytes=from_bytes, codec=codec, hex_indicator=indicator)[0] == (
        expected
    )


def test_tokenize_positions_are_byte_offsets_for_bytes() -> None:
    doc = parse("^XA^FD\u00e9^FS^FO1,1^ZZ^XZ".encode())
    assert [c.position for c in doc.labels[0].commands] == [3, 8, 11, 17]
    assert tokenize("~JA^XA")[0].code == "~JA"


ZPL_WORDS = st.sampled_from(
    [
        "^XA",
        "^XZ",
        "^FO",
        "^FT",
        "^FD",
        "^FS",
        "^FH",
        "^FR",
        "^FB",
        "^SN",
        "^FV",
        "^A0",
        "^AD",
        "^CF",
        "^GB",
        "^GC",
        "^GD",
        "^GE",
        "^GF",
        "^GFA,",
        "^XG",
        "^IM",
        "~DG",
        "^BY",
        "^BC",
        "^B3",
        "^B2",
        "^BE",
        "^BU",
        "^B7",
        "^BX",
        "^BQ",
        "^BD",
        "^LH",
        "^LT",
        "^LS",
        "^PW",
        "^LL",
        "^PO",
        "^CI",
        "^CC",
        "~CC",
        "^CT",
        "^PQ",
        "^FW",
        ",",
        "N",
        "R",
        "I",
        "B",
        "Y",
        "10",
        "0",
        "-5",
        "999",
        "3",
        "QA,",
        ">;",
        ">5",
        ">6",
        ">8",
        "_1E",
        ":Z64:",
        "\n",
        "abc",
        "^",
        "~",
        "12345",
        "FFFF",
        "Z",
        ":B64:AAAA:0000",
    ]
)


ZPL_TOKENS = st.one_of(
    ZPL_WORDS,
    st.integers(-20_000, 20_000).map(str),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=5),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ZPL_TOKENS, max_size=40))
def test_garbled_zpl_never_crashes(words: list[str]) -> None:
    zpl = "^XA" + "".join(words) + "^XZ"
    try:
        results = render_all(zpl, max_labels=3)
    except ZplError as exc:
        assert exc.position is not None
    else:
        for result in results:
            assert result.image.mode == "1"


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(data: bytes) -> None:
    try:
        render_all(b"^XA" + data + b"^XZ", max_labels=2)
    except ZplError as exc:
        assert exc.position is not None


@pytest.mark.parametrize(
    "zpl",
    ["^XA^PQ10_1E307^XZ", "^XA^FD\x1e^FS^XZ", "^XA^SN\u00b2^FS^XZ", "^XA^GFB,4,4,1,\u0100^XZ"],
)
def test_fuzz_findings_stay_fixed(zpl: str) -> None:
    try:
        render(zpl)
    except ZplError as exc:
        assert exc.position is not None


def test_draw_helper_smoke() -> None:
    assert draw("^XA^XZ").size == (812, 1218)
