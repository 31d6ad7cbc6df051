"""DF Shipping v1 models: containers are ``carton|pallet`` (lower case) in this version."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import AwareDatetime, Field

from station.spapi.models.common import ApiModel, DecimalString, PurchaseOrderNumber
from station.spapi.models.shipping_common import (
    Address,
    CustomerInvoice,
    CustomerInvoiceList,
    Dimensions,
    Item,
    ItemQuantity,
    LabelData,
    PackingSlip,
    PackingSlipList,
    PartyIdentification,
    ShipmentDetails,
    ShippingLabel,
    ShippingLabelList,
    TaxRegistrationDetails,
    Weight,
)

__all__ = [
    "Address",
    "Container",
    "CustomerInvoice",
    "CustomerInvoiceList",
    "DecimalString",
    "Dimensions",
    "Item",
    "ItemQuantity",
    "LabelData",
    "PackedItem",
    "PackingSlip",
    "PackingSlipList",
    "PartyIdentification",
    "ShipmentConfirmation",
    "ShipmentDetails",
    "ShipmentStatusUpdate",
    "ShippingLabel",
    "ShippingLabelList",
    "ShippingLabelRequest",
    "StatusUpdateDetails",
    "SubmitShipmentConfirmationsRequest",
    "SubmitShipmentStatusUpdatesRequest",
    "SubmitShippingLabelsRequest",
    "TaxRegistrationDetails",
    "Weight",
]


class PackedItem(ApiModel):
    item_sequence_number: int
    buyer_product_identifier: str | None = None
    vendor_product_identifier: str | None = None
    packed_quantity: ItemQuantity


class Container(ApiModel):
    container_type: Literal["carton", "pallet"]
    container_identifier: str
    tracking_number: str | None = None
    manifest_id: str | None = None
    manifest_date: str | None = None
    ship_method: str | None = None
    scac_code: str | None = None
    carrier: str | None = None
    container_sequence_number: int | None = None
    dimensions: Dimensions | None = None
    weight: Weight
    packed_items: list[PackedItem]


class ShippingLabelRequest(ApiModel):
    purchase_order_number: PurchaseOrderNumber
    selling_party: PartyIdentification
    ship_from_party: PartyIdentification
    containers: list[Container] | None = None


class SubmitShippingLabelsRequest(ApiModel):
    shipping_label_requests: list[ShippingLabelRequest] = Field(min_length=1)


class ShipmentConfirmation(ApiModel):
    purchase_order_number: PurchaseOrderNumber
    shipment_details: ShipmentDetails
    selling_party: PartyIdentification
    ship_from_party: PartyIdentification
    items: list[Item] = Field(min_length=1)
    containers: list[Container] | None = None


class SubmitShipmentConfirmationsRequest(ApiModel):
    shipment_confirmations: list[ShipmentConfirmation] = Field(min_length=1)


class StatusUpdateDetails(ApiModel):
    tracking_number: str
    status_code: str
    reason_code: str
    status_date_time: AwareDatetime
    status_location_address: Address
    shipment_schedule: dict[str, Any] | None = None


class ShipmentStatusUpdate(ApiModel):
    purchase_order_number: PurchaseOrderNumber
    selling_party: PartyIdentification
    ship_from_party: PartyIdentification
    status_update_details: StatusUpdateDetails


class SubmitShipmentStatusUpdatesRequest(ApiModel):
    shipment_status_updates: list[ShipmentStatusUpdate] = Field(min_length=1)
