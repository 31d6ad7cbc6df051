"""Claims of POs by benches, with a lease, a heartbeat and in-flight protection.

A claim row says "bench 3 (station pack-03) packs PO X since 10:42, lease until 10:44". The
holding station renews the lease on a heartbeat thread; a bench that crashed stops renewing and
its claim can be taken over once the lease ran out — but never while:

- a label request of that PO is in flight (``in_flight_until``, set before the request and
  bounded by the request's own deadline, so a crash mid-request cannot pin the claim forever);
- a confirmation of that PO is open in the site outbox (it is on its way; packing it again would
  ship a second box).

Leases are compared with the database's clock (``now()``), never the benches' clocks. A lead can
release a claim by hand; that is recorded in the site's events with who did it and why.

When the site database is away the bench keeps packing the POs it already holds (it remembers
them) and refuses new ones, saying why: a claim it cannot record is no claim.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from station.errors import ClaimedElsewhereError, SiteError, SiteUnavailableError
from station.site.db import SiteDatabase, SiteLink
from station.site.events import CHANNEL, record_site_event

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_LEASE_S", "Claim", "SiteClaims"]

DEFAULT_LEASE_S = 120.0
#: Longest a label request may keep a claim alive without a heartbeat (the HTTP client's
#: request deadline is far shorter; this only bounds a crash mid-request).
IN_FLIGHT_BOUND_S = 600.0


@dataclass(frozen=True)
class Claim:
    po: str
    station_id: str
    bench: str
    state: str
    claimed_at: datetime
    lease_until: datetime
    in_flight: str | None
    holder: str | None = None  # the holding data folder's identity (None: not recorded)

    def describe(self) -> str:
        since = self.claimed_at.astimezone().strftime("%H:%M")
        if self.state == "shipped":
            return f"PO {self.po} was packed at bench {self.bench} by {self.station_id} ({since})"
        return (
            f"PO {self.po} is being packed at bench {self.bench} by {self.station_id} since {since}"
        )


_CLAIM_COLUMNS = "po, station_id, bench, state, claimed_at, lease_until, in_flight_what, holder"

# This station's rows: its station id and, when both are known, its data folder's identity (two
# folders may share one station id). Parameters: station id, identity, identity.
_MINE = "station_id = %s AND (holder IS NULL OR %s::text IS NULL OR holder = %s)"

# Takeable: released, or a lapsed active claim with nothing in flight and no open confirmation.
_TAKEABLE = """
    (claims.station_id = EXCLUDED.station_id
     AND coalesce(claims.holder, EXCLUDED.holder) IS NOT DISTINCT FROM EXCLUDED.holder)
    OR claims.state = 'released'
    OR (claims.state = 'active'
        AND claims.lease_until < now()
        AND (claims.in_flight_until IS NULL OR claims.in_flight_until < now())
        AND NOT EXISTS (
            SELECT 1 FROM site_outbox o
            WHERE o.po = claims.po AND o.kind = 'confirmation' AND o.state <> 'failed'))
