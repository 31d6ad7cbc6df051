"""Amazon's business rules for DF submissions, checked when a transaction is processed.

A 202 from Amazon only means "received"; the rules below decide later whether the transaction ends
in ``Success`` or ``Failure``. Amazon does not publish a complete list of its asynchronous error
codes, so the simulator uses these (``EMPTY_PACKAGES`` is one Amazon really sends):

=================================  ==========================================================
code                               rule broken
=================================  ==========================================================
INVALID_PURCHASE_ORDER             the PO is unknown for this selling party / ship-from party
SHIP_FROM_MISMATCH                 ``shipFromParty.partyId`` is not the order's warehouse
ORDER_CANCELLED                    the order was cancelled (or floor-denied) before
ORDER_NOT_ACKNOWLEDGED             confirmation or label request for an order never acknowledged
ORDER_ALREADY_SHIPPED              a second confirmation for an order already SHIPPED
EMPTY_PACKAGES                     SHIPPED with no containers, or a container with no items
MISSING_LINE_ITEMS                 a PO line is missing from ``items`` (no partial shipment)
PARTIAL_SHIPMENT_NOT_ALLOWED       a line's shipped (or packed) quantity differs from ordered
INVALID_ITEM_SEQUENCE_NUMBER       an ``itemSequenceNumber`` that is not on the PO, or repeated
PRODUCT_IDENTIFIER_MISMATCH        buyer/vendor product identifier differs from the PO line
INVALID_CONTAINER_WEIGHT           a container weight that is not a positive number
MISSING_SHIP_METHOD                a container without ``shipMethod``
SHIP_METHOD_MISMATCH               a ``shipMethod`` other than the order's (and its label's)
MISSING_SCAC_CODE                  a vendor-own-carrier warehouse's container without scacCode
MISSING_TRACKING_NUMBER            a vendor-own-carrier container without a trackingNumber
SHIPPED_DATE_IN_FUTURE             ``shippedDate`` later than now (5 minutes of clock skew allowed)
STATUS_UPDATE_NOT_ALLOWED          a status update for a warehouse that is not vendor-own-carrier
ORDER_NOT_SHIPPED                  a status update for an order not confirmed SHIPPED
TRACKING_NUMBER_MISMATCH           a status update whose trackingNumber is not in the confirmation
=================================  ==========================================================

``FLOOR_DENIAL`` confirmations need no containers; they cancel the order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from station.simulator.orderbook import SimOrder
from station.simulator.shapes import parse_datetime

CLOCK_SKEW = timedelta(minutes=5)

ERROR_CODES = (
    "INVALID_PURCHASE_ORDER",
    "SHIP_FROM_MISMATCH",
    "ORDER_CANCELLED",
    "ORDER_NOT_ACKNOWLEDGED",
    "ORDER_ALREADY_SHIPPED",
    "EMPTY_PACKAGES",
    "MISSING_LINE_ITEMS",
    "PARTIAL_SHIPMENT_NOT_ALLOWED",
    "INVALID_ITEM_SEQUENCE_NUMBER",
    "PRODUCT_IDENTIFIER_MISMATCH",
    "INVALID_CONTAINER_WEIGHT",
    "MISSING_SHIP_METHOD",
    "SHIP_METHOD_MISMATCH",
    "MISSING_SCAC_CODE",
    "MISSING_TRACKING_NUMBER",
    "SHIPPED_DATE_IN_FUTURE",
    "STATUS_UPDATE_NOT_ALLOWED",
    "ORDER_NOT_SHIPPED",
    "TRACKING_NUMBER_MISMATCH",
)


@dataclass(frozen=True)
class Violation:
    code: str
    message: str
    purchase_order_number: str

    def to_json(self) -> dict[str, str]:
        return {
            "code": self.code,
            "message": self.message,
            "details": f"purchaseOrderNumber={self.purchase_order_number}",
        }


def _order_checks(
    po: str, order: SimOrder | None, body: dict[str, Any], *, need_ack: bool
) -> list[Violation]:
    if order is None:
        return [Violation("INVALID_PURCHASE_ORDER", f"Purchase order {po} is not known.", po)]
    ship_from = body.get("shipFromParty", {}).get("partyId")
    if ship_from != order.warehouse.party_id:
        return [
            Violation(
                "SHIP_FROM_MISMATCH",
                f"shipFromParty {ship_from} is not the warehouse of purchase order {po}.",
                po,
            )
        ]
    if order.status == "CANCELLED":
        return [Violation("ORDER_CANCELLED", f"Purchase order {po} is cancelled.", po)]
    if need_ack and order.status == "NEW":
        return [
            Violation(
                "ORDER_NOT_ACKNOWLEDGED",
                f"Purchase order {po} has not been acknowledged.",
                po,
            )
        ]
    return []


def check_acknowledgement(order: SimOrder | None, body: dict[str, Any]) -> list[Violation]:
    po = str(body["purchaseOrderNumber"])
    found = _order_checks(po, order, body, need_ack=False)
    if found or order is None:
        return found
    known = {f"{line.item_sequence_number:05d}" for line in order.lines}
    known |= {str(line.item_sequence_number) for line in order.lines}
    for item in body.get("itemAcknowledgements", []):
        if str(item["itemSequenceNumber"]) not in known:
            found.append(
                Violation(
                    "INVALID_ITEM_SEQUENCE_NUMBER",
                    f"itemSequenceNumber {item['itemSequenceNumber']} is not on the order.",
                    po,
                )
            )
    return found


def check_label_request(order: SimOrder | None, body: dict[str, Any]) -> list[Violation]:
    po = str(body["purchaseOrderNumber"]) if "purchaseOrderNumber" in body else ""
    return _order_checks(po, order, body, need_ack=True)


def _positive(value: str) -> bool:
    try:
        return Decimal(value) > 0
    except InvalidOperation:
        return False


def check_confirmation(
    order: SimOrder | None, body: dict[str, Any], now: datetime
) -> list[Violation]:
    po = str(body["purchaseOrderNumber"])
    found = _order_checks(po, order, body, need_ack=True)
    if found or order is None:
        return found
    if order.status == "SHIPPED":
        return [
            Violation(
                "ORDER_ALREADY_SHIPPED",
                f"Purchase order {po} was already confirmed as shipped.",
                po,
            )
        ]
    details = body["shipmentDetails"]
    shipped = parse_datetime(details["shippedDate"])
    if shipped is not None and shipped > now + CLOCK_SKEW:
        found.append(
            Violation("SHIPPED_DATE_IN_FUTURE", "shippedDate must not be in the future.", po)
        )
    if details["shipmentStatus"] == "FLOOR_DENIAL":
        return found
    found += _check_items(po, order, body["items"])
    found += _check_containers(po, order, body.get("containers") or [])
    return found


def _line_matches(line: Any, item: dict[str, Any]) -> bool:
    buyer = item.get("buyerProductIdentifier")
    vendor = item.get("vendorProductIdentifier")
    if buyer is None and vendor is None:
        return False
    return (buyer is None or buyer == line.asin) and (vendor is None or vendor == line.vendor_sku)


def _check_items(po: str, order: SimOrder, items: Sequence[dict[str, Any]]) -> list[Violation]:
    found: list[Violation] = []
    lines = {line.item_sequence_number: line for line in order.lines}
    seen: set[int] = set()
    for item in items:
        seq = item["itemSequenceNumber"]
        line = lines.get(seq)
        if line is None or seq in seen:
            found.append(
                Violation(
                    "INVALID_ITEM_SEQUENCE_NUMBER",
                    f"itemSequenceNumber {seq} is not on the order or is repeated.",
                    po,
                )
            )
            continue
        seen.add(seq)
        if not _line_matches(line, item):
            found.append(
                Violation(
                    "PRODUCT_IDENTIFIER_MISMATCH",
                    f"Product identifiers of item {seq} do not match the order.",
                    po,
                )
            )
        if item["shippedQuantity"]["amount"] != line.quantity:
            found.append(
                Violation(
                    "PARTIAL_SHIPMENT_NOT_ALLOWED",
                    f"Item {seq}: shipped quantity {item['shippedQuantity']['amount']} is not "
                    f"the ordered {line.quantity}.",
                    po,
                )
            )
    missing = sorted(set(lines) - seen)
    if missing:
        found.append(
            Violation(
                "MISSING_LINE_ITEMS",
                f"Items {', '.join(map(str, missing))} are missing: partial shipments are not "
                "allowed.",
                po,
            )
        )
    return found


def _check_containers(
    po: str, order: SimOrder, containers: Sequence[dict[str, Any]]
) -> list[Violation]:
    if not containers or any(not c["packedItems"] for c in containers):
        return [Violation("EMPTY_PACKAGES", "Every shipment needs packages with items.", po)]
    found: list[Violation] = []
    packed: dict[int, int] = {}
    for container in containers:
        name = container["containerIdentifier"]
        if not _positive(container["weight"]["value"]):
            found.append(
                Violation("INVALID_CONTAINER_WEIGHT", f"Container {name} needs a weight.", po)
            )
        method = container.get("shipMethod")
        if not method:
            found.append(
                Violation("MISSING_SHIP_METHOD", f"Container {name} needs a shipMethod.", po)
            )
        elif method != order.ship_method.code:
            found.append(
                Violation(
                    "SHIP_METHOD_MISMATCH",
                    f"Container {name}: shipMethod {method} is not the order's.",
                    po,
                )
            )
        if order.warehouse.voc:
            if container.get("scacCode") != order.warehouse.scac_code:
                found.append(
                    Violation(
                        "MISSING_SCAC_CODE",
                        f"Container {name} needs scacCode {order.warehouse.scac_code}.",
                        po,
                    )
                )
            if not container.get("trackingNumber"):
                found.append(
                    Violation(
                        "MISSING_TRACKING_NUMBER",
                        f"Container {name} needs the carrier's trackingNumber.",
                        po,
                    )
                )
        for item in container["packedItems"]:
            seq = item["itemSequenceNumber"]
            packed[seq] = packed.get(seq, 0) + item["packedQuantity"]["amount"]
    ordered = {line.item_sequence_number: line.quantity for line in order.lines}
    if not found and packed != ordered:
        found.append(
            Violation(
                "PARTIAL_SHIPMENT_NOT_ALLOWED",
                "The packed quantities do not add up to the ordered quantities.",
                po,
            )
        )
    return found


def check_status_update(
    order: SimOrder | None, body: dict[str, Any], confirmed_tracking: Sequence[str]
) -> list[Violation]:
    po = str(body["purchaseOrderNumber"])
    found = _order_checks(po, order, body, need_ack=False)
    if found or order is None:
        return found
    if not order.warehouse.voc:
        return [
            Violation(
                "STATUS_UPDATE_NOT_ALLOWED",
                "Shipment status updates are only for vendor-own-carrier warehouses.",
                po,
            )
        ]
    if order.status != "SHIPPED":
        return [Violation("ORDER_NOT_SHIPPED", f"Purchase order {po} is not shipped yet.", po)]
    tracking = body["statusUpdateDetails"]["trackingNumber"]
    if tracking not in confirmed_tracking:
        return [
            Violation(
                "TRACKING_NUMBER_MISMATCH",
                f"Tracking number {tracking} is not in the shipment confirmation.",
                po,
            )
        ]
    return []
