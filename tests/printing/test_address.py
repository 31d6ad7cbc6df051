from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.errors import ConfigError
from station.printing.address import PrinterAddress, Scheme, parse_printer_uri


@pytest.mark.parametrize(
    ("uri", "expected"),
    [
        ("tcp://192.168.1.50", PrinterAddress(Scheme.TCP, host="192.168.1.50", port=9100)),
        ("tcp://zebra-1.local:6101", PrinterAddress(Scheme.TCP, host="zebra-1.local", port=6101)),
        ("TCP://[fe80::1]:9100/", PrinterAddress(Scheme.TCP, host="fe80::1", port=9100)),
        ("cups://station-pdf", PrinterAddress(Scheme.CUPS, name="station-pdf")),
        (
            "windows://ZDesigner GK420d (Copy 1)",
            PrinterAddress(Scheme.WINDOWS, name="ZDesigner GK420d (Copy 1)"),
        ),
        ("qt://HP LaserJet%20M404", PrinterAddress(Scheme.QT, name="HP LaserJet M404")),
        ("file:///srv/labels", PrinterAddress(Scheme.FILE, directory="/srv/labels")),
        ("file:///C:/Labels", PrinterAddress(Scheme.FILE, directory="C:/Labels")),
        ("file://localhost/tmp/x", PrinterAddress(Scheme.FILE, directory="/tmp/x")),
    ],
)
def test_valid_uris(uri: str, expected: PrinterAddress) -> None:
    assert parse_printer_uri(uri) == expected


@pytest.mark.parametrize(
    ("uri", "says"),
    [
        ("", "empty"),
        ("192.168.1.50", "no scheme"),
        ("lpd://printer", "Unknown printer scheme 'lpd'"),
        ("tcp://", "no host"),
        ("tcp://printer:0", "outside 1–65535"),
        ("tcp://printer:70000", "outside 1–65535"),
        ("tcp://printer:abc", "not a number"),
        ("tcp://printer/path", "path"),
        ("tcp://fe80::1", "brackets"),
        ("tcp://[nothex]:9100", "not an IPv6"),
        ("tcp://bad_host!", "not a valid host"),
        ("cups://", "names no printer"),
        ("cups://my queue", "not a valid CUPS queue"),
        ("windows://  ", "names no printer"),
        ("file://relative/dir", "not an absolute path"),
        ("file:///srv/../etc", "'..'"),
        ("qt://a\x07b", "control characters"),
    ],
)
def test_bad_uris_say_what_is_wrong(uri: str, says: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_printer_uri(uri)
    assert says in str(info.value)
    assert info.value.hint


@given(st.text(max_size=200))
def test_any_text_parses_or_is_a_config_error(text: str) -> None:
    try:
        address = parse_printer_uri(text)
    except ConfigError as exc:
        assert str(exc)
        return
    assert parse_printer_uri(address.uri) == address


_names = st.text(
    alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FFF, exclude_characters="\x7f"),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() == s and s)


@given(scheme=st.sampled_from(["windows", "qt"]), name=_names)
def test_named_printers_round_trip(scheme: str, name: str) -> None:
    address = parse_printer_uri(PrinterAddress(Scheme(scheme), name=name).uri)
    assert address.name == name


@given(
    host=st.one_of(
        st.ip_addresses(v=4).map(str),
        st.ip_addresses(v=6).map(str),
        st.from_regex(r"[a-z][a-z0-9-]{0,20}[a-z0-9](\.[a-z]{2,6}){0,2}", fullmatch=True),
    ),
    port=st.integers(1, 65535),
)
def test_tcp_round_trip(host: str, port: int) -> None:
    address = parse_printer_uri(PrinterAddress(Scheme.TCP, host=host, port=port).uri)
    assert (address.host, address.port) == (host, port)
