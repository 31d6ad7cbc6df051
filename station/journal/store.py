"""The journal: one SQLite file (WAL) recording what the station did, and the outbox and documents.

Opened once by the composition root (``Journal.open(paths.journal_file, station_id=...)``) and
passed to the outbox, the document cache and the workflow; nothing here runs at import time.

Thread safety: one connection guarded by a re-entrant lock. The GUI worker, the outbox worker and
the prefetch job share it; every statement is short (no network call happens while the lock is
held), so serialising them costs nothing a person could notice, and it rules out the "database is
locked" errors of several connections fighting inside one process. Other processes (a headless
command beside the GUI) are handled by WAL and the busy timeout.

Durability: ``synchronous=FULL`` on every commit, because the outbox's promise ("written before it
is sent") is only as good as the fsync behind the commit.

Privacy: the events table holds ids, codes and outcomes, never a customer address. The typed
``record_*`` helpers only accept such values; free text (error messages) must not contain one.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime, tzinfo
from pathlib import Path
from types import TracebackType
from typing import Any

from station.errors import JournalError
from station.journal.clock import Clock, day_bounds, from_iso, to_iso, utc_now
from station.journal.lock import FileLock
from station.journal.migrations import LATEST_VERSION, MIGRATIONS, Migration
from station.journal.records import (
    DaySummary,
    EventKind,
    JournalEvent,
    ShipmentRecord,
    ShipmentStatus,
)
from station.logs import redact

log = logging.getLogger(__name__)

__all__ = ["Journal", "migrate"]

_BUSY_TIMEOUT_MS = 10_000
#: How long opening a journal waits for another process that is setting it up (migrating).
_SETUP_WAIT_SECONDS = 60.0
_OPEN_OUTBOX_STATES = ("pending", "sending", "sent", "unknown")


def _journal_error(action: str, exc: sqlite3.Error, path: Path | str) -> JournalError:
    text = str(exc)
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in text:
        return JournalError(
            f"The journal {path} is damaged or is not a station journal",
            hint=(
                "Move the file aside (keep it for support) and restart: the station starts a new "
                "journal. Unsent confirmations in the old file must be checked by hand."
            ),
        )
    if isinstance(exc, sqlite3.OperationalError) and ("full" in text or "disk I/O" in text):
        return JournalError(
            f"Cannot {action} in the journal {path}: the disk is full or failing ({text})",
            hint=(
                "Free disk space on the drive of the station's data folder (or check the disk). "
                "Nothing recorded so far is lost; queued confirmations are sent once it is fixed."
            ),
        )
    if "locked" in text or "busy" in text:
        return JournalError(
            f"The journal {path} stayed locked by another program while trying to {action}",
            hint="Close other station windows or commands using this data folder, then retry.",
        )
    return JournalError(f"Cannot {action} in the journal {path}: {text}")


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Bring the schema to ``target`` (default: the latest); returns the resulting version.

    Exposed for tests that build an old database on purpose.
    """
    target = LATEST_VERSION if target is None else target
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if current > LATEST_VERSION:
        raise JournalError(
            f"The journal was written by a newer station (schema {current}, this program knows "
            f"up to {LATEST_VERSION})",
            hint="Install the newer version of the station again, or use a separate data folder.",
        )
    pending: list[Migration] = [m for m in MIGRATIONS if current < m.version <= target]
    for migration in pending:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process may have applied it meanwhile.
            if int(conn.execute("PRAGMA user_version").fetchone()[0]) >= migration.version:
                conn.execute("ROLLBACK")
                current = migration.version
                continue
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        log.info("journal schema migrated to %d (%s)", migration.version, migration.description)
        current = migration.version
    return current


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


