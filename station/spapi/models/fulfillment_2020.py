"""Fulfillment Outbound (Multi-Channel Fulfillment) 2020-07-01: the shapes the station uses.

Answers are wrapped in ``payload``; errors come as a bare list under ``errors``. Amazon's
``Quantity`` is an int32, money is ``{currencyCode, value}`` with a Decimal string.
"""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, Field

from station.spapi.models.common import ApiModel, DecimalString, PostalAddress

__all__ = [
    "Address",
    "CreateFulfillmentOrderItem",
    "CreateFulfillmentOrderRequest",
    "DeliveryWindow",
    "FeatureSettings",
    "Fee",
    "FulfillmentOrder",
    "FulfillmentOrderItem",
    "FulfillmentPreview",
    "FulfillmentPreviewItem",
    "FulfillmentPreviewShipment",
    "FulfillmentShipment",
    "FulfillmentShipmentItem",
    "FulfillmentShipmentPackage",
    "GetFeatureInventoryResult",
    "GetFeatureSkuResult",
    "GetFeaturesResult",
    "GetFulfillmentOrderResult",
    "GetFulfillmentPreviewItem",
    "GetFulfillmentPreviewRequest",
    "GetFulfillmentPreviewResult",
    "ListAllFulfillmentOrdersResult",
    "ListReturnReasonCodesResult",
    "Money",
    "PackageTrackingDetails",
    "ShippingSpeedCategory",
    "UpdateFulfillmentOrderRequest",
]

ShippingSpeedCategory = Literal["Standard", "Expedited", "Priority", "ScheduledDelivery"]
FulfillmentAction = Literal["Ship", "Hold"]
FulfillmentPolicy = Literal["FillOrKill", "FillAll", "FillAllAvailable"]
FulfillmentOrderStatus = Literal[
    "New",
    "Received",
    "Planning",
    "Processing",
    "Cancelled",
    "Complete",
    "CompletePartialled",
    "Unfulfillable",
    "Invalid",
]


class Address(PostalAddress):
    postal_code: str
    district_or_county: str | None = None


class Money(ApiModel):
    currency_code: str
    value: DecimalString


class Weight(ApiModel):
    unit: Literal["KG", "KILOGRAMS", "LB", "POUNDS"]
    value: str


class FeatureSettings(ApiModel):
    feature_name: str | None = None
    feature_fulfillment_policy: Literal["Required", "NotRequired"] | None = None


class DeliveryWindow(ApiModel):
    start_date: AwareDatetime
    end_date: AwareDatetime


class GetFulfillmentPreviewItem(ApiModel):
    seller_sku: str = Field(max_length=50)
    quantity: int
    per_unit_declared_value: Money | None = None
    seller_fulfillment_order_item_id: str = Field(max_length=50)


class GetFulfillmentPreviewRequest(ApiModel):
    marketplace_id: str | None = None
    address: Address
    items: list[GetFulfillmentPreviewItem]
    shipping_speed_categories: list[ShippingSpeedCategory] | None = None
    include_cod_fulfillment_preview: bool | None = Field(
        default=None, alias="includeCODFulfillmentPreview"
    )
    include_delivery_windows: bool | None = None
    feature_constraints: list[FeatureSettings] | None = None


class Fee(ApiModel):
    name: str
    amount: Money


class FulfillmentPreviewItem(ApiModel):
    seller_sku: str
    quantity: int
    seller_fulfillment_order_item_id: str
    estimated_shipping_weight: Weight | None = None
    shipping_weight_calculation_method: str | None = None


class FulfillmentPreviewShipment(ApiModel):
    earliest_ship_date: AwareDatetime | None = None
    latest_ship_date: AwareDatetime | None = None
    earliest_arrival_date: AwareDatetime | None = None
    latest_arrival_date: AwareDatetime | None = None
    shipping_notes: list[str] | None = None
    fulfillment_preview_items: list[FulfillmentPreviewItem]


class UnfulfillablePreviewItem(ApiModel):
    seller_sku: str
    quantity: int
    seller_fulfillment_order_item_id: str
    item_unfulfillable_reasons: list[str] | None = None


class ScheduledDeliveryInfo(ApiModel):
    delivery_time_zone: str
    delivery_windows: list[DeliveryWindow]


