"""Everything the simulator knows and decides: orders, labels, transactions and the record.

Handlers call these methods with already shape-checked request bodies; business rules run in the
asynchronous transactions (``rules``), as at Amazon. Every change happens under one re-entrant
lock, so concurrent requests and the transaction worker see consistent orders.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from station.simulator import orderbook, rules
from station.simulator.config import SimulatorConfig
from station.simulator.orderbook import SHIP_METHODS, ShipMethod, SimOrder
from station.simulator.paperwork import DocumentStore, Renderer
from station.simulator.transactions import Transaction, TransactionBook
from station.simulator.wire import ApiFailure, invalid, not_found

LABEL_LIFETIME = timedelta(days=90)


@dataclass(frozen=True)
class Package:
    package_identifier: str
    tracking_number: str
    weight: str
    index: int
    count: int


@dataclass
class LabelSet:
    """The labels of one PO: one package per container of the label request."""

    purchase_order_number: str
    created_at: datetime
    label_format: str
    ship_method: ShipMethod
    packages: list[Package] = field(default_factory=list)


def _weight_text(container: dict[str, Any]) -> str:
    weight = container.get("weight") or {}
    if "value" in weight:
        return f"{weight['value']} {weight.get('unitOfMeasure', '')}".strip()
    return ""


class SimulatorState:
    def __init__(self, config: SimulatorConfig, renderer: Renderer | None = None) -> None:
        self.config = config
        self.lock = threading.RLock()
        self.clock_offset = timedelta(0)
        self.documents = DocumentStore(renderer)
        self.transactions = TransactionBook(config.processing_delay, self.lock, self.now)
        self.seed = config.seed
        self.order_count = config.orders
        self.orders: dict[str, SimOrder] = {}
        self.labels: dict[str, LabelSet] = {}
        self.confirmed_tracking: dict[str, list[str]] = {}
        self.records: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self._label_generation: dict[str, int] = {}
        self.reseed(config.seed, config.orders)

    # -- time and book ---------------------------------------------------------------------

    def now(self) -> datetime:
        return datetime.now(UTC) + self.clock_offset

    def advance_clock(self, seconds: float) -> None:
        with self.lock:
            self.clock_offset += timedelta(seconds=seconds)

    def reseed(self, seed: int | None = None, orders: int | None = None) -> None:
        """A fresh book: same seed and count give the same POs; history is forgotten."""
        with self.lock:
            self.seed = self.seed if seed is None else seed
            self.order_count = self.order_count if orders is None else orders
            if not 1 <= self.order_count <= 10_000:
                raise invalid("orders must be between 1 and 10000")
            self.clock_offset = timedelta(0)
            book = orderbook.generate(self.seed, self.order_count, self.now())
            self.orders = {o.purchase_order_number: o for o in book}
            self.labels.clear()
            self.confirmed_tracking.clear()
            self.records.clear()
            self._label_generation.clear()
            self.transactions.clear()
            self.documents.clear()

    def order(self, po: str) -> SimOrder:
        found = self.orders.get(po)
        if found is None:
            raise not_found(f"Purchase order {po} was not found.")
        return found

    def cancel_order(self, po: str) -> SimOrder:
        """The customer (or Amazon) cancels an order that has not shipped: what a trainer does
        to show a packer the station catching it. A shipped order cannot be cancelled."""
        with self.lock:
            order = self.order(po)
            if order.status == "SHIPPED":
                raise invalid(
                    f"Purchase order {po} has shipped; it cannot be cancelled.",
                    "Cancel an order that is NEW or ACCEPTED.",
                )
            order.status = "CANCELLED"
            return order

    def scannable(self, count: int = 5) -> list[str]:
        """POs a packer can ship right away: NEW, from the US label-printing warehouses, in book
        order. Stable for a seed, so the CLI, demos and tests can name them."""
        with self.lock:
            found = [
                o.purchase_order_number
                for o in self.orders.values()
                if o.status == "NEW" and o.region == "NA" and not o.warehouse.voc
            ]
        return found[:count]

    def summary(self) -> list[dict[str, Any]]:
        with self.lock:
            return [
                {
                    "purchaseOrderNumber": o.purchase_order_number,
                    "status": o.status,
                    "kind": o.kind,
                    "shipFromPartyId": o.warehouse.party_id,
                    "sellingPartyId": o.warehouse.selling_party,
                    "labelFormat": o.warehouse.label_format,
                    "vendorOwnCarrier": o.warehouse.voc,
                    "scacCode": o.warehouse.scac_code,
                    "region": o.region,
                    "shipMethod": o.ship_method.code,
                    "isGift": o.is_gift,
                    "isPslipRequired": o.is_pslip_required,
                    "isPriorityShipment": o.is_priority,
                    "hasCustomerInvoice": o.has_customer_invoice,
                    "lines": len(o.lines),
                    "units": sum(line.quantity for line in o.lines),
                    "hasLabel": o.purchase_order_number in self.labels,
                }
                for o in self.orders.values()
            ]

    # -- the record ------------------------------------------------------------------------

    def _record(self, po: str, kind: str, entry: dict[str, Any]) -> dict[str, Any]:
        per_po = self.records.setdefault(
            po,
            {"acknowledgements": [], "labelRequests": [], "confirmations": [], "statusUpdates": []},
        )
        entry.setdefault("receivedAt", self.now().isoformat())
        per_po[kind].append(entry)
        return entry

    def record_json(self, po: str | None = None) -> dict[str, Any]:
        with self.lock:
            pos = [po] if po is not None else list(self.records)
            return {
                "seed": self.seed,
                "orders": {
                    p: {
                        "status": self.orders[p].status if p in self.orders else None,
                        **self.records.get(
                            p,
                            {
                                "acknowledgements": [],
                                "labelRequests": [],
                                "confirmations": [],
                                "statusUpdates": [],
                            },
                        ),
                    }
                    for p in pos
                },
                "transactions": [t.to_json() for t in self.transactions.all()],
            }

    def _submit(
        self,
        kind: str,
        record_kind: str,
        items: list[dict[str, Any]],
        check: Any,
        apply: Any,
        extra: Any = None,
    ) -> Transaction:
        """One transaction for a batch; each PO is decided on its own, the transaction fails if
        any PO fails (its errors name the PO in ``details``)."""
        entries: list[tuple[dict[str, Any], dict[str, Any]]] = []

        def decide() -> list[dict[str, str]]:
            errors: list[dict[str, str]] = []
            for item, entry in entries:
                po = str(item.get("purchaseOrderNumber", ""))
                violations: list[rules.Violation] = check(self.orders.get(po), item)
                entry["decidedAt"] = self.now().isoformat()
                if violations:
                    entry["outcome"] = "rejected"
                    entry["errors"] = [v.to_json() for v in violations]
                    errors += entry["errors"]
                else:
                    entry["outcome"] = "accepted"
                    apply(self.orders[po], item, entry)
            return errors

        with self.lock:
            transaction = self.transactions.submit(kind, decide)
            for item in items:
                entry: dict[str, Any] = {
                    "transactionId": transaction.transaction_id,
                    "outcome": "pending",
                    "errors": [],
                }
                if extra is not None:
                    entry.update(extra(item))
                self._record(str(item.get("purchaseOrderNumber", "")), record_kind, entry)
                entries.append((item, entry))
        return transaction

    # -- operations ------------------------------------------------------------------------

    def submit_acknowledgements(self, items: list[dict[str, Any]]) -> Transaction:
        def apply(order: SimOrder, item: dict[str, Any], entry: dict[str, Any]) -> None:
            if order.status == "NEW":
                order.status = "ACCEPTED"

        return self._submit(
            "acknowledgement",
            "acknowledgements",
            items,
            rules.check_acknowledgement,
            apply,
            lambda item: {"acknowledgementStatus": item.get("acknowledgementStatus", {})},
        )

    def _make_labels(
        self, order: SimOrder, containers: list[dict[str, Any]], version: str
    ) -> LabelSet:
        po = order.purchase_order_number
        generation = self._label_generation.get(po, 0) + 1
        self._label_generation[po] = generation
        rng = random.Random(f"{self.seed}:{po}:{generation}")
        method = SHIP_METHODS[order.ship_method.code]
        count = max(1, len(containers))
        packages = []
        for index in range(count):
            container = containers[index] if containers else {}
            packages.append(
                Package(
                    package_identifier=str(
                        container.get("containerIdentifier") or f"PKG{index + 1}"
                    ),
                    tracking_number=orderbook.tracking_number(method, rng),
                    weight=_weight_text(container),
                    index=index + 1,
                    count=count,
                )
            )
        label_set = LabelSet(po, self.now(), order.warehouse.label_format, method, packages)
        self.labels[po] = label_set
        return label_set

    def submit_label_requests(self, version: str, items: list[dict[str, Any]]) -> Transaction:
        def apply(order: SimOrder, item: dict[str, Any], entry: dict[str, Any]) -> None:
            label_set = self._make_labels(order, item.get("containers") or [], version)
            entry["trackingNumbers"] = [p.tracking_number for p in label_set.packages]

        return self._submit(
            "labelRequest",
            "labelRequests",
            items,
            rules.check_label_request,
            apply,
            lambda item: {
                "api": version,
                "operation": "submitShippingLabelRequest",
                "containers": len(item.get("containers") or []),
            },
        )

    def create_labels(self, version: str, po: str, body: dict[str, Any]) -> LabelSet:
        """The synchronous 2021-12-28 path: rules are checked now and answered as 400."""
        with self.lock:
            order = self.orders.get(po)
            violations = rules.check_label_request(order, {**body, "purchaseOrderNumber": po})
            entry: dict[str, Any] = {
                "transactionId": None,
                "api": version,
                "operation": "createShippingLabels",
                "containers": len(body.get("containers") or []),
            }
            if violations or order is None:
                entry.update(outcome="rejected", errors=[v.to_json() for v in violations])
                self._record(po, "labelRequests", entry)
                first = violations[0]
                raise invalid(first.message, first.code)
            existing = self.labels.get(po)
            if existing is not None and len(existing.packages) == max(
                1, len(body.get("containers") or [])
            ):
                label_set = existing  # a retried request gets the same labels
            else:
                label_set = self._make_labels(order, body.get("containers") or [], version)
            entry.update(
                outcome="accepted",
                errors=[],
                decidedAt=self.now().isoformat(),
                trackingNumbers=[p.tracking_number for p in label_set.packages],
            )
            self._record(po, "labelRequests", entry)
            return label_set

    def label(self, po: str) -> LabelSet:
        with self.lock:
            self.order(po)
            found = self.labels.get(po)
            if found is None:
                raise not_found(
                    f"No shipping label is available for purchase order {po}.",
                    "Request the label (submitShippingLabelRequest or createShippingLabels) and "
                    "wait for its transaction to succeed.",
                )
            if self.now() - found.created_at > LABEL_LIFETIME:
                raise not_found(
                    f"The shipping label of purchase order {po} has expired.",
                    "Labels are kept for 90 days.",
                )
            return found

    def labels_between(
        self, after: datetime, before: datetime, ship_from: str | None
    ) -> list[LabelSet]:
        with self.lock:
            return [
                s
                for s in self.labels.values()
                if after <= s.created_at <= before
                and self.now() - s.created_at <= LABEL_LIFETIME
                and (
                    ship_from is None
                    or self.orders[s.purchase_order_number].warehouse.party_id == ship_from
                )
            ]

    def submit_confirmations(self, items: list[dict[str, Any]]) -> Transaction:
        def check(order: SimOrder | None, item: dict[str, Any]) -> list[rules.Violation]:
            return rules.check_confirmation(order, item, self.now())

        def apply(order: SimOrder, item: dict[str, Any], entry: dict[str, Any]) -> None:
            if item["shipmentDetails"]["shipmentStatus"] == "FLOOR_DENIAL":
                order.status = "CANCELLED"
                return
            order.status = "SHIPPED"
            tracking = [
                str(c["trackingNumber"])
                for c in item.get("containers") or []
                if c.get("trackingNumber")
            ]
            self.confirmed_tracking[order.purchase_order_number] = tracking

        return self._submit(
            "confirmation",
            "confirmations",
            items,
            check,
            apply,
            lambda item: {
                "shipmentStatus": item.get("shipmentDetails", {}).get("shipmentStatus"),
                "trackingNumbers": [c.get("trackingNumber") for c in item.get("containers") or []],
            },
        )

    def submit_status_updates(self, items: list[dict[str, Any]]) -> Transaction:
        def check(order: SimOrder | None, item: dict[str, Any]) -> list[rules.Violation]:
            po = str(item["purchaseOrderNumber"])
            return rules.check_status_update(order, item, self.confirmed_tracking.get(po, []))

        def apply(order: SimOrder, item: dict[str, Any], entry: dict[str, Any]) -> None:
            return None

        return self._submit(
            "statusUpdate",
            "statusUpdates",
            items,
            check,
            apply,
            lambda item: {
                "trackingNumber": item.get("statusUpdateDetails", {}).get("trackingNumber"),
                "statusCode": item.get("statusUpdateDetails", {}).get("statusCode"),
            },
        )

    def transaction(self, transaction_id: str) -> Transaction:
        found = self.transactions.get(transaction_id)
        if found is None:
            raise ApiFailure(
                400, "InvalidInput", "Invalid transaction ID.", f"transactionId={transaction_id}"
            )
        return found
