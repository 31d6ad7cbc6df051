"""Cartons typed by people: parsing, plausibility and allocation of PO lines to boxes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from station.errors import ScanError
from station.workflow.containers import Box, allocate, parse_box_spec, parse_decimal


def test_box_spec_with_contents() -> None:
    box = parse_box_spec("30x20x10cm:2,5kg@1=2,3=1")
    assert (box.length, box.width, box.height) == (Decimal(30), Decimal(20), Decimal(10))
    assert box.dimension_unit == "CM"
    assert box.weight == Decimal("2.5")
    assert box.weight_unit == "KG"
    assert box.contents == {1: 2, 3: 1}


def test_box_spec_without_contents_takes_the_rest() -> None:
    box = parse_box_spec("12x8x4IN:1.5LB")
    assert box.contents is None
    assert box.dimension_unit == "IN"
    assert box.weight_unit == "LB"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("12x8in:1kg", "is not a box"),
        ("12x8x4in:0kg", "more than zero"),
        ("12x8x400in:1kg", "not plausible"),
        ("12x8x4in:100kg", "not plausible"),
        ("12x8x4in:1kg@1", "LINE=QTY"),
        ("12x8x4in:1kg@x=1", "LINE=QTY"),
        ("12x8x4in:1.2345kg", "too many decimals"),
    ],
)
def test_bad_box_specs_say_what_is_wrong(text: str, fragment: str) -> None:
    with pytest.raises(ScanError, match=fragment) as info:
        parse_box_spec(text)
    assert info.value.hint


def _box(contents: dict[int, int] | None = None) -> Box:
    return Box(Decimal(10), Decimal(8), Decimal(4), "IN", Decimal(2), "LB", contents)


def test_one_box_holds_everything_by_default() -> None:
    assert allocate([_box()], {1: 2, 2: 1}) == [{1: 2, 2: 1}]


def test_open_box_takes_the_remainder() -> None:
    assert allocate([_box({1: 1}), _box()], {1: 2, 2: 1}) == [{1: 1}, {1: 1, 2: 1}]


@pytest.mark.parametrize(
    ("boxes", "fragment"),
    [
        ([], "No carton"),
        ([_box(), _box()], "not what each holds"),
        ([_box({1: 3})], "more of line 1"),
        ([_box({1: 1})], "line 1 are in no carton"),
        ([_box({9: 1}), _box()], "not on this PO"),
        ([_box({1: 2, 2: 1}), _box()], "Carton 2 is empty"),
    ],
)
def test_allocation_refuses_partial_or_impossible_packing(boxes: list[Box], fragment: str) -> None:
    with pytest.raises(ScanError, match=fragment):
        allocate(boxes, {1: 2, 2: 1})


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_typed_box_is_parsed_or_refused_clearly(text: str) -> None:
    try:
        box = parse_box_spec(text)
    except ScanError as exc:
        assert exc.message and exc.hint
    else:
        assert box.weight > 0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_any_typed_number_is_parsed_or_refused_clearly(text: str) -> None:
    try:
        value = parse_decimal(text, "weight")
    except ScanError as exc:
        assert "weight" in exc.message
    else:
        assert value > 0
