"""The shipment confirmation, built from the order, its labels and the packed cartons.

The body is built with the SP-API client's models for the configured API version (so its shape is
the one the client sends), then checked against Amazon's rules (``station.workflow.rules``)
before the outbox records it. What the outbox stores is the wire JSON of a whole
``SubmitShipmentConfirmationsRequest`` with this one confirmation: a resend after a crash sends
exactly the recorded bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from station.config import Region, WarehouseSettings
from station.errors import WorkflowError
from station.spapi.models import shipping_2021 as s21
from station.spapi.models import shipping_v1 as s1
from station.spapi.models.common import to_wire
from station.workflow.containers import Box
from station.workflow.gateway import ApiVersion
from station.workflow.labels import LabelSet
from station.workflow.order import PackOrder
from station.workflow.rules import check_confirmation

__all__ = ["build_confirmation", "confirmation_of", "container_identifier"]


def container_identifier(po: str, number: int) -> str:
    """Our id of carton ``number`` (1-based), used in label requests and confirmations alike."""
    return f"{po}-{number}"


def build_confirmation(
    order: PackOrder,
    labels: LabelSet | None,
    boxes: Sequence[Box],
    contents: Sequence[Mapping[int, int]],
    *,
    api_version: ApiVersion,
    warehouse: WarehouseSettings | None,
    region: Region,
    shipped_at: datetime,
    now: datetime,
) -> dict[str, Any]:
    """The checked wire JSON of a ``SubmitShipmentConfirmationsRequest`` for ``order``.

    ``contents[i]`` is what ``boxes[i]`` holds (``containers.allocate``). Raises
    ConfirmationRuleError for a broken rule and WorkflowError when the models refuse the body.
    """
    po = order.purchase_order_number
    packages = labels.packages if labels is not None else ()
    voc = warehouse is not None and warehouse.vendor_own_carrier
    containers: list[dict[str, Any]] = []
    for index, (box, held) in enumerate(zip(boxes, contents, strict=True)):
        package = packages[index] if index < len(packages) else None
        container: dict[str, Any] = {
            "container_type": "carton" if api_version == "v1" else "Carton",
            "container_identifier": (package.package_identifier if package else None)
            or container_identifier(po, index + 1),
            "container_sequence_number": index + 1,
            "tracking_number": package.tracking_number if package else None,
            "ship_method": (package.ship_method if package else None) or order.ship_method,
            "dimensions": {
                "length": box.length,
                "width": box.width,
                "height": box.height,
                "unit_of_measure": box.dimension_unit,
            },
            "weight": {"value": box.weight, "unit_of_measure": box.weight_unit},
            "packed_items": [
                {
                    "item_sequence_number": seq,
                    "buyer_product_identifier": order.line(seq).buyer_product_identifier,
                    "vendor_product_identifier": order.line(seq).vendor_product_identifier,
                    "packed_quantity": {"amount": qty, "unit_of_measure": "Each"},
                }
                for seq, qty in sorted(held.items())
                if qty > 0
            ],
        }
        if voc and warehouse is not None:
            if region == "eu":
                container["carrier"] = warehouse.carrier
            else:
                container["scac_code"] = warehouse.scac_code
        containers.append(container)
    confirmation = {
        "purchase_order_number": po,
        "shipment_details": {
            "shipped_date": shipped_at,
            "shipment_status": "SHIPPED",
            "is_priority_shipment": order.is_priority,
        },
        "selling_party": {"party_id": order.selling_party_id},
        "ship_from_party": {"party_id": order.ship_from_party_id},
        "items": [
            {
                "item_sequence_number": line.item_sequence_number,
                "buyer_product_identifier": line.buyer_product_identifier,
                "vendor_product_identifier": line.vendor_product_identifier,
                "shipped_quantity": {"amount": line.quantity, "unit_of_measure": "Each"},
            }
            for line in order.lines
        ],
        "containers": containers,
    }
    module: Any = s1 if api_version == "v1" else s21
    try:
        request = module.SubmitShipmentConfirmationsRequest.model_validate(
            {"shipment_confirmations": [confirmation]}
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise WorkflowError(
            f"The confirmation of PO {po} is not valid: {where}: {first.get('msg')}",
            hint="Check the cartons; if it persists, report this to support.",
        ) from None
    body = to_wire(request)
    check_confirmation(
        order,
        labels,
        body["shipmentConfirmations"][0],
        warehouse=warehouse,
        region=region,
        now=now,
    )
    return body


def confirmation_of(body: Mapping[str, Any]) -> Mapping[str, Any]:
    """The one ``ShipmentConfirmation`` inside a recorded request body."""
    confirmations = body.get("shipmentConfirmations") or []
    if len(confirmations) != 1:
        raise WorkflowError("A recorded confirmation must hold exactly one PO")
    first: Mapping[str, Any] = confirmations[0]
    return first
