"""Shipping models that are identical in DF Shipping v1 and 2021-12-28.

The two versions differ only where containers appear (``carton|pallet`` vs ``Carton|Pallet``,
``pieceNumber``) and in the 2021 extras; everything else is shared here so a fix lands once.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime

from station.spapi.models.common import (
    ApiModel,
    DecimalString,
    Pagination,
    PostalAddress,
    PurchaseOrderNumber,
)

__all__ = [
    "Address",
    "CustomerInvoice",
    "CustomerInvoiceList",
    "Dimensions",
    "Item",
    "ItemQuantity",
    "LabelData",
    "PackingSlip",
    "PackingSlipList",
    "PartyIdentification",
    "ShipmentDetails",
    "ShippingLabel",
    "ShippingLabelList",
    "TaxRegistrationDetails",
    "Weight",
]


class Address(PostalAddress):
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
    tax_registration_details: list[TaxRegistrationDetails] | None = None


class ItemQuantity(ApiModel):
    amount: int
    unit_of_measure: str


class Item(ApiModel):
    """A shipped line. ``item_sequence_number`` is an integer here, unlike Orders' ``"00001"``."""

    item_sequence_number: int
    buyer_product_identifier: str | None = None
    vendor_product_identifier: str | None = None
    shipped_quantity: ItemQuantity


class Dimensions(ApiModel):
    length: DecimalString
    width: DecimalString
    height: DecimalString
    unit_of_measure: Literal["IN", "CM"]


class Weight(ApiModel):
    unit_of_measure: Literal["KG", "LB"]
    value: DecimalString


class ShipmentDetails(ApiModel):
    shipped_date: AwareDatetime
    shipment_status: Literal["SHIPPED", "FLOOR_DENIAL"]
    is_priority_shipment: bool | None = None
    vendor_order_number: str | None = None
    estimated_delivery_date: AwareDatetime | None = None


class LabelData(ApiModel):
    package_identifier: str | None = None
    tracking_number: str | None = None
    ship_method: str | None = None
    ship_method_name: str | None = None
    content: str

    def __repr__(self) -> str:
        return (
            f"LabelData(package_identifier={self.package_identifier!r}, "
            f"tracking_number={self.tracking_number!r}, content=<{len(self.content)} chars>)"
        )


class ShippingLabel(ApiModel):
    purchase_order_number: PurchaseOrderNumber
    selling_party: PartyIdentification
    ship_from_party: PartyIdentification
    label_format: Literal["PNG", "ZPL"]
    label_data: list[LabelData]


class ShippingLabelList(ApiModel):
    pagination: Pagination | None = None
    shipping_labels: list[ShippingLabel] | None = None


class PackingSlip(ApiModel):
    purchase_order_number: PurchaseOrderNumber
    content: str
    content_type: Literal["application/pdf"] | None = None

    def __repr__(self) -> str:
        return (
            f"PackingSlip(purchase_order_number={self.purchase_order_number!r}, "
            f"content=<{len(self.content)} chars>)"
        )


class PackingSlipList(ApiModel):
    pagination: Pagination | None = None
    packing_slips: list[PackingSlip] | None = None


class CustomerInvoice(ApiModel):
    purchase_order_number: PurchaseOrderNumber
    content: str

    def __repr__(self) -> str:
        return (
            f"CustomerInvoice(purchase_order_number={self.purchase_order_number!r}, "
            f"content=<{len(self.content)} chars>)"
        )


class CustomerInvoiceList(ApiModel):
    pagination: Pagination | None = None
    customer_invoices: list[CustomerInvoice] | None = None
