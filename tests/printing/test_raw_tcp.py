"""Raw TCP printing against a real loopback listener, and Zebra status answers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.errors import PrinterError, PrinterOfflineError
from station.printing.convert import png_to_zpl
from station.printing.factory import open_printer
from station.printing.printer import PrinterState, PrintJob
from station.printing.profile import PrinterProfile
from station.printing.zebra_status import parse_hqes, parse_hs
from tests.printing.conftest import FakeRawPrinter, decode_labels

ZPL = b"^XA\r\n^FO50,50^A0N,40,40^FDHello \xc3\xa9^FS\r\n^XZ\r\n"


def hqes(group1: int) -> bytes:
    present = 1 if group1 else 0
    return (
        b"\x02\r\n  PRINTER STATUS\r\n"
        + f"   ERRORS:         {present} 00000000 {group1:08X}\r\n".encode()
        + b"   WARNINGS:       0 00000000 00000000\r\n\x03\r\n"
    )


def hs(paper_out: int = 0, paused: int = 0, head_up: int = 0) -> bytes:
    return (
        f"\x02030,{paper_out},{paused},1218,000,0,0,0,000,0,0,0\x03\r\n".encode()
        + f"\x02001,0,{head_up},0,0,2,6,0,00000000,1,000\x03\r\n".encode()
        + b"\x021234,0\x03\r\n"
    )


def test_zpl_is_sent_byte_for_byte(raw_printer: FakeRawPrinter) -> None:
    printer = open_printer(raw_printer.uri, PrinterProfile.label(203))
    result = printer.print_job(PrintJob.from_bytes(ZPL, name="PO1"))
    assert raw_printer.wait_for(1) == [ZPL]
    assert result.bytes_sent == len(ZPL)


def test_copies_of_zpl_repeat_the_label(raw_printer: FakeRawPrinter) -> None:
    open_printer(raw_printer.uri).print_job(PrintJob.from_bytes(ZPL, copies=2))
    assert raw_printer.wait_for(1) == [ZPL + ZPL]


def test_png_label_arrives_as_the_converted_gf_label(
    raw_printer: FakeRawPrinter, label_png: bytes
) -> None:
    profile = PrinterProfile.label(203)
    open_printer(raw_printer.uri, profile).print_job(PrintJob.from_bytes(label_png))
    (received,) = raw_printer.wait_for(1)
    assert received == png_to_zpl(label_png, profile).content
    (bitmap,) = decode_labels(received)
    assert (bitmap.width, bitmap.rows) == (800, 1201)


def test_pdf_slip_to_a_thermal_printer(raw_printer: FakeRawPrinter, slip_pdf: bytes) -> None:
    open_printer(raw_printer.uri).print_job(PrintJob.from_bytes(slip_pdf))
    (received,) = raw_printer.wait_for(1)
    assert received.startswith(b"^XA\n^PW812\n^LL1218\n") and len(decode_labels(received)) == 1


def test_a_ready_zebra_is_asked_first_then_gets_the_label() -> None:
    zebra = FakeRawPrinter(answer=hqes(0))
    try:
        printer = open_printer(zebra.uri, PrinterProfile.label(203, status_query="HQES"))
        assert printer.status().state is PrinterState.ONLINE
        printer.print_job(PrintJob.from_bytes(ZPL))
        assert zebra.wait_for(2) == [b"~HQES\r\n", b"~HQES\r\n" + ZPL]
    finally:
        zebra.close()


@pytest.mark.parametrize(
    ("flags", "state", "detail"),
    [
        (0x1, PrinterState.OUT_OF_PAPER, "paper out"),
        (0x4, PrinterState.ERROR, "head open"),
        (0x10000, PrinterState.PAUSED, "paused"),
        (0x10005, PrinterState.OUT_OF_PAPER, "paper out, head open, paused"),
    ],
)
def test_a_zebra_that_cannot_print_gets_nothing(
    flags: int, state: PrinterState, detail: str
) -> None:
    zebra = FakeRawPrinter(answer=hqes(flags))
    try:
        printer = open_printer(zebra.uri, PrinterProfile.label(203, status_query="HQES"))
        status = printer.status()
        assert (status.state, status.detail) == (state, detail)
        with pytest.raises(PrinterOfflineError, match=detail):
            printer.print_job(PrintJob.from_bytes(ZPL))
        assert zebra.wait_for(2) == [b"~HQES\r\n", b"~HQES\r\n"]  # the label was never sent
    finally:
        zebra.close()


def test_hs_paused_zebra_is_refused() -> None:
    zebra = FakeRawPrinter(answer=hs(paused=1), query=b"~HS")
    try:
        printer = open_printer(zebra.uri, PrinterProfile.label(203, status_query="HS"))
        with pytest.raises(PrinterOfflineError, match="paused"):
            printer.print_job(PrintJob.from_bytes(ZPL))
    finally:
        zebra.close()


def test_refused_connection_is_offline_and_retryable(closed_port: int) -> None:
    printer = open_printer(f"tcp://127.0.0.1:{closed_port}", PrinterProfile.label(203))
    assert printer.profile.connect_timeout < 5
    assert printer.status().state is PrinterState.OFFLINE
    with pytest.raises(PrinterOfflineError, match="refused") as info:
        printer.print_job(PrintJob.from_bytes(ZPL))
    assert isinstance(info.value, PrinterError) and "Reprint" in info.value.hint


def test_driver_profile_on_raw_tcp_is_a_clear_error(raw_printer: FakeRawPrinter) -> None:
    printer = open_printer(raw_printer.uri, PrinterProfile.office())
    with pytest.raises(PrinterError, match="ZPL printer"):
        printer.print_job(PrintJob.from_bytes(ZPL))


@pytest.mark.parametrize(
    ("answer", "state"),
    [
        (hs(), PrinterState.ONLINE),
        (hs(paper_out=1), PrinterState.OUT_OF_PAPER),
        (hs(head_up=1), PrinterState.ERROR),
        (hs(paused=1), PrinterState.PAUSED),
        (b"\x02garbage\x03", PrinterState.UNKNOWN),
    ],
)
def test_parse_hs(answer: bytes, state: PrinterState) -> None:
    assert parse_hs(answer).state is state


def test_parse_hqes_unknown_flags_are_an_error() -> None:
    assert parse_hqes(hqes(0x40000000)).state is PrinterState.ERROR
    assert parse_hqes(b"nonsense").state is PrinterState.UNKNOWN


@given(st.binary(max_size=400))
def test_status_parsers_never_crash(answer: bytes) -> None:
    assert parse_hqes(answer).state in PrinterState
    assert parse_hs(answer).state in PrinterState


@given(st.integers(0, 0xFFFFFFFF))
def test_hqes_flags_map_to_a_state(flags: int) -> None:
    status = parse_hqes(hqes(flags))
    assert (status.state is PrinterState.ONLINE) == (flags == 0)
