"""The outbox: confirmations and status updates, committed to disk before they are sent.

Each item moves through these states, every move one committed (fsynced) transaction::

    pending ──claim──> sending ──sender returned──> sent(transactionId) ──poll──> succeeded
       ^                  │                                   │
       │                  ├─ NetworkError (not sent) ─> pending (retry later)
       │                  ├─ rejected (400/404) ───────> failed(errors) <── poll: Failure
       │                  └─ outcome unknown ──────────> unknown
       └──── reconciler: "not delivered" ─────────────────────┘  (reconciler: "delivered" -> sent)

``sending`` is written *before* the request leaves; so after a crash an item found in ``sending``
may or may not have reached Amazon. The worker (``station.journal.outbox_worker``) turns such items
into ``unknown`` on start and asks the reconciler before any resend. That is what makes delivery
exactly-once whatever instant the process dies at.

Items are identified by an idempotency key (kind + PO + hash of the payload): enqueueing the same
confirmation twice returns the first item. A second, *different* confirmation for a PO whose
first one is not ``failed`` is refused: a PO is confirmed once.

Payloads are the request bodies (JSON). They hold party ids, package dimensions and tracking
numbers, not the customer's address (the ship-to party is not part of a confirmation).
"""

from __future__ import annotations

import builtins
import hashlib
import json
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from station.errors import ApiErrorDetail, JournalError
from station.journal.clock import from_iso, to_iso
from station.journal.records import EventKind, ShipmentStatus
from station.journal.store import Journal
from station.logs import redact

log = logging.getLogger(__name__)

__all__ = [
    "DUE_STATES",
    "OPEN_STATES",
    "Outbox",
    "OutboxConflictError",
    "OutboxItem",
    "OutboxKind",
    "OutboxListener",
    "OutboxListeners",
    "OutboxState",
    "idempotency_key",
]


class OutboxKind(StrEnum):
    CONFIRMATION = "confirmation"  # submitShipmentConfirmations
    STATUS_UPDATE = "status_update"  # submitShipmentStatusUpdates (vendor-own carrier)


class OutboxState(StrEnum):
    PENDING = "pending"  # recorded, not sent (or certainly not received): will be sent
    SENDING = "sending"  # a send is (or was, before a crash) in progress
    UNKNOWN = "unknown"  # a send may have been received: reconcile before any resend
    SENT = "sent"  # Amazon accepted the request: polling its transaction
    SUCCEEDED = "succeeded"  # the transaction succeeded
    FAILED = "failed"  # rejected; ``errors`` say why (the packer fixes and resubmits)
    # Amazon accepted it, but its transaction status could not be read after the bounded tries:
    # a person asks Amazon about the transaction id (``last_error`` names it); the station still
    # looks once an hour. Never resent: it counts as open.
    ASK_AMAZON = "ask_amazon"


OPEN_STATES: frozenset[OutboxState] = frozenset(
    {
        OutboxState.PENDING,
        OutboxState.SENDING,
        OutboxState.UNKNOWN,
        OutboxState.SENT,
        OutboxState.ASK_AMAZON,
    }
)
#: The states the worker acts on when they are due.
DUE_STATES: tuple[OutboxState, ...] = (
    OutboxState.PENDING,
    OutboxState.UNKNOWN,
    OutboxState.SENT,
    OutboxState.ASK_AMAZON,
)

_SHIPMENT_STATUS = {
    OutboxState.PENDING: ShipmentStatus.QUEUED,
    OutboxState.SUCCEEDED: ShipmentStatus.CONFIRMED,
    OutboxState.FAILED: ShipmentStatus.FAILED,
}


class OutboxConflictError(JournalError):
    """A different confirmation for this PO is already queued or accepted."""

    default_hint = (
        "This PO already has a confirmation on its way or accepted: it must not be confirmed "
        "twice. Check the shipment history."
    )


@dataclass(frozen=True)
class OutboxItem:
    id: int
    key: str
    kind: OutboxKind
    po: str
    payload: Mapping[str, Any] = field(repr=False)
    state: OutboxState
    attempts: int
    checks: int
    transaction_id: str | None
    errors: tuple[ApiErrorDetail, ...]
    last_error: str | None
    ship_method: str | None
    next_attempt_at: datetime
    created_at: datetime
    updated_at: datetime
    station_id: str

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


OutboxListener = Callable[[OutboxItem], None]


