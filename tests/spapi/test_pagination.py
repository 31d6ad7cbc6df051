"""nextToken pages and 7-day windows."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.errors import InvalidRequestError, ResponseFormatError
from station.spapi import date_windows
from station.spapi.pagination import MAX_WINDOW
from tests.spapi.fakes import Rig, reply

ORDERS = "/vendor/directFulfillment/orders/2021-12-28/purchaseOrders"
SLIPS = "/vendor/directFulfillment/shipping/v1/packingSlips"
T0 = datetime(2024, 1, 1, tzinfo=UTC)


def page(pos: list[str], token: str | None) -> dict[str, object]:
    body: dict[str, object] = {"orders": [{"purchaseOrderNumber": p} for p in pos]}
    if token:
        body["pagination"] = {"nextToken": token}
    return body


def test_iter_orders_follows_next_token(rig: Rig) -> None:
    rig.amazon.queue(
        "GET",
        ORDERS,
        reply(200, page(["A", "B"], "t1")),
        reply(200, page(["C"], "t2")),
        reply(200, page(["D"], None)),
    )
    found = [
        o.purchase_order_number
        for o in rig.api.orders_2021.iter_orders(
            T0, T0 + timedelta(days=2), limit=2, include_details=False
        )
    ]
    assert found == ["A", "B", "C", "D"]
    sent = rig.amazon.sent_to(ORDERS)
    assert [r.url.params.get("nextToken") for r in sent] == [None, "t1", "t2"]
    assert all(
        r.url.params["limit"] == "2" and r.url.params["includeDetails"] == "false" for r in sent
    )


def test_long_ranges_are_split_into_seven_day_windows(rig: Rig) -> None:
    rig.amazon.always("GET", ORDERS, reply(200, page(["X"], None)))
    orders = list(rig.api.orders_2021.iter_orders(T0, T0 + timedelta(days=20)))
    assert len(orders) == 3
    windows = [
        (
            datetime.fromisoformat(r.url.params["createdAfter"]),
            datetime.fromisoformat(r.url.params["createdBefore"]),
        )
        for r in rig.amazon.sent_to(ORDERS)
    ]
    assert windows == [
        (T0, T0 + timedelta(days=7)),
        (T0 + timedelta(days=7), T0 + timedelta(days=14)),
        (T0 + timedelta(days=14), T0 + timedelta(days=20)),
    ]


def test_v1_list_pages_are_unwrapped(rig: Rig) -> None:
    slip = {"purchaseOrderNumber": "PO1", "content": "JVBERi0="}
    rig.amazon.queue(
        "GET",
        SLIPS,
        reply(200, {"payload": {"pagination": {"nextToken": "n"}, "packingSlips": [slip]}}),
        reply(200, {"payload": {"packingSlips": [dict(slip, purchaseOrderNumber="PO2")]}}),
    )
    slips = list(
        rig.api.shipping_v1.iter_packing_slips(T0, T0 + timedelta(days=1), sort_order="DESC")
    )
    assert [s.purchase_order_number for s in slips] == ["PO1", "PO2"]


def test_a_repeated_token_stops_the_loop(rig: Rig) -> None:
    rig.amazon.always("GET", ORDERS, reply(200, page(["A"], "same")))
    with pytest.raises(ResponseFormatError):
        list(rig.api.orders_2021.iter_orders(T0, T0 + timedelta(days=1)))
    assert len(rig.amazon.sent_to(ORDERS)) == 2


def test_single_calls_refuse_windows_amazon_would_refuse(rig: Rig) -> None:
    with pytest.raises(InvalidRequestError, match="7 days"):
        rig.api.orders_v1.get_orders(T0, T0 + timedelta(days=8))
    with pytest.raises(InvalidRequestError, match="time zone"):
        rig.api.orders_v1.get_orders(datetime(2024, 1, 1), T0)
    with pytest.raises(InvalidRequestError, match="later"):
        rig.api.orders_v1.get_orders(T0, T0)
    with pytest.raises(InvalidRequestError, match="limit"):
        rig.api.shipping_v1.get_shipping_labels(T0, T0 + timedelta(days=1), limit=101)
    assert not rig.amazon.requests


@given(
    start=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
    length=st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=400)),
    span=st.timedeltas(min_value=timedelta(hours=1), max_value=MAX_WINDOW),
)
def test_windows_cover_the_range_without_gaps_or_overlap(
    start: datetime, length: timedelta, span: timedelta
) -> None:
    end = start + length
    windows = date_windows(start, end, span)
    assert windows[0][0] == start and windows[-1][1] == end
    for (_a, b), (c, _d) in itertools.pairwise(windows):
        assert b == c
    assert all(timedelta(0) < b - a <= span for a, b in windows)