class FulfillmentPreview(ApiModel):
    shipping_speed_category: ShippingSpeedCategory
    scheduled_delivery_info: ScheduledDeliveryInfo | None = None
    is_fulfillable: bool
    is_cod_capable: bool = Field(default=False, alias="isCODCapable")  # examples omit it
    estimated_shipping_weight: Weight | None = None
    estimated_fees: list[Fee] | None = None
    fulfillment_preview_shipments: list[FulfillmentPreviewShipment] | None = None
    unfulfillable_preview_items: list[UnfulfillablePreviewItem] | None = None
    order_unfulfillable_reasons: list[str] | None = None
    marketplace_id: str
    feature_constraints: list[FeatureSettings] | None = None


class GetFulfillmentPreviewResult(ApiModel):
    fulfillment_previews: list[FulfillmentPreview] | None = None


class CreateFulfillmentOrderItem(ApiModel):
    seller_sku: str = Field(max_length=50)
    seller_fulfillment_order_item_id: str = Field(max_length=50)
    quantity: int
    gift_message: str | None = Field(default=None, max_length=512)
    displayable_comment: str | None = Field(default=None, max_length=250)
    fulfillment_network_sku: str | None = None
    per_unit_declared_value: Money | None = None
    per_unit_price: Money | None = None
    per_unit_tax: Money | None = None


class CreateFulfillmentOrderRequest(ApiModel):
    marketplace_id: str | None = None
    seller_fulfillment_order_id: str = Field(max_length=40)
    displayable_order_id: str = Field(max_length=40)
    displayable_order_date: AwareDatetime
    displayable_order_comment: str = Field(max_length=750)
    shipping_speed_category: ShippingSpeedCategory
    delivery_window: DeliveryWindow | None = None
    destination_address: Address
    fulfillment_action: FulfillmentAction | None = None
    fulfillment_policy: FulfillmentPolicy | None = None
    ship_from_country_code: str | None = None
    notification_emails: list[str] | None = None
    feature_constraints: list[FeatureSettings] | None = None
    items: list[CreateFulfillmentOrderItem]


class UpdateFulfillmentOrderRequest(ApiModel):
    marketplace_id: str | None = None
    displayable_order_id: str | None = Field(default=None, max_length=40)
    displayable_order_date: AwareDatetime | None = None
    displayable_order_comment: str | None = Field(default=None, max_length=750)
    shipping_speed_category: ShippingSpeedCategory | None = None
    destination_address: Address | None = None
    fulfillment_action: FulfillmentAction | None = None
    fulfillment_policy: FulfillmentPolicy | None = None
    ship_from_country_code: str | None = None
    notification_emails: list[str] | None = None
    feature_constraints: list[FeatureSettings] | None = None


class FulfillmentOrder(ApiModel):
    seller_fulfillment_order_id: str
    marketplace_id: str | None = None  # required by the model, absent from its own example
    displayable_order_id: str
    displayable_order_date: AwareDatetime
    displayable_order_comment: str
    shipping_speed_category: ShippingSpeedCategory
    destination_address: Address
    fulfillment_action: FulfillmentAction | None = None
    fulfillment_policy: FulfillmentPolicy | None = None
    received_date: AwareDatetime
    # Amazon's schema spells "Processing", its answers "PROCESSING": compare case-blind.
    fulfillment_order_status: str
    status_updated_date: AwareDatetime
    notification_emails: list[str] | None = None
    feature_constraints: list[FeatureSettings] | None = None


class FulfillmentOrderItem(ApiModel):
    seller_sku: str
    seller_fulfillment_order_item_id: str
    quantity: int
    cancelled_quantity: int
    unfulfillable_quantity: int
    fulfillment_network_sku: str | None = None
    order_item_disposition: str | None = None
    estimated_ship_date: AwareDatetime | None = None
    estimated_arrival_date: AwareDatetime | None = None


class FulfillmentShipmentItem(ApiModel):
    seller_sku: str
    seller_fulfillment_order_item_id: str
    quantity: int
    package_number: int | None = None
    serial_number: str | None = None


class FulfillmentShipmentPackage(ApiModel):
    package_number: int
    carrier_code: str
    tracking_number: str | None = None
    amazon_fulfillment_tracking_number: str | None = None
    estimated_arrival_date: AwareDatetime | None = None


