"""DF Shipping 2021-12-28 models: ``Carton|Pallet`` (capitalised), ``pieceNumber``, container labels
and the synchronous ``createShippingLabels``. Responses are not wrapped in ``payload``."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field

from station.spapi.models.common import ApiModel, PurchaseOrderNumber
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
    "ContainerLabel",
    "CreateContainerLabelRequest",
    "CreateContainerLabelResponse",
    "CreateShippingLabelsRequest",
    "CustomerInvoice",
    "CustomerInvoiceList",
    "Dimensions",
    "Item",
    "ItemQuantity",
    "LabelData",
    "Package",
    "PackedItem",
    "PackingSlip",
    "PackingSlipList",
    "PartyIdentification",
    "ShipmentConfirmation",
    "ShipmentDetails",
    "ShipmentSchedule",
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
    piece_number: int | None = None
    vendor_product_identifier: str | None = None
    packed_quantity: ItemQuantity


class Container(ApiModel):
    container_type: Literal["Carton", "Pallet"]
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


class CreateShippingLabelsRequest(ApiModel):
    selling_party: PartyIdentification
    ship_from_party: PartyIdentification
    containers: list[Container] | None = None


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


class ShipmentSchedule(ApiModel):
    estimated_delivery_date_time: AwareDatetime | None = None
    appt_window_start_date_time: AwareDatetime | None = None
    appt_window_end_date_time: AwareDatetime | None = None


class StatusUpdateDetails(ApiModel):
    tracking_number: str
    status_code: str
    reason_code: str
    status_date_time: AwareDatetime
    status_location_address: Address
    shipment_schedule: ShipmentSchedule | None = None


class ShipmentStatusUpdate(ApiModel):
    purchase_order_number: PurchaseOrderNumber
    selling_party: PartyIdentification
    ship_from_party: PartyIdentification
    status_update_details: StatusUpdateDetails


class SubmitShipmentStatusUpdatesRequest(ApiModel):
    shipment_status_updates: list[ShipmentStatusUpdate] = Field(min_length=1)


class Package(ApiModel):
    package_tracking_number: str


class CreateContainerLabelRequest(ApiModel):
    selling_party: PartyIdentification
    ship_from_party: PartyIdentification
    carrier_id: Literal["SWA"]
    vendor_container_id: str
    packages: list[Package]


class ContainerLabel(ApiModel):
    container_tracking_number: str | None = None
    content: str
    format: Literal["PNG", "ZPL"]

    def __repr__(self) -> str:
        return (
            f"ContainerLabel(container_tracking_number={self.container_tracking_number!r}, "
            f"format={self.format!r}, content=<{len(self.content)} chars>)"
        )


class CreateContainerLabelResponse(ApiModel):
    container_label: ContainerLabel
