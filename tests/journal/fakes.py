"""Hand-written fakes with the real surface of the outbox's collaborators."""

from __future__ import annotations

import threading
from collections.abc import Callable

from station.journal.outbox import OutboxItem
from station.journal.outbox_worker import (
    Reconciliation,
    TransactionResult,
    TransactionStatus,
    Verdict,
)

Outcome = str | Exception | Callable[[OutboxItem], str]


class FakeSender:
    """Returns scripted outcomes in order (then ``tx-<id>``); records what it was asked to send."""

    def __init__(self, *outcomes: Outcome) -> None:
        self.outcomes: list[Outcome] = list(outcomes)
        self.sent: list[OutboxItem] = []
        self.delivered: dict[str, str] = {}  # idempotency key -> transaction id
        self.deliveries: list[str] = []  # every key that really arrived, once per arrival
        self._lock = threading.Lock()

    def send(self, item: OutboxItem) -> str:
        with self._lock:
            self.sent.append(item)
            outcome: Outcome = self.outcomes.pop(0) if self.outcomes else f"tx-{item.id}"
        if isinstance(outcome, Exception):
            raise outcome
        transaction_id = outcome if isinstance(outcome, str) else outcome(item)
        with self._lock:
            self.delivered[item.key] = transaction_id
            self.deliveries.append(item.key)
        return transaction_id

    def keys_sent(self) -> list[str]:
        with self._lock:
            return [item.key for item in self.sent]


class FakeChecker:
    """Success for every transaction unless a result is scripted for it."""

    def __init__(self) -> None:
        self.results: dict[str, list[TransactionResult | Exception]] = {}
        self.asked: list[str] = []

    def status(self, transaction_id: str) -> TransactionResult:
        self.asked.append(transaction_id)
        queue = self.results.get(transaction_id)
        result = queue.pop(0) if queue else TransactionResult(TransactionStatus.SUCCESS)
        if isinstance(result, Exception):
            raise result
        return result


class FakeReconciler:
    """Answers from the sender's record of what really arrived, unless an answer is scripted."""

    def __init__(self, sender: FakeSender) -> None:
        self.sender = sender
        self.answers: list[Reconciliation | Exception] = []
        self.asked: list[OutboxItem] = []

    def reconcile(self, item: OutboxItem) -> Reconciliation:
        self.asked.append(item)
        if self.answers:
            answer = self.answers.pop(0)
            if isinstance(answer, Exception):
                raise answer
            return answer
        transaction_id = self.sender.delivered.get(item.key)
        if transaction_id is None:
            return Reconciliation(Verdict.NOT_DELIVERED)
        return Reconciliation(Verdict.DELIVERED, transaction_id)
