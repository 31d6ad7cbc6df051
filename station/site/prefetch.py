"""Shift prefetch once per site: whichever station starts it takes the site's prefetch lease, so
only one runs at a time, and fills the site's shared cache for every bench.

The lease is one row (``site_prefetch``) compared with the database's clock and renewed by a
heartbeat while the run goes on; a station that dies mid-run stops renewing and the next one may
start after the lease ran out (a crash never pins it). A second station asking while one runs is
told who runs it and since when, and does nothing.

The run itself is :class:`station.workflow.prefetch.ShiftPreparation` writing into the site's
cache (:class:`station.site.documents.SiteDocumentCache`) and pacing itself on the site's quota
limiter, so the benches scanning meanwhile share Amazon's rate limits with it. Its safety rules are
the single station's: labels only for one-unit POs, nothing acknowledged beyond what ``prefetch
--acknowledge`` does, every answer checked against the PO asked.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from station.errors import SiteError
from station.site.db import SiteDatabase, SiteLink
from station.site.documents import SiteDocumentCache
from station.site.events import record_site_event
from station.workflow.prefetch import (
    PrefetchOptions,
    PrefetchProgress,
    PrefetchReport,
    ShiftPreparation,
)

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_PREFETCH_LEASE_S", "PrefetchHolder", "SitePrefetch", "SitePrefetchBusyError"]

DEFAULT_PREFETCH_LEASE_S = 60.0


class SitePrefetchBusyError(SiteError):
    """Another station runs the site's shift prefetch now."""


@dataclass(frozen=True)
class PrefetchHolder:
    station_id: str
    bench: str
    started_at: datetime
    lease_until: datetime

    def describe(self) -> str:
        since = self.started_at.astimezone().strftime("%H:%M")
        return (
            f"The site's shift prefetch is already running at bench {self.bench} by "
            f"{self.station_id} since {since}"
        )


_TAKE = """
    INSERT INTO site_prefetch AS p (id, station_id, bench, started_at, lease_until)
    VALUES (1, %(me)s, %(bench)s, now(), now() + make_interval(secs => %(lease)s))
    ON CONFLICT (id) DO UPDATE SET station_id = EXCLUDED.station_id, bench = EXCLUDED.bench,
        started_at = now(), lease_until = EXCLUDED.lease_until, finished_at = NULL,
        summary = NULL
    WHERE p.finished_at IS NOT NULL OR p.lease_until < now()
    RETURNING station_id
"""


class SitePrefetch:
    """Runs the site's shift prefetch from this station, under the site's prefetch lease."""

    def __init__(
        self,
        db: SiteDatabase,
        preparation: ShiftPreparation,
        *,
        lease_s: float = DEFAULT_PREFETCH_LEASE_S,
    ) -> None:
        self.db = db
        self.preparation = preparation
        self.lease_s = lease_s
        self._link = SiteLink(db)

    def holder(self) -> PrefetchHolder | None:
        """Who runs the site's prefetch now (None: nobody)."""
        row = self._link.run(
            lambda conn: conn.execute(
                "SELECT station_id, bench, started_at, lease_until FROM site_prefetch "
                "WHERE id = 1 AND finished_at IS NULL AND lease_until >= now()"
            ).fetchone()
        )
        return None if row is None else PrefetchHolder(*row)

    def _take(self, conn: Any) -> PrefetchHolder | None:
        """None when taken; else who holds it."""
        params = {"me": self.db.station_id, "bench": self.db.bench, "lease": self.lease_s}
        if conn.execute(_TAKE, params).fetchone() is not None:
            record_site_event(
                conn, station_id=self.db.station_id, bench=self.db.bench, kind="prefetch_started"
            )
            return None
        row = conn.execute(
            "SELECT station_id, bench, started_at, lease_until FROM site_prefetch WHERE id = 1"
        ).fetchone()
        return PrefetchHolder(*row)

    @contextmanager
    def lease(self, cancel: threading.Event) -> Iterator[None]:
        """Hold the site's prefetch lease (SitePrefetchBusyError when another station has it);
        a heartbeat renews it, and sets ``cancel`` when it was lost."""
        holder = self._link.run(self._take)
        if holder is not None:
            raise SitePrefetchBusyError(
                holder.describe(),
                hint="Nothing was done here. Its documents reach every bench as they are "
                "cached; run it again after it finished if something failed.",
            )
        stop = threading.Event()
        beat = threading.Thread(
            target=self._renew, args=(stop, cancel), name="site-prefetch-lease", daemon=True
        )
        beat.start()
        summary = "stopped"
        try:
            yield
            summary = "finished"
        finally:
            stop.set()
            beat.join(10)
            try:
                self._link.run(lambda conn: self._finish(conn, summary))
            except SiteError as exc:  # the lease lapses by itself
                log.warning("site prefetch lease not released: %s", exc.message)

    def _renew(self, stop: threading.Event, cancel: threading.Event) -> None:
        interval = max(0.2, self.lease_s / 4)
        while not stop.wait(interval):
            try:
                renewed = self._link.run(
                    lambda conn: conn.execute(
                        "UPDATE site_prefetch SET lease_until = now() + make_interval(secs => %s) "
                        "WHERE id = 1 AND station_id = %s AND finished_at IS NULL RETURNING 1",
                        (self.lease_s, self.db.station_id),
                    ).fetchone()
                )
            except SiteError as exc:
                log.warning("site prefetch lease not renewed: %s", exc.message)
                continue
            if renewed is None:
                log.warning("the site prefetch lease was lost: this run stops")
                cancel.set()
                return

    def _finish(self, conn: Any, summary: str) -> None:
        conn.execute(
            "UPDATE site_prefetch SET finished_at = now(), summary = %s "
            "WHERE id = 1 AND station_id = %s AND finished_at IS NULL",
            (summary, self.db.station_id),
        )
        record_site_event(
            conn,
            station_id=self.db.station_id,
            bench=self.db.bench,
            kind="prefetch_" + summary,
        )

    def run(
        self,
        options: PrefetchOptions | None = None,
        progress: Callable[[PrefetchProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> PrefetchReport:
        """The site's shift prefetch; SiteError before anything is fetched when the site's
        cache cannot be used from here (wrong key, database away) or another station runs it."""
        cancel = cancel or threading.Event()
        documents = self.preparation.documents
        if not isinstance(documents, SiteDocumentCache):
            raise SiteError(
                "The site's shift prefetch needs the site data key, and this station has none",
                hint="Re-join the site (`station site join URL --bench N`) with the lead's key; "
                "a prefetch kept on this bench alone would not reach the other benches.",
            )
        documents.verify()  # a wrong site key stops here, before the lease
        documents.purge_site()
        with self.lease(cancel):
            return self.preparation.run(options, progress, cancel)

    def close(self) -> None:
        self._link.close()
