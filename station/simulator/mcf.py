"""Multi-Channel Fulfillment in the simulator: Fulfillment Outbound 2020-07-01 and 2026-07-04.

Stateful, like Amazon's outbound sandbox (which, unlike the other seller APIs, answers
dynamically): FBA stock per SKU, orders that move RECEIVED → PLANNING → PROCESSING → COMPLETE on
the simulator's clock (``POST /_simulator/clock`` moves it), packages with tracking events once
shipped, cancellation only before PROCESSING, unfulfillable orders when stock is short. All of it
is our belief about Amazon, checked against Amazon's models in tests, not Amazon itself.

What it believes, from the models and the field notes (GUIDE §5):

* there is no idempotency key: a second create with the same id is refused with a generic
  ``InvalidInput`` that does not say the order exists;
* a ``+`` in an order id turns into a space on lookup (so such an order cannot be found again);
  spaces are refused on create;
* blank box, block Amazon Logistics and signature are fixed at creation;
* an order that cannot be filled is answered as the models describe: a destination Amazon does
  not ship to from this marketplace (the preview's ``ExportRestricted``: anything outside the
  US here) fails validation, so the create is refused with 400 ``InvalidInput`` naming
  ``ExportRestricted`` and no order exists (the models' "Received" status means the address was
  validated); short FBA stock is found after creation instead: the order is created and becomes
  ``UNFULFILLABLE`` under the default FillOrKill policy (the model's wording: an item found
  unfulfillable before any shipment is Processing makes the whole order unfulfillable), or
  ships what there is under FillAllAvailable;
* 2026-07-04's createOrder answers 202 for multi-line orders, which become readable a few
  seconds later.

``GET /_simulator/mcf`` returns the record: every create attempt and every order, so a test can
prove the station never created an order twice.

With a ``store`` file (demo mode keeps one in the station's data folder) the whole MCF world —
stock, orders, create attempts and its own clock offset — is read from the file before each
request and written back (atomically, under a file lock) before the answer leaves: Amazon's side
then outlives the program, as it does for real, across ``station --demo mcf`` runs and a kill -9
at any moment. ``clockOffsetSeconds`` in the file moves this world's clock (a trainer or a test
edits it to let orders ship).
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import unquote, unquote_plus

from station.errors import JournalError
from station.journal.lock import FileLock
from station.simulator.wire import ApiFailure, invalid, not_found, timestamp

__all__ = ["MCF_PREFIXES", "McfSimulator", "StockItem"]

V2020 = "/fba/outbound/2020-07-01"
V2026 = "/fulfillment/outbound/2026-07-04"
MCF_PREFIXES = (V2020 + "/", V2026 + "/")

PLANNING_AFTER = timedelta(seconds=60)
PROCESSING_AFTER = timedelta(seconds=180)
SHIPPED_AFTER = timedelta(seconds=360)
ASYNC_VISIBLE_AFTER = timedelta(seconds=2)
SPEED_DAYS = {"Standard": (3, 5), "Expedited": (2, 3), "Priority": (1, 2)}
UNIT_FEE = {"Standard": Decimal("3.22"), "Expedited": Decimal("5.49"), "Priority": Decimal("9.79")}
TIERS = {"Standard": "STANDARD", "Expedited": "EXPEDITED", "Priority": "PRIORITY"}
SPEED_OF_TIER = {v: k for k, v in TIERS.items()}
# The 2020-07-01 schema's spelling (its own examples use upper case; the client takes both).
STATUS_2020 = {
    "RECEIVED": "Received",
    "PLANNING": "Planning",
    "PROCESSING": "Processing",
    "COMPLETE": "Complete",
    "CANCELLED": "Cancelled",
    "UNFULFILLABLE": "Unfulfillable",
}
FEATURES = ("BLANK_BOX", "BLOCK_AMZL", "SIGNATURE_CONFIRMATION")
_ORDER_ID = re.compile(r"^[^\s]{1,40}$")
_US_ZIP = re.compile(r"^\d{5}(-?\d{4})?$")

# Tracking events a shipped package goes through, hours after it left the fulfilment centre.
TRACK_EVENTS = (
    (0, "EVENT_101", "Carrier notified to pick up package.", "IN_TRANSIT"),
    (2, "EVENT_102", "Shipment picked up from seller's facility.", "IN_TRANSIT"),
    (8, "EVENT_201", "Arrival scan.", "IN_TRANSIT"),
    (20, "EVENT_302", "Out for delivery.", "OUT_FOR_DELIVERY"),
    (26, "EVENT_301", "Delivered.", "DELIVERED"),
)


@dataclass
class StockItem:
    sku: str
    quantity: int
    fn_sku: str
    asin: str
    features: frozenset[str] = frozenset(FEATURES)


def demo_stock() -> dict[str, StockItem]:
    """The demo seller's FBA stock: plenty of most things, one scarce SKU, one sold out, one
    that cannot ship in a blank box."""
    rows = [
        ("MCF-MUG-RED", 500, FEATURES),
        ("MCF-MUG-BLUE", 300, FEATURES),
        ("MCF-TEE-M", 200, FEATURES),
        ("MCF-TEE-L", 150, FEATURES),
        ("MCF-BOOK", 100, FEATURES),
        ("MCF-POSTER", 80, ("BLOCK_AMZL", "SIGNATURE_CONFIRMATION")),
        ("MCF-LAMP", 2, FEATURES),
        ("MCF-SOLDOUT", 0, FEATURES),
    ]
    return {
        sku: StockItem(sku, qty, f"X00{i:07d}", f"B0{i:08d}", frozenset(feats))
        for i, (sku, qty, feats) in enumerate(rows, start=1)
    }


@dataclass
class McfLine:
    line_id: str
    sku: str
    quantity: int
    cancelled: int = 0
    unfulfillable: int = 0
    declared: dict[str, str] | None = None


@dataclass
class McfOrder:
    order_id: str
    api: str  # the version it was created with
    marketplace_id: str
    displayable_id: str
    displayable_date: str
    comment: str
    speed: str
    address: dict[str, Any]
    lines: list[McfLine]
    features: list[str]
    received: datetime
    released: datetime | None  # None while on hold
    visible_from: datetime
    package_number: int
    policy: str = "FillOrKill"
    channel: str | None = None
    emails: list[str] = field(default_factory=list)
    final: str | None = None  # CANCELLED or UNFULFILLABLE
    final_at: datetime | None = None


#: How long a request waits for another process holding the store file (a second demo window).
STORE_WAIT_SECONDS = 30.0
_ORDER_TIMES = ("received", "released", "visible_from", "final_at")


class McfSimulator:
    """The MCF state and handlers; ``handle`` answers any request under ``MCF_PREFIXES``."""

    def __init__(
        self,
        now: Callable[[], datetime],
        lock: threading.RLock,
        marketplace: str = "ATVPDKIKX0DER",
        *,
        store: Path | None = None,
    ) -> None:
        self._base_now = now
        self.lock = lock
        self.marketplace = marketplace
        self.store = store
        self._fresh()

    def now(self) -> datetime:
        return self._base_now() + self.clock_offset

    def _fresh(self) -> None:
        self.stock = demo_stock()
        self.orders: dict[str, McfOrder] = {}
        self.creates: list[dict[str, Any]] = []
        self._next_package = 1001
        self.clock_offset = timedelta(0)

    def reset(self) -> None:
        """The demo stock and no orders (the store file too, when there is one)."""
        with self.lock, self._stored(write=True):
            self._fresh()

    # -- the store file (demo mode) ---------------------------------------------------------

    @contextmanager
    def _stored(self, *, write: bool) -> Iterator[None]:
        """Load the world from the store file; write it back afterwards (even when the request
        is refused: a refused create is part of the record). No file: memory only."""
        if self.store is None:
            yield
            return
        guard = FileLock(self.store.with_name(self.store.name + ".lock"))
        try:
            guard.acquire_waiting(STORE_WAIT_SECONDS, what="using the demo MCF record")
        except JournalError as exc:
            raise ApiFailure(503, "ServiceUnavailable", exc.message) from None
        try:
            self._load()
            try:
                yield
            finally:
                if write:
                    self._save()
        finally:
            guard.release()

    def _load(self) -> None:
        assert self.store is not None
        try:
            raw = json.loads(self.store.read_text(encoding="utf-8"))
        except FileNotFoundError:
            self._fresh()  # a new world: the demo stock, no orders
            return
        except (OSError, ValueError) as exc:
            raise ApiFailure(
                500, "InternalFailure", f"The demo MCF record {self.store} is unreadable: {exc}"
            ) from None
        self.stock = {
            s["sku"]: StockItem(
                s["sku"], int(s["quantity"]), s["fn_sku"], s["asin"], frozenset(s["features"])
            )
            for s in raw["stock"]
        }
        self.orders = {}
        for o in raw["orders"]:
            lines = [McfLine(**line) for line in o.pop("lines")]
            for name in _ORDER_TIMES:
                o[name] = datetime.fromisoformat(o[name]) if o[name] else None
            self.orders[o["order_id"]] = McfOrder(lines=lines, **o)
        self.creates = list(raw["creates"])
        self._next_package = int(raw["nextPackage"])
        self.clock_offset = timedelta(seconds=float(raw.get("clockOffsetSeconds", 0)))

    def _save(self) -> None:
        assert self.store is not None
        orders = []
        for o in self.orders.values():
            data = asdict(o)
            for name in _ORDER_TIMES:
                data[name] = data[name].isoformat() if data[name] else None
            orders.append(data)
        stock = [
            {
                "sku": s.sku,
                "quantity": s.quantity,
                "fn_sku": s.fn_sku,
                "asin": s.asin,
                "features": sorted(s.features),
            }
            for s in self.stock.values()
        ]
        world = {
            "clockOffsetSeconds": self.clock_offset.total_seconds(),
            "nextPackage": self._next_package,
            "stock": stock,
            "orders": orders,
            "creates": self.creates,
        }
        temporary = self.store.with_name(self.store.name + ".tmp")
        try:
            self.store.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("w", encoding="utf-8") as out:
                json.dump(world, out, indent=1)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self.store)
        except OSError as exc:
            raise ApiFailure(
                500, "InternalFailure", f"The demo MCF record {self.store} cannot be written: {exc}"
            ) from None

    @staticmethod
    def owns(path: str) -> bool:
        return path.startswith(MCF_PREFIXES)

    # -- the record -------------------------------------------------------------------------

    def record_json(self) -> dict[str, Any]:
        with self.lock, self._stored(write=False):
            return {
                "creates": list(self.creates),
                "orders": [
                    {
                        "orderId": o.order_id,
                        "displayableOrderId": o.displayable_id,
                        "status": self._status(o),
                        "onHold": o.released is None,
                        "features": o.features,
                        "speed": o.speed,
                        "api": o.api,
                    }
                    for o in self.orders.values()
                ],
                "stock": {s.sku: s.quantity for s in self.stock.values()},
            }

    def set_stock(self, changes: dict[str, Any]) -> None:
        with self.lock, self._stored(write=True):
            for sku, qty in changes.items():
                if isinstance(qty, bool) or not isinstance(qty, int) or qty < 0:
                    raise invalid(f"Stock for {sku} must be a non-negative integer.")
                item = self.stock.get(sku)
                if item is None:
                    n = len(self.stock) + 1
                    self.stock[sku] = StockItem(sku, qty, f"X00{n:07d}", f"B0{n:08d}")
                else:
                    item.quantity = qty

    # -- status over time -------------------------------------------------------------------

    def _status(self, o: McfOrder) -> str:
        if o.final:
            return o.final
        if o.released is None:
            return "RECEIVED"
        age = self.now() - o.released
        if age >= SHIPPED_AFTER:
            return "COMPLETE"
        if age >= PROCESSING_AFTER:
            return "PROCESSING"
        if age >= PLANNING_AFTER:
            return "PLANNING"
        return "RECEIVED"

    def _shipped_at(self, o: McfOrder) -> datetime | None:
        if o.final or o.released is None or self.now() - o.released < SHIPPED_AFTER:
            return None
        return o.released + SHIPPED_AFTER

    def _updated(self, o: McfOrder) -> datetime:
        if o.final_at is not None:
            return o.final_at
        if o.released is None:
            return o.received
        age = self.now() - o.released
        for step in (SHIPPED_AFTER, PROCESSING_AFTER, PLANNING_AFTER):
            if age >= step:
                return o.released + step
        return o.released

    def _carrier(self, o: McfOrder) -> tuple[str, str]:
        if "BLOCK_AMZL" in o.features:
            return "UPS", f"1Z999AA1{o.package_number:010d}"
        return "AMZN_US", f"TBA{o.package_number:012d}"

    def _events(self, o: McfOrder) -> list[tuple[datetime, str, str, str]]:
        shipped = self._shipped_at(o)
        if shipped is None:
            return []
        now = self.now()
        return [
            (shipped + timedelta(hours=h), code, text, status)
            for h, code, text, status in TRACK_EVENTS
            if shipped + timedelta(hours=h) <= now
        ]

    # -- dispatch ---------------------------------------------------------------------------

    def handle(self, method: str, path: str, query: dict[str, str], body: bytes) -> tuple[int, Any]:
        """(status, JSON) for one MCF request; errors are raised as ApiFailure."""
        with self.lock, self._stored(write=method != "GET"):
            if path.startswith(V2020 + "/"):
                return self._v2020(method, path[len(V2020) :], query, body)
            return self._v2026(method, path[len(V2026) :], query, body)

    @staticmethod
    def operation(method: str, path: str) -> str:
        """The operation a request names (for usage plans); unknown paths get 'mcf'."""
        rest = path.split("/", 4)[-1] if path.count("/") >= 4 else ""
        return f"mcf:{method}:{rest.split('/')[0]}"

    @staticmethod
    def _json(body: bytes) -> dict[str, Any]:
        if not body.strip():
            raise invalid("The request body is missing.", "Send a JSON body.")
        try:
            parsed = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise invalid("The request body is not valid JSON.") from None
        if not isinstance(parsed, dict):
            raise invalid("The request body must be a JSON object.")
        return parsed

    def _lookup(self, raw: str) -> McfOrder:
        # A "+" becomes a space on lookup however it was escaped (GUIDE §5): the order is lost.
        order = self.orders.get(unquote(raw).replace("+", " "))
        if order is None or order.visible_from > self.now():
            raise not_found("The requested fulfillment order was not found.")
        return order

    # -- 2020-07-01 -------------------------------------------------------------------------

    def _v2020(self, method: str, rest: str, query: dict[str, str], body: bytes) -> tuple[int, Any]:
        parts = [p for p in rest.split("/") if p]
        if method == "POST" and parts == ["fulfillmentOrders", "preview"]:
            return 200, {"payload": self._preview_2020(self._json(body))}
        if method == "POST" and parts == ["fulfillmentOrders"]:
            self._create(self._order_from_2020(self._json(body)), "2020-07-01")
            return 200, {}
        if method == "GET" and parts == ["fulfillmentOrders"]:
            return 200, {"payload": self._list_2020(query)}
        if len(parts) == 2 and parts[0] == "fulfillmentOrders" and method == "GET":
            return 200, {"payload": self._order_2020(self._lookup(parts[1]))}
        if len(parts) == 2 and parts[0] == "fulfillmentOrders" and method == "PUT":
            self._update(self._lookup(parts[1]), self._json(body).get("fulfillmentAction"))
            return 200, {}
        if method == "PUT" and len(parts) == 3 and parts[::2] == ["fulfillmentOrders", "cancel"]:
            self._cancel(self._lookup(parts[1]))
            return 200, {}
        if method == "GET" and parts == ["tracking"]:
            return 200, {"payload": self._tracking_2020(query.get("packageNumber", ""))}
        if method == "GET" and parts[:2] == ["features", "inventory"] and len(parts) == 4:
            return 200, {"payload": self._feature_sku(parts[2], parts[3])}
        if method == "GET" and parts[:2] == ["features", "inventory"] and len(parts) == 3:
            return 200, {"payload": self._feature_inventory(parts[2])}
        if method == "GET" and parts == ["features"]:
            return 200, {"payload": self._features()}
        raise ApiFailure(404, "NotFound", "The requested resource does not exist.")

    def _lines_2020(self, items: Any, *, preview: bool) -> list[McfLine]:
        if not isinstance(items, list) or not items:
            raise invalid("items must list at least one item.")
        lines = []
        for item in items:
            if not isinstance(item, dict):
                raise invalid("Each item must be an object.")
            sku, line_id, qty = (
                item.get("sellerSku"),
                item.get("sellerFulfillmentOrderItemId"),
                item.get("quantity"),
            )
            if not isinstance(sku, str) or not isinstance(line_id, str):
                raise invalid("Each item needs sellerSku and sellerFulfillmentOrderItemId.")
            if isinstance(qty, bool) or not isinstance(qty, int) or qty < 1:
                raise invalid(f"Item {line_id}: quantity must be a positive integer.")
            if not preview and sku not in self.stock:
                raise invalid(f"Invalid SellerSKU: {sku}.")
            declared = item.get("perUnitDeclaredValue")
            lines.append(McfLine(line_id, sku, qty, declared=declared))
        return lines

    def _check_address(self, address: Any) -> dict[str, Any]:
        if not isinstance(address, dict):
            raise invalid("The destination address is missing.")
        for name in ("name", "addressLine1", "countryCode", "postalCode"):
            if not isinstance(address.get(name), str) or not address[name].strip():
                raise invalid(f"The destination address has no {name}.")
        if address["countryCode"] == "US" and not _US_ZIP.match(address["postalCode"]):
            raise invalid("The destination postal code is not valid for US.")
        return address

    @staticmethod
    def _features_of(raw: Any) -> list[str]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise invalid("featureConstraints must be a list.")
        names = []
        for entry in raw:
            if not isinstance(entry, dict):
                raise invalid("Each feature constraint must be an object.")
            name = entry.get("featureName")
            if name not in FEATURES:
                raise invalid(f"Unknown feature {name!r}.")
            if entry.get("featureFulfillmentPolicy", "Required") == "Required":
                names.append(name)
        return names

    def _order_from_2020(self, body: dict[str, Any]) -> McfOrder:
        order_id = body.get("sellerFulfillmentOrderId")
        speed = body.get("shippingSpeedCategory")
        for name in ("displayableOrderId", "displayableOrderDate", "displayableOrderComment"):
            if not isinstance(body.get(name), str):
                raise invalid(f"{name} is required.")
        if speed not in SPEED_DAYS:
            raise invalid(f"shippingSpeedCategory {speed!r} is not offered.")
        action = body.get("fulfillmentAction", "Ship")
        if action not in ("Ship", "Hold"):
            raise invalid("fulfillmentAction must be Ship or Hold.")
        return self._new_order(
            order_id,
            "2020-07-01",
            marketplace=str(body.get("marketplaceId") or self.marketplace),
            displayable=(
                body["displayableOrderId"],
                body["displayableOrderDate"],
                body["displayableOrderComment"],
            ),
            speed=speed,
            address=self._check_address(body.get("destinationAddress")),
            lines=self._lines_2020(body.get("items"), preview=False),
            features=self._features_of(body.get("featureConstraints")),
            hold=action == "Hold",
            policy=str(body.get("fulfillmentPolicy") or "FillOrKill"),
            emails=list(body.get("notificationEmails") or []),
        )

    def _new_order(
        self,
        order_id: Any,
        api: str,
        *,
        marketplace: str,
        displayable: tuple[str, str, str],
        speed: str,
        address: dict[str, Any],
        lines: list[McfLine],
        features: list[str],
        hold: bool,
        policy: str = "FillOrKill",
        emails: list[str] | None = None,
        channel: str | None = None,
        visible_after: timedelta = timedelta(0),
    ) -> McfOrder:
        if not isinstance(order_id, str) or not _ORDER_ID.match(order_id):
            raise invalid("The order id must be 1 to 40 characters without spaces.")
        for line in lines:
            stock = self.stock[line.sku]
            missing = [f for f in features if f not in stock.features]
            if missing:
                raise invalid(f"SKU {line.sku} is not eligible for {', '.join(missing)}.")
        now = self.now()
        package = self._next_package
        self._next_package += 1
        return McfOrder(
            order_id=order_id,
            api=api,
            marketplace_id=marketplace,
            displayable_id=displayable[0],
            displayable_date=displayable[1],
            comment=displayable[2],
            speed=speed,
            address=address,
            lines=lines,
            features=features,
            received=now,
            released=None if hold else now,
            visible_from=now + visible_after,
            package_number=package,
            policy=policy,
            emails=emails or [],
            channel=channel,
        )

    def _create(self, order: McfOrder, api: str) -> None:
        attempt = {
            "orderId": order.order_id,
            "displayableOrderId": order.displayable_id,
            "api": api,
            "at": timestamp(self.now()),
        }
        if order.order_id in self.orders:
            attempt["result"] = "refused-duplicate"
            self.creates.append(attempt)
            # Amazon says nothing more specific than this (no "already exists" answer).
            raise invalid("Request has missing or invalid parameters and cannot be parsed.")
        restricted = self._export_restricted(order.address)
        if restricted:
            attempt["result"] = "refused-export-restricted"
            self.creates.append(attempt)
            raise invalid(
                "ExportRestricted: the destination cannot be served from this marketplace's "
                "fulfillment network.",
                restricted,
            )
        short = [line for line in order.lines if self.stock[line.sku].quantity < line.quantity]
        if short and order.policy == "FillOrKill":
            order.final, order.final_at = "UNFULFILLABLE", self.now()
            for line in order.lines:
                line.unfulfillable = line.quantity
        else:
            for line in order.lines:
                item = self.stock[line.sku]
                taken = min(item.quantity, line.quantity)
                item.quantity -= taken
                line.unfulfillable = line.quantity - taken
        attempt["result"] = "created"
        self.creates.append(attempt)
        self.orders[order.order_id] = order

    @staticmethod
    def _export_restricted(address: dict[str, Any]) -> str:
        """Why Amazon would not ship to this address from here ('' when it would): the same
        rule the preview's ``ExportRestricted`` reason follows."""
        country = str(address.get("countryCode") or "")
        return "" if country == "US" else f"Destination country {country} is export restricted."

    def _update(self, order: McfOrder, action: Any) -> None:
        if action not in (None, "Ship", "Hold", "SHIP", "HOLD"):
            raise invalid("fulfillmentAction must be Ship or Hold.")
        if action in ("Ship", "SHIP") and order.released is None and not order.final:
            order.released = self.now()
        elif action in ("Hold", "HOLD") and order.released is not None:
            if self._status(order) != "RECEIVED":
                raise invalid("The order is being processed and cannot be put on hold.")
            order.released = None

    def _cancel(self, order: McfOrder) -> None:
        status = self._status(order)
        if status == "CANCELLED":
            return
        if status not in ("RECEIVED", "PLANNING"):
            raise invalid(
                f"The fulfillment order is {status} and can no longer be cancelled.",
            )
        for line in order.lines:
            if order.final is None:
                self.stock[line.sku].quantity += line.quantity - line.unfulfillable
            line.cancelled = line.quantity - line.unfulfillable
        order.final, order.final_at = "CANCELLED", self.now()

    def _preview_items(
        self, lines: list[McfLine], features: list[str], country: str
    ) -> tuple[list[dict[str, Any]], list[str]]:
        unfulfillable = []
        for line in lines:
            stock = self.stock.get(line.sku)
            reasons = []
            if stock is None:
                reasons.append("InvalidSKU")
            else:
                if stock.quantity < line.quantity:
                    reasons.append("InventoryUnavailable")
                reasons += [f"FeatureNotEligible:{f}" for f in features if f not in stock.features]
            if reasons:
                unfulfillable.append(
                    {
                        "sellerSku": line.sku,
                        "quantity": line.quantity,
                        "sellerFulfillmentOrderItemId": line.line_id,
                        "itemUnfulfillableReasons": reasons,
                    }
                )
        order_reasons = (
            ["ExportRestricted"] if self._export_restricted({"countryCode": country}) else []
        )
        return unfulfillable, order_reasons

    def _preview_2020(self, body: dict[str, Any]) -> dict[str, Any]:
        address = self._check_address(body.get("address"))
        lines = self._lines_2020(body.get("items"), preview=True)
        features = self._features_of(body.get("featureConstraints"))
        wanted = body.get("shippingSpeedCategories") or list(SPEED_DAYS)
        unfulfillable, reasons = self._preview_items(lines, features, address["countryCode"])
        now = self.now()
        units = sum(line.quantity for line in lines)
        previews = []
        for speed in wanted:
            if speed not in SPEED_DAYS:
                continue
            speed_reasons = list(reasons)
            if speed == "Priority" and "BLOCK_AMZL" in features:
                speed_reasons.append("NotAvailableWithBlockAmzl")
            fulfillable = not unfulfillable and not speed_reasons
            low, high = SPEED_DAYS[speed]
            preview: dict[str, Any] = {
                "shippingSpeedCategory": speed,
                "isFulfillable": fulfillable,
                "isCODCapable": False,
                "marketplaceId": body.get("marketplaceId") or self.marketplace,
                "featureConstraints": [
                    {"featureName": f, "featureFulfillmentPolicy": "Required"} for f in features
                ],
            }
            if fulfillable:
                preview["estimatedShippingWeight"] = {
                    "unit": "POUNDS",
                    "value": f"{units * 0.8:.2f}",
                }
                preview["estimatedFees"] = [
                    {
                        "name": "FBAPerUnitFulfillmentFee",
                        "amount": {"currencyCode": "USD", "value": str(UNIT_FEE[speed] * units)},
                    },
                ]
                preview["fulfillmentPreviewShipments"] = [
                    {
                        "earliestShipDate": timestamp(now + timedelta(hours=4)),
                        "latestShipDate": timestamp(now + timedelta(days=1)),
                        "earliestArrivalDate": timestamp(now + timedelta(days=low)),
                        "latestArrivalDate": timestamp(now + timedelta(days=high)),
                        "fulfillmentPreviewItems": [
                            {
                                "sellerSku": line.sku,
                                "quantity": line.quantity,
                                "sellerFulfillmentOrderItemId": line.line_id,
                            }
                            for line in lines
                        ],
                    }
                ]
            else:
                preview["unfulfillablePreviewItems"] = unfulfillable
                if speed_reasons:
                    preview["orderUnfulfillableReasons"] = speed_reasons
            previews.append(preview)
        return {"fulfillmentPreviews": previews}

    def _order_2020(self, o: McfOrder) -> dict[str, Any]:
        result: dict[str, Any] = {
            "fulfillmentOrder": self._summary_2020(o),
            "fulfillmentOrderItems": [
                {
                    "sellerSku": line.sku,
                    "sellerFulfillmentOrderItemId": line.line_id,
                    "quantity": line.quantity,
                    "cancelledQuantity": line.cancelled,
                    "unfulfillableQuantity": line.unfulfillable,
                    **({"perUnitDeclaredValue": line.declared} if line.declared else {}),
                }
                for line in o.lines
            ],
            "returnItems": [],
            "returnAuthorizations": [],
        }
        status = self._status(o)
        if status in ("PROCESSING", "COMPLETE"):
            shipped = self._shipped_at(o)
            carrier, tracking = self._carrier(o)
            shipment: dict[str, Any] = {
                "amazonShipmentId": f"D{o.package_number:08d}",
                "fulfillmentCenterId": "SEA8",
                "fulfillmentShipmentStatus": "SHIPPED" if shipped else "PENDING",
                "fulfillmentShipmentItem": [
                    {
                        "sellerSku": line.sku,
                        "sellerFulfillmentOrderItemId": line.line_id,
                        "quantity": line.quantity - line.unfulfillable,
                        **({"packageNumber": o.package_number} if shipped else {}),
                    }
                    for line in o.lines
                ],
            }
            if shipped:
                shipment["shippingDate"] = timestamp(shipped)
                shipment["fulfillmentShipmentPackage"] = [
                    {
                        "packageNumber": o.package_number,
                        "carrierCode": carrier,
                        "trackingNumber": tracking,
                        "estimatedArrivalDate": timestamp(
                            shipped + timedelta(days=SPEED_DAYS[o.speed][1])
                        ),
                    }
                ]
            result["fulfillmentShipments"] = [shipment]
        return result

    def _summary_2020(self, o: McfOrder) -> dict[str, Any]:
        summary: dict[str, Any] = {
            "sellerFulfillmentOrderId": o.order_id,
            "marketplaceId": o.marketplace_id,
            "displayableOrderId": o.displayable_id,
            "displayableOrderDate": o.displayable_date,
            "displayableOrderComment": o.comment,
            "shippingSpeedCategory": o.speed,
            "destinationAddress": o.address,
            "fulfillmentAction": "Hold" if o.released is None else "Ship",
            "fulfillmentPolicy": o.policy,
            "receivedDate": timestamp(o.received),
            "fulfillmentOrderStatus": STATUS_2020[self._status(o)],
            "statusUpdatedDate": timestamp(self._updated(o)),
        }
        if o.features:
            summary["featureConstraints"] = [
                {"featureName": f, "featureFulfillmentPolicy": "Required"} for f in o.features
            ]
        if o.emails:
            summary["notificationEmails"] = o.emails
        return summary

    def _visible_since(self, query: dict[str, str], name: str) -> list[McfOrder]:
        raw = query.get(name)
        since = None
        if raw:
            try:
                since = datetime.fromisoformat(raw.replace("Z", "+00:00"))
            except ValueError:
                raise invalid(f"{name} is not an ISO 8601 date-time.") from None
            if since.tzinfo is None:
                raise invalid(f"{name} needs a time zone.")
        now = self.now()
        return [
            o
            for o in self.orders.values()
            if o.visible_from <= now and (since is None or self._updated(o) >= since)
        ]

    def _page(self, orders: list[McfOrder], token: str | None) -> tuple[list[McfOrder], str | None]:
        start = 0
        if token:
            if not token.startswith("p") or not token[1:].isdigit():
                raise invalid("The pagination token is not valid.")
            start = int(token[1:])
        chunk = orders[start : start + 50]
        following = f"p{start + 50}" if start + 50 < len(orders) else None
        return chunk, following

    def _list_2020(self, query: dict[str, str]) -> dict[str, Any]:
        chosen, following = self._page(
            self._visible_since(query, "queryStartDate"), query.get("nextToken")
        )
        payload: dict[str, Any] = {"fulfillmentOrders": [self._summary_2020(o) for o in chosen]}
        if following:
            payload["nextToken"] = following
        return payload

    def _tracking_2020(self, raw: str) -> dict[str, Any]:
        if not raw.isdigit():
            raise invalid("packageNumber must be an integer.")
        number = int(raw)
        order = next((o for o in self.orders.values() if o.package_number == number), None)
        if order is None or self._shipped_at(order) is None:
            raise not_found("No tracking for this package number.")
        carrier, tracking = self._carrier(order)
        events = self._events(order)
        shipped = self._shipped_at(order)
        assert shipped is not None
        city = str(order.address.get("city") or "")
        state = str(order.address.get("stateOrRegion") or "")
        details: dict[str, Any] = {
            "packageNumber": number,
            "trackingNumber": tracking,
            "carrierCode": carrier,
            "shipDate": timestamp(shipped),
            "estimatedArrivalDate": timestamp(shipped + timedelta(days=SPEED_DAYS[order.speed][1])),
            "currentStatus": events[-1][3] if events else "IN_TRANSIT",
            "trackingEvents": [
                {
                    "eventDate": timestamp(when),
                    "eventAddress": {"city": city, "state": state, "country": "US"},
                    "eventCode": code,
                    "eventDescription": text,
                }
                for when, code, text, _status in reversed(events)
            ],
        }
        if "SIGNATURE_CONFIRMATION" in order.features and events and events[-1][3] == "DELIVERED":
            details["signedForBy"] = "RECIPIENT"
        return details

    def _features(self) -> dict[str, Any]:
        descriptions = {
            "BLANK_BOX": "Ship the order in a box without Amazon branding.",
            "BLOCK_AMZL": "Do not deliver the order with Amazon Logistics.",
            "SIGNATURE_CONFIRMATION": "Ask the recipient to sign for the package.",
        }
        return {
            "features": [
                {"featureName": n, "featureDescription": d, "sellerEligible": True}
                for n, d in descriptions.items()
            ]
        }

    def _feature_inventory(self, name: str) -> dict[str, Any]:
        if name not in FEATURES:
            raise invalid(f"Unknown feature {name!r}.")
        return {
            "marketplaceId": self.marketplace,
            "featureName": name,
            "featureSkus": [
                {"sellerSku": s.sku, "fnSku": s.fn_sku, "asin": s.asin, "skuCount": s.quantity}
                for s in self.stock.values()
                if name in s.features
            ],
        }

    def _feature_sku(self, name: str, sku: str) -> dict[str, Any]:
        if name not in FEATURES:
            raise invalid(f"Unknown feature {name!r}.")
        stock = self.stock.get(unquote_plus(sku))
        if stock is None:
            raise not_found(f"SKU {sku} is not in this seller's FBA inventory.")
        eligible = name in stock.features
        answer: dict[str, Any] = {
            "marketplaceId": self.marketplace,
            "featureName": name,
            "isEligible": eligible,
            "sellerSku": stock.sku,
            "fnSku": stock.fn_sku,
            "asin": stock.asin,
            "skuCount": stock.quantity,
        }
        if not eligible:
            answer["ineligibleReasons"] = ["MERCHANT_NOT_ENROLLED"]
        return answer

    # -- 2026-07-04 -------------------------------------------------------------------------

    def _v2026(self, method: str, rest: str, query: dict[str, str], body: bytes) -> tuple[int, Any]:
        parts = [p for p in rest.split("/") if p]
        if method == "POST" and parts == ["previews"]:
            return 200, self._preview_2026(self._json(body))
        if method == "POST" and parts == ["orders"]:
            order = self._order_from_2026(self._json(body))
            self._create(order, "2026-07-04")
            if order.visible_from > order.received:
                return 202, {"orderId": order.order_id, "status": "PROCESSING"}
            return 200, {"order": self._order_2026(order)}
        if method == "GET" and parts == ["orders"]:
            chosen, following = self._page(
                self._visible_since(query, "updatedAfter"), query.get("pageToken")
            )
            answer: dict[str, Any] = {"orders": [self._order_2026(o) for o in chosen]}
            if following:
                answer["pagination"] = {"nextToken": following}
            return 200, answer
        if len(parts) == 2 and parts[0] == "orders" and method == "GET":
            return 200, {"order": self._order_2026(self._lookup(parts[1]))}
        if len(parts) == 2 and parts[0] == "orders" and method == "PUT":
            config = self._json(body).get("fulfillmentConfiguration") or {}
            self._update(self._lookup(parts[1]), config.get("action"))
            return 202, {}
        if len(parts) == 3 and parts[0] == "orders" and parts[2] == "cancel" and method == "PUT":
            self._cancel(self._lookup(parts[1]))
            return 202, {}
        raise ApiFailure(404, "NotFound", "The requested resource does not exist.")

    def _lines_2026(self, items: Any, *, preview: bool) -> list[McfLine]:
        if not isinstance(items, list) or not items:
            raise invalid("lineItems must list at least one item.")
        lines = []
        for index, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                raise invalid("Each line item must be an object.")
            product = item.get("product") or {}
            sku = (product.get("productIdentifier") or {}).get("amazonSku")
            try:
                qty = Decimal(str((item.get("amount") or {}).get("value")))
            except InvalidOperation:
                raise invalid("amount.value must be a decimal string.") from None
            if not isinstance(sku, str) or qty != qty.to_integral_value() or qty < 1:
                raise invalid("Each line item needs an amazonSku and a whole positive amount.")
            if not preview and sku not in self.stock:
                raise invalid(f"Invalid amazonSku: {sku}.")
            line_id = item.get("lineItemId") or str(index)
            declared = product.get("perUnitDeclaredValue")
            lines.append(McfLine(str(line_id), sku, int(qty), declared=declared))
        return lines

    @staticmethod
    def _features_2026(config: dict[str, Any]) -> list[str]:
        services = config.get("services") or {}
        packaging = services.get("packaging") or {}
        return ["BLANK_BOX"] if packaging.get("packagingOption") == "UNBRANDED" else []

    @staticmethod
    def _speed_2026(config: dict[str, Any]) -> str:
        tiers = (config.get("serviceLevel") or {}).get("serviceTiers") or ["STANDARD"]
        speed = SPEED_OF_TIER.get(tiers[0])
        if speed is None:
            raise invalid(f"Service tier {tiers[0]!r} is not offered.")
        return speed

    def _order_from_2026(self, body: dict[str, Any]) -> McfOrder:
        config = body.get("fulfillmentConfiguration") or {}
        destination = body.get("destination") or {}
        lines = self._lines_2026(body.get("lineItems"), preview=False)
        return self._new_order(
            body.get("orderId"),
            "2026-07-04",
            marketplace=self.marketplace,
            displayable=(str(body.get("orderId")), timestamp(self.now()), ""),
            speed=self._speed_2026(config),
            address=self._check_address(destination.get("deliveryAddress")),
            lines=lines,
            features=self._features_2026(config),
            hold=str(config.get("action") or "SHIP").upper() == "HOLD",
            channel=body.get("channel"),
            visible_after=ASYNC_VISIBLE_AFTER if len(lines) > 1 else timedelta(0),
        )

    def _preview_2026(self, body: dict[str, Any]) -> dict[str, Any]:
        config = body.get("fulfillmentConfiguration") or {}
        address = self._check_address((body.get("destination") or {}).get("deliveryAddress"))
        lines = self._lines_2026(body.get("lineItems"), preview=True)
        features = self._features_2026(config)
        unfulfillable, reasons = self._preview_items(lines, features, address["countryCode"])
        constraints = [
            {
                "message": f"{u['sellerSku']}: {', '.join(u['itemUnfulfillableReasons'])}",
                "type": "ValidationError",
                "code": "ItemQuantityNotAvailable"
                if "InventoryUnavailable" in u["itemUnfulfillableReasons"]
                else "ItemNotEligible",
                "details": [{"type": "amazonSku", "value": u["sellerSku"]}],
            }
            for u in unfulfillable
        ] + [{"message": r, "type": "ValidationError", "code": r} for r in reasons]
        tiers = (config.get("serviceLevel") or {}).get("serviceTiers") or list(SPEED_OF_TIER)
        now = self.now()
        units = sum(line.quantity for line in lines)
        offers = []
        if not constraints:
            for tier in tiers:
                speed = SPEED_OF_TIER.get(tier)
                if speed is None:
                    continue
                low, high = SPEED_DAYS[speed]
                fee = UNIT_FEE[speed] * units
                offers.append(
                    {
                        "estimatedPrice": {
                            "rollupPrices": [
                                {
                                    "type": "MCFFulfillmentFee",
                                    "value": {"currencyCode": "USD", "amount": str(fee)},
                                }
                            ],
                            "totalPrice": {"currencyCode": "USD", "amount": str(fee)},
                        },
                        "fulfillmentConfiguration": {
                            "serviceLevel": {
                                "serviceTier": tier,
                                "deliveryInterval": {
                                    "startTime": timestamp(now + timedelta(days=low)),
                                    "endTime": timestamp(now + timedelta(days=high)),
                                },
                                "shipInterval": {
                                    "startTime": timestamp(now + timedelta(hours=4)),
                                    "endTime": timestamp(now + timedelta(days=1)),
                                },
                            }
                        },
                    }
                )
        answer: dict[str, Any] = {
            "plannedShipments": [
                {
                    "items": [
                        {
                            "productIdentifier": {"amazonSku": line.sku},
                            "amount": {"unit": "EACHES", "value": str(line.quantity)},
                        }
                        for line in lines
                    ],
                    "offers": offers,
                }
            ]
        }
        if constraints:
            answer["constraints"] = constraints
        return answer

    def _order_2026(self, o: McfOrder) -> dict[str, Any]:
        status = self._status(o)
        config: dict[str, Any] = {
            "serviceLevel": {"serviceTiers": [TIERS[o.speed]]},
            "action": "HOLD" if o.released is None else "SHIP",
        }
        if "BLANK_BOX" in o.features:
            config["services"] = {"packaging": {"packagingOption": "UNBRANDED"}}
        answer: dict[str, Any] = {
            "orderId": o.order_id,
            "receiveTime": timestamp(o.received),
            "status": status
            if status in ("COMPLETE", "CANCELLED", "UNFULFILLABLE")
            else "PROCESSING",
            "statusUpdateTime": timestamp(self._updated(o)),
            "fulfillmentConfiguration": config,
            "destination": {"deliveryAddress": o.address},
            "lineItems": [
                {
                    "lineItemId": line.line_id,
                    "product": {"productIdentifier": {"amazonSku": line.sku}},
                    "amount": {"unit": "EACHES", "value": str(line.quantity)},
                    "cancelledAmount": {"unit": "EACHES", "value": str(line.cancelled)},
                    "unfulfillableAmount": {"unit": "EACHES", "value": str(line.unfulfillable)},
                }
                for line in o.lines
            ],
        }
        if o.channel:
            answer["channel"] = o.channel
        shipped = self._shipped_at(o)
        if shipped is not None:
            carrier, tracking = self._carrier(o)
            events = self._events(o)
            package_id = f"PKG-{o.package_number}"
            answer["shipments"] = [
                {
                    "amazonShipmentId": f"D{o.package_number:08d}",
                    "amazonFacility": {"facilityId": "SEA8"},
                    "status": "SHIPPED",
                    "shipTime": timestamp(shipped),
                    "items": [
                        {
                            "productIdentifier": {"amazonSku": line.sku},
                            "lineItemId": line.line_id,
                            "amount": {"unit": "EACHES", "value": str(line.quantity)},
                            "packageId": package_id,
                        }
                        for line in o.lines
                    ],
                    "packages": [
                        {
                            "packageId": package_id,
                            "status": events[-1][3] if events else "IN_TRANSIT",
                            "deliveryTime": timestamp(
                                shipped + timedelta(days=SPEED_DAYS[o.speed][1])
                            ),
                            "tracking": {
                                "carrier": {"carrierCode": carrier, "trackingNumber": tracking}
                            },
                        }
                    ],
                }
            ]
        return answer
