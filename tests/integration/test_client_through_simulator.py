"""The SP-API client runs whole shipments through the real simulator on loopback, in both API
versions: order → acknowledgement → label → packing slip → confirmation → transaction Success →
order SHIPPED; then the simulator's own record shows the confirmation arrived exactly once.

The simulator's rejection rules are exercised one by one in tests/simulator/; here a rejected
confirmation is followed through the client too, to see the error reach the caller's hands.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from station.errors import InvalidRequestError
from station.secrets import LwaCredentials
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from station.spapi import SpApi, build_client, decode_document
from station.spapi.models import orders_common as om
from station.spapi.models import shipping_2021 as s21
from station.spapi.models import shipping_v1 as s1
from station.spapi.models.transactions import Transaction
from tests.helpers.contract import require_models


@pytest.fixture
def simulator() -> Iterator[SimulatorServer]:
    require_models()
    config = SimulatorConfig(seed=11, orders=16, processing_delay=0.05, rate_limits=True)
    with SimulatorServer(config) as server:
        yield server


@pytest.fixture
def api(simulator: SimulatorServer) -> Iterator[SpApi]:
    credentials = LwaCredentials(client_id="id", client_secret="secret", refresh_token="refresh")
    environ = {"STATION_SPAPI_URL": simulator.base_url, "STATION_LWA_URL": simulator.lwa_url}
    with build_client(credentials, environ=environ) as client:
        yield client


def _orders(simulator: SimulatorServer) -> list[dict[str, Any]]:
    with httpx.Client(timeout=10) as http:
        body = http.get(simulator.base_url + "/_simulator/orders").json()
    return list(body["orders"])


def _record(simulator: SimulatorServer, po: str) -> dict[str, Any]:
    with httpx.Client(timeout=10) as http:
        return dict(http.get(simulator.base_url + "/_simulator/record", params={"po": po}).json())


def _wait(fetch: Callable[[], Transaction | None], timeout: float = 10.0) -> Transaction:
    deadline = time.monotonic() + timeout
    while True:
        transaction = fetch()
        if transaction is not None and transaction.status != "Processing":
            return transaction
        assert time.monotonic() < deadline, "transaction still processing"
        time.sleep(0.02)  # polling interval against a real server, not a wait for an event


def _pick(simulator: SimulatorServer, **traits: Any) -> str:
    for order in _orders(simulator):
        if order["status"] == "NEW" and all(order.get(k) == v for k, v in traits.items()):
            return str(order["purchaseOrderNumber"])
    raise AssertionError(f"no NEW order with {traits}")


def _acknowledge(api: SpApi, order: om.Order, version: str) -> None:
    details = order.order_details
    assert details is not None
    item = om.OrderAcknowledgementItem(
        purchase_order_number=order.purchase_order_number,
        vendor_order_number=f"V{order.purchase_order_number}",
        acknowledgement_date=datetime.now(UTC),
        acknowledgement_status=om.AcknowledgementStatus(code="00", description="Accepted"),
        selling_party=om.PartyIdentification(party_id=details.selling_party.party_id),
        ship_from_party=om.PartyIdentification(party_id=details.ship_from_party.party_id),
        item_acknowledgements=[
            om.OrderItemAcknowledgement(
                item_sequence_number=line.item_sequence_number,
                buyer_product_identifier=line.buyer_product_identifier,
                vendor_product_identifier=line.vendor_product_identifier,
                acknowledged_quantity=om.ItemQuantity(
                    amount=line.ordered_quantity.amount, unit_of_measure="Each"
                ),
            )
            for line in details.items
        ],
    )
    orders = api.orders_v1 if version == "v1" else api.orders_2021
    transactions = api.transactions_v1 if version == "v1" else api.transactions_2021
    reference = orders.submit_acknowledgement([item])
    assert reference.transaction_id
    txid = reference.transaction_id
    assert _wait(lambda: transactions.transaction(txid)).status == "Success"


def _confirmation(order: om.Order, label: Any, version: str, *, drop_line: bool = False) -> Any:
    details = order.order_details
    assert details is not None
    models: Any = s1 if version == "v1" else s21
    lines = details.items[:-1] if drop_line else details.items
    items = [
        models.Item(
            item_sequence_number=int(line.item_sequence_number),
            buyer_product_identifier=line.buyer_product_identifier,
            vendor_product_identifier=line.vendor_product_identifier,
            shipped_quantity=models.ItemQuantity(
                amount=line.ordered_quantity.amount, unit_of_measure="Each"
            ),
        )
        for line in lines
    ]
    package = label.label_data[0]
    container = models.Container(
        container_type="carton" if version == "v1" else "Carton",
        container_identifier=package.package_identifier or "PKG1",
        tracking_number=package.tracking_number,
        ship_method=package.ship_method or details.shipment_details.ship_method,
        weight=models.Weight(value="2.5", unit_of_measure="KG"),
        dimensions=models.Dimensions(length="30", width="20", height="10", unit_of_measure="CM"),
        packed_items=[
            models.PackedItem(
                item_sequence_number=item.item_sequence_number,
                buyer_product_identifier=item.buyer_product_identifier,
                vendor_product_identifier=item.vendor_product_identifier,
                packed_quantity=item.shipped_quantity,
            )
            for item in items
        ],
    )
    return models.ShipmentConfirmation(
        purchase_order_number=order.purchase_order_number,
        shipment_details=models.ShipmentDetails(
            shipped_date=datetime.now(UTC), shipment_status="SHIPPED"
        ),
        selling_party=models.PartyIdentification(party_id=details.selling_party.party_id),
        ship_from_party=models.PartyIdentification(party_id=details.ship_from_party.party_id),
        items=items,
        containers=[container],
    )


@pytest.mark.parametrize("version", ["v1", "2021-12-28"])
def test_a_whole_shipment_through_the_client(
    api: SpApi, simulator: SimulatorServer, version: str
) -> None:
    po = _pick(simulator, isPslipRequired=True, labelFormat="PNG")
    orders = api.orders_v1 if version == "v1" else api.orders_2021
    shipping: Any = api.shipping_v1 if version == "v1" else api.shipping_2021
    transactions = api.transactions_v1 if version == "v1" else api.transactions_2021

    order = orders.get_order(po)
    assert order.order_details is not None
    assert order.order_details.order_status == "NEW"
    _acknowledge(api, order, version)

    details = order.order_details
    party = {"selling_party": {"party_id": details.selling_party.party_id}}
    party["ship_from_party"] = {"party_id": details.ship_from_party.party_id}
    if version == "v1":
        # v1: the label request is asynchronous; the label appears when its transaction succeeds.
        reference = shipping.submit_shipping_label_request(
            [s1.ShippingLabelRequest.model_validate({"purchase_order_number": po, **party})]
        )
        txid = reference.transaction_id
        assert _wait(lambda: transactions.transaction(txid)).status == "Success"
        label = shipping.get_shipping_label(po)
    else:
        # 2021-12-28: createShippingLabels answers with the label itself.
        label = shipping.create_shipping_labels(
            po, s21.CreateShippingLabelsRequest.model_validate(party)
        )
    assert label.purchase_order_number == po
    document = decode_document(label.label_data[0].content, expected="png")
    assert document.data.startswith(b"\x89PNG")

    slip = shipping.get_packing_slip(po)
    assert decode_document(slip.content, expected="pdf").data.startswith(b"%PDF")

    reference = shipping.submit_shipment_confirmations([_confirmation(order, label, version)])
    txid = reference.transaction_id
    assert _wait(lambda: transactions.transaction(txid)).status == "Success"

    shipped = orders.get_order(po)
    assert shipped.order_details is not None
    assert shipped.order_details.order_status == "SHIPPED"
    confirmations = _record(simulator, po)["orders"][po]["confirmations"]
    assert [c["outcome"] for c in confirmations] == ["accepted"]


def test_a_partial_confirmation_is_refused_later_and_reaches_the_caller(
    api: SpApi, simulator: SimulatorServer
) -> None:
    po = _pick(simulator, labelFormat="PNG", lines=3)
    order = api.orders_2021.get_order(po)
    _acknowledge(api, order, "2021-12-28")
    assert order.order_details is not None
    label = api.shipping_2021.create_shipping_labels(
        po,
        s21.CreateShippingLabelsRequest.model_validate(
            {
                "selling_party": {"party_id": order.order_details.selling_party.party_id},
                "ship_from_party": {"party_id": order.order_details.ship_from_party.party_id},
            }
        ),
    )
    # A 202 only means "received": the missing line is found while processing.
    reference = api.shipping_2021.submit_shipment_confirmations(
        [_confirmation(order, label, "2021-12-28", drop_line=True)]
    )
    txid = reference.transaction_id
    transaction = _wait(lambda: api.transactions_2021.transaction(txid))
    assert transaction.status == "Failure"
    assert transaction.errors
    assert api.orders_2021.get_order(po).order_details.order_status != "SHIPPED"  # type: ignore[union-attr]


def test_a_malformed_po_never_reaches_the_simulator(api: SpApi) -> None:
    with pytest.raises(InvalidRequestError):
        api.orders_2021.get_order("PO 1/../x")
