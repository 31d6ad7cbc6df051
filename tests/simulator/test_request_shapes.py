"""The front door: malformed bodies and parameters get 400 InvalidInput, never a crash."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from station.simulator import shapes
from station.simulator.api import ApiRequest, SimulatorApp, _offset
from station.simulator.auth import TokenIssuer
from station.simulator.config import SimulatorConfig
from station.simulator.ratelimit import RateLimiter
from station.simulator.state import SimulatorState
from station.simulator.wire import ApiFailure
from tests.simulator import bodies
from tests.simulator.sim_client import SHIPPING, Sp
from tests.simulator.test_shipment_flow import get_order

V = "2021-12-28"
POSTS = [
    "/vendor/directFulfillment/orders/v1/acknowledgements",
    "/vendor/directFulfillment/orders/2021-12-28/acknowledgements",
    "/vendor/directFulfillment/shipping/v1/shippingLabels",
    "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels",
    "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels/ABC12345",
    "/vendor/directFulfillment/shipping/v1/shipmentConfirmations",
    "/vendor/directFulfillment/shipping/2021-12-28/shipmentConfirmations",
    "/vendor/directFulfillment/shipping/v1/shipmentStatusUpdates",
    "/vendor/directFulfillment/shipping/2021-12-28/shipmentStatusUpdates",
    "/vendor/directFulfillment/shipping/2021-12-28/containerLabel",
    "/tokens/2021-03-01/restrictedDataToken",
]


@pytest.fixture(scope="module")
def app() -> Iterator[tuple[SimulatorApp, str]]:
    state = SimulatorState(SimulatorConfig(seed=3, orders=10, processing_delay=0))
    tokens = TokenIssuer()
    app = SimulatorApp(state, tokens, RateLimiter(enabled=False))
    token = tokens.issue_access_token()
    state.transactions.start()
    yield app, token
    state.transactions.stop()


@pytest.mark.parametrize(
    "edit",
    [
        lambda b: b["shipmentConfirmations"][0].pop("items"),
        lambda b: b["shipmentConfirmations"][0].pop("shipmentDetails"),
        lambda b: b["shipmentConfirmations"][0]["items"][0].update(itemSequenceNumber="00001"),
        lambda b: b["shipmentConfirmations"][0]["containers"][0].pop("weight"),
        lambda b: b["shipmentConfirmations"][0]["containers"][0].update(containerType="Box"),
        lambda b: b["shipmentConfirmations"][0]["shipmentDetails"].update(shippedDate="soon"),
        lambda b: b["shipmentConfirmations"][0]["sellingParty"].pop("partyId"),
        lambda b: b.update(shipmentConfirmations="nope"),
    ],
    ids=["items", "details", "seq as string", "weight", "type", "date", "party", "list"],
)
def test_a_malformed_confirmation_is_refused_at_once(sp: Sp, simulator: Any, edit: Any) -> None:
    order = get_order(sp, V, simulator.scannable_pos(1)[0])
    body = bodies.edited(bodies.confirmation(order, V), edit)
    response = sp.call(SHIPPING[V], "submitShipmentConfirmations", body=body, check_request=False)
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["code"] == "InvalidInput" and error["details"]


def test_a_body_that_is_not_json_is_refused(sp: Sp) -> None:
    response = sp.http.post(
        "/vendor/directFulfillment/shipping/v1/shipmentConfirmations",
        content=b"{oops",
        headers={"x-amz-access-token": sp.token, "content-type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "InvalidInput"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(path=st.sampled_from(POSTS), body=json_values)
def test_arbitrary_json_bodies_never_crash_the_api(
    app: tuple[SimulatorApp, str], path: str, body: Any
) -> None:
    simulator, token = app
    request = ApiRequest("POST", path, {}, {"x-amz-access-token": token}, json.dumps(body).encode())
    response = simulator.handle(request)
    assert response.status in (200, 202, 400, 403, 404)
    answer = json.loads(response.body)
    if response.status >= 400:
        assert answer["errors"][0]["code"]


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=64))
def test_arbitrary_bytes_as_a_body_get_a_400(app: tuple[SimulatorApp, str], raw: bytes) -> None:
    simulator, token = app
    request = ApiRequest("POST", POSTS[5], {}, {"x-amz-access-token": token}, raw)
    response = simulator.handle(request)
    assert response.status in (202, 400)


@settings(max_examples=200, deadline=None)
@given(
    query=st.dictionaries(
        st.sampled_from(
            ["createdAfter", "createdBefore", "limit", "sortOrder", "nextToken", "status"]
        ),
        st.text(max_size=30),
    )
)
def test_arbitrary_list_parameters_never_crash(
    app: tuple[SimulatorApp, str], query: dict[str, str]
) -> None:
    simulator, _token = app
    rdt = simulator.tokens.issue_rdt(
        [("GET", "/vendor/directFulfillment/orders/v1/purchaseOrders")]
    )
    request = ApiRequest(
        "GET",
        "/vendor/directFulfillment/orders/v1/purchaseOrders",
        query,
        {"x-amz-access-token": rdt},
    )
    assert simulator.handle(request).status in (200, 400)


@given(text=st.text(max_size=40))
def test_parse_datetime_returns_an_aware_time_or_none(text: str) -> None:
    parsed = shapes.parse_datetime(text)
    assert parsed is None or parsed.tzinfo is not None


@given(token=st.text(max_size=30))
def test_next_tokens_decode_to_an_offset_or_are_refused(token: str) -> None:
    try:
        assert _offset(token) >= 0
    except ApiFailure as failure:
        assert failure.status == 400


def test_lwa_form_with_odd_bytes_is_handled(app: tuple[SimulatorApp, str]) -> None:
    simulator, _token = app
    response = simulator.handle(ApiRequest("POST", "/auth/o2/token", {}, {}, b"\xff\xfe=&&=="))
    assert response.status == 400
