"""The order as the packing flow sees it, whichever API version it came from.

Orders v1 and 2021-12-28 differ in details the packer never sees; this is the one shape the
workflow, the journal and the GUI share. It holds no customer address: only the ship-to country,
which decides whether a customer invoice is needed (India).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from station.errors import ResponseFormatError
from station.spapi.models import orders_common as orders
from station.workflow.answers import OrderRefusedError


class OrderStatus(StrEnum):
    NEW = "NEW"
    ACCEPTED = "ACCEPTED"
    SHIPPED = "SHIPPED"
    CANCELLED = "CANCELLED"
    UNKNOWN = "UNKNOWN"  # Amazon left orderStatus out (it is optional)


@dataclass(frozen=True)
class OrderLine:
    """One PO line. ``item_sequence_number`` is the integer Shipping expects (Orders: "00001")."""

    item_sequence_number: int
    buyer_product_identifier: str | None  # ASIN
    vendor_product_identifier: str | None  # vendor SKU / EAN
    title: str
    quantity: int
    order_item_sequence_number: str  # as received from Orders, for acknowledgements

    @property
    def identifiers(self) -> frozenset[str]:
        """What scanning this item may produce (ASIN, SKU/EAN), for item verification."""
        return frozenset(
            i for i in (self.buyer_product_identifier, self.vendor_product_identifier) if i
        )


@dataclass(frozen=True)
class PackOrder:
    purchase_order_number: str
    status: OrderStatus
    order_date: datetime
    required_ship_date: datetime | None
    ship_method: str
    is_priority: bool
    is_pslip_required: bool
    is_gift: bool
    gift_message: str
    selling_party_id: str
    ship_from_party_id: str
    ship_to_country: str
    lines: tuple[OrderLine, ...]
    customer_order_number: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:
        return (
            f"PackOrder({self.purchase_order_number!r}, status={self.status.value}, "
            f"lines={len(self.lines)}, ship_from={self.ship_from_party_id!r})"
        )

    @property
    def needs_customer_invoice(self) -> bool:
        return self.ship_to_country.upper() == "IN"

    @property
    def total_units(self) -> int:
        return sum(line.quantity for line in self.lines)

    def line(self, item_sequence_number: int) -> OrderLine:
        for line in self.lines:
            if line.item_sequence_number == item_sequence_number:
                return line
        raise KeyError(item_sequence_number)

    @classmethod
    def from_api(cls, order: orders.Order) -> PackOrder:
        """Build from an Orders v1 or 2021-12-28 ``Order``.

        Schema-valid orders the flow cannot pack (no details, no items, a line without a
        quantity, two lines with one sequence number) are refused with
        :class:`OrderRefusedError`, one PO at a time: nothing is acknowledged or shipped for them.
        """
        po = order.purchase_order_number
        details = order.order_details
        if details is None:
            raise ResponseFormatError(
                f"Amazon returned PO {po} without its order details", operation="getOrder"
            )
        if not details.items:
            raise OrderRefusedError(f"PO {po} has no items: there is nothing to pack")
        lines = []
        seen: set[int] = set()
        for item in details.items:
            try:
                sequence = int(item.item_sequence_number)
            except ValueError:
                raise OrderRefusedError(
                    f"PO {po} has a line with a non-numeric item sequence number "
                    f"{item.item_sequence_number[:20]!r}"
                ) from None
            if sequence in seen:
                raise OrderRefusedError(f"PO {po} has two lines numbered {sequence}")
            seen.add(sequence)
            if not item.ordered_quantity.amount or item.ordered_quantity.amount < 1:
                raise OrderRefusedError(
                    f"PO {po} line {sequence} has no quantity ({item.ordered_quantity.amount})"
                )
            lines.append(
                OrderLine(
                    item_sequence_number=sequence,
                    buyer_product_identifier=item.buyer_product_identifier,
                    vendor_product_identifier=item.vendor_product_identifier,
                    title=item.title or "",
                    quantity=item.ordered_quantity.amount or 0,
                    order_item_sequence_number=item.item_sequence_number,
                )
            )
        shipment = details.shipment_details
        gift_messages = [
            i.gift_details.gift_message
            for i in details.items
            if i.gift_details is not None and i.gift_details.gift_message
        ]
        try:
            status = OrderStatus(details.order_status or "UNKNOWN")
        except ValueError:
            status = OrderStatus.UNKNOWN
        return cls(
            purchase_order_number=po,
            status=status,
            order_date=details.order_date,
            required_ship_date=shipment.shipment_dates.required_ship_date,
            ship_method=shipment.ship_method,
            is_priority=shipment.is_priority_shipment,
            is_pslip_required=shipment.is_pslip_required,
            is_gift=bool(shipment.is_gift) or bool(gift_messages),
            gift_message=" / ".join(gift_messages),
            selling_party_id=details.selling_party.party_id,
            ship_from_party_id=details.ship_from_party.party_id,
            ship_to_country=details.ship_to_party.country_code,
            lines=tuple(lines),
            customer_order_number=details.customer_order_number,
        )
