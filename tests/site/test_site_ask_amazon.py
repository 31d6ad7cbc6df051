"""The site outbox's ``ask_amazon`` state, with the bench outbox's meaning: Amazon accepted the
confirmation but its transaction status could not be read after the bounded tries; a person asks
Amazon (the transaction is named), the site looks again every hour, never resends it, and
finishes it when the status can be read again. The bench that handed it over shows the same
state in its own outbox and history; ``station site status`` lists it."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from station.cli.site import _status
from station.errors import ResponseFormatError
from station.journal.outbox import OutboxKind, OutboxState
from station.journal.outbox_worker import (
    STATUS_READ_TRIES,
    OutboxWorker,
    RetryPolicy,
    TransactionResult,
    TransactionStatus,
)
from station.site.outbox import SITE_TRANSACTION_PREFIX
from tests.journal.fakes import FakeChecker, FakeReconciler, FakeSender
from tests.workflow.conftest import Station, random_pos

BenchFactory = Callable[..., Station]


def _site_events(station: Station, po: str) -> list[str]:
    site = station.runtime.site
    assert site is not None
    rows = site.claims._link.run(  # the test reads the site database as an oracle
        lambda conn: conn.execute(
            "SELECT kind FROM site_events WHERE po = %s ORDER BY id", (po,)
        ).fetchall()
    )
    return [r[0] for r in rows]


def test_a_site_confirmation_whose_status_cannot_be_read_asks_amazon(
    make_bench: BenchFactory, simulator: Any, tmp_path: Path
) -> None:
    bench = make_bench("pack-a", "1")
    site = bench.runtime.site
    assert site is not None
    (po,) = random_pos(simulator, 1)
    local = bench.runtime.outbox.enqueue(OutboxKind.CONFIRMATION, po, {"po": po})
    reference = site.handover.send(local)
    site_id = int(reference.removeprefix(SITE_TRANSACTION_PREFIX))
    bench.runtime.outbox.transition(
        local.id, from_states=(OutboxState.PENDING,), to=OutboxState.SENT, transaction_id=reference
    )

    sender, checker = FakeSender(), FakeChecker()
    transaction = f"tx-{site_id}"
    unreadable = ResponseFormatError("getTransactionStatus: the answer is not JSON")
    checker.results[transaction] = [unreadable] * (STATUS_READ_TRIES + 1)
    worker = OutboxWorker(
        site.outbox,  # type: ignore[arg-type]  # the bench outbox's surface
        sender,
        checker,
        FakeReconciler(sender),
        policy=RetryPolicy(),
        lock_path=tmp_path / "site.lock",
    )
    worker.recover()
    try:
        assert worker.run_once()  # sent to "Amazon"
        for _ in range(STATUS_READ_TRIES):
            site.outbox.make_due()  # past any poll back-off, on the database's clock
            assert worker.run_once()
        asking = site.outbox.get(site_id)
        assert asking is not None and asking.state is OutboxState.ASK_AMAZON
        assert asking.is_open and asking in site.outbox.open_items()
        assert "ask Amazon" in (asking.last_error or "") and transaction in (
            asking.last_error or ""
        )

        # Looked at again (hourly, here made due at once), never resent, still asking.
        site.outbox.make_due()
        assert worker.run_once()
        assert site.outbox.get(site_id).state is OutboxState.ASK_AMAZON  # type: ignore[union-attr]
        assert _site_events(bench, po).count("confirmation_ask_amazon") == 1

        # The bench that handed it over shows the same state, naming the transaction.
        result = site.handover.status(reference)
        assert result.status is TransactionStatus.PROCESSING
        assert result.ask_amazon is not None and transaction in result.ask_amazon

        out = io.StringIO()
        _status(site.db, out)
        text = out.getvalue()
        assert "1 ask_amazon" in text
        assert f"ask Amazon: PO {po}, transaction {transaction}" in text

        # Readable again: it finishes, sent exactly once.
        checker.results[transaction] = [TransactionResult(TransactionStatus.SUCCESS)]
        site.outbox.make_due()
        assert worker.run_once()
        assert site.outbox.get(site_id).state is OutboxState.SUCCEEDED  # type: ignore[union-attr]
        assert len(sender.sent) == 1
    finally:
        worker.stop()


def test_the_bench_outbox_mirrors_the_site_items_ask_amazon(
    make_bench: BenchFactory, simulator: Any, tmp_path: Path
) -> None:
    bench = make_bench("pack-a", "1")
    site = bench.runtime.site
    assert site is not None
    (po,) = random_pos(simulator, 1)
    local = bench.runtime.outbox.enqueue(OutboxKind.CONFIRMATION, po, {"po": po})
    handover = site.handover
    worker = OutboxWorker(
        bench.runtime.outbox,
        handover,
        handover,
        handover,
        policy=RetryPolicy(),
        lock_path=tmp_path / "bench.lock",
    )
    worker.recover()
    try:
        assert worker.run_once()  # handed over
        handed = bench.runtime.outbox.get(local.id)
        assert handed is not None and handed.state is OutboxState.SENT
        site_id = int((handed.transaction_id or "").removeprefix(SITE_TRANSACTION_PREFIX))
        site.claims._link.run(
            lambda conn: conn.execute(
                "UPDATE site_outbox SET state = 'ask_amazon', transaction_id = 'tx-9', "
                "last_error = 'ask Amazon: Amazon accepted the request (transaction tx-9) but "
                "its status could not be read 10 times' WHERE id = %s",
                (site_id,),
            )
        )
        bench.runtime.outbox.make_due()
        assert worker.run_once()
        mirrored = bench.runtime.outbox.get(local.id)
        assert mirrored is not None and mirrored.state is OutboxState.ASK_AMAZON
        assert "tx-9" in (mirrored.last_error or "") and mirrored.is_open
        history = bench.runtime.journal.events(po=po)
        assert any(e.outcome == "ask_amazon" for e in history)

        site.claims._link.run(
            lambda conn: conn.execute(
                "UPDATE site_outbox SET state = 'succeeded' WHERE id = %s", (site_id,)
            )
        )
        bench.runtime.outbox.make_due()
        assert worker.run_once()
        done = bench.runtime.outbox.get(local.id)
        assert done is not None and done.state is OutboxState.SUCCEEDED
    finally:
        worker.stop()
