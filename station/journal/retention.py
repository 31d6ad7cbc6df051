"""Retention by itself: the documents past their retention period are deleted when the station
starts and once a day while it runs, each run logged with what it deleted.

``station purge`` stays for doing it by hand; this makes the retention setting true on a station
nobody purges. The purge runs on its own thread (a few DELETEs under the journal's write lock), so
neither the packer's screen nor a command waits for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from station.errors import StationError
from station.journal.documents import PurgeResult, RetentionPolicy

__all__ = ["DAY_SECONDS", "RetentionRunner"]

log = logging.getLogger("station.journal")

DAY_SECONDS = 24 * 60 * 60.0


class RetentionRunner:
    """Runs ``purge`` at :meth:`start` and every ``interval`` seconds until :meth:`stop`."""

    def __init__(
        self,
        purge: Callable[[], PurgeResult],
        policy: RetentionPolicy,
        *,
        interval: float = DAY_SECONDS,
    ) -> None:
        self._purge = purge
        self._policy = policy
        self._interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.runs = 0
        self.deleted = 0

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._loop, name="station-retention", daemon=True
            )
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.run_once()
            self._stop.wait(self._interval)

    def run_once(self) -> PurgeResult | None:
        """One purge, logged; a failure is logged once per run and tried again next time."""
        try:
            result = self._purge()
        except StationError as exc:
            log.warning("retention: could not delete expired documents: %s", exc.message)
            return None
        self.runs += 1
        self.deleted += result.total
        log.info(
            "retention: deleted %d documents (%d shipped more than %d days ago, %d never shipped "
            "and older than %d days)",
            result.total,
            result.shipped,
            self._policy.shipped_days,
            result.unshipped,
            self._policy.unshipped_days,
        )
        return result
