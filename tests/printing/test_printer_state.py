"""Before every label the station asks a Zebra for its state (``~HQES``/``~HS``) over its raw
TCP port, by default, and learns its dpi from ``~HI``; against an emulator that answers in the
formats of Zebra's ZPL II Programming Guide."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.errors import PrinterOfflineError
from station.printing import PrinterProfile, PrinterState, PrintJob, open_printer, zebra_status
from station.printing.raw_tcp import RawTcpPrinter
from tests.helpers.zebra import Firmware, State, ZebraEmulator

ZPL = b"^XA^FO50,50^A0N,40,40^FDPO 1^FS^XZ"

EXPECTED: dict[State, tuple[PrinterState, str]] = {
    "ready": (PrinterState.ONLINE, "ready"),
    "paper out": (PrinterState.OUT_OF_PAPER, "paper out"),
    "ribbon out": (PrinterState.OUT_OF_PAPER, "ribbon out"),
    "head open": (PrinterState.ERROR, "head open"),
    "paused": (PrinterState.PAUSED, "paused"),
    "buffer full": (PrinterState.ERROR, "receive buffer full"),
}


@pytest.fixture
def emulators() -> Iterator[list[ZebraEmulator]]:
    made: list[ZebraEmulator] = []
    yield made
    for emulator in made:
        emulator.close()


def _zebra(made: list[ZebraEmulator], *args: Any, **kwargs: Any) -> ZebraEmulator:
    emulator = ZebraEmulator(*args, **kwargs)
    made.append(emulator)
    return emulator


def _printer(uri: str) -> RawTcpPrinter:
    printer = open_printer(uri, PrinterProfile.label(203, status_query="auto"))
    assert isinstance(printer, RawTcpPrinter)
    return printer


@pytest.mark.parametrize("state", list(EXPECTED))
def test_newer_firmware_each_state(emulators: list[ZebraEmulator], state: State) -> None:
    zebra = _zebra(emulators, state)
    printer = _printer(zebra.uri)
    status = printer.status()
    assert (status.state, status.detail) == EXPECTED[state]
    assert zebra.wait_for(1)[0].queries == ["I", "QES", "S"]
    assert printer.reported_dpi == 203


@pytest.mark.parametrize("state", list(EXPECTED))
def test_older_firmware_each_state(emulators: list[ZebraEmulator], state: State) -> None:
    """~HQES unknown; ~HS silent while paper or ribbon is out or the head is open."""
    zebra = _zebra(emulators, state, firmware="hs")
    status = _printer(zebra.uri).status()
    state_expected, detail = EXPECTED[state]
    if state in ("paper out", "ribbon out", "head open"):
        assert status.state is PrinterState.ERROR
        assert "paper out, ribbon out or head open" in status.detail
    else:
        assert (status.state, status.detail) == (state_expected, detail)


@pytest.mark.parametrize("state", [s for s in EXPECTED if s != "ready"])
@pytest.mark.parametrize("firmware", ["hqes", "hs"])
def test_a_label_is_never_sent_to_a_printer_that_cannot_print(
    emulators: list[ZebraEmulator], state: State, firmware: Firmware
) -> None:
    zebra = _zebra(emulators, state, firmware=firmware)
    printer = _printer(zebra.uri)
    with pytest.raises(PrinterOfflineError) as info:
        printer.print_job(PrintJob.from_bytes(ZPL))
    assert info.value.reason
    if firmware == "hqes":
        assert info.value.reason == EXPECTED[state][1]
    zebra.wait_for(1)
    assert zebra.labels == []


def test_a_ready_zebra_prints_and_the_job_says_what_it_was_told(
    emulators: list[ZebraEmulator],
) -> None:
    zebra = _zebra(emulators, "ready")
    printer = _printer(zebra.uri)
    result = printer.print_job(PrintJob.from_bytes(ZPL))
    assert result.status is not None and result.status.state is PrinterState.ONLINE
    printer.print_job(PrintJob.from_bytes(ZPL))
    # The first contact asks ~HI too (the head's dpi decides how a label is prepared).
    first, *jobs = zebra.wait_for(3)
    assert first.queries == ["I", "QES", "S"] and first.label == b""
    assert [job.queries for job in jobs] == [["QES", "S"], ["QES", "S"]]
    assert zebra.labels == [ZPL, ZPL]


def test_paper_running_out_between_labels_stops_the_second(
    emulators: list[ZebraEmulator],
) -> None:
    zebra = _zebra(emulators, "ready")
    printer = _printer(zebra.uri)
    printer.print_job(PrintJob.from_bytes(ZPL))
    zebra.state = "paper out"
    with pytest.raises(PrinterOfflineError, match="paper out"):
        printer.print_job(PrintJob.from_bytes(ZPL))
    zebra.wait_for(3)
    assert zebra.labels == [ZPL]


def test_a_printer_that_answers_nothing_is_unknown_and_asked_only_once(
    emulators: list[ZebraEmulator],
) -> None:
    silent = _zebra(emulators, "ready", firmware="silent")
    printer = _printer(silent.uri)
    first = printer.print_job(PrintJob.from_bytes(ZPL))
    second = printer.print_job(PrintJob.from_bytes(ZPL))
    for result in (first, second):
        assert result.status is not None and result.status.state is PrinterState.UNKNOWN
    first, *jobs = silent.wait_for(3)
    assert first.queries == ["I", "QES", "S"] and [job.queries for job in jobs] == [[], []]
    assert silent.labels == [ZPL, ZPL]


@pytest.mark.parametrize("dpi", [203, 300, 600])
def test_hi_tells_the_dpi(emulators: list[ZebraEmulator], dpi: int) -> None:
    zebra = _zebra(emulators, "ready", dpi=dpi)
    assert _printer(zebra.uri).identify_dpi() == dpi


def test_explicit_none_sends_nothing_but_the_label(emulators: list[ZebraEmulator]) -> None:
    zebra = _zebra(emulators, "paper out")
    printer = open_printer(zebra.uri, PrinterProfile.label(203, status_query="none"))
    printer.print_job(PrintJob.from_bytes(ZPL))
    (connection,) = zebra.wait_for(1)
    assert connection.received == ZPL


@given(st.binary(max_size=400))
def test_combined_answers_never_crash(answer: bytes) -> None:
    parsed = zebra_status.parse_combined(answer)
    assert parsed.dpi in (None, 152, 203, 300, 600)
    zebra_status.combined_complete(answer)


@given(st.lists(st.sampled_from([b"\x02", b"\x03", b"ERRORS", b",", b"1", b"KB", b"\r\n"])))
def test_combined_answers_of_zebra_pieces_never_crash(pieces: list[bytes]) -> None:
    zebra_status.parse_combined(b"".join(pieces))
