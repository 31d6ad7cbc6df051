"""The outbox and its worker, step by step (run_once, fake clock) and as a running thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from station.errors import (
    ApiErrorDetail,
    AuthError,
    ForbiddenError,
    InvalidRequestError,
    JournalError,
    NetworkError,
    ServerError,
    StationError,
    ThrottledError,
    UnknownOutcomeError,
)
from station.journal.outbox import (
    Outbox,
    OutboxConflictError,
    OutboxItem,
    OutboxKind,
    OutboxState,
    idempotency_key,
)
from station.journal.outbox_worker import (
    OutboxWorker,
    Reconciliation,
    RetryPolicy,
    TransactionResult,
    TransactionStatus,
    Verdict,
)
from station.journal.records import EventKind, ShipmentStatus
from station.journal.store import Journal
from tests.journal.conftest import FakeClock
from tests.journal.fakes import FakeChecker, FakeReconciler, FakeSender

CONFIRMATION = OutboxKind.CONFIRMATION
FAST = RetryPolicy(
    first_delay=0.01, max_delay=0.05, poll_first_delay=0.01, poll_max_delay=0.05, idle_poll=0.05
)


@pytest.fixture
def outbox(journal: Journal) -> Outbox:
    return Outbox(journal)


class Rig:
    def __init__(self, outbox: Outbox, sender: FakeSender, policy: RetryPolicy) -> None:
        self.outbox = outbox
        self.sender = sender
        self.policy = policy
        self.checker = FakeChecker()
        self.reconciler = FakeReconciler(sender)
        self.worker = OutboxWorker(outbox, sender, self.checker, self.reconciler, policy=policy)

    def drain(self, clock: FakeClock, steps: int = 50) -> None:
        """Run the worker until nothing is due, moving the clock past every back-off."""
        for _ in range(steps):
            if not self.worker.run_once():
                clock.advance(hours=1)
                if not self.worker.run_once():
                    return
        raise AssertionError("the outbox did not settle")


@pytest.fixture
def rig(outbox: Outbox) -> Iterator[Rig]:
    made = Rig(outbox, FakeSender(), RetryPolicy())
    made.worker.recover()
    yield made
    made.worker.stop()


def test_enqueue_is_durable_and_idempotent(outbox: Outbox, journal_path: Path) -> None:
    first = outbox.enqueue(CONFIRMATION, "PO1", {"b": 2, "a": 1}, ship_method="UPS")
    again = outbox.enqueue(CONFIRMATION, "PO1", {"a": 1, "b": 2})
    assert again == first
    assert first.state is OutboxState.PENDING
    assert first.key == idempotency_key(CONFIRMATION, "PO1", {"a": 1, "b": 2})
    # Committed: another connection sees it at once.
    with Journal.open(journal_path, station_id="other") as other:
        assert [i.key for i in Outbox(other).list()] == [first.key]


def test_a_second_different_confirmation_is_refused(outbox: Outbox) -> None:
    outbox.enqueue(CONFIRMATION, "PO1", {"boxes": 1})
    with pytest.raises(OutboxConflictError, match="PO1"):
        outbox.enqueue(CONFIRMATION, "PO1", {"boxes": 2})
    # Status updates for a PO are many by nature.
    outbox.enqueue(OutboxKind.STATUS_UPDATE, "PO1", {"event": "departed"})
    outbox.enqueue(OutboxKind.STATUS_UPDATE, "PO1", {"event": "delivered"})


def test_a_failed_confirmation_can_be_corrected_or_resubmitted(outbox: Outbox) -> None:
    item = outbox.enqueue(CONFIRMATION, "PO1", {"boxes": 1})
    outbox.transition(item.id, from_states=[OutboxState.PENDING], to=OutboxState.FAILED)
    corrected = outbox.enqueue(CONFIRMATION, "PO1", {"boxes": 2})
    assert corrected.id != item.id
    outbox.transition(corrected.id, from_states=[OutboxState.PENDING], to=OutboxState.FAILED)
    resubmitted = outbox.enqueue(CONFIRMATION, "PO1", {"boxes": 1})
    assert resubmitted.id == item.id
    assert resubmitted.state is OutboxState.PENDING
    retried = outbox.retry(corrected.id)
    assert retried.state is OutboxState.PENDING
    with pytest.raises(JournalError, match="not a failed item"):
        outbox.retry(corrected.id)


def test_unserialisable_payload_is_a_journal_error(outbox: Outbox) -> None:
    with pytest.raises(JournalError, match="JSON"):
        outbox.enqueue(CONFIRMATION, "PO1", {"when": object()})
    with pytest.raises(JournalError, match="PO number"):
        outbox.enqueue(CONFIRMATION, "", {})


def test_happy_path_sends_once_and_polls_to_success(rig: Rig, clock: FakeClock) -> None:
    seen: list[OutboxState] = []
    rig.outbox.add_listener(lambda item: seen.append(item.state))
    item = rig.outbox.enqueue(CONFIRMATION, "PO1", {"n": 1}, ship_method="UPS")
    rig.checker.results[f"tx-{item.id}"] = [TransactionResult(TransactionStatus.PROCESSING)]
    rig.drain(clock)
    done = rig.outbox.get(item.id)
    assert done is not None
    assert done.state is OutboxState.SUCCEEDED
    assert done.transaction_id == f"tx-{item.id}"
    assert done.attempts == 1
    assert rig.sender.keys_sent() == [item.key]
    assert seen == [
        OutboxState.PENDING,
        OutboxState.SENDING,
        OutboxState.SENT,
        OutboxState.SENT,  # Processing: polled again later
        OutboxState.SUCCEEDED,
    ]
    assert rig.outbox.journal.shipment("PO1").status is ShipmentStatus.CONFIRMED  # type: ignore[union-attr]
    kinds = [e.kind for e in rig.outbox.journal.po_history("PO1")]
    assert EventKind.TRANSACTION in kinds


def test_offline_items_stay_pending_and_go_when_the_network_returns(
    rig: Rig, clock: FakeClock
) -> None:
    rig.sender.outcomes = [NetworkError("no route to host")] * 20
    first = rig.outbox.enqueue(CONFIRMATION, "PO1", {})
    second = rig.outbox.enqueue(CONFIRMATION, "PO2", {})
    for _ in range(10):  # far beyond max_attempts: offline never fails an item
        assert rig.worker.run_once()
        clock.advance(hours=1)
    for item in (first, second):
        now = rig.outbox.get(item.id)
        assert now is not None
        assert now.state is OutboxState.PENDING
        assert now.last_error == "no route to host"
    rig.sender.outcomes.clear()
    rig.drain(clock)
    assert [i.state for i in rig.outbox.list()] == [OutboxState.SUCCEEDED] * 2
    assert sorted(rig.sender.deliveries) == sorted([first.key, second.key])


def test_back_off_delays_the_next_attempt(rig: Rig, clock: FakeClock) -> None:
    rig.sender.outcomes = [NetworkError("down")]
    item = rig.outbox.enqueue(CONFIRMATION, "PO1", {})
    assert rig.worker.run_once()
    assert not rig.worker.run_once(), "retried before its back-off"
    after = rig.outbox.get(item.id)
    assert after is not None
    assert after.next_attempt_at > clock()


def test_unknown_outcome_is_reconciled_and_never_resent_when_delivered(
    rig: Rig, clock: FakeClock
) -> None:
    def lost_answer(item: OutboxItem) -> str:
        rig.sender.delivered[item.key] = "tx-real"
        raise UnknownOutcomeError("read timeout after the request was sent")

    rig.sender.outcomes = [lost_answer]
    item = rig.outbox.enqueue(CONFIRMATION, "PO1", {})
    assert rig.worker.run_once()
    assert rig.outbox.get(item.id).state is OutboxState.UNKNOWN  # type: ignore[union-attr]
    rig.drain(clock)
    final = rig.outbox.get(item.id)
    assert final is not None
    assert final.state is OutboxState.SUCCEEDED
    assert final.transaction_id == "tx-real"
    assert len(rig.sender.sent) == 1
    assert [i.id for i in rig.reconciler.asked] == [item.id]


def test_unknown_outcome_not_delivered_is_sent_again(rig: Rig, clock: FakeClock) -> None:
    rig.sender.outcomes = [UnknownOutcomeError("connection reset")]
    item = rig.outbox.enqueue(CONFIRMATION, "PO1", {})
    rig.drain(clock)
    assert rig.outbox.get(item.id).state is OutboxState.SUCCEEDED  # type: ignore[union-attr]
    assert len(rig.sender.sent) == 2
    assert len(rig.reconciler.asked) == 1


def test_undetermined_or_unreachable_reconciliation_waits(rig: Rig, clock: FakeClock) -> None:
    rig.sender.outcomes = [ServerError("502 from the gateway", status=502)]
    rig.reconciler.answers = [
        Reconciliation(Verdict.UNDETERMINED, reason="order still open"),
        NetworkError("offline"),
        Reconciliation(Verdict.DELIVERED),  # shipped, no transaction id known
    ]
    item = rig.outbox.enqueue(CONFIRMATION, "PO1", {})
    assert rig.worker.run_once()
    for expected in ("order still open", "cannot check yet: offline"):
        clock.advance(hours=1)
        assert rig.worker.run_once()
        now = rig.outbox.get(item.id)
        assert now is not None
        assert now.state is OutboxState.UNKNOWN
        assert now.last_error == expected
    rig.drain(clock)
    assert rig.outbox.get(item.id).state is OutboxState.SUCCEEDED  # type: ignore[union-attr]
    assert len(rig.sender.sent) == 1


def test_permanent_rejection_fails_with_amazons_errors(rig: Rig, clock: FakeClock) -> None:
    detail = ApiErrorDetail("InvalidInput", "itemSequenceNumber must be an integer")
    rig.sender.outcomes = [InvalidRequestError("rejected", status=400, errors=[detail])]
    item = rig.outbox.enqueue(CONFIRMATION, "PO1", {})
    rig.drain(clock)
    failed = rig.outbox.get(item.id)
    assert failed is not None
    assert failed.state is OutboxState.FAILED
    assert failed.errors == (detail,)
    record = rig.outbox.journal.shipment("PO1")
    assert record is not None
    assert record.status is ShipmentStatus.FAILED
    assert record.errors == ("InvalidInput: itemSequenceNumber must be an integer",)


def test_transaction_failure_keeps_the_errors(rig: Rig, clock: FakeClock) -> None:
    item = rig.outbox.enqueue(CONFIRMATION, "PO1", {})
    detail = ApiErrorDetail("EMPTY_PACKAGES", "a package has no items")
    rig.checker.results[f"tx-{item.id}"] = [
        NetworkError("offline"),
        TransactionResult(TransactionStatus.FAILURE, (detail,)),
    ]
    rig.drain(clock)
    failed = rig.outbox.get(item.id)
    assert failed is not None
    assert failed.state is OutboxState.FAILED
    assert failed.errors == (detail,)
    assert len(rig.checker.asked) == 2


@pytest.mark.parametrize(
    "refusal",
    [
        ThrottledError("429", status=429),
        AuthError("401", status=401),
        ForbiddenError("403", status=403),
    ],
)
def test_a_send_amazon_refused_before_processing_stays_queued_until_sent(
    rig: Rig, clock: FakeClock, refusal: StationError
) -> None:
    """Throttled or refused credentials: it never reached Amazon, so it is never "rejected".
    It waits, ever less often, with the reason, and goes out once Amazon lets it."""
    rig.sender.outcomes = [refusal] * 12
    item = rig.outbox.enqueue(CONFIRMATION, "PO1", {})
    waits = []
    for _ in range(12):
        assert rig.worker.run_once()
        waiting = rig.outbox.get(item.id)
        assert waiting is not None and waiting.state is OutboxState.PENDING
        assert (waiting.last_error or "").startswith("not sent yet: Amazon")
        waits.append(waiting.next_attempt_at - clock())
        clock.advance(hours=1)
    assert waits[3] > waits[0] and waits[-1] <= timedelta(seconds=rig.policy.max_delay * 1.3)
    rig.drain(clock)
    sent = rig.outbox.get(item.id)
    assert sent is not None and sent.state is OutboxState.SUCCEEDED


def test_a_send_an_older_station_gave_up_on_is_queued_again(outbox: Outbox) -> None:
    item = outbox.enqueue(CONFIRMATION, "PO1", {})
    outbox.transition(
        item.id,
        from_states=(OutboxState.PENDING,),
        to=OutboxState.FAILED,
        last_error="gave up after 8 attempts: 429",
    )
    made = Rig(outbox, FakeSender(), RetryPolicy())
    made.worker.recover()
    try:
        again = outbox.get(item.id)
        assert again is not None and again.state is OutboxState.PENDING
    finally:
        made.worker.stop()


def test_an_unexpected_sender_bug_means_unknown_not_resent_blindly(
    rig: Rig, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    rig.sender.outcomes = [RuntimeError("bug")]
    item = rig.outbox.enqueue(CONFIRMATION, "PO1", {})
    assert rig.worker.run_once()
    assert rig.outbox.get(item.id).state is OutboxState.UNKNOWN  # type: ignore[union-attr]
    assert "unexpected error" in caplog.text


def test_restart_turns_interrupted_sends_into_unknown(
    outbox: Outbox, clock: FakeClock, journal_path: Path
) -> None:
    item = outbox.enqueue(CONFIRMATION, "PO1", {})
    outbox.transition(item.id, from_states=[OutboxState.PENDING], to=OutboxState.SENDING)
    sender = FakeSender()
    sender.delivered[item.key] = "tx-before-crash"  # it did reach Amazon
    rig = Rig(outbox, sender, RetryPolicy())
    moved = rig.worker.recover()
    try:
        assert [i.id for i in moved] == [item.id]
        assert moved[0].state is OutboxState.UNKNOWN
        rig.drain(clock)
    finally:
        rig.worker.stop()
    final = outbox.get(item.id)
    assert final is not None
    assert final.state is OutboxState.SUCCEEDED
    assert final.transaction_id == "tx-before-crash"
    assert sender.sent == []


def test_only_one_worker_per_journal(outbox: Outbox, journal_path: Path, clock: FakeClock) -> None:
    first = Rig(outbox, FakeSender(), FAST)
    first.worker.recover()
    try:
        with Journal.open(journal_path, station_id="b", clock=clock) as other:
            second = Rig(Outbox(other), FakeSender(), FAST)
            with pytest.raises(JournalError, match="already sending"):
                second.worker.start()
            with pytest.raises(JournalError, match="lock is not held"):
                second.worker.run_once()
    finally:
        first.worker.stop()
    third = Rig(outbox, FakeSender(), FAST)
    third.worker.recover()  # free again
    third.worker.stop()


def test_flush_requires_a_running_worker(rig: Rig) -> None:
    with pytest.raises(JournalError, match="not running"):
        rig.worker.flush(0.1)


def test_running_worker_delivers_everything_once(journal_path: Path) -> None:
    with Journal.open(journal_path, station_id="s") as journal:
        outbox = Outbox(journal)
        sender = FakeSender(NetworkError("blip"), UnknownOutcomeError("timeout"))
        rig = Rig(outbox, sender, FAST)
        done = threading.Event()

        def on_change(item: OutboxItem) -> None:
            states = {i.state for i in outbox.list()}
            if states == {OutboxState.SUCCEEDED} and len(outbox.list()) == 5:
                done.set()

        outbox.add_listener(on_change)
        with rig.worker:
            for n in range(5):
                outbox.enqueue(CONFIRMATION, f"PO{n}", {"n": n})
            assert rig.worker.flush(timeout=30) == []
            assert done.wait(timeout=30)
        assert not rig.worker.running
        assert sorted(sender.deliveries) == sorted(i.key for i in outbox.list())


def test_flush_while_offline_returns_what_is_still_queued(journal_path: Path) -> None:
    with Journal.open(journal_path, station_id="s") as journal:
        outbox = Outbox(journal)
        online = threading.Event()

        def maybe_offline(item: OutboxItem) -> str:
            if not online.is_set():
                raise NetworkError("offline")
            return f"tx-{item.id}"

        sender = FakeSender(*([maybe_offline] * 1000))
        rig = Rig(outbox, sender, FAST)
        with rig.worker:
            item = outbox.enqueue(CONFIRMATION, "PO1", {})
            left = rig.worker.flush(timeout=0.3)
            assert [i.id for i in left] == [item.id]
            assert left[0].state in (OutboxState.PENDING, OutboxState.SENDING)
            online.set()
            assert rig.worker.flush(timeout=30) == []
        assert sender.deliveries == [item.key]
