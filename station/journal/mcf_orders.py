"""Web-shop orders on their way to Amazon's fulfilment network (MCF), in the journal.

One row per shop order, keyed by the ``sellerFulfillmentOrderId`` derived from it (the only handle
Amazon offers: there is no idempotency key). The row is written before anything is sent and its
``state`` moves ``imported → sending → sent | on_hold | accepted → cancelled``; ``sending`` left
behind by a crash or a lost answer means "ask Amazon before trying again".

The order itself (the customer's name and address, the lines) is personal data: it is sealed with
AES-GCM under the station's data key, bound to its order id, like the document cache. Everything
else in these tables is ids, codes and statuses.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from station.errors import JournalError
from station.journal.clock import from_iso, to_iso
from station.journal.documents import DataKey
from station.journal.store import Journal

__all__ = ["McfOrderBook", "McfPackageRecord", "McfRecord", "McfState"]


class McfState(StrEnum):
    IMPORTED = "imported"  # waiting for the lead: send to Amazon, or pack here
    SENDING = "sending"  # a create was (maybe) sent: read back before anything else
    ACCEPTED = "accepted"  # 2026-07-04 answered 202: Amazon will create it
    ON_HOLD = "on_hold"  # created on Hold: waits for release
    SENT = "sent"  # Amazon has it and ships it
    CANCELLED = "cancelled"
    FAILED = "failed"  # Amazon refused it; the error says why (may be sent again after a fix)
    PACK_HERE = "pack_here"  # handed to this warehouse's own packing


_COLUMNS = (
    "order_id, shop_order, source, state, api_version, speed, features, hold, amazon_status, "
    "send_attempts, last_error, imported_at, updated_at, sent_at, tracked_at"
)


@dataclass(frozen=True)
class McfRecord:
    order_id: str
    shop_order: str
    source: str
    state: McfState
    api_version: str
    speed: str | None
    features: tuple[str, ...]
    hold: bool
    amazon_status: str | None
    send_attempts: int
    last_error: str | None
    imported_at: datetime
    updated_at: datetime
    sent_at: datetime | None
    tracked_at: datetime | None


@dataclass(frozen=True)
class McfPackageRecord:
    order_id: str
    package_ref: str
    carrier: str | None
    tracking_number: str | None
    status: str | None
    eta: datetime | None


def _record(row: tuple[Any, ...]) -> McfRecord:
    return McfRecord(
        order_id=row[0],
        shop_order=row[1],
        source=row[2],
        state=McfState(row[3]),
        api_version=row[4],
        speed=row[5],
        features=tuple(f for f in row[6].split(",") if f),
        hold=bool(row[7]),
        amazon_status=row[8],
        send_attempts=int(row[9]),
        last_error=row[10],
        imported_at=from_iso(row[11]),
        updated_at=from_iso(row[12]),
        sent_at=from_iso(row[13]) if row[13] else None,
        tracked_at=from_iso(row[14]) if row[14] else None,
    )


class McfOrderBook:
    """The MCF tables of one journal; the data key seals each order's content."""

    def __init__(self, journal: Journal, key: DataKey | Callable[[], DataKey]) -> None:
        """``key`` may be a function: it is then asked only when an order is sealed or opened,
        so listing the orders needs no keyring."""
        self._journal = journal
        self._key_source = key
        self._data_key: DataKey | None = key if isinstance(key, DataKey) else None

    @property
    def _key(self) -> DataKey:
        if self._data_key is None:
            source = self._key_source
            assert not isinstance(source, DataKey)
            self._data_key = source()
        return self._data_key

    @property
    def _aead(self) -> AESGCM:
        return self._key.aead()

    def __repr__(self) -> str:
        return f"McfOrderBook(journal={self._journal.path!s})"

    # -- writing ----------------------------------------------------------------------------

    def add(self, order_id: str, shop_order: str, source: str, content: Mapping[str, Any]) -> bool:
        """Record an imported order; False (and nothing changed) when the shop order is known."""
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(
            nonce, json.dumps(dict(content), sort_keys=True).encode(), order_id.encode()
        )
        now = to_iso(self._journal.now())
        with self._journal.write() as conn:
            known = conn.execute(
                "SELECT 1 FROM mcf_orders WHERE shop_order = ? OR order_id = ?",
                (shop_order, order_id),
            ).fetchone()
            if known:
                return False
            conn.execute(
                "INSERT INTO mcf_orders (order_id, shop_order, source, state, key_id, nonce, "
                "sealed, imported_at, updated_at, station_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    order_id,
                    shop_order,
                    source,
                    str(McfState.IMPORTED),
                    self._key.key_id,
                    nonce,
                    sealed,
                    now,
                    now,
                    self._journal.station_id,
                ),
            )
        return True

    def replace_unsent(self, order_id: str, content: Mapping[str, Any]) -> bool:
        """New content for an order Amazon does not have (imported or refused); True when it
        changed. The order goes back to ``imported``, ready to be sent again."""
        with self._journal.write() as conn:
            record = self._get(conn, order_id)
            if record.state not in (McfState.IMPORTED, McfState.FAILED):
                return False
            fresh = json.loads(json.dumps(dict(content), sort_keys=True))
            stored = self.content(order_id)
            # A file without order dates dates each import "now": that alone is no change.
            if {**stored, "orderDate": None} == {**fresh, "orderDate": None}:
                return False
            nonce = os.urandom(12)
            sealed = self._aead.encrypt(
                nonce, json.dumps(dict(content), sort_keys=True).encode(), order_id.encode()
            )
            conn.execute(
                "UPDATE mcf_orders SET key_id = ?, nonce = ?, sealed = ?, state = ?, "
                "last_error = NULL, updated_at = ? WHERE order_id = ?",
                (
                    self._key.key_id,
                    nonce,
                    sealed,
                    str(McfState.IMPORTED),
                    to_iso(self._journal.now()),
                    order_id,
                ),
            )
        return True

    def begin_send(
        self,
        order_id: str,
        *,
        api_version: str,
        speed: str,
        features: Iterable[str],
        hold: bool,
    ) -> tuple[McfRecord, McfRecord]:
        """Mark the order ``sending`` (durably, before the call); returns (before, after).

        An order already past ``imported``/``failed`` is left as it is (before == after): the
        caller reads it back instead of sending again.
        """
        with self._journal.write() as conn:
            before = self._get(conn, order_id)
            if before.state not in (McfState.IMPORTED, McfState.FAILED, McfState.SENDING):
                return before, before
            if before.state == McfState.SENDING:
                conn.execute(
                    "UPDATE mcf_orders SET send_attempts = send_attempts + 1, updated_at = ? "
                    "WHERE order_id = ?",
                    (to_iso(self._journal.now()), order_id),
                )
            else:
                conn.execute(
                    "UPDATE mcf_orders SET state = ?, api_version = ?, speed = ?, features = ?, "
                    "hold = ?, send_attempts = send_attempts + 1, last_error = NULL, "
                    "updated_at = ? WHERE order_id = ?",
                    (
                        str(McfState.SENDING),
                        api_version,
                        speed,
                        ",".join(features),
                        int(hold),
                        to_iso(self._journal.now()),
                        order_id,
                    ),
                )
            return before, self._get(conn, order_id)

    def set_state(
        self,
        order_id: str,
        state: McfState,
        *,
        amazon_status: str | None = None,
        error: str | None = None,
        sent: bool = False,
        tracked: bool = False,
        hold: bool | None = None,
    ) -> McfRecord:
        now = to_iso(self._journal.now())
        with self._journal.write() as conn:
            self._get(conn, order_id)
            conn.execute(
                "UPDATE mcf_orders SET state = ?, amazon_status = COALESCE(?, amazon_status), "
                "last_error = ?, updated_at = ?, sent_at = CASE WHEN ? THEN COALESCE(sent_at, ?) "
                "ELSE sent_at END, tracked_at = CASE WHEN ? THEN ? ELSE tracked_at END, "
                "hold = COALESCE(?, hold) WHERE order_id = ?",
                (
                    str(state),
                    amazon_status,
                    error,
                    now,
                    int(sent),
                    now,
                    int(tracked),
                    now,
                    None if hold is None else int(hold),
                    order_id,
                ),
            )
            return self._get(conn, order_id)

    def set_packages(self, order_id: str, packages: Iterable[McfPackageRecord]) -> None:
        now = to_iso(self._journal.now())
        with self._journal.write() as conn:
            for p in packages:
                conn.execute(
                    "INSERT INTO mcf_packages (order_id, package_ref, carrier, tracking_number, "
                    "status, eta, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (order_id, package_ref) DO UPDATE SET carrier = excluded.carrier, "
                    "tracking_number = COALESCE(excluded.tracking_number, tracking_number), "
                    "status = excluded.status, eta = excluded.eta, "
                    "updated_at = excluded.updated_at",
                    (
                        order_id,
                        p.package_ref,
                        p.carrier,
                        p.tracking_number,
                        p.status,
                        to_iso(p.eta) if p.eta else None,
                        now,
                    ),
                )

    def purge(self, before: datetime) -> int:
        """Forget finished orders (and their sealed addresses) last changed before ``before``.

        Finished: cancelled, packed here, refused, or shipped to the end (complete, partly
        complete, unfulfillable). An order Amazon may still be working on is always kept.
        """
        with self._journal.write() as conn:
            rows = conn.execute(
                "SELECT order_id FROM mcf_orders WHERE updated_at < ? AND (state IN (?, ?, ?) "
                "OR (state = ? AND amazon_status IN ('COMPLETE', 'COMPLETE_PARTIAL', "
                "'UNFULFILLABLE', 'CANCELLED', 'INVALID')))",
                (
                    to_iso(before),
                    str(McfState.CANCELLED),
                    str(McfState.PACK_HERE),
                    str(McfState.FAILED),
                    str(McfState.SENT),
                ),
            ).fetchall()
            for (order_id,) in rows:
                conn.execute("DELETE FROM mcf_packages WHERE order_id = ?", (order_id,))
                conn.execute("DELETE FROM mcf_orders WHERE order_id = ?", (order_id,))
        return len(rows)

    # -- reading ----------------------------------------------------------------------------

    def _get(self, conn: Any, order_id: str) -> McfRecord:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM mcf_orders WHERE order_id = ?",  # noqa: S608 - constant
            (order_id,),
        ).fetchone()
        if row is None:
            raise JournalError(
                f"No web-shop order {order_id} in the journal",
                hint="Import the order first (station mcf import), or check the order id.",
            )
        return _record(row)

    def get(self, order_id: str) -> McfRecord | None:
        with self._journal.read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM mcf_orders WHERE order_id = ?",  # noqa: S608 - constant
                (order_id,),
            ).fetchone()
        return None if row is None else _record(row)

    def find(self, name: str) -> McfRecord | None:
        """An order by its MCF id or by the shop's order name."""
        with self._journal.read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM mcf_orders "  # noqa: S608 - constant
                "WHERE order_id = ? OR shop_order = ? ORDER BY order_id = ? DESC LIMIT 1",
                (name, name, name),
            ).fetchone()
        return None if row is None else _record(row)

    def orders(self, states: Iterable[McfState] | None = None) -> list[McfRecord]:
        wanted = None if states is None else [str(s) for s in states]
        with self._journal.read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM mcf_orders ORDER BY imported_at, order_id"  # noqa: S608
            ).fetchall()
        found = [_record(r) for r in rows]
        return found if wanted is None else [r for r in found if r.state in wanted]

    def content(self, order_id: str) -> dict[str, Any]:
        """The sealed order (address, lines), opened with the data key."""
        with self._journal.read() as conn:
            row = conn.execute(
                "SELECT key_id, nonce, sealed FROM mcf_orders WHERE order_id = ?", (order_id,)
            ).fetchone()
        if row is None:
            raise JournalError(f"No web-shop order {order_id} in the journal")
        if row[0] != self._key.key_id:
            raise JournalError(
                f"Web-shop order {order_id} was sealed with another data key",
                hint="Use the data key this station had when the order was imported.",
            )
        try:
            plain = self._aead.decrypt(row[1], row[2], order_id.encode())
        except InvalidTag:
            raise JournalError(f"Web-shop order {order_id} is damaged in the journal") from None
        data: dict[str, Any] = json.loads(plain)
        return data

    def packages(self, order_id: str | None = None) -> list[McfPackageRecord]:
        with self._journal.read() as conn:
            rows = conn.execute(
                "SELECT order_id, package_ref, carrier, tracking_number, status, eta "
                "FROM mcf_packages WHERE ? IS NULL OR order_id = ? ORDER BY order_id, package_ref",
                (order_id, order_id),
            ).fetchall()
        return [
            McfPackageRecord(r[0], r[1], r[2], r[3], r[4], from_iso(r[5]) if r[5] else None)
            for r in rows
        ]
