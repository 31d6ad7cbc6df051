"""The outbox worker's collaborators over the DF gateway: send, poll, and reconcile.

Reconciling — deciding whether an item whose send outcome is unknown (the process died mid-send,
the connection dropped after the request left, the answer was garbage) reached Amazon — is the
delicate part. DF has no "find my transaction" call and no idempotency key, so the only witness is
the order itself (``getOrder``):

* order ``SHIPPED`` → Amazon has a confirmation for it, and this station confirms a PO once (the
  outbox refuses a second, different confirmation), so it is ours: **delivered**.
* order not shipped → either the request never arrived, or it arrived and failed, or it arrived
  and Amazon *has not processed it yet*. That last window is the trap: a 202 is answered before
  processing, and processing takes from seconds to minutes. Resending inside the window would put
  two confirmations in Amazon's queue. So "not shipped" only becomes **not delivered** once the
  ambiguous send is older than ``settle_seconds`` (default 15 minutes, far beyond Amazon's usual
  processing time); before that the answer is **undetermined** and the worker asks again later.
  If it did arrive and failed, the resend fails the same way and the packer sees Amazon's reason;
  if it never arrived, the resend delivers it.
* order ``CANCELLED`` → nothing can ship it any more; resending lets Amazon say so
  (``ORDER_CANCELLED``) so the packer gets a definite answer: **not delivered**, after the same
  settling window (a cancellation does not prove our request was not received).

"Already shipped": a confirmation transaction that fails *only* with "already shipped" is ours
only when an earlier send of the same item may have reached Amazon (it went ``unknown`` and was
resent after the settling time): then the PO was confirmed by our first send, a success. When
every earlier send of the item is accounted for, somebody else confirmed the PO — another desk,
or another station process — and two parcels would leave: the item fails with Amazon's code and a
message telling the packer to hold the box, and the journal records it (``shipped-elsewhere``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from station.errors import ApiErrorDetail, WorkflowError
from station.journal.outbox import Outbox, OutboxItem, OutboxKind, OutboxState
from station.journal.outbox_worker import (
    Reconciliation,
    TransactionResult,
    TransactionStatus,
    Verdict,
)
from station.journal.records import EventKind
from station.journal.store import Journal
from station.workflow.gateway import DfGateway
from station.workflow.order import OrderStatus

log = logging.getLogger(__name__)

__all__ = [
    "ALREADY_SHIPPED_CODES",
    "DEFAULT_SETTLE_SECONDS",
    "SHIPPED_ELSEWHERE",
    "GatewaySender",
    "GatewayTransactionChecker",
    "OrderStatusReconciler",
    "shipped_elsewhere",
]

DEFAULT_SETTLE_SECONDS = 15 * 60.0
ALREADY_SHIPPED_CODES = frozenset({"ORDER_ALREADY_SHIPPED"})
#: The journal's error code when another desk shipped a PO this station was packing.
SHIPPED_ELSEWHERE = "shipped-elsewhere"


class GatewaySender:
    """Sends confirmations and status updates (the only two outbox kinds) through the gateway."""

    def __init__(self, gateway: DfGateway) -> None:
        self._gateway = gateway

    def send(self, item: OutboxItem) -> str:
        if item.kind is OutboxKind.CONFIRMATION:
            return self._gateway.submit_confirmation(item.payload)
        if item.kind is OutboxKind.STATUS_UPDATE:
            return self._gateway.submit_status_update(item.payload)
        raise WorkflowError(f"The outbox holds an item of unknown kind {item.kind!r}")


class GatewayTransactionChecker:
    """Polls a transaction; decides what Amazon's "already shipped" means (module docstring)."""

    def __init__(
        self, gateway: DfGateway, *, outbox: Outbox | None = None, journal: Journal | None = None
    ) -> None:
        self._gateway = gateway
        self._outbox = outbox
        self._journal = journal

    def status(self, transaction_id: str) -> TransactionResult:
        result = self._gateway.transaction_status(transaction_id)
        status = TransactionStatus(result.status)
        if (
            status is TransactionStatus.FAILURE
            and result.errors
            and all(e.code in ALREADY_SHIPPED_CODES for e in result.errors)
        ):
            item = self._outbox.by_transaction(transaction_id) if self._outbox else None
            if item is not None and self._resent_after_unknown(item):
                log.warning(
                    "transaction %s: Amazon says PO %s was already shipped; an earlier send of "
                    "the same confirmation went through",
                    transaction_id,
                    item.po,
                )
                return TransactionResult(TransactionStatus.SUCCESS)
            return TransactionResult(status, self._shipped_elsewhere(item, result.errors))
        return TransactionResult(status, tuple(result.errors))

    def _resent_after_unknown(self, item: OutboxItem) -> bool:
        """Whether a send of ``item`` before this one may have reached Amazon."""
        if self._journal is None:
            return False
        return any(
            event.outcome == str(OutboxState.UNKNOWN) and event.detail.get("outbox_id") == item.id
            for event in self._journal.events(po=item.po, kind=EventKind.TRANSACTION)
        )

    def _shipped_elsewhere(
        self, item: OutboxItem | None, errors: tuple[ApiErrorDetail, ...]
    ) -> tuple[ApiErrorDetail, ...]:
        po = item.po if item is not None else "this PO"
        message = (
            f"Another desk already shipped PO {po}: HOLD THIS BOX, do not send it "
            "(this station's confirmation was not accepted)"
        )
        if self._journal is not None and item is not None:
            self._journal.record_error(message, po=item.po, code=SHIPPED_ELSEWHERE)
        first = errors[0]
        return (ApiErrorDetail(code=first.code, message=message, details=first.message),)


