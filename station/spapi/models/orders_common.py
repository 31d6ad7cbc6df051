"""DF Orders models shared by v1 and 2021-12-28 (the versions differ only in a few extras).

Note the differences from Shipping: ``itemSequenceNumber`` is a string (``"00001"``), the ship-to
address requires ``stateOrRegion``, and a party carries one ``taxInfo`` instead of a list.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BeforeValidator, Field

from station.spapi.models.common import ApiModel, DecimalString, Pagination, PostalAddress

__all__ = [
    "AcknowledgementStatus",
    "Address",
    "BuyerCustomizedInfoDetail",
    "GiftDetails",
    "ItemQuantity",
    "Money",
    "Order",
    "OrderAcknowledgementItem",
    "OrderDetails",
    "OrderItem",
    "OrderItemAcknowledgement",
    "OrderList",
    "PartyIdentification",
    "ScheduledDeliveryShipment",
    "ShipmentDates",
    "ShipmentDetails",
    "SubmitAcknowledgementRequest",
    "TaxDetails",
    "TaxItemDetails",
    "TaxRegistrationDetails",
    "TransactionId",
]


class Address(PostalAddress):
    state_or_region: str
    attention: str | None = None
    county: str | None = None
    district: str | None = None


class TaxRegistrationDetails(ApiModel):
    tax_registration_type: Literal["VAT", "GST"] | None = None
    tax_registration_number: str
    tax_registration_address: Address | None = None
    tax_registration_messages: str | None = None


class PartyIdentification(ApiModel):
    party_id: str
    address: Address | None = None
    tax_info: TaxRegistrationDetails | None = None


class Money(ApiModel):
    currency_code: str | None = None
    amount: DecimalString | None = None


class TaxDetails(ApiModel):
    tax_rate: DecimalString | None = None
    tax_amount: Money
    taxable_amount: Money | None = None
    type: Literal["CONSUMPTION", "GST", "MwSt.", "PST", "TOTAL", "TVA", "VAT"] | None = None


class TaxItemDetails(ApiModel):
    tax_line_item: list[TaxDetails] | None = None


def _each(value: Any) -> Any:
    # Amazon's own examples send "EACH" where the enum says "Each": accept any case, send "Each".
    if isinstance(value, str) and value.lower() == "each":
        return "Each"
    return value


class ItemQuantity(ApiModel):
    amount: int | None = None
    unit_of_measure: Annotated[Literal["Each"], BeforeValidator(_each)] | None = None


class ScheduledDeliveryShipment(ApiModel):
    scheduled_delivery_service_type: str | None = None
    earliest_nominated_delivery_date: datetime | None = None
    latest_nominated_delivery_date: datetime | None = None


class GiftDetails(ApiModel):
    gift_message: str | None = None
    gift_wrap_id: str | None = None


class BuyerCustomizedInfoDetail(ApiModel):
    customized_url: str | None = None


class OrderItem(ApiModel):
    """An ordered line. ``item_sequence_number`` is a string here (``"00001"``); Shipping wants
    the same number as an integer."""

    item_sequence_number: str
    buyer_product_identifier: str | None = None
    vendor_product_identifier: str | None = None
    title: str | None = None
    ordered_quantity: ItemQuantity
    scheduled_delivery_shipment: ScheduledDeliveryShipment | None = None
    gift_details: GiftDetails | None = None
    net_price: Money
    tax_details: TaxItemDetails | None = None
    total_price: Money | None = None
    buyer_customized_info: BuyerCustomizedInfoDetail | None = None


class ShipmentDates(ApiModel):
    required_ship_date: datetime
    promised_delivery_date: datetime | None = None


class ShipmentDetails(ApiModel):
    is_priority_shipment: bool
    is_scheduled_delivery_shipment: bool | None = None
    is_pslip_required: bool
    is_gift: bool | None = None
    ship_method: str
    shipment_dates: ShipmentDates
    message_to_customer: str


class OrderDetails(ApiModel):
    customer_order_number: str
    order_date: datetime
    order_status: Literal["NEW", "SHIPPED", "ACCEPTED", "CANCELLED"] | None = None
    shipment_details: ShipmentDetails
    tax_total: TaxItemDetails | None = None
    selling_party: PartyIdentification
    ship_from_party: PartyIdentification
    ship_to_party: Address
    bill_to_party: PartyIdentification
    has_customizable_items: bool | None = None
    items: list[OrderItem]


class Order(ApiModel):
    purchase_order_number: str
    order_details: OrderDetails | None = None


class OrderList(ApiModel):
    pagination: Pagination | None = None
    orders: list[Order] | None = None


class AcknowledgementStatus(ApiModel):
    code: str | None = None
    description: str | None = None


class OrderItemAcknowledgement(ApiModel):
    item_sequence_number: str
    buyer_product_identifier: str | None = None
    vendor_product_identifier: str | None = None
    acknowledged_quantity: ItemQuantity


class OrderAcknowledgementItem(ApiModel):
    purchase_order_number: str
    vendor_order_number: str
    acknowledgement_date: AwareDatetime
    acknowledgement_status: AcknowledgementStatus
    selling_party: PartyIdentification
    ship_from_party: PartyIdentification
    item_acknowledgements: list[OrderItemAcknowledgement] = Field(min_length=1)


class SubmitAcknowledgementRequest(ApiModel):
    order_acknowledgements: list[OrderAcknowledgementItem] = Field(min_length=1)


class TransactionId(ApiModel):
    transaction_id: str | None = None