class Journal:
    """The station's durable record. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, *, station_id: str, clock: Clock
    ) -> None:
        self._conn = conn
        self._path = path
        self._station_id = station_id
        self._clock = clock
        self._lock = threading.RLock()
        self._depth = 0
        self._closed = False
        self._file = _file_identity(path)  # the file this connection writes to

    # -- life cycle -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, station_id: str, clock: Clock = utc_now) -> Journal:
        """Open (creating if needed) and migrate the journal at ``path``."""
        if not station_id:
            raise JournalError("A station id is needed to open the journal")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise JournalError(
                f"Cannot create the data folder {path.parent}: {exc.strerror or exc}"
            ) from None
        # One process at a time sets up and migrates a journal: two stations started at once on
        # a new or an old journal would otherwise both create (or alter) the same tables.
        setup_lock = FileLock(path.with_name(path.name + ".setup.lock"))
        setup_lock.acquire_waiting(_SETUP_WAIT_SECONDS, what="setting up the journal")
        try:
            return cls._open_locked(path, station_id=station_id, clock=clock)
        finally:
            setup_lock.release()

    @classmethod
    def _open_locked(cls, path: Path, *, station_id: str, clock: Clock) -> Journal:
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(
                path,
                timeout=_BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise JournalError(f"The journal {path} cannot use write-ahead logging ({mode})")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
            migrate(conn)
            if not conn.execute("PRAGMA application_id").fetchone()[0]:
                # The journal's identity, also kept beside the settings (journal.identity): a
                # journal emptied, replaced or deleted is then told apart from this one.
                conn.execute(f"PRAGMA application_id={secrets.randbelow(2**31 - 1) + 1}")
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise _journal_error("open the store", exc, path) from None
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        return cls(conn, path, station_id=station_id, clock=clock)

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._conn.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self._path

    @property
    def station_id(self) -> str:
        return self._station_id

    @property
    def identity(self) -> int:
        """A random number given to this journal when it was created (never 0)."""
        with self.read() as conn:
            return int(conn.execute("PRAGMA application_id").fetchone()[0])

    def check_file(self) -> None:
        """Raise JournalError when the journal file was deleted or replaced under us: what
        this connection writes then reaches no file anyone will read again."""
        if _file_identity(self._path) != self._file:
            raise JournalError(
                f"The journal {self._path} was deleted or replaced while the station was "
                "running: what was just recorded is NOT kept",
                hint="Stop the station and restore the journal file; then run the command again.",
            )

    @property
    def schema_version(self) -> int:
        with self.read() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def now(self) -> datetime:
        """The journal's clock (injected, so tests control time)."""
        return self._clock()

    # -- access -----------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE ... COMMIT, fsynced); nested calls join it.

        For the journal's own modules (outbox, documents): callers outside the package use the
        typed methods.
        """
        with self._lock:
            self._check_open()
            if self._depth:
                self._depth += 1
                try:
                    yield self._conn
                finally:
                    self._depth -= 1
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise _journal_error("start a transaction", exc, self._path) from None
            self._depth = 1
            try:
                yield self._conn
            except BaseException as exc:
                self._depth = 0
                self._rollback()
                if isinstance(exc, sqlite3.Error):
                    raise _journal_error("write", exc, self._path) from None
                raise
            self._depth = 0
            try:
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise _journal_error("commit", exc, self._path) from None
            self.check_file()

    def _rollback(self) -> None:
        # SQLite rolls a transaction back by itself on some errors (a full disk): only roll back
        # what is still open, so that the real error is the one reported.
        if not self._conn.in_transaction:
            return
        try:
            self._conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            log.warning("journal rollback failed: %s", exc)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """Serialised read access to the connection (sqlite errors become JournalError)."""
        with self._lock:
            self._check_open()
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise _journal_error("read", exc, self._path) from None

    def _check_open(self) -> None:
        if self._closed:
            raise JournalError("The journal is closed", hint="This is a bug; restart the station.")

    # -- recording --------------------------------------------------------------------------

    def record(
        self,
        kind: EventKind,
        *,
        po: str | None = None,
        outcome: str | None = None,
        ship_method: str | None = None,
        transaction_id: str | None = None,
        detail: Mapping[str, Any] | None = None,
        at: datetime | None = None,
    ) -> int:
        """Append one event; returns its id. Joins the caller's transaction when inside one."""
        moment = self.now() if at is None else at
        with self.write() as conn:
            cursor = conn.execute(
                "INSERT INTO events (at, station_id, kind, po, outcome, ship_method, "
                "transaction_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    to_iso(moment),
                    self._station_id,
                    str(kind),
                    po,
                    outcome,
                    ship_method,
                    transaction_id,
                    # Scrubbed like a log line: details may quote an error text from Amazon.
                    redact(json.dumps(dict(detail or {}), sort_keys=True, default=str)),
                ),
            )
            return int(cursor.lastrowid or 0)

    def record_scan(self, po: str, *, source: str = "scanner", accepted: bool = True) -> int:
        """A PO was scanned (or typed: ``source="keyboard"``)."""
        return self.record(
            EventKind.SCAN,
            po=po,
            outcome="accepted" if accepted else "refused",
            detail={"source": source},
        )

    def record_print(
        self,
        po: str,
        document: str,
        printer_uri: str,
        ok: bool,
        error: str | None = None,
        *,
        package_id: str | None = None,
    ) -> int:
        """A print job for ``document`` (label, slip, invoice) ended, or failed with ``error``."""
        # A URI may carry credentials (ipp://user:password@host): they never reach the journal.
        printer = re.sub(r"://[^/@]*@", "://", printer_uri)
        detail: dict[str, Any] = {"document": document, "printer": printer}
        if package_id is not None:
            detail["package_id"] = package_id
        if error:
            detail["error"] = error
        return self.record(EventKind.PRINT, po=po, outcome="ok" if ok else "failed", detail=detail)

    def record_label(self, po: str, *, outcome: str, source: str, packages: int = 1) -> int:
        """A label was obtained (``source``: cache, get, create) or could not be (``outcome``)."""
        return self.record(
            EventKind.LABEL,
            po=po,
            outcome=outcome,
            detail={"source": source, "packages": packages},
        )

    def record_confirmation(
        self,
        po: str,
        status: ShipmentStatus,
        *,
        ship_method: str | None = None,
        transaction_id: str | None = None,
        errors: Iterable[str] = (),
    ) -> int:
        """The confirmation of ``po`` changed status (the outbox calls this in its transaction)."""
        return self.record(
            EventKind.CONFIRMATION,
            po=po,
            outcome=str(status),
            ship_method=ship_method,
            transaction_id=transaction_id,
            detail={"errors": list(errors)},
        )

    def record_transaction(
        self,
        transaction_id: str,
        status: str,
        *,
        po: str | None = None,
        errors: Iterable[str] = (),
    ) -> int:
        """Amazon's answer about a transaction (Processing, Success, Failure)."""
        return self.record(
            EventKind.TRANSACTION,
            po=po,
            outcome=status,
            transaction_id=transaction_id,
            detail={"errors": list(errors)},
        )

    def record_error(self, message: str, *, po: str | None = None, code: str | None = None) -> int:
        """Something went wrong that the lead should see. ``message`` must hold no address."""
        return self.record(
            EventKind.ERROR, po=po, outcome=code or "error", detail={"message": message[:1000]}
        )

    # -- queries ----------------------------------------------------------------------------

    def events(
        self, *, po: str | None = None, kind: EventKind | None = None, limit: int = 1000
    ) -> list[JournalEvent]:
        """Events, oldest first, optionally for one PO and/or one kind (the last ``limit``)."""
        clauses: list[str] = []
        params: list[Any] = []
        if po is not None:
            clauses.append("po = ?")
            params.append(po)
        if kind is not None:
            clauses.append("kind = ?")
            params.append(str(kind))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self.read() as conn:
            rows = conn.execute(
                f"SELECT * FROM (SELECT id, at, station_id, kind, po, outcome, ship_method, "  # noqa: S608
                f"transaction_id, detail FROM events {where} ORDER BY id DESC LIMIT ?) "
                "ORDER BY id",
                (*params, limit),
            ).fetchall()
        return [_event(row) for row in rows]

    def po_history(self, po: str) -> list[JournalEvent]:
        """Everything recorded about one PO, oldest first."""
        return self.events(po=po)

    def shipment(self, po: str) -> ShipmentRecord | None:
        """The latest confirmation state of ``po`` (when, which station): warns on a re-scan."""
        with self.read() as conn:
            row = conn.execute(
                "SELECT id, at, station_id, kind, po, outcome, ship_method, transaction_id, detail "
                "FROM events WHERE kind = ? AND po = ? ORDER BY id DESC LIMIT 1",
                (str(EventKind.CONFIRMATION), po),
            ).fetchone()
        return None if row is None else _shipment(_event(row))

    def shipments_on(self, day: date, tz: tzinfo | None = None) -> list[ShipmentRecord]:
        """POs whose confirmation changed on ``day`` (local day by default), latest state each."""
        start, end = day_bounds(day, tz)
        with self.read() as conn:
            rows = conn.execute(
                "SELECT e.id, e.at, e.station_id, e.kind, e.po, e.outcome, e.ship_method, "
                "e.transaction_id, e.detail FROM events e JOIN ("
                "  SELECT po, MAX(id) AS id FROM events"
                "  WHERE kind = ? AND at >= ? AND at < ? GROUP BY po"
                ") latest ON e.id = latest.id ORDER BY e.id",
                (str(EventKind.CONFIRMATION), start, end),
            ).fetchall()
        return [_shipment(_event(row)) for row in rows]

    def shipments_today(self, tz: tzinfo | None = None) -> list[ShipmentRecord]:
        now = self.now().astimezone(tz) if tz is not None else self.now().astimezone()
        return self.shipments_on(now.date(), tz)

    def day_summary(self, day: date, tz: tzinfo | None = None) -> DaySummary:
        """Shipments per ship method, failures, and what is still open in the outbox."""
        shipments = self.shipments_on(day, tz)
        per_method: dict[str, int] = {}
        for record in shipments:
            if record.status is not ShipmentStatus.FAILED:
                method = record.ship_method or "(unknown)"
                per_method[method] = per_method.get(method, 0) + 1
        start, end = day_bounds(day, tz)
        with self.read() as conn:
            errors = conn.execute(
                "SELECT COUNT(*) FROM events WHERE kind = ? AND at >= ? AND at < ?",
                (str(EventKind.ERROR), start, end),
            ).fetchone()[0]
            failed_prints = conn.execute(
                "SELECT COUNT(*) FROM events WHERE kind = ? AND outcome = 'failed' "
                "AND at >= ? AND at < ?",
                (str(EventKind.PRINT), start, end),
            ).fetchone()[0]
            open_items = conn.execute(
                "SELECT COUNT(*) FROM outbox WHERE state IN (?, ?, ?, ?)", _OPEN_OUTBOX_STATES
            ).fetchone()[0]
        return DaySummary(
            day=day,
            confirmed=sum(r.status is ShipmentStatus.CONFIRMED for r in shipments),
            queued=sum(r.status is ShipmentStatus.QUEUED for r in shipments),
            failed=sum(r.status is ShipmentStatus.FAILED for r in shipments),
            per_ship_method=per_method,
            errors=int(errors),
            failed_prints=int(failed_prints),
            open_in_outbox=int(open_items),
        )


def _event(row: tuple[Any, ...]) -> JournalEvent:
    try:
        detail = json.loads(row[8]) if row[8] else {}
    except ValueError:
        detail = {}
    try:
        kind = EventKind(row[3])
    except ValueError:
        kind = EventKind.ERROR
    return JournalEvent(
        id=int(row[0]),
        at=from_iso(row[1]),
        station_id=str(row[2]),
        kind=kind,
        po=row[4],
        outcome=row[5],
        ship_method=row[6],
        transaction_id=row[7],
        detail=detail if isinstance(detail, dict) else {},
    )


def _shipment(event: JournalEvent) -> ShipmentRecord:
    try:
        status = ShipmentStatus(event.outcome or "")
    except ValueError:
        status = ShipmentStatus.QUEUED
    raw_errors = event.detail.get("errors", [])
    errors = tuple(str(e) for e in raw_errors) if isinstance(raw_errors, list) else ()
    return ShipmentRecord(
        po=event.po or "",
        status=status,
        at=event.at,
        station_id=event.station_id,
        ship_method=event.ship_method,
        transaction_id=event.transaction_id,
        errors=errors,
    )
