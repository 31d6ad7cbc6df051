"""The outbox adapters over the gateway: send both kinds, poll, and reconcile only when sure."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from station.errors import ApiErrorDetail
from station.journal import Journal, Outbox, OutboxKind, OutboxState, TransactionStatus, Verdict
from station.workflow.delivery import (
    GatewaySender,
    GatewayTransactionChecker,
    OrderStatusReconciler,
)
from station.workflow.gateway import TransactionResult
from station.workflow.order import OrderLine, OrderStatus, PackOrder

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


class FakeGateway:
    """The DfGateway surface the adapters use, scripted."""

    api_version = "2021-12-28"

    def __init__(self) -> None:
        self.status = OrderStatus.ACCEPTED
        self.confirmations: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any]] = []
        self.transaction = TransactionResult("tx", "Success")

    def get_order(self, po: str) -> PackOrder:
        return PackOrder(
            po,
            self.status,
            T0,
            None,
            "UPS_GR_RES",
            False,
            False,
            False,
            "",
            "999US",
            "ABCD",
            "US",
            (OrderLine(1, "B0X", None, "t", 1, "00001"),),
        )

    def submit_confirmation(self, body: Any) -> str:
        self.confirmations.append(dict(body))
        return "tx-c"

    def submit_status_update(self, body: Any) -> str:
        self.updates.append(dict(body))
        return "tx-s"

    def transaction_status(self, transaction_id: str) -> TransactionResult:
        return replace(self.transaction, transaction_id=transaction_id)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def journal(tmp_path: Path, clock: Clock) -> Iterator[Journal]:
    with Journal.open(tmp_path / "j.sqlite3", station_id="s1", clock=clock) as journal:
        yield journal


def test_sender_sends_each_kind_through_its_operation(journal: Journal) -> None:
    gateway = FakeGateway()
    outbox = Outbox(journal)
    sender = GatewaySender(gateway)  # type: ignore[arg-type]
    confirmation = outbox.enqueue(OutboxKind.CONFIRMATION, "PO1", {"a": 1})
    update = outbox.enqueue(OutboxKind.STATUS_UPDATE, "PO1", {"b": 2})
    assert sender.send(confirmation) == "tx-c"
    assert sender.send(update) == "tx-s"
    assert gateway.confirmations == [{"a": 1}] and gateway.updates == [{"b": 2}]


def test_checker_maps_status() -> None:
    gateway = FakeGateway()
    checker = GatewayTransactionChecker(gateway)  # type: ignore[arg-type]
    assert checker.status("t").status is TransactionStatus.SUCCESS
    gateway.transaction = TransactionResult(
        "t", "Failure", (ApiErrorDetail("EMPTY_PACKAGES", "no items"),)
    )
    failed = checker.status("t")
    assert failed.status is TransactionStatus.FAILURE and failed.errors[0].code == "EMPTY_PACKAGES"
    gateway.transaction = TransactionResult("t", "Processing")
    assert checker.status("t").status is TransactionStatus.PROCESSING


def _sent(outbox: Outbox, transaction_id: str, *, unknown_first: bool) -> Any:
    item = outbox.enqueue(OutboxKind.CONFIRMATION, "PO1", {"n": 1})
    pending = (OutboxState.PENDING,)
    if unknown_first:  # the first send's outcome was lost; the reconciler allowed a resend
        outbox.transition(item.id, from_states=pending, to=OutboxState.SENDING)
        outbox.transition(item.id, from_states=(OutboxState.SENDING,), to=OutboxState.UNKNOWN)
        outbox.transition(item.id, from_states=(OutboxState.UNKNOWN,), to=OutboxState.PENDING)
    outbox.transition(item.id, from_states=pending, to=OutboxState.SENDING)
    return outbox.transition(
        item.id,
        from_states=(OutboxState.SENDING,),
        to=OutboxState.SENT,
        transaction_id=transaction_id,
    )


def test_already_shipped_after_our_own_lost_send_is_our_success(journal: Journal) -> None:
    gateway = FakeGateway()
    outbox = Outbox(journal)
    _sent(outbox, "t2", unknown_first=True)
    gateway.transaction = TransactionResult(
        "t2", "Failure", (ApiErrorDetail("ORDER_ALREADY_SHIPPED", "shipped"),)
    )
    checker = GatewayTransactionChecker(gateway, outbox=outbox, journal=journal)  # type: ignore[arg-type]
    assert checker.status("t2").status is TransactionStatus.SUCCESS


def test_already_shipped_when_every_send_is_accounted_for_is_another_desk(
    journal: Journal,
) -> None:
    """Our only send was answered with a transaction id: "already shipped" is somebody else's
    shipment. Two parcels must not leave: the packer holds the box, the journal says why."""
    gateway = FakeGateway()
    outbox = Outbox(journal)
    _sent(outbox, "t1", unknown_first=False)
    gateway.transaction = TransactionResult(
        "t1", "Failure", (ApiErrorDetail("ORDER_ALREADY_SHIPPED", "shipped"),)
    )
    checker = GatewayTransactionChecker(gateway, outbox=outbox, journal=journal)  # type: ignore[arg-type]
    result = checker.status("t1")
    assert result.status is TransactionStatus.FAILURE
    assert result.errors[0].code == "ORDER_ALREADY_SHIPPED"
    assert "Another desk already shipped PO PO1: HOLD THIS BOX" in result.errors[0].message
    errors = [e for e in journal.events(po="PO1") if e.kind.value == "error"]
    assert errors and errors[-1].outcome == "shipped-elsewhere"
    # Without the outbox to tell, it is never taken for a success either.
    assert GatewayTransactionChecker(gateway).status("t1").status is TransactionStatus.FAILURE  # type: ignore[arg-type]


def _unknown_item(outbox: Outbox, kind: OutboxKind = OutboxKind.CONFIRMATION) -> Any:
    item = outbox.enqueue(kind, "PO1", {"n": 1})
    sending = outbox.transition(item.id, from_states=(OutboxState.PENDING,), to=OutboxState.SENDING)
    assert sending is not None
    unknown = outbox.transition(item.id, from_states=(OutboxState.SENDING,), to=OutboxState.UNKNOWN)
    assert unknown is not None
    return unknown


def test_reconciler_says_delivered_when_amazon_shows_the_order_shipped(
    journal: Journal, clock: Clock
) -> None:
    gateway = FakeGateway()
    gateway.status = OrderStatus.SHIPPED
    item = _unknown_item(Outbox(journal))
    answer = OrderStatusReconciler(gateway, journal, settle_seconds=600).reconcile(item)  # type: ignore[arg-type]
    assert answer.verdict is Verdict.DELIVERED


@pytest.mark.parametrize("status", [OrderStatus.ACCEPTED, OrderStatus.NEW, OrderStatus.CANCELLED])
def test_reconciler_waits_out_amazons_processing_window_before_a_resend(
    journal: Journal, clock: Clock, status: OrderStatus
) -> None:
    """Not shipped right after the send may mean "received, not processed yet": never resend
    inside the window; after it, the order would show SHIPPED had the send arrived."""
    gateway = FakeGateway()
    gateway.status = status
    outbox = Outbox(journal)
    item = _unknown_item(outbox)
    reconciler = OrderStatusReconciler(gateway, journal, settle_seconds=600)  # type: ignore[arg-type]
    clock.now = T0 + timedelta(seconds=599)
    # the item's own timestamps move with each check: the window runs from the send itself
    outbox.transition(item.id, from_states=(OutboxState.UNKNOWN,), to=OutboxState.UNKNOWN)
    assert reconciler.reconcile(item).verdict is Verdict.UNDETERMINED
    clock.now = T0 + timedelta(seconds=600)
    assert reconciler.reconcile(item).verdict is Verdict.NOT_DELIVERED


def test_reconciler_window_starts_at_the_last_send(journal: Journal, clock: Clock) -> None:
    gateway = FakeGateway()
    outbox = Outbox(journal)
    item = _unknown_item(outbox)
    outbox.transition(item.id, from_states=(OutboxState.UNKNOWN,), to=OutboxState.PENDING)
    clock.now = T0 + timedelta(seconds=500)
    outbox.transition(item.id, from_states=(OutboxState.PENDING,), to=OutboxState.SENDING)
    again = outbox.transition(item.id, from_states=(OutboxState.SENDING,), to=OutboxState.UNKNOWN)
    assert again is not None
    reconciler = OrderStatusReconciler(gateway, journal, settle_seconds=100)  # type: ignore[arg-type]
    clock.now = T0 + timedelta(seconds=550)
    assert reconciler.last_send_started(again) == T0 + timedelta(seconds=500)
    assert reconciler.reconcile(again).verdict is Verdict.UNDETERMINED


def test_status_updates_are_resent_only_after_the_window(journal: Journal, clock: Clock) -> None:
    gateway = FakeGateway()
    item = _unknown_item(Outbox(journal), OutboxKind.STATUS_UPDATE)
    reconciler = OrderStatusReconciler(gateway, journal, settle_seconds=60)  # type: ignore[arg-type]
    assert reconciler.reconcile(item).verdict is Verdict.UNDETERMINED
    clock.now = T0 + timedelta(seconds=61)
    assert reconciler.reconcile(item).verdict is Verdict.NOT_DELIVERED
