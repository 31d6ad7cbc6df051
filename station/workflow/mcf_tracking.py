"""Web-shop orders' statuses and tracking, refreshed in the background while the station runs.

Tracking appears minutes to a day after Amazon ships, and the lead wants it without keeping the
"Amazon fulfilment" screen open: the station asks Amazon on a thread of its own (never the GUI's)
and writes what it learns into the journal, which the screen and ``station mcf list`` read.

A bounded rate, well under Fulfillment Outbound's usage plans (getFulfillmentOrder and
getPackageTrackingDetails: 2 requests/s, burst 30, both versions' models): one round every
``interval`` seconds (5 minutes), at most ``batch`` orders a round (the least recently tracked
first), each one order read plus one tracking read per package, through the client's own rate
limiter. A round that Amazon throttles or cannot be reached doubles the wait (up to an hour).
Orders Amazon has finished with (cancelled, or every package delivered) are no longer asked about.
No Qt here.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from station.errors import ApiError, StationError
from station.workflow.mcf import McfDesk

__all__ = ["DEFAULT_BATCH", "DEFAULT_INTERVAL", "McfTracker", "TrackingRound"]

log = logging.getLogger("station.workflow.mcf_tracking")

DEFAULT_INTERVAL = 300.0
DEFAULT_BATCH = 40  # ≤ 40 order reads + their package reads per 5 minutes: ~0.3 request/s
MAX_INTERVAL = 3600.0
FIRST_ROUND_AFTER = 30.0


@dataclass(frozen=True)
class TrackingRound:
    asked: int  # orders asked about
    changed: int  # orders whose status or tracking changed
    error: str | None = None


class McfTracker:
    """One background thread refreshing the MCF orders that are due (start, stop).

    ``desk_factory`` is called on that thread (it may touch the keyring); it may return None
    while there is nothing to track, and is then asked again next round."""

    def __init__(
        self,
        desk_factory: Callable[[], McfDesk | None],
        *,
        interval: float = DEFAULT_INTERVAL,
        batch: int = DEFAULT_BATCH,
        max_interval: float = MAX_INTERVAL,
    ) -> None:
        if interval <= 0 or batch < 1:
            raise ValueError("the tracking interval and batch must be positive")
        self._factory = desk_factory
        self._desk: McfDesk | None = None
        self.interval = interval
        self.batch = batch
        self.max_interval = max(max_interval, interval)
        self._wait = interval
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.rounds = 0
        self.last: TrackingRound | None = None
        self.round_done = threading.Condition()

    @property
    def next_wait(self) -> float:
        """Seconds until the next round: the interval, longer after failed rounds."""
        return self._wait

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> McfTracker:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="mcf-tracking", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def refresh_soon(self) -> None:
        """Start a round now instead of at the end of the wait."""
        self._wake.set()

    def wait_rounds(self, count: int, timeout: float) -> bool:
        """True once ``count`` rounds have run (tests, and whoever waits for a first round)."""
        with self.round_done:
            return self.round_done.wait_for(lambda: self.rounds >= count, timeout)

    def _run(self) -> None:
        # The first round waits for the station to finish starting (and the packer's first scans).
        self._wake.wait(min(self.interval, FIRST_ROUND_AFTER))
        self._wake.clear()
        while not self._stop.is_set():
            result = self.run_once()
            with self.round_done:
                self.rounds += 1
                self.last = result
                self.round_done.notify_all()
            self._wake.wait(self._wait)
            self._wake.clear()

    def run_once(self) -> TrackingRound:
        """One round: the due orders, read from Amazon into the journal."""
        try:
            if self._desk is None:
                self._desk = self._factory()
            desk = self._desk
            if desk is None:  # no web-shop orders at this station yet: nothing to open
                self._wait = self.interval
                return TrackingRound(0, 0)
            due = desk.due_for_tracking(self.batch)
            if not due:
                self._wait = self.interval
                return TrackingRound(0, 0)
            before = {r.order_id: (r.state, r.amazon_status) for r in due}
            packages_before = {
                (p.order_id, p.package_ref, p.tracking_number, p.status)
                for p in desk.book.packages()
            }
            after = []
            for record in due:  # one at a time: a station closing does not wait for the round
                if self._stop.is_set():
                    break
                after += desk.refresh_records([record])
            packages_after = {
                (p.order_id, p.package_ref, p.tracking_number, p.status)
                for p in desk.book.packages()
            }
            moved = {
                r.order_id for r in after if before.get(r.order_id) != (r.state, r.amazon_status)
            }
            moved |= {p[0] for p in packages_after - packages_before}
        except ApiError as exc:  # throttled, unreachable, refused: ask again later, less often
            self._wait = min(self._wait * 2, self.max_interval)
            log.warning("MCF tracking not refreshed (next try in %.0f s): %s", self._wait, exc)
            return TrackingRound(0, 0, exc.user_text())
        except StationError as exc:  # no seller app, no data key: said once per back-off step
            self._wait = min(self._wait * 2, self.max_interval)
            log.warning("MCF tracking not refreshed: %s", exc.user_text())
            return TrackingRound(0, 0, exc.user_text())
        self._wait = self.interval
        if moved:
            log.info("MCF tracking: %d of %d order(s) changed", len(moved), len(due))
        return TrackingRound(len(due), len(moved))
