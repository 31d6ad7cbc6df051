"""One station's part of the site: its claims, its hand-over and its share of the site outbox.

Built by the composition root (``station.runtime``) when ``journal_url`` is set. Starting it
migrates the site schema (under the advisory lock) when the database can be reached; when it
cannot, the bench starts anyway and says so — packing waits for a claim, nothing is lost.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from station.errors import JournalError, SiteError
from station.journal.outbox import Outbox, OutboxState
from station.journal.outbox_worker import (
    OutboxWorker,
    Reconciler,
    RetryPolicy,
    Sender,
    TransactionChecker,
)
from station.journal.store import Journal
from station.site.claims import DEFAULT_LEASE_S, IN_FLIGHT_BOUND_S, SiteClaims
from station.site.db import SiteDatabase
from station.site.outbox import SENDING_DEADLINE_S, SiteHandover, SiteOutbox
from station.site.presence import SitePresence
from station.site.schema import migrate_site

log = logging.getLogger(__name__)

__all__ = ["HANDOVER_POLICY", "SiteBench"]

RESTART_SECONDS = 2.0  # how often a station retries sending the site outbox while it is away

#: The bench's own worker only hands items over and reads their fate in the site database:
#: both are quick, so it retries and polls often (the site worker keeps Amazon's pace).
HANDOVER_POLICY = RetryPolicy(
    first_delay=1.0, max_delay=10.0, poll_first_delay=0.5, poll_max_delay=3.0, idle_poll=2.0
)


@dataclass
class SiteBench:
    db: SiteDatabase
    journal: Journal
    lease_s: float = DEFAULT_LEASE_S
    in_flight_s: float = IN_FLIGHT_BOUND_S
    sending_s: float = SENDING_DEADLINE_S
    claims: SiteClaims = field(init=False)
    handover: SiteHandover = field(init=False)
    outbox: SiteOutbox = field(init=False)
    online: bool = field(default=False, init=False)
    _site_worker: OutboxWorker | None = field(default=None, init=False, repr=False)
    _starter: threading.Thread | None = field(default=None, init=False, repr=False)
    _presence: SitePresence | None = field(default=None, init=False, repr=False)
    _closing: threading.Event = field(default_factory=threading.Event, init=False, repr=False)

    def __post_init__(self) -> None:
        self.claims = SiteClaims(self.db, lease_s=self.lease_s, in_flight_s=self.in_flight_s)
        self.handover = SiteHandover(self.db)
        self.outbox = SiteOutbox(self.db, self.journal, sending_s=self.sending_s)

    def start(self) -> None:
        """Migrate the site schema if needed and start the claims heartbeat."""
        try:
            conn = self.db.connect()
            try:
                migrate_site(conn)
            finally:
                conn.close()
            self.online = True
        except SiteError as exc:
            log.warning("site database: %s", exc.message)
        self.claims.start()

    def start_site_worker(
        self,
        sender: Sender,
        checker: TransactionChecker,
        reconciler: Reconciler,
        *,
        lock_path: Path,
        policy: RetryPolicy | None = None,
    ) -> None:
        """Send the site's outbox from this station too (any running station sends it all).

        When the database is away now, a thread keeps trying until it is back (or the station
        closes); when another process of this station already sends it, nothing is started.
        """
        if self._site_worker is not None or self._starter is not None:
            return
        worker = OutboxWorker(
            self.outbox,  # type: ignore[arg-type]  # the same surface as the bench outbox
            sender,
            checker,
            reconciler,
            policy=policy,
            lock_path=lock_path,
        )
        if self._try_start(worker):
            return
        self._starter = threading.Thread(
            target=self._keep_trying, args=(worker,), name="site-worker-start", daemon=True
        )
        self._starter.start()

    def _try_start(self, worker: OutboxWorker) -> bool:
        """True when started, or when it never will be (another process of ours sends)."""
        try:
            worker.start()
        except SiteError as exc:
            log.warning("site outbox not sent from here yet: %s", exc.message)
            worker.stop(timeout=0)
            return False
        except JournalError as exc:  # this station's other process holds the lock
            log.info("the site outbox is sent by another process of this station: %s", exc)
            return True
        self._site_worker = worker
        return True

    def _keep_trying(self, worker: OutboxWorker) -> None:
        while not self._closing.wait(RESTART_SECONDS):
            if self._try_start(worker):
                return

    def presence(self) -> SitePresence:
        """Whether the database is reachable, watched on a thread of its own (started on first
        use: the packer's screen asks for it, a command line run does not)."""
        if self._presence is None:
            local = Outbox(self.journal)
            not_handed_over = (OutboxState.PENDING, OutboxState.SENDING, OutboxState.UNKNOWN)
            self._presence = SitePresence(
                self.db,
                claimed=lambda: sum(1 for s in self.claims.held().values() if s == "active"),
                waiting=lambda: len(local.list(states=not_handed_over)),
            )
            self._presence.start()
        return self._presence

    @property
    def site_worker(self) -> OutboxWorker | None:
        return self._site_worker

    def close(self, *, release_claims: bool = True) -> None:
        self._closing.set()
        starter, self._starter = self._starter, None
        if starter is not None:
            starter.join(RESTART_SECONDS + 5)
        presence, self._presence = self._presence, None
        if presence is not None:
            presence.stop()
        worker, self._site_worker = self._site_worker, None
        if worker is not None:
            worker.stop()
        self.claims.close(release=release_claims)
        self.handover.close()
        self.outbox.close()
