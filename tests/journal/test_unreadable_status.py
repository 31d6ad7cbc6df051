"""A confirmation whose transaction status cannot be read: polled again with back-off a bounded
number of times, then a visible "ask Amazon" state naming the transaction, looked at hourly,
never resent, and finished when the status can be read again."""

from __future__ import annotations

from station.errors import NetworkError, ResponseFormatError
from station.journal.outbox import Outbox, OutboxKind, OutboxState
from station.journal.outbox_worker import (
    STATUS_READ_TRIES,
    OutboxWorker,
    RetryPolicy,
    TransactionResult,
    TransactionStatus,
)
from station.journal.store import Journal
from tests.journal.conftest import FakeClock
from tests.journal.fakes import FakeChecker, FakeReconciler, FakeSender


def test_an_unreadable_status_ends_in_ask_amazon_then_recovers(
    journal: Journal, clock: FakeClock
) -> None:
    outbox = Outbox(journal)
    sender, checker = FakeSender(), FakeChecker()
    worker = OutboxWorker(outbox, sender, checker, FakeReconciler(sender), policy=RetryPolicy())
    worker.recover()
    try:
        item = outbox.enqueue(OutboxKind.CONFIRMATION, "PO1", {"n": 1})
        transaction = f"tx-{item.id}"
        unreadable = ResponseFormatError("getTransactionStatus: the answer is not JSON")
        checker.results[transaction] = [unreadable] * (STATUS_READ_TRIES + 3)
        assert worker.run_once()  # sent
        for _ in range(STATUS_READ_TRIES):
            clock.advance(minutes=2)  # past any poll back-off
            assert worker.run_once()
        stuck = outbox.get(item.id)
        assert stuck is not None and stuck.state is OutboxState.ASK_AMAZON
        assert stuck.is_open  # blocks a second confirmation of the PO
        assert "ask Amazon" in (stuck.last_error or "") and transaction in (stuck.last_error or "")
        assert len(checker.asked) == STATUS_READ_TRIES

        clock.advance(minutes=30)
        assert not worker.run_once()  # not due: looked at once an hour
        clock.advance(minutes=31)
        assert worker.run_once()  # still unreadable: stays asking Amazon
        assert outbox.get(item.id).state is OutboxState.ASK_AMAZON  # type: ignore[union-attr]

        checker.results[transaction] = [TransactionResult(TransactionStatus.SUCCESS)]
        clock.advance(hours=1, minutes=1)
        assert worker.run_once()
        assert outbox.get(item.id).state is OutboxState.SUCCEEDED  # type: ignore[union-attr]
        assert sender.keys_sent() == [item.key]  # never resent
    finally:
        worker.stop()


def test_a_readable_processing_answer_goes_back_to_polling(
    journal: Journal, clock: FakeClock
) -> None:
    outbox = Outbox(journal)
    sender, checker = FakeSender(), FakeChecker()
    worker = OutboxWorker(outbox, sender, checker, FakeReconciler(sender), policy=RetryPolicy())
    worker.recover()
    try:
        item = outbox.enqueue(OutboxKind.CONFIRMATION, "PO2", {"n": 1})
        transaction = f"tx-{item.id}"
        checker.results[transaction] = [NetworkError("offline")] * STATUS_READ_TRIES + [
            TransactionResult(TransactionStatus.PROCESSING)
        ]
        assert worker.run_once()
        for _ in range(STATUS_READ_TRIES):
            clock.advance(minutes=2)
            worker.run_once()
        assert outbox.get(item.id).state is OutboxState.ASK_AMAZON  # type: ignore[union-attr]
        clock.advance(hours=2)
        assert worker.run_once()
        back = outbox.get(item.id)
        assert back is not None and back.state is OutboxState.SENT and back.last_error is None
    finally:
        worker.stop()