"""


# The claim in one statement (the scan's round trip to the site): the current row locked, the
# upsert when takeable, the event and its NOTIFY when this bench takes the PO; else the holder.
_CLAIM_ONCE = f"""
    WITH before AS (
        SELECT station_id, state, holder FROM claims WHERE po = %(po)s FOR UPDATE
    ), up AS (
        INSERT INTO claims AS claims
            (po, station_id, bench, state, claimed_at, lease_until, heartbeat_at, holder)
        VALUES (%(po)s, %(me)s, %(bench)s, 'active', now(),
                now() + make_interval(secs => %(lease)s), now(), %(holder)s::text)
        ON CONFLICT (po) DO UPDATE SET
            station_id = EXCLUDED.station_id,
            holder = EXCLUDED.holder,
            bench = EXCLUDED.bench,
            state = CASE WHEN claims.state = 'shipped' THEN 'shipped' ELSE 'active' END,
            claimed_at = CASE WHEN claims.station_id = EXCLUDED.station_id
                              AND claims.state <> 'released'
                         THEN claims.claimed_at ELSE now() END,
            lease_until = EXCLUDED.lease_until,
            heartbeat_at = now(),
            released_by = NULL,
            released_at = NULL
        WHERE {_TAKEABLE}
        RETURNING {_CLAIM_COLUMNS}
    ), event AS (
        INSERT INTO site_events (station_id, bench, kind, po, detail)
        SELECT %(me)s, %(bench)s, 'claimed', %(po)s,
               CASE WHEN b.station_id IS NOT NULL AND b.station_id <> %(me)s
                    THEN json_build_object('taken_over_from', b.station_id)::text
                    ELSE '{{}}' END
        FROM up LEFT JOIN before b ON true
        WHERE b.station_id IS NULL OR b.station_id <> %(me)s OR b.state = 'released'
              OR (b.holder IS NOT NULL AND b.holder IS DISTINCT FROM %(holder)s::text)
        RETURNING po
    ), notified AS (
        SELECT pg_notify('{CHANNEL}', 'claimed ' || po) FROM event
    )
    SELECT 'mine', {", ".join("up." + c.strip() for c in _CLAIM_COLUMNS.split(","))},
           (SELECT station_id FROM before), (SELECT count(*) FROM notified)
    FROM up
    UNION ALL
    SELECT 'held', {", ".join("c." + c.strip() for c in _CLAIM_COLUMNS.split(","))},
           NULL, 0
    FROM claims c WHERE c.po = %(po)s AND NOT EXISTS (SELECT 1 FROM up)
