"""Acknowledging NEW orders for vendors that have no order system of their own.

Amazon expects every DF purchase order to be acknowledged within 24 hours, completely: every
line, accepted or rejected as a whole (no partial acknowledgement). Amazon refuses label requests
and confirmations for orders never acknowledged, so a vendor without an ERP lets shift
preparation acknowledge the day's NEW orders (``station prefetch --acknowledge``).

Acknowledgement codes (``acknowledgementStatus.code``; Amazon's DF Orders use case guide, "codes
that may be used", agreed between Amazon and the vendor):

====  =================================================================
code  meaning
====  =================================================================
00    Shipping 100 percent of ordered product (accepted)
02    Canceled due to missing/invalid SKU
03    Canceled out of stock
04    Canceled due to duplicate Amazon Ship ID
05    Canceled due to missing/invalid Bill To Location Code
06    Canceled due to missing/invalid Ship From Location Code
07    Canceled due to missing/invalid Customer Ship to Name
08    Canceled due to missing/invalid Customer Ship to Address Line 1
09    Canceled due to missing/invalid Customer Ship to City
10    Canceled due to missing/invalid Customer Ship to State
11    Canceled due to missing/invalid Customer Ship to Postal Code
12    Canceled due to missing/invalid Customer Ship to Country Code
13    Canceled due to missing/invalid Shipping Carrier/Shipping Method
====  =================================================================

What the station decides by itself (:func:`default_decision`): accept (00), or refuse to
acknowledge at all. A rejection cancels the customer's order, so the station never sends one on
its own: a PO of a warehouse not set up here ("PO X ships from RNOZ; this station packs ABCD"),
an order without a ship method, or a line with neither ASIN nor vendor SKU is refused with a
message and left untouched at Amazon for a person to look at. A rejecting acknowledgement is sent
only through :func:`person_rejects`, the decision of a person who was shown the code and its
meaning and confirmed it. A rejected order acknowledges every line with quantity 0 (nothing will
ship); an accepted one with the ordered quantity.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from station.config import Settings
from station.errors import ApiErrorDetail, StationError, WorkflowError
from station.journal import Journal
from station.spapi.models import orders_common as orders_models
from station.spapi.models.common import to_wire
from station.workflow.answers import OrderRefusedError, check_ours
from station.workflow.gateway import DfGateway, TransactionResult
from station.workflow.order import OrderStatus, PackOrder
from station.workflow.outage import OutageWatch
from station.workflow.submissions import Operation, SubmissionLog, certainly_not_sent

log = logging.getLogger(__name__)

__all__ = [
    "ACCEPTED",
    "ACK_CODES",
    "AckDecision",
    "AckReport",
    "Acknowledger",
    "acknowledgement_body",
    "attribute_errors",
    "await_transactions",
    "default_decision",
    "person_rejects",
]

ACK_CODES: Mapping[str, str] = {
    "00": "Shipping 100 percent of ordered product",
    "02": "Canceled due to missing/invalid SKU",
    "03": "Canceled out of stock",
    "04": "Canceled due to duplicate Amazon Ship ID",
    "05": "Canceled due to missing/invalid Bill To Location Code",
    "06": "Canceled due to missing/invalid Ship From Location Code",
    "07": "Canceled due to missing/invalid Customer Ship to Name",
    "08": "Canceled due to missing/invalid Customer Ship to Address Line 1",
    "09": "Canceled due to missing/invalid Customer Ship to City",
    "10": "Canceled due to missing/invalid Customer Ship to State",
    "11": "Canceled due to missing/invalid Customer Ship to Postal Code",
    "12": "Canceled due to missing/invalid Customer Ship to Country Code",
    "13": "Canceled due to missing/invalid Shipping Carrier/Shipping Method",
}
ACCEPTED = "00"
#: Amazon names no limit. 200 keeps a request well under 100 kB, and a shift's acknowledgements
#: within the burst of 10 calls: sending at the edge of the rate risks a 429 and its back-off.
BATCH_SIZE = 200
_PO_IN_DETAILS = re.compile(r"purchaseOrderNumber=([A-Za-z0-9]+)")


@dataclass(frozen=True)
class AckDecision:
    code: str

    def __post_init__(self) -> None:
        if self.code not in ACK_CODES:
            raise WorkflowError(
                f"{self.code!r} is not an acknowledgement code",
                hint=f"Use one of {', '.join(ACK_CODES)}.",
            )

    @property
    def accepted(self) -> bool:
        return self.code == ACCEPTED

    @property
    def description(self) -> str:
        return ACK_CODES[self.code]


Decide = Callable[[PackOrder], AckDecision]


def default_decision(settings: Settings) -> Decide:
    """Accept what this station can ship; refuse (raise) anything else. Never rejects."""

    def decide(order: PackOrder) -> AckDecision:
        po = order.purchase_order_number
        check_ours(po, order.ship_from_party_id, settings)
        if not order.ship_method.strip():
            raise OrderRefusedError(f"PO {po} has no ship method: not acknowledged")
        if any(not line.identifiers for line in order.lines):
            raise OrderRefusedError(
                f"PO {po} has a line with neither ASIN nor vendor SKU: not acknowledged"
            )
        return AckDecision(ACCEPTED)

    return decide


def person_rejects(po: str, code: str, *, confirmed: bool) -> Decide:
    """A rejection a person chose for one PO, after the code's meaning was shown to them.

    ``confirmed`` must be the person's explicit yes; any other PO is refused, never rejected.
    """
    decision = AckDecision(code)
    if decision.accepted:
        raise WorkflowError(f"Code {code} accepts the order; it is not a rejection")
    if not confirmed:
        raise WorkflowError(
            f"Rejecting PO {po} with code {code} ({decision.description}) cancels the "
            "customer's order and needs a person's confirmation",
            hint="Confirm the rejection explicitly, or leave the order alone.",
        )

    def decide(order: PackOrder) -> AckDecision:
        if order.purchase_order_number != po:
            raise OrderRefusedError(
                f"PO {order.purchase_order_number} was not the one chosen for rejection ({po})"
            )
        log.warning("PO %s: rejecting with code %s, as a person confirmed", po, code)
        return decision

    return decide


def acknowledgement_body(
    decisions: Sequence[tuple[PackOrder, AckDecision]], at: datetime
) -> dict[str, Any]:
    """The submitAcknowledgement wire body: every line of every order, nothing partial."""
    items = []
    for order, decision in decisions:
        items.append(
            {
                "purchase_order_number": order.purchase_order_number,
                # Vendors without an order system have no order number of their own: the PO is it.
                "vendor_order_number": order.purchase_order_number,
                "acknowledgement_date": at.astimezone(UTC),
                "acknowledgement_status": {
                    "code": decision.code,
                    "description": decision.description,
                },
                "selling_party": {"party_id": order.selling_party_id},
                "ship_from_party": {"party_id": order.ship_from_party_id},
                "item_acknowledgements": [
                    {
                        "item_sequence_number": line.order_item_sequence_number,
                        "buyer_product_identifier": line.buyer_product_identifier,
                        "vendor_product_identifier": line.vendor_product_identifier,
                        "acknowledged_quantity": {
                            "amount": line.quantity if decision.accepted else 0,
                            "unit_of_measure": "Each",
                        },
                    }
                    for line in order.lines
                ],
            }
        )
    request = orders_models.SubmitAcknowledgementRequest.model_validate(
        {"order_acknowledgements": items}
    )
    return to_wire(request)


@dataclass
class AckReport:
    accepted: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (PO, code)
    failed: dict[str, str] = field(default_factory=dict)  # PO -> reason
    transactions: list[str] = field(default_factory=list)


class Acknowledger:
    """Acknowledges NEW orders in batches and waits for Amazon's verdict on each batch."""

    def __init__(
        self,
        gateway: DfGateway,
        settings: Settings,
        *,
        journal: Journal | None = None,
        decide: Decide | None = None,
        batch_size: int = BATCH_SIZE,
        wait_seconds: float = 120.0,
        poll_interval: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] | None = None,
        cancel: threading.Event | None = None,
        watch: OutageWatch | None = None,
    ) -> None:
        self.gateway = gateway
        self._watch = watch
        self.journal = journal
        self._log = SubmissionLog(journal) if journal is not None else None
        self.decide = decide or default_decision(settings)
        self.batch_size = max(1, batch_size)
        self._wait = wait_seconds
        self._poll = poll_interval
        self._clock = clock
        self._now = now or (lambda: datetime.now(UTC))
        self._cancel = cancel or threading.Event()

    def acknowledge(
        self, orders: Iterable[PackOrder], progress: Callable[[str], None] | None = None
    ) -> AckReport:
        """Acknowledge the NEW ones among ``orders``; failures are per PO, never raised.

        Every batch is submitted first and the transactions are then polled together, so the
        wait for Amazon's verdict is paid once, not once per batch.
        """
        report = AckReport()
        pending = [o for o in orders if o.status is OrderStatus.NEW]
        submitted: dict[str, list[tuple[PackOrder, AckDecision]]] = {}
        pending = self._resume(report, pending, submitted)
        for start in range(0, len(pending), self.batch_size):
            if self._cancel.is_set():
                return report
            batch = pending[start : start + self.batch_size]
            if progress is not None:
                progress(f"Acknowledging orders {start + 1}-{start + len(batch)} of {len(pending)}")
            decisions = self._decisions(report, batch)
            if not decisions:
                continue
            pos = [o.purchase_order_number for o, _ in decisions]
            try:
                body = acknowledgement_body(decisions, self._now())
                if self._log is not None:
                    self._log.submitting(Operation.ACKNOWLEDGEMENT, pos)
                transaction_id = self.gateway.submit_acknowledgement(body)
            except StationError as exc:
                if self._log is not None and certainly_not_sent(exc):
                    self._log.decided(Operation.ACKNOWLEDGEMENT, pos, None, "not-sent")
                if self._watch is not None:
                    self._watch.failed(exc)
                    if self._watch.lost:
                        return report  # the batch ends here: these POs are not reached
                self._fail(report, pos, str(exc))
                continue
            if self._watch is not None:
                self._watch.answered()
            if self._log is not None:
                self._log.submitted(Operation.ACKNOWLEDGEMENT, pos, transaction_id)
            report.transactions.append(transaction_id)
            submitted[transaction_id] = decisions
        results = await_transactions(
            self.gateway,
            list(submitted),
            wait_seconds=self._wait,
            poll_interval=self._poll,
            clock=self._clock,
            cancel=self._cancel,
            watch=self._watch,
        )
        for transaction_id, decisions in submitted.items():
            self._settle(report, transaction_id, decisions, results.get(transaction_id))
        return report

    def _resume(
        self,
        report: AckReport,
        pending: list[PackOrder],
        submitted: dict[str, list[tuple[PackOrder, AckDecision]]],
    ) -> list[PackOrder]:
        """Orders with an acknowledgement already on its way are polled, never sent again."""
        if self._log is None:
            return pending
        fresh = []
        for order in pending:
            po = order.purchase_order_number
            found = self._log.open(Operation.ACKNOWLEDGEMENT, po)
            if found is None:
                fresh.append(order)
            elif found.transaction_id is not None:
                decisions = self._decisions(report, [order])
                if decisions:
                    submitted.setdefault(found.transaction_id, []).extend(decisions)
                    if found.transaction_id not in report.transactions:
                        report.transactions.append(found.transaction_id)
            elif self._log.now() < found.unsure_until():
                self._fail(
                    report,
                    [po],
                    f"an acknowledgement of PO {po} may be on its way (the station stopped while "
                    f"sending it); try again after {found.unsure_until().astimezone():%H:%M}",
                )
            else:
                fresh.append(order)
        return fresh

    def _decisions(
        self, report: AckReport, batch: Sequence[PackOrder]
    ) -> list[tuple[PackOrder, AckDecision]]:
        """Each order's decision; an order that cannot be decided or sent is refused alone."""
        decisions = []
        for order in batch:
            try:
                decision = self.decide(order)
                acknowledgement_body([(order, decision)], self._now())  # sendable on its own
            except StationError as exc:
                self._fail(report, [order.purchase_order_number], exc.message)
                continue
            except ValueError as exc:  # the request model refused it (pydantic)
                reason = f"its acknowledgement cannot be built ({type(exc).__name__})"
                self._fail(report, [order.purchase_order_number], reason)
                continue
            decisions.append((order, decision))
        return decisions

    def _settle(
        self,
        report: AckReport,
        transaction_id: str,
        decisions: Sequence[tuple[PackOrder, AckDecision]],
        result: TransactionResult | None,
    ) -> None:
        pos = [order.purchase_order_number for order, _ in decisions]
        if result is None:
            self._fail(
                report,
                pos,
                f"Amazon is still processing acknowledgement transaction {transaction_id}; "
                "it is not sent again: run the command again later to keep waiting for it",
            )
            return
        if self._log is not None:
            self._log.decided(
                Operation.ACKNOWLEDGEMENT,
                pos,
                transaction_id,
                result.status,
                [f"{e.code}: {e.message}" for e in result.errors],
            )
        failed_pos = {} if result.status == "Success" else attribute_errors(result.errors, pos)
        for order, decision in decisions:
            po = order.purchase_order_number
            if po in failed_pos:
                self._fail(report, [po], failed_pos[po])
            elif decision.accepted:
                report.accepted.append(po)
            else:
                report.rejected.append((po, decision.code))

    def _fail(self, report: AckReport, pos: Sequence[str], reason: str) -> None:
        for po in pos:
            report.failed[po] = reason
        self._record_failure(pos, reason)

    def _record_failure(self, pos: Sequence[str], reason: str) -> None:
        if self.journal is None:
            return
        for po in pos:
            self.journal.record_error(
                f"acknowledgement failed: {reason}", po=po, code="acknowledgement"
            )