class FulfillmentShipment(ApiModel):
    amazon_shipment_id: str
    fulfillment_center_id: str
    fulfillment_shipment_status: Literal[
        "PENDING", "SHIPPED", "CANCELLED_BY_FULFILLER", "CANCELLED_BY_SELLER"
    ]
    shipping_date: AwareDatetime | None = None
    estimated_arrival_date: AwareDatetime | None = None
    shipping_notes: list[str] | None = None
    fulfillment_shipment_item: list[FulfillmentShipmentItem]
    fulfillment_shipment_package: list[FulfillmentShipmentPackage] | None = None


class GetFulfillmentOrderResult(ApiModel):
    fulfillment_order: FulfillmentOrder
    fulfillment_order_items: list[FulfillmentOrderItem]
    fulfillment_shipments: list[FulfillmentShipment] | None = None
    return_items: list[ApiModel]
    return_authorizations: list[ApiModel]


class ListAllFulfillmentOrdersResult(ApiModel):
    next_token: str | None = None
    fulfillment_orders: list[FulfillmentOrder] | None = None


class TrackingAddress(ApiModel):
    city: str
    state: str
    country: str


class TrackingEvent(ApiModel):
    event_date: AwareDatetime
    event_address: TrackingAddress
    event_code: str
    event_description: str


class PackageTrackingDetails(ApiModel):
    package_number: int
    tracking_number: str | None = None
    customer_tracking_link: str | None = None
    carrier_code: str | None = None
    carrier_phone_number: str | None = None
    carrier_url: str | None = Field(default=None, alias="carrierURL")
    ship_date: AwareDatetime | None = None
    estimated_arrival_date: AwareDatetime | None = None
    current_status: str | None = None
    current_status_description: str | None = None
    signed_for_by: str | None = None
    tracking_events: list[TrackingEvent] | None = None


class Feature(ApiModel):
    feature_name: str
    feature_description: str
    seller_eligible: bool | None = None


class GetFeaturesResult(ApiModel):
    features: list[Feature]


class FeatureSku(ApiModel):
    seller_sku: str | None = None
    fn_sku: str | None = None
    asin: str | None = None
    sku_count: float | None = None
    overlapping_skus: list[str] | None = None


class GetFeatureInventoryResult(ApiModel):
    marketplace_id: str
    feature_name: str
    next_token: str | None = None
    feature_skus: list[FeatureSku] | None = None


class GetFeatureSkuResult(FeatureSku):
    marketplace_id: str
    feature_name: str
    is_eligible: bool
    ineligible_reasons: list[str] | None = None


class ReasonCodeDetails(ApiModel):
    return_reason_code: str
    description: str
    translated_description: str | None = None


class ListReturnReasonCodesResult(ApiModel):
    reason_code_details: list[ReasonCodeDetails] | None = None


class CreateReturnItem(ApiModel):
    seller_return_item_id: str = Field(max_length=80)
    seller_fulfillment_order_item_id: str
    amazon_shipment_id: str
    return_reason_code: str
    return_comment: str | None = Field(default=None, max_length=1000)


class CreateFulfillmentReturnRequest(ApiModel):
    items: list[CreateReturnItem]


class CreateFulfillmentReturnResult(ApiModel):
    return_items: list[ApiModel] | None = None
    invalid_return_items: list[ApiModel] | None = None
    return_authorizations: list[ApiModel] | None = None


class Empty(ApiModel):
    """The bare ``{}`` (or ``{"errors": []}``) of create, update and cancel."""


class VariablePrecisionAddress(ApiModel):
    address_line1: str | None = None
    city: str | None = None
    district_or_county: str | None = None
    state_or_region: str | None = None
    postal_code: str
    country_code: str = Field(min_length=2, max_length=2)


class DeliveryOffersAmount(ApiModel):
    unit_of_measure: Literal["Eaches"]
    value: DecimalString


class DeliveryOffersProduct(ApiModel):
    product_identifier: dict[str, str]
    amount: DeliveryOffersAmount | None = None


class DeliveryOffersTerms(ApiModel):
    origin: dict[str, str]
    destination: dict[str, VariablePrecisionAddress | str]


class GetDeliveryOffersRequest(ApiModel):
    product: DeliveryOffersProduct
    terms: DeliveryOffersTerms


class DateRange(ApiModel):
    earliest: AwareDatetime
    latest: AwareDatetime


class DeliveryOffer(ApiModel):
    expires_at: AwareDatetime | None = None
    date_range: DateRange | None = None


class GetDeliveryOffersResult(ApiModel):
    delivery_offers: list[DeliveryOffer] | None = None
