"""One outbox for the site: every bench's confirmations, sent exactly once by any station.

Two hops, each exactly-once:

1. **Hand-over** (bench → site). A confirmation is first recorded in the bench's own SQLite
   outbox, as in a one-bench shop. The bench's outbox worker "sends" it with
   :class:`SiteHandover`: one INSERT into ``site_outbox`` keyed by the item's idempotency key
   (``ON CONFLICT DO NOTHING``), answering ``site:<id>`` as its transaction id; polling that
   "transaction" reads the site row until Amazon decided. When the site database is away the
   INSERT fails like a network error: the item stays pending in the bench's journal and is handed
   over when the database is back. A crash mid-hand-over is reconciled by looking the key up —
   the INSERT is atomic, so the answer is certain.
2. **Delivery** (site → Amazon). Every station runs an :class:`OutboxWorker` over
   :class:`SiteOutbox` (the same state machine and retry policy as a bench's own outbox). A
   station picks the most overdue item with ``FOR UPDATE SKIP LOCKED`` and leases it for its next
   step, so benches never queue behind each other; ``sending`` is committed (with the sender and
   a deadline) before the request leaves; every move is a compare-and-set. An item left in
   ``sending`` by a station that died turns ``unknown`` once its deadline passed, and any running
   station reconciles it with Amazon before any resend.

Never two confirmations for a PO: ``site_outbox_one_confirmation`` (a unique index on the PO of
every confirmation not failed) refuses a second one whichever bench it comes from.
"""

from __future__ import annotations

import builtins
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from station.errors import (
    ApiErrorDetail,
    InvalidRequestError,
    NetworkError,
    SiteError,
    SiteUnavailableError,
)
from station.journal.outbox import (
    DUE_STATES,
    OPEN_STATES,
    OutboxItem,
    OutboxListener,
    OutboxListeners,
    OutboxState,
    _item,  # one row mapper for both outboxes
    canonical_json,
)
from station.journal.outbox_worker import (
    Reconciliation,
    TransactionResult,
    TransactionStatus,
    Verdict,
)
from station.journal.store import Journal
from station.logs import redact
from station.site.db import SiteDatabase, SiteLink
from station.site.events import record_site_event

log = logging.getLogger(__name__)

__all__ = ["SITE_TRANSACTION_PREFIX", "SiteHandover", "SiteOutbox"]

SITE_TRANSACTION_PREFIX = "site:"
#: How long a station may take over one send before others consider it dead.
SENDING_DEADLINE_S = 120.0
#: How long a picked item is left to the station that picked it.
PICK_LEASE_S = 30.0

# The bench outbox's columns, in its order and forms (timestamps as ISO text), so that one row
# mapper serves both. The reconciler dates an ambiguous send from ``updated_at``: it gets the last
# send's start (the row's own updated_at moves with every check and would never let it settle).
_COLUMNS = (
    "id, idempotency_key, kind, po, payload, state, attempts, checks, transaction_id, errors, "
    "last_error, ship_method, to_json(next_attempt_at) #>> '{}', to_json(created_at) #>> '{}', "
    "to_json(coalesce(send_started_at, updated_at)) #>> '{}', origin_station"
)
# The same states as a bench's outbox, with the same meaning (``ask_amazon`` included: Amazon
# accepted the request but its status could not be read; a person asks Amazon, the station looks
# again every hour, never resends).
_DUE = [str(s) for s in DUE_STATES]


def _errors_json(errors: Sequence[ApiErrorDetail]) -> str:
    return redact(
        json.dumps([{"code": e.code, "message": e.message, "details": e.details} for e in errors])
    )