def attribute_errors(errors: Sequence[ApiErrorDetail], pos: Sequence[str]) -> dict[str, str]:
    """Which POs a failed transaction's errors name (all of them when none is named)."""
    named: dict[str, str] = {}
    for error in errors:
        found = _PO_IN_DETAILS.search(error.details or "") or _PO_IN_DETAILS.search(error.message)
        text = f"{error.code}: {error.message}".rstrip(": ")
        if found and found.group(1) in pos:
            named.setdefault(found.group(1), text)
    if named:
        return named
    reason = "; ".join(f"{e.code}: {e.message}".rstrip(": ") for e in errors) or "no reason given"
    return dict.fromkeys(pos, reason)


def await_transactions(
    gateway: DfGateway,
    transaction_ids: Sequence[str],
    *,
    wait_seconds: float,
    poll_interval: float,
    clock: Callable[[], float] = time.monotonic,
    cancel: threading.Event | None = None,
    watch: OutageWatch | None = None,
    first_wait: float | None = None,
) -> dict[str, TransactionResult]:
    """Wait for Amazon's verdict on several transactions; the undecided ones (deadline passed,
    or ``cancel`` set) are missing from the answer. ``first_wait`` (default ``poll_interval``):
    the pause before the first poll — 0 when the oldest was sent a while ago.

    Amazon decides transactions roughly in the order they arrived, and every status poll spends
    the operation's quota (10/s), so only the oldest open transaction is polled: while it is
    still processing, the younger ones almost surely are too. A decided one is followed at once
    by the next. A poll that fails (network, throttling after retries) is tried again later;
    ``watch`` hears of every poll, so that a network gone for good ends the wait (it sets
    ``cancel``) instead of polling until the deadline.
    """
    cancel = cancel or threading.Event()
    open_ids = list(dict.fromkeys(transaction_ids))
    decided: dict[str, TransactionResult] = {}
    deadline = clock() + wait_seconds
    delay = poll_interval
    first = poll_interval if first_wait is None else first_wait
    if open_ids and cancel.wait(first):  # nothing is decided the instant it is sent
        return decided
    while open_ids and not cancel.is_set():
        transaction_id = open_ids[0]
        try:
            result: TransactionResult | None = gateway.transaction_status(transaction_id)
        except StationError as exc:
            log.warning("transaction %s: %s", transaction_id, exc)
            if watch is not None:
                watch.failed(exc)
            result = None
        else:
            if watch is not None:
                watch.answered()
        if result is not None and result.status != "Processing":
            decided[transaction_id] = result
            open_ids.pop(0)
            delay = poll_interval
            continue
        if clock() >= deadline or cancel.wait(delay):
            break
        delay = min(delay * 2, 2.0)
    return decided