class OutboxListeners:
    """Who is told of each committed change of an outbox (this bench's, or the site's)."""

    def __init__(self) -> None:
        self._listeners: list[OutboxListener] = []
        self._lock = threading.Lock()

    def add(self, listener: OutboxListener) -> Callable[[], None]:
        """Call ``listener(item)`` after every committed change; returns the unsubscribe function.

        Listeners run on the thread that made the change (often the worker): a GUI must hand
        the item over to its own thread (a Qt signal does that).
        """
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def notify(self, item: OutboxItem) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(item)
            except Exception:
                log.exception("outbox listener failed")


def canonical_json(payload: Mapping[str, Any]) -> str:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def idempotency_key(kind: OutboxKind, po: str, payload: Mapping[str, Any]) -> str:
    """``kind:PO:hash`` — the same request always gets the same key, a changed one a new key."""
    digest = hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()[:24]
    return f"{kind}:{po}:{digest}"


_COLUMNS = (
    "id, idempotency_key, kind, po, payload, state, attempts, checks, transaction_id, errors, "
    "last_error, ship_method, next_attempt_at, created_at, updated_at, station_id"
)


def _item(row: Sequence[Any]) -> OutboxItem:
    try:
        raw_errors = json.loads(row[9])
    except ValueError:
        raw_errors = []
    return OutboxItem(
        id=int(row[0]),
        key=str(row[1]),
        kind=OutboxKind(row[2]),
        po=str(row[3]),
        payload=json.loads(row[4]),
        state=OutboxState(row[5]),
        attempts=int(row[6]),
        checks=int(row[7]),
        transaction_id=row[8],
        errors=tuple(ApiErrorDetail.from_json(e) for e in raw_errors)
        if isinstance(raw_errors, list)
        else (),
        last_error=row[10],
        ship_method=row[11],
        next_attempt_at=from_iso(row[12]),
        created_at=from_iso(row[13]),
        updated_at=from_iso(row[14]),
        station_id=str(row[15]),
    )


class _Unset:
    pass


_UNSET = _Unset()