class SiteOutbox:
    """The site outbox as :class:`~station.journal.outbox_worker.OutboxWorker` drives it.

    ``journal`` is the sending station's own journal: its clock and its record of transactions.
    """

    def __init__(
        self, db: SiteDatabase, journal: Journal, *, sending_s: float = SENDING_DEADLINE_S
    ) -> None:
        self.db = db
        self.journal = journal
        self.sending_s = sending_s
        self._link = SiteLink(db)
        self._listeners = OutboxListeners()

    def close(self) -> None:
        self._link.close()

    def add_listener(self, listener: OutboxListener) -> Callable[[], None]:
        return self._listeners.add(listener)

    # -- reading -----------------------------------------------------------------------------

    def get(self, item_id: int) -> OutboxItem | None:
        row = self._link.run(
            lambda conn: conn.execute(
                f"SELECT {_COLUMNS} FROM site_outbox WHERE id = %s",  # noqa: S608
                (item_id,),
            ).fetchone()
        )
        return None if row is None else _item(row)

    def list(
        self, *, states: Iterable[OutboxState] | None = None, limit: int = 1000
    ) -> builtins.list[OutboxItem]:
        wanted = [str(s) for s in states] if states is not None else [str(s) for s in OutboxState]
        rows = self._link.run(
            lambda conn: conn.execute(
                f"SELECT {_COLUMNS} FROM site_outbox WHERE state = ANY(%s) "  # noqa: S608
                "ORDER BY id LIMIT %s",
                (wanted, limit),
            ).fetchall()
        )
        return [_item(row) for row in rows]

    def open_items(self) -> builtins.list[OutboxItem]:
        return self.list(states=OPEN_STATES)

    # -- the worker's side -------------------------------------------------------------------

    def next_due(self, now: datetime) -> OutboxItem | None:
        """Pick the most overdue open item no other station is working on, and lease it."""

        def work(conn: Any) -> Any:
            self._expire_sending(conn)
            return conn.execute(
                f"""
                UPDATE site_outbox SET next_attempt_at = now() + make_interval(secs => %s)
                WHERE id = (
                    SELECT id FROM site_outbox
                    WHERE state = ANY(%s) AND next_attempt_at <= now()
                    ORDER BY next_attempt_at, id
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING {_COLUMNS}
                """,  # noqa: S608
                (PICK_LEASE_S, _DUE),
            ).fetchone()

        row = self._link.run(work)
        return None if row is None else _item(row)

    def next_due_at(self) -> datetime | None:
        try:
            row = self._next_due_at()
        except SiteUnavailableError:
            return None  # the worker idles and asks again
        return None if row is None or row[0] is None else row[0]

    def _next_due_at(self) -> Any:
        return self._link.run(
            lambda conn: conn.execute(
                "SELECT min(next_attempt_at) FROM site_outbox WHERE state = ANY(%s)",
                (_DUE,),
            ).fetchone()
        )

    def make_due(self, states: Iterable[OutboxState] | None = None) -> int:
        wanted = [str(s) for s in states] if states else _DUE
        return int(
            self._link.run(
                lambda conn: (
                    conn.execute(
                        "UPDATE site_outbox SET next_attempt_at = now() "
                        "WHERE next_attempt_at > now() AND state = ANY(%s)",
                        (wanted,),
                    ).rowcount
                )
            )
        )

    def transition(
        self,
        item_id: int,
        *,
        from_states: Iterable[OutboxState],
        to: OutboxState,
        next_attempt_at: datetime | None = None,
        transaction_id: Any = ...,
        errors: Sequence[ApiErrorDetail] | None = None,
        last_error: Any = ...,
        count_attempt: bool = False,
        count_check: bool = False,
        reset_checks: bool = False,
    ) -> OutboxItem | None:
        """Compare-and-set, as the bench outbox's ``transition`` (same keywords)."""
        sets = ["state = %s", "updated_at = now()"]
        params: list[Any] = [str(to)]
        sets.append("next_attempt_at = coalesce(%s, now())")
        params.append(next_attempt_at)
        if to is OutboxState.SENDING:
            sets += [
                "sender_station = %s",
                "sending_until = now() + make_interval(secs => %s)",
                "send_started_at = now()",
            ]
            params += [self.db.station_id, self.sending_s]
        else:
            sets.append("sending_until = NULL")
        if transaction_id is not ... and not _is_unset(transaction_id):
            sets.append("transaction_id = %s")
            params.append(transaction_id)
        if errors is not None:
            sets.append("errors = %s")
            params.append(_errors_json(errors))
        if last_error is not ... and not _is_unset(last_error):
            sets.append("last_error = %s")
            params.append(None if last_error is None else redact(str(last_error)[:1000]))
        if count_attempt:
            sets.append("attempts = attempts + 1")
        if reset_checks:
            sets.append("checks = 0")
        elif count_check:
            sets.append("checks = checks + 1")

        def work(conn: Any) -> Any:
            # ``before`` is the state the item left: the site's history records the moment it
            # came to ask Amazon, not every hourly look at it.
            row = conn.execute(
                f"UPDATE site_outbox SET {', '.join(sets)} FROM (SELECT state AS before "  # noqa: S608
                "FROM site_outbox WHERE id = %s FOR UPDATE) AS old WHERE id = %s "
                f"AND state = ANY(%s) RETURNING {_COLUMNS}, old.before",
                (*params, item_id, item_id, [str(s) for s in from_states]),
            ).fetchone()
            entered = row is not None and row[16] != str(to)
            if entered and to in (
                OutboxState.SUCCEEDED,
                OutboxState.FAILED,
                OutboxState.ASK_AMAZON,
            ):
                record_site_event(
                    conn,
                    station_id=self.db.station_id,
                    bench=self.db.bench,
                    kind=f"{row[2]}_{to}",
                    po=row[3],
                    detail={"transaction_id": row[8], "origin": row[15]},
                )
            return row

        row = self._link.run(work)
        if row is None:
            return None
        item = _item(row)
        self._listeners.notify(item)
        return item

    def retry(self, item_id: int) -> OutboxItem | None:
        """A failed item goes back to pending (the worker's "never sent: queue again")."""
        row = self._link.run(
            lambda conn: conn.execute(
                "UPDATE site_outbox SET state = 'pending', attempts = 0, checks = 0, "  # noqa: S608
                "next_attempt_at = now(), updated_at = now() WHERE id = %s AND state = 'failed' "
                f"RETURNING {_COLUMNS}",
                (item_id,),
            ).fetchone()
        )
        return None if row is None else _item(row)

    def recover_interrupted(self) -> builtins.list[OutboxItem]:
        """Items whose sender died (its deadline passed) become ``unknown``; others are left."""
        try:
            rows = self._link.run(self._expire_sending)
        except SiteUnavailableError as exc:
            log.warning("site outbox: %s", exc.message)
            return []
        return [_item(row) for row in rows]

    def _expire_sending(self, conn: Any) -> Any:
        return conn.execute(
            f"""
            UPDATE site_outbox SET state = 'unknown', checks = 0, updated_at = now(),
                next_attempt_at = now(), sending_until = NULL,
                last_error = 'the sending station stopped while sending; checking before any '
                             || 'resend'
            WHERE state = 'sending' AND sending_until < now()
            RETURNING {_COLUMNS}
            """  # noqa: S608
        ).fetchall()


