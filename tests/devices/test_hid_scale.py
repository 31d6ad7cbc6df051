"""USB point-of-sale scales: report 3 of HID usage page 0x8D, as a DYMO M10 sends it."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.devices.hid_scale import HidScale, parse_report
from station.devices.scale import ReadingState
from tests.helpers.scales import FakeHid, report

GRAMS, OUNCES, POUNDS, KILOGRAMS = 2, 11, 12, 3


@pytest.mark.parametrize(
    ("raw", "state", "weight", "unit"),
    [
        (report(4, GRAMS, 0, 1500), ReadingState.STABLE, Decimal(1500), "g"),
        (report(4, OUNCES, -1, 53), ReadingState.STABLE, Decimal("5.3"), "oz"),
        (report(4, POUNDS, -2, 1234), ReadingState.STABLE, Decimal("12.34"), "lb"),
        (report(4, KILOGRAMS, -3, 2500), ReadingState.STABLE, Decimal("2.5"), "kg"),
        (report(2, GRAMS, 0, 0), ReadingState.ZERO, Decimal(0), "g"),
        (report(4, GRAMS, 0, 0), ReadingState.ZERO, Decimal(0), "g"),
        (report(3, GRAMS, 0, 812), ReadingState.IN_MOTION, Decimal(812), "g"),
        (report(5, GRAMS, 0, 20), ReadingState.NEGATIVE, Decimal(-20), "g"),
        (report(6, GRAMS, 0, 0), ReadingState.OVER_CAPACITY, Decimal(0), "g"),
        (report(7, GRAMS, 0, 0), ReadingState.NEEDS_CALIBRATION, Decimal(0), "g"),
        (report(8, GRAMS, 0, 0), ReadingState.NEEDS_REZERO, Decimal(0), "g"),
        (report(1, GRAMS, 0, 0), ReadingState.FAULT, Decimal(0), "g"),
    ],
)
def test_every_status_of_report_3(
    raw: list[int], state: ReadingState, weight: Decimal, unit: str
) -> None:
    reading = parse_report(raw)
    assert (reading.state, reading.weight, reading.unit) == (state, weight, unit)
    assert reading.usable is (state is ReadingState.STABLE)


def test_other_reports_are_unreadable_not_a_crash() -> None:
    assert parse_report([1, 2, 3]).state is ReadingState.UNREADABLE
    assert parse_report([4, 4, 2, 0, 1, 0]).state is ReadingState.UNREADABLE
    assert parse_report(report(9, GRAMS, 0, 1)).state is ReadingState.UNREADABLE


@given(st.lists(st.integers(0, 255), max_size=12))
def test_any_bytes_parse_to_a_reading(raw: list[int]) -> None:
    parse_report(raw)


def test_the_newest_report_is_read_and_a_quiet_scale_keeps_its_last_reading() -> None:
    hid = FakeHid()
    scale = HidScale(hid=hid)
    hid.reports.extend([report(3, GRAMS, 0, 400), report(4, GRAMS, 0, 1480)])
    reading = scale.read()
    assert (reading.state, reading.weight) == (ReadingState.STABLE, Decimal(1480))
    assert scale.name == "DYMO M10"
    assert scale.read() == reading  # nothing new: the load has not changed


def test_a_sleeping_or_unplugged_scale_is_reported_and_comes_back() -> None:
    hid = FakeHid()
    hid.plugged = False
    scale = HidScale("0922:8003", hid=hid)
    asleep = scale.read()
    assert asleep.state is ReadingState.ASLEEP and "switch it on" in asleep.detail
    hid.plugged = True
    hid.reports.append(report(4, GRAMS, 0, 700))
    assert scale.read().weight == Decimal(700)
    hid.plugged = False  # the M10 switched itself off while open
    assert scale.read().state is ReadingState.ASLEEP
    hid.plugged = True
    hid.reports.append(report(2, GRAMS, 0, 0))
    assert scale.read().state is ReadingState.ZERO


def test_a_bad_device_setting_is_a_clear_message() -> None:
    from station.errors import ConfigError

    with pytest.raises(ConfigError, match="VENDOR:PRODUCT"):
        HidScale("dymo")


@pytest.mark.skipif(
    not os.path.exists("/dev/uhid"),
    reason="no /dev/uhid here (the uhid kernel module is not available in this container), so "
    "no virtual USB scale can be created for hidapi to open; the fake hid module above feeds "
    "the same report bytes",
)
def test_a_virtual_uhid_scale_through_hidapi() -> None:  # pragma: no cover - needs /dev/uhid
    from tests.helpers.uhid import VirtualScale

    pytest.importorskip("hid")
    with VirtualScale() as virtual:
        virtual.send(report(4, GRAMS, 0, 1234))
        scale = HidScale("0922:8003")
        try:
            reading = scale.read()
            for _ in range(20):
                if reading.usable:
                    break
                virtual.send(report(4, GRAMS, 0, 1234))
                reading = scale.read()
            assert reading.weight == Decimal(1234) and reading.usable
        finally:
            scale.close()
