"""A station process for the crash test: queues confirmations and sends them, to be SIGKILLed.

Run as ``python -m tests.journal.crash_child JOURNAL SINK SEED ITEMS [--no-self-kill]``.

The "Amazon" it sends to is the SINK, a separate SQLite file that records every delivery with no
uniqueness constraint, so a duplicate would show. Besides the parent's kills at random instants,
the fake sender kills its own process at the two instants that matter most (just before and just
after a delivery), loses answers (UnknownOutcomeError after delivering) and goes offline
(NetworkError before delivering). The reconciler answers from the sink, like Amazon's order status.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
import threading
from pathlib import Path

from station.errors import NetworkError, UnknownOutcomeError
from station.journal.outbox import Outbox, OutboxItem, OutboxKind
from station.journal.outbox_worker import (
    OutboxWorker,
    Reconciliation,
    RetryPolicy,
    TransactionResult,
    TransactionStatus,
    Verdict,
)
from station.journal.store import Journal


def payload(n: int) -> dict[str, object]:
    return {"purchaseOrderNumber": f"PO{n:04d}", "packages": [{"weight": n + 1}]}


class Sink:
    def __init__(self, path: Path, rng: random.Random, self_kill: bool) -> None:
        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("CREATE TABLE IF NOT EXISTS deliveries (key TEXT NOT NULL, tx TEXT)")
        self._rng = rng
        self._self_kill = self_kill
        self._lock = threading.Lock()

    def _maybe_die(self, probability: float) -> None:
        if self._self_kill and self._rng.random() < probability:
            os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))

    # Sender
    def send(self, item: OutboxItem) -> str:
        with self._lock:
            roll = self._rng.random()
            if roll < 0.1:
                raise NetworkError("offline")
            self._maybe_die(0.08)
            transaction_id = f"tx-{item.key[-8:]}-{self._rng.randrange(10**6)}"
            self._conn.execute(
                "INSERT INTO deliveries (key, tx) VALUES (?, ?)", (item.key, transaction_id)
            )
            self._maybe_die(0.08)
            if self._rng.random() < 0.1:
                raise UnknownOutcomeError("the answer was lost")
            return transaction_id

    # TransactionChecker
    def status(self, transaction_id: str) -> TransactionResult:
        with self._lock:
            roll = self._rng.random()
        if roll < 0.05:
            raise NetworkError("offline")
        if roll < 0.3:
            return TransactionResult(TransactionStatus.PROCESSING)
        return TransactionResult(TransactionStatus.SUCCESS)

    # Reconciler
    def reconcile(self, item: OutboxItem) -> Reconciliation:
        with self._lock:
            row = self._conn.execute(
                "SELECT tx FROM deliveries WHERE key = ? LIMIT 1", (item.key,)
            ).fetchone()
        if row is None:
            return Reconciliation(Verdict.NOT_DELIVERED)
        return Reconciliation(Verdict.DELIVERED, row[0])

    def close(self) -> None:
        self._conn.close()


def main(argv: list[str]) -> int:
    journal_path, sink_path, seed, items = Path(argv[0]), Path(argv[1]), int(argv[2]), int(argv[3])
    self_kill = "--no-self-kill" not in argv
    sink = Sink(sink_path, random.Random(seed), self_kill)
    policy = RetryPolicy(
        first_delay=0.005,
        max_delay=0.02,
        poll_first_delay=0.005,
        poll_max_delay=0.02,
        idle_poll=0.02,
    )
    with Journal.open(journal_path, station_id="crash") as journal:
        outbox = Outbox(journal)
        worker = OutboxWorker(outbox, sink, sink, sink, policy=policy)
        with worker:
            print("ready", flush=True)
            for n in range(items):
                outbox.enqueue(OutboxKind.CONFIRMATION, f"PO{n:04d}", payload(n))
            left = worker.flush(timeout=120)
        sink.close()
    print("done" if not left else f"left {len(left)}", flush=True)
    return 0 if not left else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
