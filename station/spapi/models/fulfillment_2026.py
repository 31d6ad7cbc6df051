"""Fulfillment Outbound 2026-07-04: the shapes the station uses.

Differences from 2020-07-01 that matter to the station: the order is named by ``orderId``;
answers come bare (no ``payload``); ``createOrder`` may answer 202 (accepted, not yet created);
quantities are Decimal strings in ``amount``; money is ``{currencyCode, amount}``; blank box is the
``UNBRANDED`` packaging option.
"""

from __future__ import annotations

from pydantic import AwareDatetime, Field

from station.spapi.models import fulfillment_2020 as f20
from station.spapi.models.common import ApiModel, DecimalString

__all__ = [
    "Address",
    "Amount",
    "CreateOrderAcceptedResponse",
    "CreateOrderLineItem",
    "CreateOrderRequest",
    "CreateOrderResponse",
    "FulfillmentOrder",
    "GetOrderPreviewRequest",
    "GetOrderPreviewResponse",
    "GetOrderResponse",
    "ListOrdersResponse",
    "Money",
    "UpdateOrderRequest",
]


class Address(f20.Address):
    """2020-07-01's address, with a two-letter country code and the customer's e-mail."""

    country_code: str = Field(min_length=2, max_length=2)
    email: str | None = None


class Money(ApiModel):
    currency_code: str
    amount: DecimalString


class Amount(ApiModel):
    unit: str | None = None
    value: DecimalString


class ProductIdentifier(ApiModel):
    amazon_sku: str


class Product(ApiModel):
    product_identifier: ProductIdentifier
    per_unit_declared_value: Money | None = None


class TimeInterval(ApiModel):
    start_time: AwareDatetime
    end_time: AwareDatetime


class ServiceLevel(ApiModel):
    service_tiers: list[str] | None = None
    delivery_interval: TimeInterval | None = None


class PackagingService(ApiModel):
    packaging_option: str | None = None
    overbox: str | None = None


class Services(ApiModel):
    packaging: PackagingService | None = None
    additional: dict[str, str] | None = None


class OrderOrigin(ApiModel):
    country_code: str = Field(min_length=2, max_length=2)


class Destination(ApiModel):
    delivery_address: Address
    delivery_notes: str | None = None


class PreviewLineItem(ApiModel):
    product: Product
    amount: Amount


class PreviewFulfillmentConfiguration(ApiModel):
    service_level: ServiceLevel | None = None
    services: Services | None = None


class GetOrderPreviewRequest(ApiModel):
    channel: str | None = Field(default=None, max_length=40)
    fulfillment_configuration: PreviewFulfillmentConfiguration | None = None
    origin: OrderOrigin | None = None
    destination: Destination
    line_items: list[PreviewLineItem]
    exclude_estimated_fees: bool | None = None


class RollupPrice(ApiModel):
    type: str
    value: Money


class EstimatedPrice(ApiModel):
    rollup_prices: list[RollupPrice]
    total_price: Money


class PreviewOfferServiceLevel(ApiModel):
    service_tier: str | None = None
    delivery_interval: TimeInterval | None = None
    ship_interval: TimeInterval | None = None


class PreviewOfferFulfillmentConfiguration(ApiModel):
    service_level: PreviewOfferServiceLevel | None = None


class PreviewDeliveryOffer(ApiModel):
    estimated_price: EstimatedPrice | None = None
    fulfillment_configuration: PreviewOfferFulfillmentConfiguration | None = None


class PreviewPlannedShipmentItem(ApiModel):
    product_identifier: ProductIdentifier
    amount: Amount


class PreviewPlannedShipment(ApiModel):
    items: list[PreviewPlannedShipmentItem]
    offers: list[PreviewDeliveryOffer] | None = None


class ConstraintDetail(ApiModel):
    type: str
    value: str


class Constraint(ApiModel):
    message: str
    type: str
    code: str
    details: list[ConstraintDetail] | None = None


class GetOrderPreviewResponse(ApiModel):
    planned_shipments: list[PreviewPlannedShipment]
    constraints: list[Constraint] | None = None


