"""Amazon's documented rules for a shipment confirmation, checked here before anything is sent.

A 202 from Amazon only means "received": a confirmation that breaks a rule fails minutes later in
its transaction, when the packer has moved on and the carton is on the truck. So every rule we
know is checked locally on the *built* request body (not on the packer's input): whatever builds
the body, nothing that breaks a rule is recorded in the outbox.

Each broken rule is a :class:`RuleViolation` with a stable code, so the GUI can point at the
field and tests can name the rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from station.config import Region, WarehouseSettings
from station.errors import WorkflowError
from station.workflow.labels import LabelSet
from station.workflow.order import PackOrder

__all__ = [
    "RULE_CODES",
    "ConfirmationRuleError",
    "RuleViolation",
    "check_confirmation",
]

RULE_CODES = (
    "WRONG_PO",
    "SHIP_FROM_MISMATCH",
    "SELLING_PARTY_MISMATCH",
    "MISSING_LINE_ITEMS",
    "UNKNOWN_LINE",
    "ITEM_SEQUENCE_NOT_INTEGER",
    "PARTIAL_SHIPMENT",
    "PRODUCT_IDENTIFIER_MISMATCH",
    "NO_CONTAINERS",
    "EMPTY_CONTAINER",
    "INVALID_CONTAINER_WEIGHT",
    "MISSING_SHIP_METHOD",
    "SHIP_METHOD_MISMATCH",
    "MISSING_SCAC_CODE",
    "MISSING_CARRIER",
    "MISSING_TRACKING_NUMBER",
    "TRACKING_NUMBER_MISMATCH",
    "SHIPPED_DATE_IN_FUTURE",
    "SHIPPED_DATE_TOO_OLD",
)

#: Amazon expects the confirmation within 4 hours of shipping; older shippedDates are refused.
MAX_CONFIRMATION_DELAY_HOURS = 4


@dataclass(frozen=True)
class RuleViolation:
    code: str
    message: str


class ConfirmationRuleError(WorkflowError):
    """The confirmation breaks one or more of Amazon's rules; nothing was recorded or sent."""

    default_hint = "Correct the cartons (or the settings named above) and confirm again."

    def __init__(self, violations: Sequence[RuleViolation], *, hint: str | None = None) -> None:
        self.violations = tuple(violations)
        text = "; ".join(v.message for v in self.violations)
        super().__init__(f"The shipment cannot be confirmed: {text}", hint=hint)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(v.code for v in self.violations)


def _positive(value: Any) -> bool:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return False
    return number.is_finite() and number > 0


def _check_items(order: PackOrder, items: Sequence[Mapping[str, Any]]) -> list[RuleViolation]:
    found: list[RuleViolation] = []
    lines = {line.item_sequence_number: line for line in order.lines}
    seen: set[int] = set()
    for item in items:
        seq = item.get("itemSequenceNumber")
        if isinstance(seq, bool) or not isinstance(seq, int):
            found.append(
                RuleViolation(
                    "ITEM_SEQUENCE_NOT_INTEGER",
                    f"itemSequenceNumber {seq!r} must be the order's line number as an integer",
                )
            )
            continue
        line = lines.get(seq)
        if line is None or seq in seen:
            found.append(RuleViolation("UNKNOWN_LINE", f"line {seq} is not on the PO or repeated"))
            continue
        seen.add(seq)
        buyer = item.get("buyerProductIdentifier")
        vendor = item.get("vendorProductIdentifier")
        if (buyer is None and vendor is None) or (
            buyer is not None and buyer != line.buyer_product_identifier
        ):
            found.append(
                RuleViolation(
                    "PRODUCT_IDENTIFIER_MISMATCH",
                    f"line {seq}: the ASIN must be the order's ({line.buyer_product_identifier})",
                )
            )
        elif vendor is not None and vendor != line.vendor_product_identifier:
            found.append(
                RuleViolation(
                    "PRODUCT_IDENTIFIER_MISMATCH",
                    f"line {seq}: the vendor SKU must be the order's "
                    f"({line.vendor_product_identifier})",
                )
            )
        amount = (item.get("shippedQuantity") or {}).get("amount")
        if amount != line.quantity:
            found.append(
                RuleViolation(
                    "PARTIAL_SHIPMENT",
                    f"line {seq}: {amount} shipped but {line.quantity} ordered (no partial "
                    "shipments)",
                )
            )
    missing = sorted(set(lines) - seen)
    if missing:
        found.append(
            RuleViolation(
                "MISSING_LINE_ITEMS",
                f"line(s) {', '.join(map(str, missing))} are missing (every line must ship)",
            )
        )
    return found


