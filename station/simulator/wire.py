"""How the simulator's orders look on the wire, in each API version's shape.

Orders v1 and 2021-12-28 differ in small ways (``hasCustomizableItems`` and
``buyerCustomizedInfo`` exist only in 2021-12-28; v1 wraps answers in ``payload`` and lists errors
as a bare array), so the version is an explicit argument everywhere.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from station.simulator.orderbook import MESSAGE_TO_CUSTOMER, PostalAddress, SimOrder, Warehouse

V1 = "v1"
V2021 = "2021-12-28"


def timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with a ``Z``, as Amazon writes it."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def money(amount: Decimal, currency: str) -> dict[str, str]:
    return {"currencyCode": currency, "amount": f"{amount.quantize(Decimal('0.01'))}"}


def address(value: PostalAddress) -> dict[str, str]:
    out = {
        "name": value.name,
        "addressLine1": value.address_line1,
        "city": value.city,
        "stateOrRegion": value.state_or_region,
        "postalCode": value.postal_code,
        "countryCode": value.country_code,
    }
    if value.address_line2:
        out["addressLine2"] = value.address_line2
    if value.phone:
        out["phone"] = value.phone
    return out


def ship_from_party(warehouse: Warehouse) -> dict[str, Any]:
    return {"partyId": warehouse.party_id, "address": address(warehouse.address)}


def _tax_lines(amount: Decimal, rate: Decimal, currency: str, region: str) -> dict[str, Any]:
    return {
        "taxLineItem": [
            {
                "taxRate": str(rate),
                "taxAmount": money(amount * rate, currency),
                "taxableAmount": money(amount, currency),
                "type": "GST" if region == "IN" else "TOTAL",
            }
        ]
    }


def order_json(order: SimOrder, version: str, *, details: bool = True) -> dict[str, Any]:
    if not details:
        return {"purchaseOrderNumber": order.purchase_order_number}
    currency = order.warehouse.currency
    items = []
    total = Decimal("0")
    for line in order.lines:
        line_total = line.unit_price * line.quantity
        total += line_total
        item: dict[str, Any] = {
            "itemSequenceNumber": f"{line.item_sequence_number:05d}",
            "buyerProductIdentifier": line.asin,
            "vendorProductIdentifier": line.vendor_sku,
            "title": line.title,
            "orderedQuantity": {"amount": line.quantity, "unitOfMeasure": "Each"},
            "netPrice": money(line.unit_price, currency),
            "taxDetails": _tax_lines(line_total, line.tax_rate, currency, order.region),
            "totalPrice": money(line_total, currency),
        }
        if order.is_gift:
            item["giftDetails"] = {"giftMessage": order.gift_message, "giftWrapId": "GW-STD"}
        items.append(item)
    tax_rate = order.lines[0].tax_rate
    detail: dict[str, Any] = {
        "customerOrderNumber": order.customer_order_number,
        "orderDate": timestamp(order.order_date),
        "orderStatus": order.status,
        "shipmentDetails": {
            "isPriorityShipment": order.is_priority,
            "isScheduledDeliveryShipment": False,
            "isPslipRequired": order.is_pslip_required,
            "isGift": order.is_gift,
            "shipMethod": order.ship_method.code,
            "shipmentDates": {
                "requiredShipDate": timestamp(order.required_ship_date),
                "promisedDeliveryDate": timestamp(order.promised_delivery_date),
            },
            "messageToCustomer": MESSAGE_TO_CUSTOMER,
        },
        "taxTotal": _tax_lines(total, tax_rate, currency, order.region),
        "sellingParty": {"partyId": order.warehouse.selling_party},
        "shipFromParty": ship_from_party(order.warehouse),
        "shipToParty": address(order.ship_to),
        "billToParty": {"partyId": order.warehouse.selling_party},
        "items": items,
    }
    if order.region == "IN":
        detail["sellingParty"]["taxInfo"] = {
            "taxRegistrationType": "GST",
            "taxRegistrationNumber": "29ABCDE1234F1Z5",
        }
    if version == V2021:
        detail["hasCustomizableItems"] = False
    return {"purchaseOrderNumber": order.purchase_order_number, "orderDetails": detail}


def errors_json(errors: list[dict[str, str]]) -> dict[str, Any]:
    """The error envelope both versions accept: ``{"errors": [...]}``."""
    return {"errors": errors}


def error(code: str, message: str, details: str = "") -> dict[str, str]:
    return {"code": code, "message": message, "details": details}


def wrap(version: str, payload: Any) -> Any:
    """v1 answers wrap their payload; 2021-12-28 answers do not."""
    return {"payload": payload} if version == V1 else payload


class ApiFailure(Exception):
    """An error answer decided by the simulator: HTTP status plus one SP-API error entry."""

    def __init__(self, status: int, code: str, message: str, details: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details

    def to_json(self) -> dict[str, Any]:
        return errors_json([error(self.code, self.message, self.details)])


def invalid(message: str, details: str = "") -> ApiFailure:
    return ApiFailure(400, "InvalidInput", message, details)


def not_found(message: str, details: str = "") -> ApiFailure:
    return ApiFailure(404, "NotFound", message, details)
