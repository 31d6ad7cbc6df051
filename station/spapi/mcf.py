"""Multi-Channel Fulfillment, version-neutral: what the station asks of Fulfillment Outbound.

The workflow speaks in drafts, speed options, order states and tracking; ``McfClient`` turns them
into 2020-07-01 or 2026-07-04 calls (chosen by a setting) and back, so the differences between the
two models stay in this module:

* the order handle is ``sellerFulfillmentOrderId`` (2020) or ``orderId`` (2026);
* 2026's ``createOrder`` may answer 202: accepted, not yet readable;
* blank box is a feature constraint (2020) or the ``UNBRANDED`` packaging option (2026); the 2026
  model documents no field for "block Amazon Logistics" or "signature", so asking for either on
  2026 is refused before anything is sent rather than guessed;
* tracking is a separate call per package (2020) or part of the order (2026).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal, get_args

from station.errors import InvalidRequestError, NotFoundError, ResponseFormatError
from station.spapi.fulfillment import FulfillmentOutbound2020Client, FulfillmentOutbound2026Client
from station.spapi.http import SpApiHttp
from station.spapi.models import fulfillment_2020 as f20
from station.spapi.models import fulfillment_2026 as f26
from station.spapi.ratelimit import RateLimit

__all__ = [
    "FEATURE_BLANK_BOX",
    "FEATURE_BLOCK_AMZL",
    "FEATURE_SIGNATURE",
    "MCF_RATE_LIMITS",
    "MCF_VERSIONS",
    "CreateOutcome",
    "McfAddress",
    "McfClient",
    "McfFeatures",
    "McfFee",
    "McfLine",
    "McfOrderDraft",
    "McfOrderState",
    "McfPackage",
    "McfSpeedOption",
    "McfTracking",
    "McfTrackingEvent",
    "McfVersion",
    "Speed",
]

log = logging.getLogger("station.spapi.mcf")

McfVersion = Literal["2020-07-01", "2026-07-04"]
MCF_VERSIONS: tuple[str, ...] = get_args(McfVersion)
Speed = Literal["Standard", "Expedited", "Priority", "ScheduledDelivery"]
SPEEDS: tuple[str, ...] = get_args(Speed)

FEATURE_BLANK_BOX = "BLANK_BOX"
FEATURE_BLOCK_AMZL = "BLOCK_AMZL"
FEATURE_SIGNATURE = "SIGNATURE_CONFIRMATION"

_TIER_OF_SPEED = {
    "Standard": "STANDARD",
    "Expedited": "EXPEDITED",
    "Priority": "PRIORITY",
    "ScheduledDelivery": "SCHEDULED",
}
_SPEED_OF_TIER = {tier: speed for speed, tier in _TIER_OF_SPEED.items()}

#: 2020-07-01 statuses in the station's vocabulary (2026-07-04 already speaks it).
_STATUS_2020 = {
    "NEW": "RECEIVED",
    "RECEIVED": "RECEIVED",
    "PLANNING": "PLANNING",
    "PROCESSING": "PROCESSING",
    "CANCELLED": "CANCELLED",
    "COMPLETE": "COMPLETE",
    "COMPLETEPARTIALLED": "COMPLETE_PARTIAL",
    "UNFULFILLABLE": "UNFULFILLABLE",
    "INVALID": "INVALID",
}
#: Fulfillment Outbound's usage plan: 2 requests/s, burst 30, for every operation.
MCF_LIMIT = RateLimit(rate=2.0, burst=30)
MCF_RATE_LIMITS = dict.fromkeys(
    (
        "getFulfillmentPreview",
        "deliveryOffers",
        "listAllFulfillmentOrders",
        "createFulfillmentOrder",
        "getPackageTrackingDetails",
        "listReturnReasonCodes",
        "createFulfillmentReturn",
        "getFulfillmentOrder",
        "updateFulfillmentOrder",
        "cancelFulfillmentOrder",
        "getFeatures",
        "getFeatureInventory",
        "getFeatureSKU",
        "getOrderPreview",
        "getOffers",
        "cancelOrder",
        "updateOrder",
        "getOrder",
        "listOrders",
        "createOrder",
    ),
    MCF_LIMIT,
)
FINAL_STATUSES = frozenset(
    {"CANCELLED", "COMPLETE", "COMPLETE_PARTIAL", "UNFULFILLABLE", "INVALID"}
)


@dataclass(frozen=True)
class McfAddress:
    name: str
    line1: str
    postal_code: str
    country_code: str
    line2: str | None = None
    line3: str | None = None
    city: str | None = None
    district: str | None = None
    state: str | None = None
    phone: str | None = None
    email: str | None = None

    def __repr__(self) -> str:
        # A customer's address is personal data: never in logs or tracebacks.
        return f"McfAddress(country_code={self.country_code!r}, ...)"

    __str__ = __repr__


@dataclass(frozen=True)
class McfLine:
    line_id: str
    sku: str
    quantity: int
    declared_value: Decimal | None = None
    currency: str | None = None


@dataclass(frozen=True)
class McfFeatures:
    """Chosen at creation: Amazon does not let any of them change afterwards."""

    blank_box: bool = False
    block_amzl: bool = False
    signature: bool = False

    def names(self) -> tuple[str, ...]:
        chosen = (
            (self.blank_box, FEATURE_BLANK_BOX),
            (self.block_amzl, FEATURE_BLOCK_AMZL),
            (self.signature, FEATURE_SIGNATURE),
        )
        return tuple(name for on, name in chosen if on)


@dataclass(frozen=True)
class McfOrderDraft:
    order_id: str
    displayable_id: str
    order_date: datetime
    comment: str
    speed: Speed
    address: McfAddress
    lines: tuple[McfLine, ...]
    features: McfFeatures = field(default_factory=McfFeatures)
    hold: bool = False
    channel: str | None = None
    notification_emails: tuple[str, ...] = ()


@dataclass(frozen=True)
class McfFee:
    name: str
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class McfSpeedOption:
    speed: str
    fulfillable: bool
    ship_earliest: datetime | None = None
    ship_latest: datetime | None = None
    arrive_earliest: datetime | None = None
    arrive_latest: datetime | None = None
    fees: tuple[McfFee, ...] = ()
    unfulfillable: tuple[tuple[str, tuple[str, ...]], ...] = ()
    reasons: tuple[str, ...] = ()

    @property
    def total_fee(self) -> McfFee | None:
        if not self.fees:
            return None
        currency = self.fees[0].currency
        return McfFee("Total", sum((f.amount for f in self.fees), Decimal(0)), currency)


@dataclass(frozen=True)
class McfPackage:
    ref: str  # 2020: packageNumber; 2026: packageId
    carrier: str | None
    tracking_number: str | None
    status: str | None = None
    eta: datetime | None = None


@dataclass(frozen=True)
class McfOrderState:
    order_id: str
    status: str
    on_hold: bool
    speed: str | None
    features: tuple[str, ...]
    packages: tuple[McfPackage, ...]
    lines: tuple[tuple[str, int, int, int], ...]  # sku, quantity, cancelled, unfulfillable
    updated: datetime | None = None

    @property
    def final(self) -> bool:
        return self.status in FINAL_STATUSES


@dataclass(frozen=True)
class McfTrackingEvent:
    when: datetime
    code: str
    description: str


@dataclass(frozen=True)
class McfTracking:
    package_ref: str
    carrier: str | None
    tracking_number: str | None
    status: str | None
    eta: datetime | None
    events: tuple[McfTrackingEvent, ...] = ()


@dataclass(frozen=True)
class CreateOutcome:
    order_id: str
    accepted_only: bool  # 2026's 202: Amazon will create it; not readable yet


def _qty(value: Decimal | None) -> int:
    return 0 if value is None else int(value)


class McfClient:
    """Fulfillment Outbound in the station's words; ``version`` comes from the settings."""

    def __init__(self, http: SpApiHttp, *, version: str, marketplace_id: str) -> None:
        if version not in MCF_VERSIONS:
            raise InvalidRequestError(
                f"Unknown Fulfillment Outbound version {version!r}",
                hint=f"Choose one of {', '.join(MCF_VERSIONS)} in Settings.",
            )
        self.version = version
        self.marketplace_id = marketplace_id
        self.v2020 = FulfillmentOutbound2020Client(http)
        self.v2026 = FulfillmentOutbound2026Client(http)

    def __repr__(self) -> str:
        return f"McfClient(version={self.version!r}, marketplace_id={self.marketplace_id!r})"

    # -- building requests ------------------------------------------------------------------

    def _check_features(self, features: McfFeatures) -> None:
        # fulfillmentOutbound_2026-07-04.json: createOrder's OrderFulfillmentConfiguration.services
        # is OrderServices {packaging: PackagingService (packagingOption UNBRANDED/ANY = blank box,
        # overbox, packingSlip), delivery: DeliveryService, additional: AdditionalServices}.
        # DeliveryService declares no properties at all, AdditionalServices is an open map of
        # strings with no documented key, and there is no featureConstraints (2020-07-01's
        # BLOCK_AMZL / SIGNATURE_CONFIRMATION) anywhere in the model. Guessing a key Amazon may
        # ignore would ship the order without what the lead chose, for good: refused instead.
        # tests/spapi/test_fulfillment_contract.py reads the model and fails when that changes.
        if self.version == "2026-07-04" and (features.block_amzl or features.signature):
            chosen = " and ".join(
                name
                for on, name in (
                    (features.block_amzl, "'block Amazon Logistics'"),
                    (features.signature, "'signature confirmation'"),
                )
                if on
            )
            raise InvalidRequestError(
                f"Not sent: {chosen} cannot be asked of Amazon with Fulfillment Outbound "
                "2026-07-04 — that version's model has no field for it (its delivery services "
                "are empty; only blank box exists), and it cannot be added after the order is "
                "created",
                hint="Set 'Fulfillment Outbound version' to 2020-07-01 (Settings > Seller "
                "connection (MCF), or api_version in the settings file's seller section), which "
                "has these features, and send the order again; or send it without the option.",
            )

    @staticmethod
    def _address_fields(a: McfAddress) -> dict[str, str | None]:
        return {
            "name": a.name,
            "address_line1": a.line1,
            "address_line2": a.line2,
            "address_line3": a.line3,
            "city": a.city,
            "district_or_county": a.district,
            "state_or_region": a.state,
            "postal_code": a.postal_code,
            "country_code": a.country_code,
            "phone": a.phone,
        }

    @classmethod
    def _address_2020(cls, a: McfAddress) -> f20.Address:
        return f20.Address.model_validate(cls._address_fields(a))

    @classmethod
    def _address_2026(cls, a: McfAddress) -> f26.Address:
        return f26.Address.model_validate({**cls._address_fields(a), "email": a.email})

    @staticmethod
    def _features_2020(features: McfFeatures) -> list[f20.FeatureSettings] | None:
        names = features.names()
        if not names:
            return None
        return [
            f20.FeatureSettings(feature_name=n, feature_fulfillment_policy="Required")
            for n in names
        ]

    @staticmethod
    def _money_2020(line: McfLine) -> f20.Money | None:
        if line.declared_value is None or not line.currency:
            return None
        return f20.Money(currency_code=line.currency, value=line.declared_value)

    @staticmethod
    def _product_2026(line: McfLine) -> f26.Product:
        value = (
            None
            if line.declared_value is None or not line.currency
            else f26.Money(currency_code=line.currency, amount=line.declared_value)
        )
        return f26.Product(
            product_identifier=f26.ProductIdentifier(amazon_sku=line.sku),
            per_unit_declared_value=value,
        )

    @staticmethod
    def _services_2026(features: McfFeatures) -> f26.Services | None:
        if not features.blank_box:
            return None
        return f26.Services(packaging=f26.PackagingService(packaging_option="UNBRANDED"))

    def preview_request_2020(
        self, draft: McfOrderDraft, speeds: Sequence[str] = ()
    ) -> f20.GetFulfillmentPreviewRequest:
        return f20.GetFulfillmentPreviewRequest(
            marketplace_id=self.marketplace_id,
            address=self._address_2020(draft.address),
            items=[
                f20.GetFulfillmentPreviewItem(
                    seller_sku=line.sku,
                    quantity=line.quantity,
                    per_unit_declared_value=self._money_2020(line),
                    seller_fulfillment_order_item_id=line.line_id,
                )
                for line in draft.lines
            ],
            shipping_speed_categories=[s for s in speeds if s in SPEEDS] or None,
            include_delivery_windows=None,
            feature_constraints=self._features_2020(draft.features),
        )

    def preview_request_2026(
        self, draft: McfOrderDraft, speeds: Sequence[str] = ()
    ) -> f26.GetOrderPreviewRequest:
        tiers = [_TIER_OF_SPEED[s] for s in speeds if s in _TIER_OF_SPEED]
        return f26.GetOrderPreviewRequest(
            channel=draft.channel,
            fulfillment_configuration=f26.PreviewFulfillmentConfiguration(
                service_level=f26.ServiceLevel(service_tiers=tiers) if tiers else None,
                services=self._services_2026(draft.features),
            ),
            destination=f26.Destination(delivery_address=self._address_2026(draft.address)),
            line_items=[
                f26.PreviewLineItem(
                    product=self._product_2026(line),
                    amount=f26.Amount(unit="EACHES", value=Decimal(line.quantity)),
                )
                for line in draft.lines
            ],
        )

    def create_request_2020(self, draft: McfOrderDraft) -> f20.CreateFulfillmentOrderRequest:
        return f20.CreateFulfillmentOrderRequest(
            marketplace_id=self.marketplace_id,
            seller_fulfillment_order_id=draft.order_id,
            displayable_order_id=draft.displayable_id,
            displayable_order_date=draft.order_date,
            displayable_order_comment=draft.comment,
            shipping_speed_category=draft.speed,
            destination_address=self._address_2020(draft.address),
            fulfillment_action="Hold" if draft.hold else "Ship",
            notification_emails=list(draft.notification_emails) or None,
            feature_constraints=self._features_2020(draft.features),
            items=[
                f20.CreateFulfillmentOrderItem(
                    seller_sku=line.sku,
                    seller_fulfillment_order_item_id=line.line_id,
                    quantity=line.quantity,
                    per_unit_declared_value=self._money_2020(line),
                )
                for line in draft.lines
            ],
        )

    def create_request_2026(self, draft: McfOrderDraft) -> f26.CreateOrderRequest:
        return f26.CreateOrderRequest(
            order_id=draft.order_id,
            channel=draft.channel,
            fulfillment_configuration=f26.OrderFulfillmentConfiguration(
                service_level=f26.ServiceLevel(service_tiers=[_TIER_OF_SPEED[draft.speed]]),
                action="HOLD" if draft.hold else "SHIP",
                services=self._services_2026(draft.features),
            ),
            destination=f26.Destination(delivery_address=self._address_2026(draft.address)),
            line_items=[
                f26.CreateOrderLineItem(
                    line_item_id=line.line_id,
                    product=self._product_2026(line),
                    amount=f26.Amount(unit="EACHES", value=Decimal(line.quantity)),
                )
                for line in draft.lines
            ],
        )

    # -- operations -------------------------------------------------------------------------

    def preview(self, draft: McfOrderDraft, speeds: Sequence[str] = ()) -> list[McfSpeedOption]:
        """The speeds Amazon offers for the draft, with dates, fees and what cannot be filled."""
        self._check_features(draft.features)
        if self.version == "2020-07-01":
            result = self.v2020.get_fulfillment_preview(self.preview_request_2020(draft, speeds))
            return [self._option_2020(p) for p in result.fulfillment_previews or ()]
        answer = self.v2026.get_order_preview(self.preview_request_2026(draft, speeds))
        return self._options_2026(answer)

    @staticmethod
    def _option_2020(p: f20.FulfillmentPreview) -> McfSpeedOption:
        shipments = p.fulfillment_preview_shipments or []

        def pick(attr: str, latest: bool) -> datetime | None:
            values: list[datetime] = [
                getattr(s, attr) for s in shipments if getattr(s, attr) is not None
            ]
            if not values:
                return None
            return max(values) if latest else min(values)

        return McfSpeedOption(
            speed=p.shipping_speed_category,
            fulfillable=p.is_fulfillable,
            ship_earliest=pick("earliest_ship_date", False),
            ship_latest=pick("latest_ship_date", True),
            arrive_earliest=pick("earliest_arrival_date", False),
            arrive_latest=pick("latest_arrival_date", True),
            fees=tuple(
                McfFee(f.name, f.amount.value, f.amount.currency_code)
                for f in p.estimated_fees or ()
            ),
            unfulfillable=tuple(
                (u.seller_sku, tuple(u.item_unfulfillable_reasons or ()))
                for u in p.unfulfillable_preview_items or ()
            ),
            reasons=tuple(p.order_unfulfillable_reasons or ()),
        )

    @staticmethod
    def _options_2026(answer: f26.GetOrderPreviewResponse) -> list[McfSpeedOption]:
        reasons = tuple(f"{c.code}: {c.message}" for c in answer.constraints or ())
        # A constraint names its SKU in a detail whose type mentions "sku" (when it names one).
        per_sku = tuple(
            (d.value, (c.code,))
            for c in answer.constraints or ()
            for d in c.details or ()
            if "sku" in d.type.lower()
        )
        by_tier: dict[str, McfSpeedOption] = {}
        for shipment in answer.planned_shipments:
            for offer in shipment.offers or ():
                config = offer.fulfillment_configuration
                level = None if config is None else config.service_level
                tier = (level.service_tier if level else None) or "STANDARD"
                price = offer.estimated_price
                fees = (
                    ()
                    if price is None
                    else tuple(
                        McfFee(r.type, r.value.amount, r.value.currency_code)
                        for r in price.rollup_prices
                    )
                )
                ship = None if level is None else level.ship_interval
                arrive = None if level is None else level.delivery_interval
                by_tier.setdefault(
                    tier,
                    McfSpeedOption(
                        speed=_SPEED_OF_TIER.get(tier, tier),
                        fulfillable=not reasons,
                        ship_earliest=None if ship is None else ship.start_time,
                        ship_latest=None if ship is None else ship.end_time,
                        arrive_earliest=None if arrive is None else arrive.start_time,
                        arrive_latest=None if arrive is None else arrive.end_time,
                        fees=fees,
                        unfulfillable=per_sku,
                        reasons=reasons,
                    ),
                )
        if not by_tier and reasons:
            return [
                McfSpeedOption(
                    speed="Standard", fulfillable=False, unfulfillable=per_sku, reasons=reasons
                )
            ]
        return list(by_tier.values())

    def create(self, draft: McfOrderDraft) -> CreateOutcome:
        """Send the order once. Not idempotent at Amazon: callers read back before any retry."""
        self._check_features(draft.features)
        if self.version == "2020-07-01":
            self.v2020.create_fulfillment_order(self.create_request_2020(draft))
            return CreateOutcome(draft.order_id, accepted_only=False)
        answer = self.v2026.create_order(self.create_request_2026(draft))
        if isinstance(answer, f26.CreateOrderAcceptedResponse):
            return CreateOutcome(answer.order_id or draft.order_id, accepted_only=True)
        return CreateOutcome(answer.order.order_id, accepted_only=False)

    def get(self, order_id: str) -> McfOrderState | None:
        """The order as Amazon has it, or None when Amazon has no such order (404)."""
        try:
            if self.version == "2020-07-01":
                state = self._state_2020(self.v2020.get_fulfillment_order(order_id))
            else:
                state = self._state_2026(self.v2026.get_order(order_id).order)
        except NotFoundError:
            return None
        if state.order_id != order_id:
            # An answer about another order must never become this order's status.
            operation = "getFulfillmentOrder" if self.version == "2020-07-01" else "getOrder"
            log.warning("%s: the answer is about another order", operation)
            raise ResponseFormatError(
                f"{operation}: Amazon answered about order {state.order_id[:40]!r}, "
                f"not {order_id!r}",
                operation=operation,
            )
        return state

    def list_since(self, since: datetime) -> Iterator[McfOrderState]:
        if self.version == "2020-07-01":
            for order in self.v2020.iter_all_fulfillment_orders(query_start_date=since):
                yield self._summary_2020(order)
        else:
            for o in self.v2026.iter_orders(updated_after=since):
                yield self._state_2026(o)

    def release(self, order_id: str) -> None:
        """Hold → ship."""
        if self.version == "2020-07-01":
            self.v2020.update_fulfillment_order(
                order_id,
                f20.UpdateFulfillmentOrderRequest(
                    marketplace_id=self.marketplace_id, fulfillment_action="Ship"
                ),
            )
        else:
            self.v2026.update_order(
                order_id,
                f26.UpdateOrderRequest(
                    fulfillment_configuration=f26.UpdateOrderFulfillmentConfiguration(action="SHIP")
                ),
            )

    def cancel(self, order_id: str) -> None:
        if self.version == "2020-07-01":
            self.v2020.cancel_fulfillment_order(order_id)
        else:
            self.v2026.cancel_order(order_id)

    def tracking(self, state: McfOrderState) -> list[McfTracking]:
        """Tracking for every package of the order (none until Amazon ships; that can take 24 h)."""
        found: list[McfTracking] = []
        for package in state.packages:
            if self.version == "2020-07-01" and package.ref.isdigit():
                details = self.v2020.get_package_tracking_details(int(package.ref))
                if details.package_number != int(package.ref):
                    raise ResponseFormatError(
                        f"getPackageTrackingDetails: Amazon answered about package "
                        f"{details.package_number}, not {package.ref}",
                        operation="getPackageTrackingDetails",
                    )
                found.append(
                    McfTracking(
                        package_ref=package.ref,
                        carrier=details.carrier_code or package.carrier,
                        tracking_number=details.tracking_number or package.tracking_number,
                        status=details.current_status,
                        eta=details.estimated_arrival_date or package.eta,
                        events=tuple(
                            McfTrackingEvent(e.event_date, e.event_code, e.event_description)
                            for e in details.tracking_events or ()
                        ),
                    )
                )
            else:
                found.append(
                    McfTracking(
                        package_ref=package.ref,
                        carrier=package.carrier,
                        tracking_number=package.tracking_number,
                        status=package.status,
                        eta=package.eta,
                    )
                )
        return found

    def feature_sku(self, feature_name: str, sku: str) -> tuple[bool, float | None]:
        """Whether a SKU is eligible for a feature, and the count Amazon reports (2020 only)."""
        result = self.v2020.get_feature_sku(self.marketplace_id, feature_name, sku)
        return result.is_eligible, result.sku_count

    # -- answers ----------------------------------------------------------------------------

    @staticmethod
    def _summary_2020(order: f20.FulfillmentOrder) -> McfOrderState:
        return McfOrderState(
            order_id=order.seller_fulfillment_order_id,
            status=_STATUS_2020.get(order.fulfillment_order_status.upper(), "UNKNOWN"),
            on_hold=order.fulfillment_action == "Hold",
            speed=order.shipping_speed_category,
            features=tuple(
                f.feature_name
                for f in order.feature_constraints or ()
                if f.feature_name and f.feature_fulfillment_policy != "NotRequired"
            ),
            packages=(),
            lines=(),
            updated=order.status_updated_date,
        )

    @classmethod
    def _state_2020(cls, result: f20.GetFulfillmentOrderResult) -> McfOrderState:
        summary = cls._summary_2020(result.fulfillment_order)
        packages = tuple(
            McfPackage(
                ref=str(p.package_number),
                carrier=p.carrier_code,
                tracking_number=p.tracking_number,
                status=s.fulfillment_shipment_status,
                eta=p.estimated_arrival_date or s.estimated_arrival_date,
            )
            for s in result.fulfillment_shipments or ()
            for p in s.fulfillment_shipment_package or ()
        )
        lines = tuple(
            (i.seller_sku, i.quantity, i.cancelled_quantity, i.unfulfillable_quantity)
            for i in result.fulfillment_order_items
        )
        return McfOrderState(
            order_id=summary.order_id,
            status=summary.status,
            on_hold=summary.on_hold,
            speed=summary.speed,
            features=summary.features,
            packages=packages,
            lines=lines,
            updated=summary.updated,
        )

    @staticmethod
    def _state_2026(order: f26.FulfillmentOrder) -> McfOrderState:
        config = order.fulfillment_configuration
        tiers = (
            config.service_level.service_tiers if config and config.service_level else None
        ) or []
        packaging = config.services.packaging if config and config.services else None
        features = (
            (FEATURE_BLANK_BOX,) if packaging and packaging.packaging_option == "UNBRANDED" else ()
        )
        packages = []
        for shipment in order.shipments or ():
            for p in shipment.packages or ():
                carrier = p.tracking.carrier if p.tracking else None
                amazon = p.tracking.amazon if p.tracking else None
                packages.append(
                    McfPackage(
                        ref=p.package_id,
                        carrier=None if carrier is None else carrier.carrier_code,
                        tracking_number=(carrier.tracking_number if carrier else None)
                        or (amazon.tracking_number if amazon else None),
                        status=p.status,
                        eta=p.delivery_time or shipment.delivery_time,
                    )
                )
        return McfOrderState(
            order_id=order.order_id,
            status=(order.status or "UNKNOWN").upper(),
            on_hold=bool(config and (config.action or "").upper() == "HOLD"),
            speed=_SPEED_OF_TIER.get(tiers[0], tiers[0]) if tiers else None,
            features=features,
            packages=tuple(packages),
            lines=tuple(
                (
                    li.product.product_identifier.amazon_sku,
                    _qty(li.amount.value),
                    _qty(None if li.cancelled_amount is None else li.cancelled_amount.value),
                    _qty(
                        None if li.unfulfillable_amount is None else li.unfulfillable_amount.value
                    ),
                )
                for li in order.line_items
            ),
            updated=order.status_update_time,
        )
