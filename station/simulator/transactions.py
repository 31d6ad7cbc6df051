"""Asynchronous processing of submissions, as Amazon does it: 202 now, a verdict later.

Each submission becomes a transaction that stays ``Processing`` for ``delay`` seconds and is then
decided by its ``decide`` callable on one background worker thread (in submission order), so the
station's polling of getTransactionStatus is exercised for real.
"""

from __future__ import annotations

import heapq
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

Decide = Callable[[], list[dict[str, str]]]


@dataclass
class Transaction:
    transaction_id: str
    kind: str  # "acknowledgement", "labelRequest", "confirmation", "statusUpdate"
    received_at: datetime
    status: str = "Processing"
    errors: list[dict[str, str]] = field(default_factory=list)
    decided_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "transactionId": self.transaction_id,
            "kind": self.kind,
            "status": self.status,
            "receivedAt": self.received_at.isoformat(),
            "decidedAt": self.decided_at.isoformat() if self.decided_at else None,
            "errors": list(self.errors),
        }


def new_transaction_id(now: datetime) -> str:
    """Amazon's shape: a UTC timestamp and a UUID, e.g. ``20190905010908-8a3b6901-…``."""
    return f"{now.astimezone(UTC):%Y%m%d%H%M%S}-{uuid.uuid4()}"


class TransactionBook:
    """All transactions of a run and the worker that decides them."""

    def __init__(self, delay: float, lock: threading.RLock, clock: Callable[[], datetime]) -> None:
        self.delay = delay
        self._clock = clock
        self._lock = lock  # the state's lock: decisions change orders
        self._wake = threading.Condition(threading.Lock())
        self._queue: list[tuple[float, int, str, Decide]] = []
        self._counter = 0
        self._transactions: dict[str, Transaction] = {}
        self._stopped = False
        self._worker: threading.Thread | None = None
        self._decided = threading.Condition(threading.Lock())

    def start(self) -> None:
        self._stopped = False
        self._worker = threading.Thread(
            target=self._run, name="simulator-transactions", daemon=True
        )
        self._worker.start()

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify_all()
        if self._worker is not None:
            self._worker.join(timeout=5)
            self._worker = None

    def clear(self) -> None:
        with self._wake:
            self._queue.clear()
            self._transactions.clear()

    def submit(self, kind: str, decide: Decide) -> Transaction:
        now = self._clock()
        transaction = Transaction(new_transaction_id(now), kind, now)
        with self._wake:
            self._transactions[transaction.transaction_id] = transaction
            self._counter += 1
            due = time.monotonic() + self.delay
            heapq.heappush(self._queue, (due, self._counter, transaction.transaction_id, decide))
            self._wake.notify_all()
        return transaction

    def get(self, transaction_id: str) -> Transaction | None:
        with self._wake:
            return self._transactions.get(transaction_id)

    def all(self) -> list[Transaction]:
        with self._wake:
            return list(self._transactions.values())

    def wait_idle(self, timeout: float) -> bool:
        """Block until no transaction is Processing (for tests and demos); False on timeout."""
        deadline = time.monotonic() + timeout
        with self._decided:
            while any(t.status == "Processing" for t in self.all()):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._decided.wait(min(remaining, 0.05))
        return True

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._stopped and (
                    not self._queue or self._queue[0][0] > time.monotonic()
                ):
                    timeout = self._queue[0][0] - time.monotonic() if self._queue else None
                    self._wake.wait(timeout)
                if self._stopped:
                    return
                _due, _n, transaction_id, decide = heapq.heappop(self._queue)
                transaction = self._transactions.get(transaction_id)
            if transaction is None:
                continue
            with self._lock:
                try:
                    errors = decide()
                except Exception as exc:  # a bug in a rule must not kill the worker
                    errors = [
                        {"code": "InternalFailure", "message": "Processing failed.", "details": ""}
                    ]
                    transaction.kind += f" ({type(exc).__name__})"
                transaction.errors = errors
                transaction.decided_at = self._clock()
                transaction.status = "Failure" if errors else "Success"
            with self._decided:
                self._decided.notify_all()
