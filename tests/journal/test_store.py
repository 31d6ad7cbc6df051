"""The journal store: migrations, events, history queries, concurrency and failure messages."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from station.errors import JournalError
from station.journal.migrations import LATEST_VERSION, MIGRATIONS
from station.journal.outbox import Outbox, OutboxKind, OutboxState
from station.journal.records import EventKind, ShipmentStatus
from station.journal.store import Journal, migrate
from tests.journal.conftest import FakeClock


def test_open_creates_a_wal_database_at_the_latest_version(journal: Journal) -> None:
    assert journal.schema_version == LATEST_VERSION
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))
    with journal.read() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_a_version_1_database_is_upgraded_and_keeps_its_events(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(journal_path, isolation_level=None)
    try:
        assert migrate(conn, target=1) == 1
        conn.execute(
            "INSERT INTO events (at, station_id, kind, po) VALUES (?, 'old', 'scan', 'PO1')",
            ("2026-01-01T00:00:00.000000+00:00",),
        )
    finally:
        conn.close()
    with Journal.open(journal_path, station_id="new") as journal:
        assert journal.schema_version == LATEST_VERSION
        [event] = journal.po_history("PO1")
        assert event.station_id == "old"
        assert event.kind is EventKind.SCAN
        Outbox(journal).enqueue(OutboxKind.CONFIRMATION, "PO1", {"a": 1})


def test_a_newer_schema_is_refused(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(journal_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(JournalError, match="newer station"):
        Journal.open(journal_path, station_id="s")


def test_a_file_that_is_not_a_database_is_a_clear_error(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(JournalError, match="damaged or is not a station journal") as info:
        Journal.open(journal_path, station_id="s")
    assert str(journal_path) in str(info.value)


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(JournalError, match="Cannot create the data folder"):
        Journal.open(blocker / "data" / "journal.sqlite3", station_id="s")


def test_closed_journal_raises_journal_error(journal_path: Path) -> None:
    journal = Journal.open(journal_path, station_id="s")
    journal.close()
    with pytest.raises(JournalError, match="closed"):
        journal.record_scan("PO1")


def test_events_carry_utc_time_and_station_id(journal: Journal, clock: FakeClock) -> None:
    journal.record_scan("PO1")
    journal.record_print("PO1", "label", "tcp://printer:9100", ok=False, error="paper out")
    journal.record_error("printer offline", po="PO1", code="PrinterOfflineError")
    events = journal.po_history("PO1")
    assert [e.kind for e in events] == [EventKind.SCAN, EventKind.PRINT, EventKind.ERROR]
    assert all(e.at == clock() and e.at.tzinfo is not None for e in events)
    assert all(e.station_id == "pack-01" for e in events)
    assert events[1].outcome == "failed"
    assert events[1].detail == {
        "document": "label",
        "printer": "tcp://printer:9100",
        "error": "paper out",
    }
    with journal.read() as conn:
        stored = conn.execute("SELECT at FROM events LIMIT 1").fetchone()[0]
    assert stored == "2026-11-23T12:00:00.000000+00:00"


def test_failed_write_rolls_back(journal: Journal) -> None:
    with pytest.raises(RuntimeError), journal.write():
        journal.record_scan("PO1")
        raise RuntimeError("boom")
    assert journal.po_history("PO1") == []


def test_shipment_history_follows_the_outbox(journal: Journal, clock: FakeClock) -> None:
    outbox = Outbox(journal)
    item = outbox.enqueue(OutboxKind.CONFIRMATION, "PO1", {"n": 1}, ship_method="UPS_GROUND")
    record = journal.shipment("PO1")
    assert record is not None
    assert record.status is ShipmentStatus.QUEUED
    assert record.station_id == "pack-01"
    clock.advance(minutes=1)
    outbox.transition(item.id, from_states=[OutboxState.PENDING], to=OutboxState.SENDING)
    outbox.transition(
        item.id, from_states=[OutboxState.SENDING], to=OutboxState.SENT, transaction_id="tx-1"
    )
    assert journal.shipment("PO1").status is ShipmentStatus.QUEUED  # type: ignore[union-attr]
    outbox.transition(item.id, from_states=[OutboxState.SENT], to=OutboxState.SUCCEEDED)
    record = journal.shipment("PO1")
    assert record is not None
    assert record.status is ShipmentStatus.CONFIRMED
    assert record.transaction_id == "tx-1"
    assert record.at == clock()
    assert journal.shipment("PO2") is None


def test_today_and_the_end_of_day_summary(journal: Journal, clock: FakeClock) -> None:
    outbox = Outbox(journal)
    clock.set(datetime(2026, 11, 22, 15, 0, tzinfo=UTC))
    outbox.enqueue(OutboxKind.CONFIRMATION, "YESTERDAY", {}, ship_method="UPS")
    clock.set(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    a = outbox.enqueue(OutboxKind.CONFIRMATION, "A", {}, ship_method="UPS")
    b = outbox.enqueue(OutboxKind.CONFIRMATION, "B", {}, ship_method="UPS")
    c = outbox.enqueue(OutboxKind.CONFIRMATION, "C", {}, ship_method="FEDEX")
    outbox.enqueue(OutboxKind.CONFIRMATION, "D", {}, ship_method="FEDEX")
    for item in (a, b, c):
        outbox.transition(item.id, from_states=[OutboxState.PENDING], to=OutboxState.SENT)
    outbox.transition(a.id, from_states=[OutboxState.SENT], to=OutboxState.SUCCEEDED)
    outbox.transition(b.id, from_states=[OutboxState.SENT], to=OutboxState.SUCCEEDED)
    outbox.transition(c.id, from_states=[OutboxState.SENT], to=OutboxState.FAILED)
    journal.record_error("network down")
    journal.record_print("A", "slip", "cups://office", ok=False, error="jam")
    journal.record_print("A", "slip", "cups://office", ok=True)

    today = journal.shipments_on(date(2026, 11, 23), UTC)
    assert {r.po: r.status for r in today} == {
        "A": ShipmentStatus.CONFIRMED,
        "B": ShipmentStatus.CONFIRMED,
        "C": ShipmentStatus.FAILED,
        "D": ShipmentStatus.QUEUED,
    }
    assert journal.shipments_today(UTC) == today
    summary = journal.day_summary(date(2026, 11, 23), UTC)
    assert (summary.confirmed, summary.queued, summary.failed) == (2, 1, 1)
    assert summary.shipments == 4
    assert dict(summary.per_ship_method) == {"UPS": 2, "FEDEX": 1}
    assert summary.errors == 1
    assert summary.failed_prints == 1
    assert summary.open_in_outbox == 2  # D and yesterday's, still pending
    assert [r.po for r in journal.shipments_on(date(2026, 11, 22), UTC)] == ["YESTERDAY"]


def test_day_bounds_follow_the_given_time_zone(journal: Journal, clock: FakeClock) -> None:
    from zoneinfo import ZoneInfo

    sao_paulo = ZoneInfo("America/Sao_Paulo")  # UTC-3
    clock.set(datetime(2026, 11, 24, 1, 0, tzinfo=UTC))  # 22:00 on the 23rd in São Paulo
    Outbox(journal).enqueue(OutboxKind.CONFIRMATION, "LATE", {})
    assert [r.po for r in journal.shipments_on(date(2026, 11, 23), sao_paulo)] == ["LATE"]
    assert journal.shipments_on(date(2026, 11, 23), UTC) == []


def test_concurrent_writers_from_many_threads(journal: Journal) -> None:
    errors: list[BaseException] = []

    def scan(n: int) -> None:
        try:
            for i in range(50):
                journal.record_scan(f"PO{n}-{i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=scan, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    with journal.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 200


def test_two_connections_share_the_file(journal_path: Path, clock: FakeClock) -> None:
    with (
        Journal.open(journal_path, station_id="a", clock=clock) as first,
        Journal.open(journal_path, station_id="b", clock=clock) as second,
    ):
        first.record_scan("PO1")
        second.record_scan("PO1")
        assert [e.station_id for e in first.po_history("PO1")] == ["a", "b"]


def test_naive_datetimes_are_refused(journal: Journal) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        journal.record(EventKind.SCAN, at=datetime(2026, 1, 1))


def test_events_limit_returns_the_latest(journal: Journal, clock: FakeClock) -> None:
    for i in range(5):
        clock.advance(seconds=1)
        journal.record_scan(f"PO{i}")
    assert [e.po for e in journal.events(limit=2)] == ["PO3", "PO4"]
    assert [e.po for e in journal.events(kind=EventKind.SCAN, po="PO1")] == ["PO1"]
    assert journal.now() - journal.events()[0].at == timedelta(seconds=4)


def test_printer_credentials_never_reach_the_journal(journal: Journal) -> None:
    journal.record_print("PO1", "slip", "ipp://clerk:s3cret@office/printers/a", ok=True)
    [event] = journal.po_history("PO1")
    assert event.detail["printer"] == "ipp://office/printers/a"
