"""Property tests for the parsers of Amazon's answers: outside input never crashes them."""

from __future__ import annotations

import json
import logging
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.errors import ApiErrorDetail, ResponseFormatError
from station.spapi.http import parse_rate_limit
from station.spapi.models import orders_common as oc
from station.spapi.models.shipping_common import ShippingLabel
from station.spapi.responses import decode_json, parse_errors, parse_model
from tests.spapi.fakes import Rig, reply

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["errors", "code", "message", "details", "payload", "x"])
            | st.text(max_size=8),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@given(json_values)
def test_parse_errors_accepts_anything(body: Any) -> None:
    errors = parse_errors(body)
    assert all(isinstance(e, ApiErrorDetail) and isinstance(e.code, str) for e in errors)


@given(json_values)
def test_parse_model_raises_only_format_errors(body: Any) -> None:
    for model in (ShippingLabel, oc.Order):
        try:
            parse_model(model, body, operation="op")
        except ResponseFormatError as exc:
            assert exc.operation == "op"
            assert "op: the answer does not match the contract" in exc.message


@given(st.binary(max_size=200))
def test_decode_json_raises_only_format_errors(content: bytes) -> None:
    try:
        decode_json(content, operation="op", status=200, request_id="r")
    except ResponseFormatError as exc:
        assert exc.request_id == "r"


@given(st.text(max_size=30))
def test_rate_limit_header_is_a_positive_number_or_none(value: str) -> None:
    rate = parse_rate_limit(value)
    assert rate is None or (math.isfinite(rate) and rate > 0)


def test_the_format_error_does_not_echo_customer_data() -> None:
    body = {
        "name": "Jane Secretperson",
        "addressLine1": {"street": "1 Main St"},
        "stateOrRegion": "WA",
        "countryCode": "US",
    }
    with pytest.raises(ResponseFormatError) as info:
        parse_model(oc.Address, body, operation="getOrder")
    assert "Secretperson" not in str(info.value) and "Main" not in str(info.value)
    assert "addressLine1" in str(info.value)


def test_addresses_are_kept_out_of_reprs() -> None:
    address = oc.Address(
        name="Jane Secretperson", address_line1="1 Main St", state_or_region="WA", country_code="US"
    )
    assert "Secretperson" not in repr(address) and "Main" not in str(address)


def test_a_mismatching_answer_is_logged_with_its_request_id(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="station.spapi")
    path = "/vendor/directFulfillment/orders/2021-12-28/purchaseOrders/PO1"
    rig.amazon.always("GET", path, reply(200, {"orderDetails": "x"}, request_id="rid-fmt"))
    with pytest.raises(ResponseFormatError):
        rig.api.orders_2021.get_order("PO1")
    assert "rid-fmt" in caplog.text


def test_json_numbers_in_decimal_strings_are_accepted_but_floats_refused() -> None:
    money = oc.Money.model_validate(json.loads('{"currencyCode": "USD", "amount": "19.99"}'))
    assert str(money.amount) == "19.99"
    with pytest.raises(ValueError):
        oc.Money.model_validate({"amount": 19.99})