class OrderFulfillmentConfiguration(ApiModel):
    service_level: ServiceLevel | None = None
    action: str | None = None
    policy: str | None = None
    services: Services | None = None


class CreateOrderLineItem(ApiModel):
    line_item_id: str
    product: Product
    amount: Amount


class CreateOrderRequest(ApiModel):
    order_id: str = Field(max_length=40)
    channel: str | None = Field(default=None, max_length=40)
    fulfillment_configuration: OrderFulfillmentConfiguration | None = None
    origin: OrderOrigin | None = None
    destination: Destination
    line_items: list[CreateOrderLineItem]


class OrderLineItem(ApiModel):
    line_item_id: str
    product: Product
    amount: Amount
    cancelled_amount: Amount | None = None
    unfulfillable_amount: Amount | None = None


class CarrierTracking(ApiModel):
    carrier_code: str
    tracking_number: str | None = None
    tracking_url: str | None = None


class AmazonTracking(ApiModel):
    tracking_number: str | None = None
    tracking_url: str | None = None


class Tracking(ApiModel):
    carrier: CarrierTracking | None = None
    amazon: AmazonTracking | None = None


class Package(ApiModel):
    package_id: str
    delivery_time: AwareDatetime | None = None
    status: str | None = None
    tracking: Tracking | None = None
    shipment_item_ids: list[str] | None = None


class ShipmentItem(ApiModel):
    product_identifier: ProductIdentifier
    line_item_id: str
    amount: Amount
    package_id: str | None = None


class AmazonFacility(ApiModel):
    facility_id: str


class Shipment(ApiModel):
    amazon_shipment_id: str
    amazon_facility: AmazonFacility
    status: str
    ship_time: AwareDatetime | None = None
    delivery_time: AwareDatetime | None = None
    items: list[ShipmentItem]
    packages: list[Package] | None = None


class FulfillmentOrder(ApiModel):
    order_id: str
    channel: str | None = None
    receive_time: AwareDatetime
    status: str | None = None
    status_update_time: AwareDatetime | None = None
    fulfillment_configuration: OrderFulfillmentConfiguration | None = None
    destination: Destination | None = None
    line_items: list[OrderLineItem]
    shipments: list[Shipment] | None = None


class CreateOrderResponse(ApiModel):
    order: FulfillmentOrder


class CreateOrderAcceptedResponse(ApiModel):
    order_id: str
    status: str


class GetOrderResponse(ApiModel):
    order: FulfillmentOrder


class Pagination(ApiModel):
    next_token: str | None = None


class ListOrdersResponse(ApiModel):
    orders: list[FulfillmentOrder]
    pagination: Pagination | None = None


class UpdateOrderFulfillmentConfiguration(ApiModel):
    action: str | None = None


class UpdateOrderRequest(ApiModel):
    fulfillment_configuration: UpdateOrderFulfillmentConfiguration | None = None


class Empty(ApiModel):
    """The bare object of cancelOrder and updateOrder (202)."""


class OfferItem(ApiModel):
    product_identifier: ProductIdentifier | None = None


class OfferFulfillmentConfiguration(ApiModel):
    service_level: ServiceLevel | None = None


class OfferDestination(ApiModel):
    delivery_address: dict[str, str] | None = None
    ip_address: str | None = None


class GetOffersRequest(ApiModel):
    fulfillment_configuration: OfferFulfillmentConfiguration | None = None
    origin: OrderOrigin
    destination: OfferDestination | None = None
    items: list[OfferItem]


class OfferServiceLevel(ApiModel):
    service_tier: str | None = None
    delivery_interval: TimeInterval | None = None


class OfferOptionFulfillmentConfiguration(ApiModel):
    service_level: OfferServiceLevel | None = None


class OfferOption(ApiModel):
    expiry_time: AwareDatetime | None = None
    fulfillment_configuration: OfferOptionFulfillmentConfiguration | None = None


class OfferResult(ApiModel):
    item: OfferItem | None = None
    offers: list[OfferOption] | None = None
    constraints: list[Constraint] | None = None


class GetOffersResponse(ApiModel):
    offer_results: list[OfferResult] | None = None