def _is_unset(value: Any) -> bool:
    return type(value).__name__ == "_Unset"


class SiteHandover:
    """The bench's own outbox worker hands its items to the site outbox with this.

    Implements the worker's Sender, TransactionChecker and Reconciler (module docstring).
    """

    def __init__(self, db: SiteDatabase) -> None:
        self.db = db
        self._link = SiteLink(db)

    def close(self) -> None:
        self._link.close()

    def _run(self, work: Callable[[Any], Any]) -> Any:
        try:
            return self._link.run(work)
        except SiteUnavailableError as exc:
            # Nothing reached the site: the item stays in this bench's journal and waits.
            raise NetworkError(exc.message, hint=exc.hint) from None

    def send(self, item: OutboxItem) -> str:
        import psycopg

        def work(conn: Any) -> int:
            row = conn.execute(
                "SELECT id FROM site_outbox WHERE idempotency_key = %s", (item.key,)
            ).fetchone()
            if row is not None:
                return int(row[0])
            try:
                with conn.transaction():
                    row = conn.execute(
                        "INSERT INTO site_outbox (idempotency_key, kind, po, payload, ship_method, "
                        "state, origin_station) VALUES (%s, %s, %s, %s, %s, 'pending', %s) "
                        "RETURNING id",
                        (
                            item.key,
                            str(item.kind),
                            item.po,
                            canonical_json(item.payload),
                            item.ship_method,
                            item.station_id,
                        ),
                    ).fetchone()
            except psycopg.errors.UniqueViolation:
                other = conn.execute(
                    "SELECT origin_station, state FROM site_outbox WHERE po = %s AND kind = %s "
                    "AND state <> 'failed'",
                    (item.po, str(item.kind)),
                ).fetchone()
                raise InvalidRequestError(
                    f"PO {item.po} already has a confirmation from station "
                    f"{other[0] if other else '?'} in the site outbox: HOLD THIS BOX, it is "
                    "never confirmed twice",
                    errors=(
                        ApiErrorDetail(
                            code="SITE_ALREADY_CONFIRMED",
                            message=f"PO {item.po} is confirmed by another bench",
                        ),
                    ),
                ) from None
            conn.execute(
                "UPDATE claims SET state = 'shipped', in_flight_until = NULL "
                "WHERE po = %s AND station_id = %s",
                (item.po, item.station_id),
            )
            record_site_event(
                conn,
                station_id=self.db.station_id,
                bench=self.db.bench,
                kind=f"{item.kind}_handed_over",
                po=item.po,
                detail={"local_id": item.id},
            )
            return int(row[0])

        site_id = self._run(work)
        return f"{SITE_TRANSACTION_PREFIX}{site_id}"

    def status(self, transaction_id: str) -> TransactionResult:
        if not transaction_id.startswith(SITE_TRANSACTION_PREFIX):
            raise SiteError(f"{transaction_id!r} is not a site outbox reference")
        site_id = int(transaction_id.removeprefix(SITE_TRANSACTION_PREFIX))
        row = self._run(
            lambda conn: conn.execute(
                "SELECT state, errors, last_error FROM site_outbox WHERE id = %s", (site_id,)
            ).fetchone()
        )
        if row is None:
            raise SiteError(f"The site outbox has no item {site_id}")
        state = OutboxState(row[0])
        if state is OutboxState.SUCCEEDED:
            return TransactionResult(TransactionStatus.SUCCESS)
        if state is OutboxState.ASK_AMAZON:  # the bench's own item says so too, with the reason
            return TransactionResult(
                TransactionStatus.PROCESSING,
                ask_amazon=f"{row[2] or 'ask Amazon: its status could not be read'} "
                f"(site outbox item {site_id})",
            )
        if state is OutboxState.FAILED:
            try:
                raw = json.loads(row[1])
            except ValueError:
                raw = []
            errors = (
                tuple(ApiErrorDetail.from_json(e) for e in raw) if isinstance(raw, list) else ()
            )
            return TransactionResult(
                TransactionStatus.FAILURE,
                errors
                or (ApiErrorDetail(code="SiteFailure", message=row[2] or "rejected by Amazon"),),
            )
        return TransactionResult(TransactionStatus.PROCESSING)

    def amazon_transaction(self, reference: str) -> str | None:
        """Amazon's transaction id for an item handed over as ``reference`` (``site:<id>``),
        once a station has sent it; None before (or for another kind of reference)."""
        if not reference.startswith(SITE_TRANSACTION_PREFIX):
            return None
        site_id = int(reference.removeprefix(SITE_TRANSACTION_PREFIX))
        row = self._run(
            lambda conn: conn.execute(
                "SELECT transaction_id FROM site_outbox WHERE id = %s", (site_id,)
            ).fetchone()
        )
        return str(row[0]) if row is not None and row[0] else None

    def reconcile(self, item: OutboxItem) -> Reconciliation:
        row = self._run(
            lambda conn: conn.execute(
                "SELECT id FROM site_outbox WHERE idempotency_key = %s", (item.key,)
            ).fetchone()
        )
        if row is None:
            return Reconciliation(Verdict.NOT_DELIVERED, reason="not in the site outbox yet")
        return Reconciliation(Verdict.DELIVERED, f"{SITE_TRANSACTION_PREFIX}{row[0]}")
