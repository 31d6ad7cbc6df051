"""Every documented rejection rule, decided asynchronously like Amazon: 202 first, then Failure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest

from station.simulator import rules
from station.simulator.server import SimulatorServer
from tests.simulator import bodies
from tests.simulator.sim_client import ORDERS, SHIPPING, Sp, errors_of, payload
from tests.simulator.test_shipment_flow import acknowledge, get_order

V = "2021-12-28"


def pick(admin: httpx.Client, **traits: Any) -> str:
    for order in admin.get("/orders").json()["orders"]:
        if all((order[k] >= v if k == "lines" else order[k] == v) for k, v in traits.items()):
            return str(order["purchaseOrderNumber"])
    raise AssertionError(f"no order with {traits}")


def confirm(sp: Sp, body: dict[str, Any], version: str = V) -> dict[str, Any]:
    response = sp.call(SHIPPING[version], "submitShipmentConfirmations", body=body)
    assert response.status_code == 202, response.text
    settled: dict[str, Any] = sp.settle(version, payload(version, response)["transactionId"])
    return settled


def codes(version: str, transaction: dict[str, Any]) -> set[str]:
    assert transaction["status"] == "Failure", transaction
    return {e["code"] for e in errors_of(version, transaction)}


def _first(body: dict[str, Any]) -> dict[str, Any]:
    first: dict[str, Any] = body["shipmentConfirmations"][0]
    return first


Edit = Callable[[dict[str, Any]], None]

CONFIRMATION_CASES: list[tuple[str, dict[str, Any], Edit, str]] = [
    (
        "no containers",
        {"kind": "plain"},
        lambda b: _first(b).update(containers=[]),
        "EMPTY_PACKAGES",
    ),
    (
        "empty container",
        {"kind": "plain"},
        lambda b: _first(b)["containers"][0].update(packedItems=[]),
        "EMPTY_PACKAGES",
    ),
    (
        "a line missing",
        {"lines": 2, "status": "NEW", "shipFromPartyId": "ABCD"},
        lambda b: _first(b)["items"].pop(),
        "MISSING_LINE_ITEMS",
    ),
    (
        "short quantity",
        {"kind": "plain"},
        lambda b: _first(b)["items"][0]["shippedQuantity"].update(amount=0),
        "PARTIAL_SHIPMENT_NOT_ALLOWED",
    ),
    (
        "short packed quantity",
        {"kind": "plain"},
        lambda b: _first(b)["containers"][0]["packedItems"][0]["packedQuantity"].update(amount=99),
        "PARTIAL_SHIPMENT_NOT_ALLOWED",
    ),
    (
        "unknown item sequence number",
        {"kind": "plain"},
        lambda b: _first(b)["items"][0].update(itemSequenceNumber=99),
        "INVALID_ITEM_SEQUENCE_NUMBER",
    ),
    (
        "wrong ASIN",
        {"kind": "plain"},
        lambda b: _first(b)["items"][0].update(buyerProductIdentifier="B000000000"),
        "PRODUCT_IDENTIFIER_MISMATCH",
    ),
    (
        "zero weight",
        {"kind": "plain"},
        lambda b: _first(b)["containers"][0]["weight"].update(value="0"),
        "INVALID_CONTAINER_WEIGHT",
    ),
    (
        "no ship method",
        {"kind": "plain"},
        lambda b: _first(b)["containers"][0].pop("shipMethod"),
        "MISSING_SHIP_METHOD",
    ),
    (
        "other ship method",
        {"kind": "plain"},
        lambda b: _first(b)["containers"][0].update(shipMethod="XX_FAKE"),
        "SHIP_METHOD_MISMATCH",
    ),
    (
        "VOC without scacCode",
        {"kind": "voc"},
        lambda b: _first(b)["containers"][0].update(trackingNumber="ODFL123"),
        "MISSING_SCAC_CODE",
    ),
    (
        "VOC without tracking number",
        {"kind": "voc"},
        lambda b: _first(b)["containers"][0].update(scacCode="ODFL"),
        "MISSING_TRACKING_NUMBER",
    ),
    (
        "shipped tomorrow",
        {"kind": "plain"},
        lambda b: _first(b)["shipmentDetails"].update(
            shippedDate=bodies.now_iso(timedelta(days=1))
        ),
        "SHIPPED_DATE_IN_FUTURE",
    ),
    (
        "other warehouse",
        {"kind": "plain"},
        lambda b: _first(b)["shipFromParty"].update(partyId="RNOZ"),
        "SHIP_FROM_MISMATCH",
    ),
    (
        "unknown PO",
        {"kind": "plain"},
        lambda b: _first(b).update(purchaseOrderNumber="ZZZZ9999"),
        "INVALID_PURCHASE_ORDER",
    ),
]


@pytest.mark.parametrize("version", ["v1", V])
@pytest.mark.parametrize(
    ("name", "traits", "edit", "code"), CONFIRMATION_CASES, ids=[c[0] for c in CONFIRMATION_CASES]
)
def test_a_broken_confirmation_is_accepted_then_fails(
    sp: Sp,
    admin: httpx.Client,
    name: str,
    traits: dict[str, Any],
    edit: Edit,
    code: str,
    version: str,
) -> None:
    po = pick(admin, **traits)
    order = get_order(sp, version, po)
    acknowledge(sp, version, order)
    body = bodies.edited(bodies.confirmation(order, version), edit)
    assert code in codes(version, confirm(sp, body, version))
    assert get_order(sp, version, po)["orderDetails"]["orderStatus"] == "ACCEPTED"
    if code != "INVALID_PURCHASE_ORDER":
        record = admin.get("/record", params={"po": po}).json()["orders"][po]
        [entry] = record["confirmations"]
        assert entry["outcome"] == "rejected"
        assert code in {e["code"] for e in entry["errors"]}


def test_a_vendor_own_carrier_confirmation_with_scac_and_tracking_succeeds(
    sp: Sp, admin: httpx.Client
) -> None:
    po = pick(admin, kind="voc")
    order = get_order(sp, V, po)
    acknowledge(sp, V, order)
    result = confirm(sp, bodies.confirmation(order, V, tracking=["ODFL0000000001"], scac="ODFL"))
    assert result["status"] == "Success"


def test_a_second_confirmation_of_a_shipped_order_fails(sp: Sp, admin: httpx.Client) -> None:
    po = pick(admin, kind="plain")
    order = get_order(sp, V, po)
    acknowledge(sp, V, order)
    assert confirm(sp, bodies.confirmation(order, V))["status"] == "Success"
    assert codes(V, confirm(sp, bodies.confirmation(order, V))) == {"ORDER_ALREADY_SHIPPED"}
    record = admin.get("/record", params={"po": po}).json()["orders"][po]
    assert [c["outcome"] for c in record["confirmations"]] == ["accepted", "rejected"]


def test_confirming_an_unacknowledged_order_fails(sp: Sp, admin: httpx.Client) -> None:
    order = get_order(sp, V, pick(admin, kind="plain"))
    assert codes(V, confirm(sp, bodies.confirmation(order, V))) == {"ORDER_NOT_ACKNOWLEDGED"}


def test_a_cancelled_order_cannot_be_acknowledged_or_confirmed(sp: Sp, admin: httpx.Client) -> None:
    order = get_order(sp, V, pick(admin, kind="cancelled"))
    assert order["orderDetails"]["orderStatus"] == "CANCELLED"
    response = sp.call(ORDERS[V], "submitAcknowledgement", body=bodies.acknowledgement(order))
    assert codes(V, sp.settle(V, response.json()["transactionId"])) == {"ORDER_CANCELLED"}
    assert codes(V, confirm(sp, bodies.confirmation(order, V))) == {"ORDER_CANCELLED"}


def test_a_floor_denial_is_accepted_without_packages_and_cancels_the_order(
    sp: Sp, admin: httpx.Client
) -> None:
    po = pick(admin, kind="plain")
    order = get_order(sp, V, po)
    acknowledge(sp, V, order)
    body = bodies.confirmation(order, V, status="FLOOR_DENIAL")
    _first(body)["containers"] = []
    assert confirm(sp, body)["status"] == "Success"
    assert get_order(sp, V, po)["orderDetails"]["orderStatus"] == "CANCELLED"


def _status_update(sp: Sp, order: dict[str, Any], tracking: str) -> dict[str, Any]:
    response = sp.call(
        SHIPPING[V], "submitShipmentStatusUpdates", body=bodies.status_update(order, tracking)
    )
    assert response.status_code == 202
    settled: dict[str, Any] = sp.settle(V, response.json()["transactionId"])
    return settled


def test_status_updates_follow_the_vendor_own_carrier_rules(sp: Sp, admin: httpx.Client) -> None:
    voc = get_order(sp, V, pick(admin, kind="voc"))
    acknowledge(sp, V, voc)
    assert codes(V, _status_update(sp, voc, "ODFL0000000001")) == {"ORDER_NOT_SHIPPED"}
    shipped = confirm(sp, bodies.confirmation(voc, V, tracking=["ODFL0000000001"], scac="ODFL"))
    assert shipped["status"] == "Success"
    assert codes(V, _status_update(sp, voc, "ODFL9999999999")) == {"TRACKING_NUMBER_MISMATCH"}
    assert _status_update(sp, voc, "ODFL0000000001")["status"] == "Success"

    plain = get_order(sp, V, pick(admin, kind="plain"))
    acknowledge(sp, V, plain)
    assert confirm(sp, bodies.confirmation(plain, V))["status"] == "Success"
    assert codes(V, _status_update(sp, plain, "1Z")) == {"STATUS_UPDATE_NOT_ALLOWED"}


def test_acknowledging_an_unknown_line_fails(sp: Sp, admin: httpx.Client) -> None:
    order = get_order(sp, V, pick(admin, kind="plain"))
    body = bodies.acknowledgement(order)
    body["orderAcknowledgements"][0]["itemAcknowledgements"][0]["itemSequenceNumber"] = "00099"
    response = sp.call(ORDERS[V], "submitAcknowledgement", body=body)
    assert codes(V, sp.settle(V, response.json()["transactionId"])) == {
        "INVALID_ITEM_SEQUENCE_NUMBER"
    }


def test_every_documented_code_is_exercised() -> None:
    exercised = {c[3] for c in CONFIRMATION_CASES} | {
        "ORDER_ALREADY_SHIPPED",
        "ORDER_NOT_ACKNOWLEDGED",
        "ORDER_CANCELLED",
        "ORDER_NOT_SHIPPED",
        "TRACKING_NUMBER_MISMATCH",
        "STATUS_UPDATE_NOT_ALLOWED",
    }
    assert exercised == set(rules.ERROR_CODES)


def test_a_batch_applies_the_good_po_and_fails_naming_the_bad_one(
    sp: Sp, simulator: SimulatorServer, admin: httpx.Client
) -> None:
    good_po, bad_po = simulator.scannable_pos(2)
    good, bad = get_order(sp, V, good_po), get_order(sp, V, bad_po)
    acknowledge(sp, V, good)
    acknowledge(sp, V, bad)
    body = bodies.confirmation(good, V)
    broken = bodies.confirmation(bad, V)["shipmentConfirmations"][0]
    broken["containers"] = []
    body["shipmentConfirmations"].append(broken)
    result = confirm(sp, body)
    [error] = errors_of(V, result)
    assert error["code"] == "EMPTY_PACKAGES" and bad_po in error["details"]
    assert get_order(sp, V, good_po)["orderDetails"]["orderStatus"] == "SHIPPED"
    assert get_order(sp, V, bad_po)["orderDetails"]["orderStatus"] == "ACCEPTED"