"""  # noqa: S608 - constant SQL fragments only


def _claim(row: Any) -> Claim:
    return Claim(
        po=row[0],
        station_id=row[1],
        bench=row[2],
        state=row[3],
        claimed_at=row[4],
        lease_until=row[5],
        in_flight=row[6],
        holder=row[7],
    )


class SiteClaims:
    """The claim store of one station (implements ``station.workflow.claims.ClaimStore``)."""

    def __init__(
        self,
        db: SiteDatabase,
        *,
        lease_s: float = DEFAULT_LEASE_S,
        in_flight_s: float = IN_FLIGHT_BOUND_S,
    ) -> None:
        self.db = db
        self.lease_s = lease_s
        self.in_flight_s = in_flight_s
        self._link = SiteLink(db)
        self._identity = db.identity or None
        self._held: dict[str, str] = {}  # PO -> 'active' | 'shipped' (as far as this bench knows)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- the ClaimStore interface ------------------------------------------------------------

    def claim(self, po: str) -> None:
        try:
            claim, taken_from = self._link.run(lambda conn: self._claim(conn, po), single=True)
        except SiteUnavailableError as exc:
            with self._lock:
                held = po in self._held
            if held:
                log.warning("site database away; PO %s is already claimed here", po)
                return
            raise SiteUnavailableError(
                f"PO {po} cannot be claimed: {exc.message}",
                hint="The site database is away: only POs this bench already claimed can be "
                "packed now. Put this one aside until the status bar says the site is back.",
            ) from None
        if not self._is_mine(claim):
            raise ClaimedElsewhereError(
                claim.describe(),
                hint="Do not print or ship it here: give it to that bench, or ask the lead to "
                "release the claim (`station site release PO`).",
            )
        with self._lock:
            self._held[po] = "shipped" if claim.state == "shipped" else "active"
        if taken_from:
            log.info("claim of %s taken over from %s after its lease ran out", po, taken_from)

    def _is_mine(self, claim: Claim) -> bool:
        """Held by this station: its id, and its data folder's identity when both are known."""
        return claim.station_id == self.db.station_id and (
            claim.holder is None or self._identity is None or claim.holder == self._identity
        )

    def _claim(self, conn: Any, po: str) -> tuple[Claim, str | None]:
        """One statement, one round trip: lock the current row, take it when takeable, record
        the event and notify; else answer who holds it."""
        me = self.db.station_id
        params = {
            "po": po,
            "me": me,
            "bench": self.db.bench,
            "lease": self.lease_s,
            "holder": self._identity,
        }
        row = conn.execute(_CLAIM_ONCE, params).fetchone()
        if row is None:
            # Another bench inserted the row after this statement's snapshot began: the holder
            # is readable now (rare; a second round trip only then).
            held = conn.execute(
                f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE po = %s",  # noqa: S608
                (po,),
            ).fetchone()
            if held is None:  # pragma: no cover - the insert conflicted on this very row
                raise SiteError(f"The claim of PO {po} vanished while it was being taken")
            return _claim(held), None
        claim, before = _claim(row[1:9]), row[9]
        taken_from = before if row[0] == "mine" and before not in (None, me) else None
        return claim, taken_from

    def check(self, po: str) -> None:
        try:
            claim = self._link.run(lambda conn: self.get_in(conn, po))
        except SiteUnavailableError:
            with self._lock:
                if po in self._held:
                    return
            raise
        if claim is None or not self._is_mine(claim) or claim.state == "released":
            with self._lock:
                self._held.pop(po, None)
            if claim is None or claim.state == "released":
                raise ClaimedElsewhereError(
                    f"The claim of PO {po} was released by the lead",
                    hint="Scan the PO again to claim it before printing or confirming.",
                )
            raise ClaimedElsewhereError(
                claim.describe(),
                hint="This bench's claim ran out and another bench took the PO: do not ship it "
                "here.",
            )

    @contextmanager
    def in_flight(self, po: str, what: str) -> Iterator[None]:
        def mark(conn: Any) -> None:
            conn.execute(
                "UPDATE claims SET in_flight_until = now() + make_interval(secs => %s), "  # noqa: S608
                "in_flight_what = %s, lease_until = greatest(lease_until, now() + "
                f"make_interval(secs => %s)) WHERE po = %s AND {_MINE}",
                (self.in_flight_s, what, self.lease_s, po, *self._me()),
            )

        def clear(conn: Any) -> None:
            conn.execute(
                "UPDATE claims SET in_flight_until = NULL, in_flight_what = NULL, "  # noqa: S608
                "lease_until = greatest(lease_until, now() + make_interval(secs => %s)) "
                f"WHERE po = %s AND {_MINE}",
                (self.lease_s, po, *self._me()),
            )

        self.check(po)
        try:
            self._link.run(mark)
        except SiteUnavailableError:
            log.warning("site database away: %s of %s goes on under the local claim", what, po)
        try:
            yield
        finally:
            try:
                self._link.run(clear)
            except SiteUnavailableError:
                log.warning(
                    "site database away: the in-flight mark of %s stays until it lapses", po
                )

    def shipped(self, po: str) -> None:
        with self._lock:
            self._held[po] = "shipped"
        try:
            self._link.run(lambda conn: self._mark_shipped(conn, po))
        except SiteUnavailableError:
            log.warning("site database away: the claim of %s is marked shipped later", po)

    def _mark_shipped(self, conn: Any, po: str) -> None:
        conn.execute(
            "UPDATE claims SET state = 'shipped', in_flight_until = NULL, in_flight_what = NULL "  # noqa: S608
            f"WHERE po = %s AND {_MINE} AND state <> 'shipped'",
            (po, *self._me()),
        )

    def _me(self) -> tuple[str, str | None, str | None]:
        """The parameters of ``_MINE``."""
        return self.db.station_id, self._identity, self._identity

    # -- reading and the lead's release ------------------------------------------------------

    @staticmethod
    def get_in(conn: Any, po: str) -> Claim | None:
        row = conn.execute(
            f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE po = %s",  # noqa: S608
            (po,),
        ).fetchone()
        return None if row is None else _claim(row)

    def get(self, po: str) -> Claim | None:
        return self._link.run(lambda conn: self.get_in(conn, po))

    def active(self) -> list[Claim]:
        rows = self._link.run(
            lambda conn: conn.execute(
                f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE state = 'active' "  # noqa: S608
                "ORDER BY claimed_at"
            ).fetchall()
        )
        return [_claim(row) for row in rows]

    def release(self, po: str, *, by: str, reason: str = "") -> Claim:
        """A lead frees a PO (a bench died, or the PO moves to another bench): journaled."""

        def work(conn: Any) -> Claim:
            row = conn.execute(
                "UPDATE claims SET state = 'released', released_by = %s, released_at = now(), "  # noqa: S608
                "in_flight_until = NULL, in_flight_what = NULL "
                f"WHERE po = %s AND state = 'active' RETURNING {_CLAIM_COLUMNS}",
                (by, po),
            ).fetchone()
            if row is None:
                claim = self.get_in(conn, po)
                if claim is None:
                    raise SiteError(f"PO {po} is not claimed by any bench")
                raise SiteError(
                    claim.describe() + ": a shipped PO's claim is kept",
                    hint="Its confirmation is recorded; nothing to release.",
                )
            claim = _claim(row)
            record_site_event(
                conn,
                station_id=self.db.station_id,
                bench=self.db.bench,
                kind="claim_released",
                po=po,
                detail={"by": by, "reason": reason[:200], "holder": claim.station_id},
            )
            return claim

        return self._link.run(work)

    # -- heartbeat ---------------------------------------------------------------------------

    def heartbeat(self) -> list[str]:
        """Renew the lease of every PO this bench holds; returns those it lost (released)."""
        with self._lock:
            held = [po for po, state in self._held.items() if state == "active"]
            shipped = [po for po, state in self._held.items() if state == "shipped"]

        def work(conn: Any) -> list[str]:
            conn.execute(
                "INSERT INTO stations (station_id, bench, identity) VALUES (%s, %s, %s) ON "
                "CONFLICT (station_id) DO UPDATE SET last_seen = now(), bench = EXCLUDED.bench, "
                "state = 'online' WHERE stations.identity IS NULL OR EXCLUDED.identity IS NULL "
                "OR stations.identity = EXCLUDED.identity",
                (self.db.station_id, self.db.bench, self._identity),
            )
            for po in shipped:
                self._mark_shipped(conn, po)
            if not held:
                return []
            rows = conn.execute(
                "UPDATE claims SET lease_until = now() + make_interval(secs => %s), "  # noqa: S608
                f"heartbeat_at = now() WHERE {_MINE} AND state = 'active' "
                "AND po = ANY(%s) RETURNING po",
                (self.lease_s, *self._me(), held),
            ).fetchall()
            return sorted(set(held) - {r[0] for r in rows})

        lost = self._link.run(work)
        with self._lock:
            for po in shipped:
                self._held.pop(po, None)
            for po in lost:
                self._held.pop(po, None)
        return lost

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._beat, name="site-claims", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        interval = max(0.2, self.lease_s / 4)
        while not self._stop.wait(interval):
            try:
                lost = self.heartbeat()
            except SiteError as exc:
                log.warning("claims heartbeat: %s", exc.message)
                continue
            for po in lost:
                log.warning("the claim of PO %s was released or taken over", po)

    def held(self) -> dict[str, str]:
        with self._lock:
            return dict(self._held)

    def close(self, *, release: bool = True) -> None:
        """Stop the heartbeat; a clean exit frees this bench's active claims at once."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(5)
        if release:
            try:
                self._link.run(lambda conn: self.release_mine_in(conn, "station closed"))
            except SiteError as exc:
                log.warning("could not free this bench's claims: %s", exc.message)
        self._link.close()

    def release_mine_in(self, conn: Any, why: str) -> list[str]:
        """Free every active claim of this station (it closes, or leaves the site)."""
        rows = conn.execute(
            "UPDATE claims SET state = 'released', released_by = %s, released_at = now() "  # noqa: S608
            f"WHERE {_MINE} AND state = 'active' RETURNING po",
            (f"{self.db.station_id} ({why})", *self._me()),
        ).fetchall()
        for (po,) in rows:
            record_site_event(
                conn,
                station_id=self.db.station_id,
                bench=self.db.bench,
                kind="claim_released",
                po=po,
                detail={"by": why},
            )
        return [po for (po,) in rows]
