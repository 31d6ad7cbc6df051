"""Every request body the client can build validates against Amazon's official schema.

Bodies are built with every optional field filled, sent through the real client to a mock
transport, captured, and validated against the operation's body schema.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from station.spapi.models import orders_common as oc
from station.spapi.models import shipping_2021 as s21
from station.spapi.models import shipping_v1 as s1
from station.spapi.models import tokens as tk
from tests.helpers import contract
from tests.spapi.fakes import Rig, reply

WHEN = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
TX = {"transactionId": "20240506-abc"}


def _address(module: Any) -> Any:
    return module.Address(
        name="Jane Doe",
        address_line1="1 Main St",
        address_line2="Unit 2",
        address_line3="Floor 3",
        city="Seattle",
        county="King",
        district="Downtown",
        state_or_region="WA",
        postal_code="98101",
        country_code="US",
        phone="+1 206 555 0100",
    )


def _party(module: Any, party_id: str) -> Any:
    return module.PartyIdentification(
        party_id=party_id,
        address=_address(module),
        tax_registration_details=[
            module.TaxRegistrationDetails(
                tax_registration_type="VAT",
                tax_registration_number="DE123",
                tax_registration_address=_address(module),
                tax_registration_messages="note",
            )
        ],
    )


def _container(module: Any, kind: str) -> Any:
    packed: dict[str, Any] = {
        "item_sequence_number": 1,
        "buyer_product_identifier": "B00ASIN",
        "vendor_product_identifier": "SKU-1",
        "packed_quantity": module.ItemQuantity(amount=2, unit_of_measure="Each"),
    }
    if module is s21:
        packed["piece_number"] = 1
    return module.Container(
        container_type=kind,
        container_identifier="BOX-1",
        tracking_number="1Z999",
        manifest_id="M1",
        manifest_date="2024-05-06",
        ship_method="UPS_GR_RES",
        scac_code="UPSN",
        carrier="UPS",
        container_sequence_number=1,
        dimensions=module.Dimensions(
            length=Decimal("12.5"), width="8", height=3, unit_of_measure="IN"
        ),
        weight=module.Weight(unit_of_measure="LB", value=Decimal("1.25")),
        packed_items=[module.PackedItem(**packed)],
    )


def _confirmation(module: Any, kind: str) -> Any:
    return module.ShipmentConfirmation(
        purchase_order_number="2JK3S9VC",
        shipment_details=module.ShipmentDetails(
            shipped_date=WHEN,
            shipment_status="SHIPPED",
            is_priority_shipment=False,
            vendor_order_number="V-1",
            estimated_delivery_date=WHEN,
        ),
        selling_party=_party(module, "999US"),
        ship_from_party=_party(module, "ABCD"),
        items=[
            module.Item(
                item_sequence_number=1,
                buyer_product_identifier="B00ASIN",
                vendor_product_identifier="SKU-1",
                shipped_quantity=module.ItemQuantity(amount=2, unit_of_measure="Each"),
            )
        ],
        containers=[_container(module, kind)],
    )


def _status_update(module: Any) -> Any:
    schedule: Any = {"estimatedDeliveryDateTime": "2024-05-08T00:00:00Z"}
    if module is s21:
        schedule = s21.ShipmentSchedule(
            estimated_delivery_date_time=WHEN,
            appt_window_start_date_time=WHEN,
            appt_window_end_date_time=WHEN,
        )
    return module.ShipmentStatusUpdate(
        purchase_order_number="2JK3S9VC",
        selling_party=_party(module, "999US"),
        ship_from_party=_party(module, "ABCD"),
        status_update_details=module.StatusUpdateDetails(
            tracking_number="1Z999",
            status_code="D1",
            reason_code="NS",
            status_date_time=WHEN,
            status_location_address=_address(module),
            shipment_schedule=schedule,
        ),
    )


def _label_request(module: Any, kind: str) -> Any:
    return module.ShippingLabelRequest(
        purchase_order_number="2JK3S9VC",
        selling_party=_party(module, "999US"),
        ship_from_party=_party(module, "ABCD"),
        containers=[_container(module, kind)],
    )


def _acknowledgement() -> oc.OrderAcknowledgementItem:
    address = oc.Address(
        name="Vendor", address_line1="1 Dock Rd", state_or_region="WA", country_code="US"
    )
    party = oc.PartyIdentification(
        party_id="999US",
        address=address,
        tax_info=oc.TaxRegistrationDetails(
            tax_registration_type="VAT", tax_registration_number="DE1"
        ),
    )
    return oc.OrderAcknowledgementItem(
        purchase_order_number="2JK3S9VC",
        vendor_order_number="V-1",
        acknowledgement_date=WHEN,
        acknowledgement_status=oc.AcknowledgementStatus(code="00", description="Shipping 100%"),
        selling_party=party,
        ship_from_party=oc.PartyIdentification(party_id="ABCD"),
        item_acknowledgements=[
            oc.OrderItemAcknowledgement(
                item_sequence_number="00001",
                buyer_product_identifier="B00ASIN",
                vendor_product_identifier="SKU-1",
                acknowledged_quantity=oc.ItemQuantity(amount=1, unit_of_measure="Each"),
            )
        ],
    )


CASES: list[tuple[str, str, str, Any]] = [
    (
        "shipping-v1",
        "submitShippingLabelRequest",
        "/vendor/directFulfillment/shipping/v1/shippingLabels",
        lambda api: api.shipping_v1.submit_shipping_label_request([_label_request(s1, "carton")]),
    ),
    (
        "shipping-v1",
        "submitShipmentConfirmations",
        "/vendor/directFulfillment/shipping/v1/shipmentConfirmations",
        lambda api: api.shipping_v1.submit_shipment_confirmations([_confirmation(s1, "carton")]),
    ),
    (
        "shipping-v1",
        "submitShipmentStatusUpdates",
        "/vendor/directFulfillment/shipping/v1/shipmentStatusUpdates",
        lambda api: api.shipping_v1.submit_shipment_status_updates([_status_update(s1)]),
    ),
    (
        "shipping-2021",
        "submitShippingLabelRequest",
        "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels",
        lambda api: api.shipping_2021.submit_shipping_label_request(
            [_label_request(s21, "Carton")]
        ),
    ),
    (
        "shipping-2021",
        "createShippingLabels",
        "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels/2JK3S9VC",
        lambda api: api.shipping_2021.create_shipping_labels(
            "2JK3S9VC",
            s21.CreateShippingLabelsRequest(
                selling_party=_party(s21, "999US"),
                ship_from_party=_party(s21, "ABCD"),
                containers=[_container(s21, "Pallet")],
            ),
        ),
    ),
    (
        "shipping-2021",
        "submitShipmentConfirmations",
        "/vendor/directFulfillment/shipping/2021-12-28/shipmentConfirmations",
        lambda api: api.shipping_2021.submit_shipment_confirmations([_confirmation(s21, "Carton")]),
    ),
    (
        "shipping-2021",
        "submitShipmentStatusUpdates",
        "/vendor/directFulfillment/shipping/2021-12-28/shipmentStatusUpdates",
        lambda api: api.shipping_2021.submit_shipment_status_updates([_status_update(s21)]),
    ),
    (
        "shipping-2021",
        "createContainerLabel",
        "/vendor/directFulfillment/shipping/2021-12-28/containerLabel",
        lambda api: api.shipping_2021.create_container_label(
            s21.CreateContainerLabelRequest(
                selling_party=_party(s21, "999US"),
                ship_from_party=_party(s21, "ABCD"),
                carrier_id="SWA",
                vendor_container_id="VC-1",
                packages=[s21.Package(package_tracking_number="TBA1")],
            )
        ),
    ),
    (
        "orders-v1",
        "submitAcknowledgement",
        "/vendor/directFulfillment/orders/v1/acknowledgements",
        lambda api: api.orders_v1.submit_acknowledgement([_acknowledgement()]),
    ),
    (
        "orders-2021",
        "submitAcknowledgement",
        "/vendor/directFulfillment/orders/2021-12-28/acknowledgements",
        lambda api: api.orders_2021.submit_acknowledgement([_acknowledgement()]),
    ),
    (
        "tokens",
        "createRestrictedDataToken",
        "/tokens/2021-03-01/restrictedDataToken",
        lambda api: api.tokens.create_restricted_data_token(
            [
                tk.RestrictedResource(
                    method="GET",
                    path="/vendor/directFulfillment/orders/v1/purchaseOrders/2JK3S9VC",
                    data_elements=["buyerInfo"],
                )
            ],
            target_application="amzn1.sellerapps.app.target",
        ),
    ),
]

ANSWERS: dict[str, Any] = {
    "createShippingLabels": {
        "purchaseOrderNumber": "2JK3S9VC",
        "sellingParty": {"partyId": "999US"},
        "shipFromParty": {"partyId": "ABCD"},
        "labelFormat": "ZPL",
        "labelData": [{"content": "XlhB"}],
    },
    "createContainerLabel": {"containerLabel": {"content": "XlhB", "format": "ZPL"}},
    "createRestrictedDataToken": {"restrictedDataToken": "Atz.sprdt|x", "expiresIn": 3600},
}


@pytest.mark.parametrize(
    ("model", "operation_id", "path", "send"), CASES, ids=[c[1] + "@" + c[0] for c in CASES]
)
def test_built_body_validates_against_the_official_schema(
    rig: Rig, model: str, operation_id: str, path: str, send: Any
) -> None:
    answer = ANSWERS.get(operation_id, {"payload": TX} if model.endswith("v1") else TX)
    rig.amazon.queue("POST", path, reply(200 if operation_id in ANSWERS else 202, answer))
    send(rig.api)
    (request,) = rig.amazon.sent_to(path, "POST")
    assert request.headers["content-type"] == "application/json"
    body = rig.amazon.body(request)
    contract.validate_request(model, operation_id, body)


def test_decimals_are_strings_and_sequence_numbers_integers(rig: Rig) -> None:
    path = "/vendor/directFulfillment/shipping/v1/shipmentConfirmations"
    rig.amazon.queue("POST", path, reply(202, {"payload": TX}))
    rig.api.shipping_v1.submit_shipment_confirmations([_confirmation(s1, "carton")])
    body = rig.amazon.body(rig.amazon.sent_to(path)[0])
    confirmation = body["shipmentConfirmations"][0]
    container = confirmation["containers"][0]
    assert container["weight"] == {"unitOfMeasure": "LB", "value": "1.25"}
    assert container["dimensions"]["length"] == "12.5"
    assert container["dimensions"]["height"] == "3"
    assert confirmation["items"][0]["itemSequenceNumber"] == 1
    assert confirmation["shipmentDetails"]["shippedDate"].startswith("2024-05-06T07:08:09")


@pytest.mark.parametrize(
    ("module", "wrong"), [(s1, "Carton"), (s21, "carton"), (s1, "box")], ids=["v1", "2021", "box"]
)
def test_container_type_enum_differs_by_version(module: Any, wrong: str) -> None:
    with pytest.raises(ValidationError):
        _container(module, wrong)


def test_float_decimals_and_naive_dates_are_refused() -> None:
    with pytest.raises(ValidationError):
        s1.Weight(unit_of_measure="KG", value=1.1)
    with pytest.raises(ValidationError):
        s1.ShipmentDetails(shipped_date=datetime(2024, 1, 1), shipment_status="SHIPPED")


def test_orders_sequence_number_stays_a_string() -> None:
    wire = _acknowledgement().to_wire()
    assert wire["itemAcknowledgements"][0]["itemSequenceNumber"] == "00001"