def _check_containers(
    order: PackOrder,
    labels: LabelSet | None,
    containers: Sequence[Mapping[str, Any]],
    warehouse: WarehouseSettings | None,
    region: Region,
) -> list[RuleViolation]:
    if not containers:
        return [RuleViolation("NO_CONTAINERS", "there are no cartons (Amazon: EMPTY_PACKAGES)")]
    found: list[RuleViolation] = []
    packages = labels.packages if labels is not None else ()
    if packages and len(packages) != len(containers):
        found.append(
            RuleViolation(
                "TRACKING_NUMBER_MISMATCH",
                f"{len(containers)} carton(s) but the label has {len(packages)} package(s)",
            )
        )
    voc = warehouse is not None and warehouse.vendor_own_carrier
    packed: dict[int, int] = {}
    for index, container in enumerate(containers):
        name = f"carton {index + 1}"
        items = container.get("packedItems") or []
        if not items:
            found.append(RuleViolation("EMPTY_CONTAINER", f"{name} holds nothing"))
        weight = (container.get("weight") or {}).get("value")
        if not _positive(weight):
            found.append(RuleViolation("INVALID_CONTAINER_WEIGHT", f"{name} needs a weight"))
        method = container.get("shipMethod")
        package = packages[index] if index < len(packages) else None
        expected_method = (package.ship_method if package else None) or order.ship_method
        if not method:
            found.append(RuleViolation("MISSING_SHIP_METHOD", f"{name} needs a shipMethod"))
        elif method != expected_method:
            found.append(
                RuleViolation(
                    "SHIP_METHOD_MISMATCH",
                    f"{name}: shipMethod {method} is not the label's ({expected_method})",
                )
            )
        tracking = container.get("trackingNumber")
        if package is not None and package.tracking_number and tracking != package.tracking_number:
            found.append(
                RuleViolation(
                    "TRACKING_NUMBER_MISMATCH",
                    f"{name}: tracking number {tracking} is not its label's "
                    f"({package.tracking_number})",
                )
            )
        if voc:
            assert warehouse is not None
            if not tracking:
                found.append(
                    RuleViolation(
                        "MISSING_TRACKING_NUMBER", f"{name} needs the carrier's tracking number"
                    )
                )
            if region == "eu":
                if not container.get("carrier") or container.get("carrier") != warehouse.carrier:
                    found.append(
                        RuleViolation(
                            "MISSING_CARRIER",
                            f"{name} needs the carrier of vendor-own-carrier warehouse "
                            f"{warehouse.code}",
                        )
                    )
            elif not container.get("scacCode") or container.get("scacCode") != warehouse.scac_code:
                found.append(
                    RuleViolation(
                        "MISSING_SCAC_CODE",
                        f"{name} needs the SCAC code of vendor-own-carrier warehouse "
                        f"{warehouse.code}",
                    )
                )
        for packed_item in items:
            seq = packed_item.get("itemSequenceNumber")
            qty = (packed_item.get("packedQuantity") or {}).get("amount")
            if isinstance(seq, int) and isinstance(qty, int):
                packed[seq] = packed.get(seq, 0) + qty
    ordered = {line.item_sequence_number: line.quantity for line in order.lines}
    if packed != ordered:
        found.append(
            RuleViolation(
                "PARTIAL_SHIPMENT",
                "the cartons do not hold exactly what was ordered (no partial shipments)",
            )
        )
    return found


def check_confirmation(
    order: PackOrder,
    labels: LabelSet | None,
    confirmation: Mapping[str, Any],
    *,
    warehouse: WarehouseSettings | None,
    region: Region,
    now: datetime,
) -> None:
    """Raise :class:`ConfirmationRuleError` naming every broken rule of one ``ShipmentConfirmation``
    (its wire JSON, either API version)."""
    found: list[RuleViolation] = []
    po = order.purchase_order_number
    if confirmation.get("purchaseOrderNumber") != po:
        found.append(RuleViolation("WRONG_PO", f"the confirmation is not for PO {po}"))
    if (confirmation.get("shipFromParty") or {}).get("partyId") != order.ship_from_party_id:
        found.append(
            RuleViolation(
                "SHIP_FROM_MISMATCH",
                f"shipFromParty must be the order's {order.ship_from_party_id}",
            )
        )
    if (confirmation.get("sellingParty") or {}).get("partyId") != order.selling_party_id:
        found.append(
            RuleViolation(
                "SELLING_PARTY_MISMATCH",
                f"sellingParty must be the order's {order.selling_party_id}",
            )
        )
    details = confirmation.get("shipmentDetails") or {}
    shipped_text = details.get("shippedDate")
    try:
        shipped = datetime.fromisoformat(str(shipped_text).replace("Z", "+00:00"))
    except ValueError:
        shipped = None
    if shipped is None or shipped.tzinfo is None:
        found.append(RuleViolation("SHIPPED_DATE_IN_FUTURE", "shippedDate is not a UTC time"))
    elif shipped > now:
        found.append(
            RuleViolation("SHIPPED_DATE_IN_FUTURE", "shippedDate must not be in the future")
        )
    elif (now - shipped).total_seconds() > MAX_CONFIRMATION_DELAY_HOURS * 3600:
        found.append(
            RuleViolation(
                "SHIPPED_DATE_TOO_OLD",
                f"shippedDate is more than {MAX_CONFIRMATION_DELAY_HOURS} hours ago "
                "(confirm within 4 hours of shipping)",
            )
        )
    found += _check_items(order, confirmation.get("items") or [])
    found += _check_containers(
        order, labels, confirmation.get("containers") or [], warehouse, region
    )
    if found:
        raise ConfirmationRuleError(found)