class Outbox:
    """The outbox table of a :class:`Journal`. Thread-safe; listeners fire after each commit."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self._listeners = OutboxListeners()

    @property
    def journal(self) -> Journal:
        return self._journal

    def add_listener(self, listener: OutboxListener) -> Callable[[], None]:
        return self._listeners.add(listener)

    def _notify(self, item: OutboxItem) -> None:
        self._listeners.notify(item)

    # -- the workflow's side ----------------------------------------------------------------

    def enqueue(
        self,
        kind: OutboxKind,
        po: str,
        payload: Mapping[str, Any],
        *,
        ship_method: str | None = None,
    ) -> OutboxItem:
        """Record a request durably (committed and fsynced) before anything is sent.

        Idempotent: the same request returns the existing item (a ``failed`` one goes back to
        ``pending``: resubmitting a rejected request is the packer's explicit choice). Raises
        :class:`OutboxConflictError` for a different confirmation of a PO that has one open or
        succeeded.
        """
        if not po:
            raise JournalError("An outbox item needs a PO number")
        try:
            text = canonical_json(payload)
        except (TypeError, ValueError) as exc:
            raise JournalError(f"The {kind} for {po} cannot be stored as JSON: {exc}") from None
        key = idempotency_key(kind, po, payload)
        now = to_iso(self._journal.now())
        with self._journal.write() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM outbox WHERE idempotency_key = ?",  # noqa: S608
                (key,),
            ).fetchone()
            if row is not None:
                existing = _item(row)
                if existing.state is not OutboxState.FAILED:
                    return existing
                conn.execute(
                    "UPDATE outbox SET state = ?, errors = '[]', last_error = NULL, checks = 0, "
                    "next_attempt_at = ?, updated_at = ? WHERE id = ?",
                    (str(OutboxState.PENDING), now, now, existing.id),
                )
                item_id = existing.id
            else:
                if kind is OutboxKind.CONFIRMATION:
                    other = conn.execute(
                        "SELECT state FROM outbox WHERE kind = ? AND po = ? AND state != ? "
                        "ORDER BY id DESC LIMIT 1",
                        (str(kind), po, str(OutboxState.FAILED)),
                    ).fetchone()
                    if other is not None:
                        raise OutboxConflictError(
                            f"PO {po} already has a different confirmation ({other[0]})"
                        )
                cursor = conn.execute(
                    "INSERT INTO outbox (idempotency_key, kind, po, payload, ship_method, state, "
                    "next_attempt_at, created_at, updated_at, station_id) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        key,
                        str(kind),
                        po,
                        text,
                        ship_method,
                        str(OutboxState.PENDING),
                        now,
                        now,
                        now,
                        self._journal.station_id,
                    ),
                )
                item_id = int(cursor.lastrowid or 0)
            item = self._get(conn, item_id)
            self._record_event(item)
        self._notify(item)
        return item

    def retry(self, item_id: int) -> OutboxItem:
        """Send a ``failed`` item again, unchanged (e.g. after a throttling give-up)."""
        item = self.transition(
            item_id,
            from_states=(OutboxState.FAILED,),
            to=OutboxState.PENDING,
            errors=(),
            last_error=None,
            reset_checks=True,
        )
        if item is None:
            raise JournalError(
                f"Outbox item {item_id} is not a failed item; nothing to retry",
                hint="Only a failed item can be queued again (`station outbox list --all` shows "
                "the items, their numbers and states).",
            )
        return item

    def cancel(self, item_id: int, reason: str) -> OutboxItem:
        """A person gives up on a ``pending`` item (one never sent): it will not go out.

        Items that may have reached Amazon (sending, sent, unknown) cannot be cancelled: only
        Amazon's answer can settle them.
        """
        item = self.transition(
            item_id,
            from_states=(OutboxState.PENDING,),
            to=OutboxState.FAILED,
            errors=(ApiErrorDetail(code="CancelledByPerson", message=reason[:200]),),
            last_error=f"cancelled by a person: {reason[:200]}",
        )
        if item is None:
            raise JournalError(
                f"Outbox item {item_id} is not waiting to be sent; it cannot be cancelled",
                hint="Only an item that never went out can be cancelled (`station outbox list`).",
            )
        return item

    def get(self, item_id: int) -> OutboxItem | None:
        with self._journal.read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM outbox WHERE id = ?",  # noqa: S608
                (item_id,),
            ).fetchone()
        return None if row is None else _item(row)

    def by_transaction(self, transaction_id: str) -> OutboxItem | None:
        """The item Amazon gave ``transaction_id`` to (the latest, should there be several)."""
        with self._journal.read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM outbox WHERE transaction_id = ? "  # noqa: S608
                "ORDER BY id DESC LIMIT 1",
                (transaction_id,),
            ).fetchone()
        return None if row is None else _item(row)

    def list(
        self, *, states: Iterable[OutboxState] | None = None, po: str | None = None
    ) -> list[OutboxItem]:
        """Items, oldest first, optionally only in ``states`` and/or for one PO."""
        clauses: list[str] = []
        params: list[Any] = []
        if states is not None:
            wanted = [str(s) for s in states]
            if not wanted:
                return []
            clauses.append(f"state IN ({', '.join('?' * len(wanted))})")
            params += wanted
        if po is not None:
            clauses.append("po = ?")
            params.append(po)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._journal.read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM outbox {where} ORDER BY id",  # noqa: S608
                params,
            ).fetchall()
        return [_item(row) for row in rows]

    def open_items(self) -> builtins.list[OutboxItem]:
        return self.list(states=OPEN_STATES)

    # -- the worker's side ------------------------------------------------------------------

    def next_due(self, now: datetime) -> OutboxItem | None:
        """The open item (pending, unknown, sent, ask_amazon) whose next attempt is the most
        overdue."""
        with self._journal.read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM outbox WHERE state IN (?, ?, ?, ?) "  # noqa: S608
                "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1",
                (*(str(s) for s in DUE_STATES), to_iso(now)),
            ).fetchone()
        return None if row is None else _item(row)

    def next_due_at(self) -> datetime | None:
        with self._journal.read() as conn:
            row = conn.execute(
                "SELECT MIN(next_attempt_at) FROM outbox WHERE state IN (?, ?, ?, ?)",
                tuple(str(s) for s in DUE_STATES),
            ).fetchone()
        return None if row is None or row[0] is None else from_iso(row[0])

    def make_due(self, states: Iterable[OutboxState] | None = None) -> int:
        """Cut the back-off short (the network is back, or a flush was asked for)."""
        wanted = [str(s) for s in (states or DUE_STATES)]
        now = to_iso(self._journal.now())
        with self._journal.write() as conn:
            cursor = conn.execute(
                f"UPDATE outbox SET next_attempt_at = ? WHERE next_attempt_at > ? "  # noqa: S608
                f"AND state IN ({', '.join('?' * len(wanted))})",
                (now, now, *wanted),
            )
            return cursor.rowcount

    def transition(
        self,
        item_id: int,
        *,
        from_states: Iterable[OutboxState],
        to: OutboxState,
        next_attempt_at: datetime | None = None,
        transaction_id: str | _Unset | None = _UNSET,
        errors: Sequence[ApiErrorDetail] | None = None,
        last_error: str | _Unset | None = _UNSET,
        count_attempt: bool = False,
        count_check: bool = False,
        reset_checks: bool = False,
    ) -> OutboxItem | None:
        """Compare-and-set the state in one committed transaction; ``None`` if it had moved on.

        The worker's only way to change an item: the ``from_states`` guard makes a concurrent
        change (another thread, a retry) lose cleanly instead of overwriting.
        """
        allowed = [str(s) for s in from_states]
        now = self._journal.now()
        sets = ["state = ?", "updated_at = ?", "next_attempt_at = ?"]
        params: list[Any] = [str(to), to_iso(now), to_iso(next_attempt_at or now)]
        if not isinstance(transaction_id, _Unset):
            sets.append("transaction_id = ?")
            params.append(transaction_id)
        if errors is not None:
            sets.append("errors = ?")
            params.append(
                redact(
                    json.dumps(
                        [
                            {"code": e.code, "message": e.message, "details": e.details}
                            for e in errors
                        ]
                    )
                )
            )
        if not isinstance(last_error, _Unset):
            sets.append("last_error = ?")
            params.append(None if last_error is None else redact(last_error[:1000]))
        if count_attempt:
            sets.append("attempts = attempts + 1")
        if reset_checks:
            sets.append("checks = 0")
        elif count_check:
            sets.append("checks = checks + 1")
        with self._journal.write() as conn:
            cursor = conn.execute(
                f"UPDATE outbox SET {', '.join(sets)} WHERE id = ? "  # noqa: S608
                f"AND state IN ({', '.join('?' * len(allowed))})",
                (*params, item_id, *allowed),
            )
            if cursor.rowcount != 1:
                return None
            item = self._get(conn, item_id)
            self._record_event(item)
        self._notify(item)
        return item

    def recover_interrupted(self) -> builtins.list[OutboxItem]:
        """Items left in ``sending`` by a dead process become ``unknown`` (to be reconciled).

        Only safe while holding the outbox lock, which is why the worker calls it, not you.
        """
        moved: builtins.list[OutboxItem] = []
        for item in self.list(states=(OutboxState.SENDING,)):
            changed = self.transition(
                item.id,
                from_states=(OutboxState.SENDING,),
                to=OutboxState.UNKNOWN,
                last_error="the station stopped while sending; checking before any resend",
                reset_checks=True,
            )
            if changed is not None:
                moved.append(changed)
        return moved

    # -- internals --------------------------------------------------------------------------

    def _get(self, conn: Any, item_id: int) -> OutboxItem:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE id = ?",  # noqa: S608
            (item_id,),
        ).fetchone()
        if row is None:
            raise JournalError(f"Outbox item {item_id} vanished")
        return _item(row)

    def _record_event(self, item: OutboxItem) -> None:
        """Mirror the change into the history (same transaction), in the packer's terms."""
        errors = [f"{e.code}: {e.message}".rstrip(": ") for e in item.errors]
        status = _SHIPMENT_STATUS.get(item.state)
        if item.kind is OutboxKind.CONFIRMATION and status is not None:
            self._journal.record_confirmation(
                item.po,
                status,
                ship_method=item.ship_method,
                transaction_id=item.transaction_id,
                errors=errors,
            )
            return
        # A confirmation's intermediate states (sending, sent, unknown) go to the PO's history as
        # transaction events, so its shipment status stays "queued" until Amazon decides.
        kind = (
            EventKind.TRANSACTION
            if item.kind is OutboxKind.CONFIRMATION
            else EventKind.STATUS_UPDATE
        )
        self._journal.record(
            kind,
            po=item.po,
            outcome=str(item.state),
            ship_method=item.ship_method,
            transaction_id=item.transaction_id,
            detail={"outbox_id": item.id, "errors": errors, "kind": str(item.kind)},
        )


def _error_json(error: ApiErrorDetail) -> dict[str, str | None]:
    return {"code": error.code, "message": error.message, "details": error.details}
