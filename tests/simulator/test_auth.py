"""LWA, access tokens and Restricted Data Tokens as the simulator enforces them."""

from __future__ import annotations

import httpx
import pytest

from station.simulator.api import RESTRICTED_OPERATIONS
from station.simulator.server import SimulatorServer
from tests.helpers import contract
from tests.simulator.sim_client import ORDERS, SHIPPING, Sp, payload

MODELS = ["orders-v1", "orders-2021", "shipping-v1", "shipping-2021"]


def _restricted_calls() -> list[tuple[str, str]]:
    return [
        (model, op_id)
        for model in MODELS
        for op_id in sorted(RESTRICTED_OPERATIONS)
        if model != "shipping-v1" or op_id != "createShippingLabels"
        if (model.startswith("orders") == (op_id in ("getOrders", "getOrder")))
    ]


def test_lwa_accepts_any_credentials_for_both_grant_types(base_url: str) -> None:
    with httpx.Client(base_url=base_url) as http:
        refresh = http.post(
            "/auth/o2/token",
            data={
                "grant_type": "refresh_token",
                "refresh_token": "Atzr|whatever",
                "client_id": "id",
                "client_secret": "secret",
            },
        )
        code = http.post(
            "/auth/o2/token",
            data={
                "grant_type": "authorization_code",
                "code": "ANxyz",
                "client_id": "id",
                "client_secret": "secret",
            },
        )
    for response in (refresh, code):
        assert response.status_code == 200
        body = response.json()
        assert body["token_type"] == "bearer" and body["expires_in"] == 3600
        assert body["access_token"].startswith("Atza|") and body["refresh_token"]
        assert "x-amzn-RequestId" in response.headers
    assert refresh.json()["refresh_token"] == "Atzr|whatever"


@pytest.mark.parametrize(
    ("form", "error"),
    [
        ({"grant_type": "password"}, "unsupported_grant_type"),
        (
            {"grant_type": "refresh_token", "client_id": "a", "client_secret": "b"},
            "invalid_request",
        ),
        ({"grant_type": "authorization_code", "code": "c", "client_id": "a"}, "invalid_request"),
    ],
)
def test_lwa_refuses_malformed_requests(base_url: str, form: dict[str, str], error: str) -> None:
    with httpx.Client(base_url=base_url) as http:
        response = http.post("/auth/o2/token", data=form)
    assert response.status_code == 400
    assert response.json()["error"] == error


@pytest.mark.parametrize("token", ["", "Atza|not-issued-here"])
def test_calls_without_an_issued_token_get_403_unauthorized(sp: Sp, token: str) -> None:
    response = sp.call(
        "transactions-v1", "getTransactionStatus", path_params={"transactionId": "x"}, token=token
    )
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "Unauthorized"


@pytest.mark.parametrize(("model", "operation_id"), _restricted_calls())
def test_restricted_operations_refuse_a_plain_access_token(
    sp: Sp, simulator: SimulatorServer, model: str, operation_id: str
) -> None:
    po = simulator.scannable_pos(1)[0]
    op = contract.operation(model, operation_id)
    params = {"createdAfter": "2020-01-01T00:00:00Z", "createdBefore": "2020-01-02T00:00:00Z"}
    body = None
    if operation_id == "createShippingLabels":
        body = {"sellingParty": {"partyId": "999US"}, "shipFromParty": {"partyId": "ABCD"}}
    response = sp.call(
        model,
        operation_id,
        path_params={"purchaseOrderNumber": po},
        params=params if "{" not in op.path else None,
        body=body,
    )
    assert response.status_code == 403, response.text
    assert response.json()["errors"][0]["code"] == "Unauthorized"


def test_an_rdt_covers_only_its_method_and_path(sp: Sp, simulator: SimulatorServer) -> None:
    first, second = simulator.scannable_pos(2)
    path = f"/vendor/directFulfillment/orders/2021-12-28/purchaseOrders/{first}"
    token = sp.rdt(("GET", path))
    ok = sp.call(
        ORDERS["2021-12-28"], "getOrder", path_params={"purchaseOrderNumber": first}, token=token
    )
    assert ok.status_code == 200
    other = sp.call(
        ORDERS["2021-12-28"], "getOrder", path_params={"purchaseOrderNumber": second}, token=token
    )
    assert other.status_code == 403


def test_an_rdt_with_a_path_template_covers_every_po(sp: Sp, simulator: SimulatorServer) -> None:
    token = sp.rdt(
        ("GET", "/vendor/directFulfillment/orders/v1/purchaseOrders/{purchaseOrderNumber}")
    )
    for po in simulator.scannable_pos(3):
        response = sp.call(
            ORDERS["v1"], "getOrder", path_params={"purchaseOrderNumber": po}, token=token
        )
        assert payload("v1", response)["purchaseOrderNumber"] == po


def test_an_rdt_is_refused_for_more_than_50_resources(sp: Sp) -> None:
    body = {"restrictedResources": [{"method": "GET", "path": f"/p/{i}"} for i in range(51)]}
    response = sp.call("tokens", "createRestrictedDataToken", body=body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "InvalidInput"


def test_a_non_restricted_operation_needs_only_the_access_token(sp: Sp) -> None:
    response = sp.call(
        SHIPPING["v1"],
        "submitShipmentStatusUpdates",
        body={"shipmentStatusUpdates": []},  # deliberately invalid: minItems 1
        check_request=False,
    )
    assert response.status_code == 400  # shape refused, but authorised
    assert response.json()["errors"][0]["code"] == "InvalidInput"
