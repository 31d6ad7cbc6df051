"""Serial scales over a real pty pair with pyserial, polled with W<CR> in NCI and SMA format."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from station.devices.scale import ReadingState
from station.devices.serial_scale import SerialScale, parse_answer
from tests.helpers.scales import SerialScaleEmulator

pytest.importorskip("serial", reason="pyserial is not installed (pip install -e '.[test]')")

NCI_STATES = {
    "stable": ReadingState.STABLE,
    "zero": ReadingState.ZERO,
    "in motion": ReadingState.IN_MOTION,
    "under zero": ReadingState.NEGATIVE,
    "over capacity": ReadingState.OVER_CAPACITY,
    "needs calibration": ReadingState.NEEDS_CALIBRATION,
    "fault": ReadingState.FAULT,
}
SMA_STATES = {
    "stable": ReadingState.STABLE,
    "zero": ReadingState.ZERO,
    "in motion": ReadingState.IN_MOTION,
    "under zero": ReadingState.NEGATIVE,
    "over capacity": ReadingState.OVER_CAPACITY,
    "needs re-zero": ReadingState.NEEDS_REZERO,
    "fault": ReadingState.FAULT,
}


@pytest.fixture(params=["nci", "sma"])
def emulator(request: pytest.FixtureRequest) -> Iterator[SerialScaleEmulator]:
    scale = SerialScaleEmulator(request.param)
    yield scale
    scale.close()


def _weight_for(state: str) -> str:
    return {"zero": "0.00", "under zero": "-0.30"}.get(state, "1.25")


def test_every_reading_state_over_a_pty(emulator: SerialScaleEmulator) -> None:
    states = NCI_STATES if emulator.protocol == "nci" else SMA_STATES
    scale = SerialScale(emulator.port, protocol=emulator.protocol)
    try:
        for name, expected in states.items():
            emulator.state, emulator.weight = name, _weight_for(name)
            reading = scale.read()
            assert reading.state is expected, (name, reading)
            assert reading.usable is (expected is ReadingState.STABLE)
            if expected is ReadingState.STABLE:
                assert (reading.weight, reading.unit) == (Decimal("1.25"), "lb")
    finally:
        scale.close()


def test_a_switched_off_scale_is_asleep_not_an_error(emulator: SerialScaleEmulator) -> None:
    scale = SerialScale(emulator.port, protocol=emulator.protocol)
    try:
        emulator.silent = True
        reading = scale.read()
        assert reading.state is ReadingState.ASLEEP and "no answer" in reading.detail
        emulator.silent = False
        assert scale.read().usable
    finally:
        scale.close()


def test_a_missing_port_is_asleep_with_the_reason() -> None:
    scale = SerialScale("/dev/no-such-scale")
    assert scale.read().state is ReadingState.ASLEEP


@pytest.mark.parametrize(
    "answer",
    [b"", b"\n?\r\x03", b"garbage", b"\n  abc.xlb\r\n00\r\x03", b"\n\x00\x01\r\n\xff\xff\r\x03"],
)
def test_odd_answers_are_unreadable_readings(answer: bytes) -> None:
    assert not parse_answer(answer).usable
    assert not parse_answer(answer, "sma").usable


NULL_DEVICE = "NUL" if sys.platform == "win32" else "/dev/null"


@pytest.mark.skipif(not Path(NULL_DEVICE).exists(), reason=f"no {NULL_DEVICE} on this system")
def test_a_device_that_is_no_serial_port_is_unreadable_not_asleep(tmp_path: Path) -> None:
    """/dev/null (NUL on Windows) or a file given as the port is no scale asleep: it says it is
    no serial port."""
    regular = tmp_path / "scale.txt"
    regular.write_text("1.25 lb\n", encoding="utf-8")
    for port in (NULL_DEVICE, str(regular), str(tmp_path)):
        reading = SerialScale(port).read()
        assert reading.state is ReadingState.UNREADABLE, (port, reading)
        assert f"{port} is not a serial port" in reading.detail