class OrderStatusReconciler:
    """Answers "did this item reach Amazon?" from the order's status (see the module docstring)."""

    def __init__(
        self,
        gateway: DfGateway,
        journal: Journal,
        *,
        settle_seconds: float = DEFAULT_SETTLE_SECONDS,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self._gateway = gateway
        self._journal = journal
        self._settle = timedelta(seconds=settle_seconds)
        self._now = now or journal.now

    def last_send_started(self, item: OutboxItem) -> datetime:
        """When the ambiguous send began: the last ``sending`` transition the journal recorded
        for this item (the item's own timestamps move with every check)."""
        latest: datetime | None = None
        for event in self._journal.events(po=item.po, kind=EventKind.TRANSACTION):
            if event.outcome == "sending" and event.detail.get("outbox_id") == item.id:
                latest = event.at
        if latest is None:
            for event in self._journal.events(po=item.po, kind=EventKind.STATUS_UPDATE):
                if event.outcome == "sending" and event.detail.get("outbox_id") == item.id:
                    latest = event.at
        return latest or item.updated_at

    def reconcile(self, item: OutboxItem) -> Reconciliation:
        if item.kind is not OutboxKind.CONFIRMATION:
            # A status update leaves no trace in the order; a duplicate carrier event is harmless
            # to Amazon, a lost one is not. Resend once the settling window is over.
            if self._settled(item):
                return Reconciliation(Verdict.NOT_DELIVERED, reason="status update resent")
            return Reconciliation(Verdict.UNDETERMINED, reason="waiting for Amazon to settle")
        order = self._gateway.get_order(item.po)
        if order.status is OrderStatus.SHIPPED:
            return Reconciliation(Verdict.DELIVERED, reason="Amazon shows the order shipped")
        if not self._settled(item):
            return Reconciliation(
                Verdict.UNDETERMINED,
                reason=f"order {order.status.value}; Amazon may still be processing the send",
            )
        return Reconciliation(
            Verdict.NOT_DELIVERED,
            reason=f"order still {order.status.value} after the settling time: sending again",
        )

    def _settled(self, item: OutboxItem) -> bool:
        return self._now() - self.last_send_started(item) >= self._settle


def shipped_elsewhere(item: OutboxItem) -> bool:
    """Whether a failed confirmation failed because another desk shipped its PO."""
    return item.state is OutboxState.FAILED and any(
        e.code in ALREADY_SHIPPED_CODES for e in item.errors
    )
