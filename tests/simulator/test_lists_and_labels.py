"""Label rules, list windows, pagination, slips, invoices and container labels."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from station.simulator.server import SimulatorServer
from tests.simulator import bodies
from tests.simulator.sim_client import ORDERS, SHIPPING, Sp, errors_of, payload
from tests.simulator.test_rejection_rules import pick
from tests.simulator.test_shipment_flow import acknowledge, get_order

V = "2021-12-28"


def window(days: float = 2, end_shift: float = 0.1) -> dict[str, str]:
    end = datetime.now(UTC) + timedelta(days=end_shift)
    start = end - timedelta(days=days)
    return {
        "createdAfter": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "createdBefore": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def labelled(sp: Sp, po: str) -> dict[str, Any]:
    order = get_order(sp, V, po)
    acknowledge(sp, V, order)
    body = {**bodies.parties(order), "containers": bodies.containers(order, V)}
    response = sp.restricted(
        SHIPPING[V], "createShippingLabels", path_params={"purchaseOrderNumber": po}, body=body
    )
    assert response.status_code == 200
    label: dict[str, Any] = response.json()
    return label


def test_labels_need_an_acknowledged_order_on_both_paths(
    sp: Sp, simulator: SimulatorServer
) -> None:
    po = simulator.scannable_pos(1)[0]
    order = get_order(sp, "v1", po)
    response = sp.call(
        SHIPPING["v1"], "submitShippingLabelRequest", body=bodies.label_request(order, "v1")
    )
    settled = sp.settle("v1", payload("v1", response)["transactionId"])
    assert settled["status"] == "Failure"
    assert errors_of("v1", settled)[0]["code"] == "ORDER_NOT_ACKNOWLEDGED"

    body = {**bodies.parties(order), "containers": bodies.containers(order, V)}
    response = sp.restricted(
        SHIPPING[V], "createShippingLabels", path_params={"purchaseOrderNumber": po}, body=body
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["details"] == "ORDER_NOT_ACKNOWLEDGED"


def test_a_label_is_404_before_it_exists_and_after_90_days(
    sp: Sp, simulator: SimulatorServer, admin: httpx.Client
) -> None:
    po = simulator.scannable_pos(1)[0]
    path = {"purchaseOrderNumber": po}
    assert sp.restricted(SHIPPING[V], "getShippingLabel", path_params=path).status_code == 404
    labelled(sp, po)
    assert sp.restricted(SHIPPING[V], "getShippingLabel", path_params=path).status_code == 200
    admin.post("/clock", json={"advanceSeconds": 89 * 86400}).raise_for_status()
    assert sp.restricted(SHIPPING[V], "getShippingLabel", path_params=path).status_code == 200
    admin.post("/clock", json={"advanceSeconds": 2 * 86400}).raise_for_status()
    expired = sp.restricted(SHIPPING[V], "getShippingLabel", path_params=path)
    assert expired.status_code == 404
    assert "expired" in expired.json()["errors"][0]["message"]


@pytest.mark.parametrize("version", ["v1", V])
def test_label_lists_page_with_next_token(sp: Sp, simulator: SimulatorServer, version: str) -> None:
    pos = simulator.scannable_pos(3)
    for po in pos:
        labelled(sp, po)
    first = payload(
        version,
        sp.restricted(SHIPPING[version], "getShippingLabels", params={**window(), "limit": 2}),
    )
    assert len(first["shippingLabels"]) == 2
    token = first["pagination"]["nextToken"]
    second = payload(
        version,
        sp.restricted(
            SHIPPING[version],
            "getShippingLabels",
            params={**window(), "limit": 2, "nextToken": token},
        ),
    )
    assert "pagination" not in second
    seen = [
        lab["purchaseOrderNumber"] for lab in first["shippingLabels"] + second["shippingLabels"]
    ]
    assert sorted(seen) == sorted(pos)


@pytest.mark.parametrize(
    "params",
    [
        window(days=8),
        {**window(), "limit": 0},
        {**window(), "limit": 101},
        {**window(), "sortOrder": "UP"},
        {**window(), "nextToken": "bm90LWEtdG9rZW4="},
        {"createdAfter": window()["createdAfter"]},
        {**window(), "createdAfter": "2019-09-2100:00:00"},
    ],
    ids=["8-day window", "limit 0", "limit 101", "sort", "foreign token", "no end", "bad date"],
)
@pytest.mark.parametrize(
    ("model", "operation_id"),
    [
        (SHIPPING["v1"], "getShippingLabels"),
        (SHIPPING[V], "getPackingSlips"),
        (SHIPPING[V], "getCustomerInvoices"),
        (ORDERS["v1"], "getOrders"),
        (ORDERS[V], "getOrders"),
    ],
)
def test_list_operations_refuse_bad_windows_and_limits(
    sp: Sp, model: str, operation_id: str, params: dict[str, Any]
) -> None:
    response = sp.restricted(model, operation_id, params=params)
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["code"] == "InvalidInput"


@pytest.mark.parametrize("version", ["v1", V])
def test_get_orders_filters_sorts_and_pages(
    sp: Sp, simulator: SimulatorServer, version: str
) -> None:
    seen: list[dict[str, Any]] = []
    params: dict[str, Any] = {**window(days=3), "limit": 7, "sortOrder": "DESC"}
    while True:
        page = payload(version, sp.restricted(ORDERS[version], "getOrders", params=params))
        seen += page["orders"]
        if "pagination" not in page:
            break
        params["nextToken"] = page["pagination"]["nextToken"]
    assert len(seen) == 30
    dates = [o["orderDetails"]["orderDate"] for o in seen]
    assert dates == sorted(dates, reverse=True)

    cancelled = payload(
        version,
        sp.restricted(
            ORDERS[version], "getOrders", params={**window(days=3), "status": "CANCELLED"}
        ),
    )
    assert {o["orderDetails"]["orderStatus"] for o in cancelled["orders"]} == {"CANCELLED"}
    bare = payload(
        version,
        sp.restricted(
            ORDERS[version],
            "getOrders",
            params={**window(days=3), "includeDetails": "false", "shipFromPartyId": "RNOZ"},
        ),
    )
    assert bare["orders"] and all(set(o) == {"purchaseOrderNumber"} for o in bare["orders"])


@pytest.mark.parametrize("version", ["v1", V])
def test_packing_slips_exist_for_slip_orders_only(
    sp: Sp, admin: httpx.Client, version: str
) -> None:
    slips = payload(version, sp.restricted(SHIPPING[version], "getPackingSlips", params=window(3)))
    pos = {s["purchaseOrderNumber"] for s in slips["packingSlips"]}
    orders = admin.get("/orders").json()["orders"]
    assert pos == {o["purchaseOrderNumber"] for o in orders if o["isPslipRequired"]}
    plain = pick(admin, kind="plain")
    missing = sp.restricted(
        SHIPPING[version], "getPackingSlip", path_params={"purchaseOrderNumber": plain}
    )
    assert missing.status_code == 404


@pytest.mark.parametrize("version", ["v1", V])
def test_customer_invoices_exist_for_india_orders_only(
    sp: Sp, admin: httpx.Client, version: str
) -> None:
    india = pick(admin, kind="india")
    order = get_order(sp, version, india)
    assert order["orderDetails"]["shipToParty"]["countryCode"] == "IN"
    invoice = payload(
        version,
        sp.restricted(
            SHIPPING[version], "getCustomerInvoice", path_params={"purchaseOrderNumber": india}
        ),
    )
    assert base64.b64decode(invoice["content"]).startswith(b"%PDF")
    listed = payload(
        version, sp.restricted(SHIPPING[version], "getCustomerInvoices", params=window(3))
    )
    assert [i["purchaseOrderNumber"] for i in listed["customerInvoices"]] == [india]
    us = pick(admin, kind="plain")
    response = sp.restricted(
        SHIPPING[version], "getCustomerInvoice", path_params={"purchaseOrderNumber": us}
    )
    assert response.status_code == 404


def test_container_label_for_a_known_warehouse(sp: Sp) -> None:
    body = {
        "sellingParty": {"partyId": "999US"},
        "shipFromParty": {"partyId": "ABCD"},
        "carrierId": "SWA",
        "vendorContainerId": "PALLET42",
        "packages": [{"packageTrackingNumber": "1Z0001"}],
    }
    response = sp.call(SHIPPING[V], "createContainerLabel", body=body)
    assert response.status_code == 200
    label = response.json()["containerLabel"]
    assert label["format"] == "PNG" and label["containerTrackingNumber"].startswith("SWA")
    assert sp.call(SHIPPING[V], "createContainerLabel", body=body).json() == response.json()
    body["shipFromParty"] = {"partyId": "NOPE"}
    assert sp.call(SHIPPING[V], "createContainerLabel", body=body).status_code == 400


def test_unknown_purchase_order_is_404(sp: Sp) -> None:
    response = sp.restricted(ORDERS[V], "getOrder", path_params={"purchaseOrderNumber": "ZZZ999"})
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "NotFound"
