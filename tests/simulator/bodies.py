"""Request bodies a correct station would send, built from the order the simulator served."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import Any


def now_iso(delta: timedelta = timedelta(0)) -> str:
    return (datetime.now(UTC) + delta).strftime("%Y-%m-%dT%H:%M:%SZ")


def parties(order: dict[str, Any]) -> dict[str, Any]:
    detail = order["orderDetails"]
    return {
        "sellingParty": {"partyId": detail["sellingParty"]["partyId"]},
        "shipFromParty": {"partyId": detail["shipFromParty"]["partyId"]},
    }


def acknowledgement(order: dict[str, Any]) -> dict[str, Any]:
    return {
        "orderAcknowledgements": [
            {
                "purchaseOrderNumber": order["purchaseOrderNumber"],
                "vendorOrderNumber": "V-" + order["purchaseOrderNumber"],
                "acknowledgementDate": now_iso(),
                "acknowledgementStatus": {
                    "code": "00",
                    "description": "Shipping 100 percent of ordered product",
                },
                **parties(order),
                "itemAcknowledgements": [
                    {
                        "itemSequenceNumber": item["itemSequenceNumber"],
                        "buyerProductIdentifier": item["buyerProductIdentifier"],
                        "vendorProductIdentifier": item["vendorProductIdentifier"],
                        "acknowledgedQuantity": {
                            "amount": item["orderedQuantity"]["amount"],
                            "unitOfMeasure": "Each",
                        },
                    }
                    for item in order["orderDetails"]["items"]
                ],
            }
        ]
    }


def containers(
    order: dict[str, Any], version: str, count: int = 1, tracking: list[str] | None = None
) -> list[dict[str, Any]]:
    """``count`` cartons; every line packed in the first one."""
    detail = order["orderDetails"]
    kind = "carton" if version == "v1" else "Carton"
    out = []
    for index in range(count):
        packed = (
            [
                {
                    "itemSequenceNumber": int(item["itemSequenceNumber"]),
                    "buyerProductIdentifier": item["buyerProductIdentifier"],
                    "vendorProductIdentifier": item["vendorProductIdentifier"],
                    "packedQuantity": {
                        "amount": item["orderedQuantity"]["amount"],
                        "unitOfMeasure": "Each",
                    },
                }
                for item in detail["items"]
            ]
            if index == 0
            else []
        )
        container: dict[str, Any] = {
            "containerType": kind,
            "containerIdentifier": f"C{index + 1}",
            "shipMethod": detail["shipmentDetails"]["shipMethod"],
            "dimensions": {"length": "12", "width": "10", "height": "8", "unitOfMeasure": "IN"},
            "weight": {"unitOfMeasure": "LB", "value": "3.5"},
            "packedItems": packed,
        }
        if tracking:
            container["trackingNumber"] = tracking[index]
        out.append(container)
    return out


def label_request(order: dict[str, Any], version: str, count: int = 1) -> dict[str, Any]:
    return {
        "shippingLabelRequests": [
            {
                "purchaseOrderNumber": order["purchaseOrderNumber"],
                **parties(order),
                "containers": containers(order, version, count),
            }
        ]
    }


def confirmation(
    order: dict[str, Any],
    version: str,
    *,
    tracking: list[str] | None = None,
    scac: str | None = None,
    status: str = "SHIPPED",
) -> dict[str, Any]:
    detail = order["orderDetails"]
    packed = containers(order, version, 1, tracking)
    if scac:
        packed[0]["scacCode"] = scac
    return {
        "shipmentConfirmations": [
            {
                "purchaseOrderNumber": order["purchaseOrderNumber"],
                "shipmentDetails": {"shippedDate": now_iso(), "shipmentStatus": status},
                **parties(order),
                "items": [
                    {
                        "itemSequenceNumber": int(item["itemSequenceNumber"]),
                        "buyerProductIdentifier": item["buyerProductIdentifier"],
                        "vendorProductIdentifier": item["vendorProductIdentifier"],
                        "shippedQuantity": {
                            "amount": item["orderedQuantity"]["amount"],
                            "unitOfMeasure": "Each",
                        },
                    }
                    for item in detail["items"]
                ],
                "containers": packed,
            }
        ]
    }


def status_update(order: dict[str, Any], tracking: str) -> dict[str, Any]:
    return {
        "shipmentStatusUpdates": [
            {
                "purchaseOrderNumber": order["purchaseOrderNumber"],
                **parties(order),
                "statusUpdateDetails": {
                    "trackingNumber": tracking,
                    "statusCode": "D1",
                    "reasonCode": "NS",
                    "statusDateTime": now_iso(),
                    "statusLocationAddress": {
                        "name": "Hub",
                        "addressLine1": "1 Main St",
                        "city": "Dallas",
                        "stateOrRegion": "TX",
                        "postalCode": "75247",
                        "countryCode": "US",
                    },
                },
            }
        ]
    }


def edited(body: dict[str, Any], edit: Any) -> dict[str, Any]:
    copied = copy.deepcopy(body)
    edit(copied)
    return copied
