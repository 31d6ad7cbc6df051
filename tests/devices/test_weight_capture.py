"""Which readings fill a carton's weight: stable ones, once per load."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.devices.scale import Reading, ReadingState, WeightCapture

STABLE = Reading(ReadingState.STABLE, Decimal("1.25"), "lb")
EMPTY = Reading(ReadingState.ZERO, Decimal(0), "lb")


@pytest.mark.parametrize("state", [s for s in ReadingState if s is not ReadingState.STABLE])
def test_no_other_state_is_ever_used(state: ReadingState) -> None:
    reading = Reading(state, Decimal("1.25"), "lb")
    assert not reading.usable
    assert WeightCapture().offer(reading) is None


def test_a_stable_zero_or_unknown_unit_is_not_a_weight() -> None:
    assert not Reading(ReadingState.STABLE, Decimal(0), "lb").usable
    assert not Reading(ReadingState.STABLE, Decimal(-1), "lb").usable
    assert not Reading(ReadingState.STABLE, Decimal(3), "taels").usable


def test_a_load_fills_one_carton_only() -> None:
    capture = WeightCapture()
    assert capture.offer(STABLE) == STABLE
    assert capture.offer(STABLE) is None  # still on the scale: not for the next carton/PO
    assert capture.offer(Reading(ReadingState.IN_MOTION, Decimal("1.3"), "lb")) is None
    assert capture.offer(STABLE) is None  # jiggled, the same load
    capture.see(EMPTY)  # taken off
    assert capture.offer(STABLE) == STABLE  # a new carton of the same weight


def test_a_changed_load_is_a_new_weight() -> None:
    capture = WeightCapture()
    capture.offer(STABLE)
    heavier = Reading(ReadingState.STABLE, Decimal("2.50"), "lb")
    assert capture.offer(heavier) == heavier


def test_units_convert() -> None:
    grams = Reading(ReadingState.STABLE, Decimal(1500), "g")
    assert grams.weight_in("KG") == Decimal("1.500")
    assert grams.weight_in("LB") == Decimal("3.307")
    ounces = Reading(ReadingState.STABLE, Decimal("5.3"), "oz")
    assert ounces.weight_in("LB") == Decimal("0.331")


@given(
    st.lists(
        st.builds(
            Reading,
            st.sampled_from(list(ReadingState)),
            st.one_of(st.none(), st.decimals(-10, 100, places=2)),
            st.sampled_from(["lb", "kg", "g", "oz", ""]),
        ),
        max_size=30,
    )
)
def test_only_usable_readings_are_ever_offered(readings: list[Reading]) -> None:
    capture = WeightCapture()
    for reading in readings:
        offered = capture.offer(reading)
        assert offered is None or (offered is reading and reading.usable)
