"""The live view of a site: every bench's claims, hand-overs and deliveries as they happen.

LISTEN/NOTIFY wakes the watcher at once; but a notification is delivered only on commit, only to
a connected listener, and not at all across a reconnect, so the watcher also reads the events
table every ``poll_s`` seconds from the last id it saw. The rows are the truth; NOTIFY only makes
them arrive sooner. A lost database is reported once and retried; nothing blocks the caller
(the GUI gives a callback that posts to its own thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from station.errors import SiteError
from station.site.db import SiteDatabase
from station.site.events import CHANNEL

log = logging.getLogger(__name__)

__all__ = ["SiteEventRow", "SiteWatcher"]


@dataclass(frozen=True)
class SiteEventRow:
    id: int
    at: datetime
    station_id: str
    bench: str
    kind: str
    po: str | None


class SiteWatcher:
    def __init__(
        self,
        db: SiteDatabase,
        on_events: Callable[[list[SiteEventRow]], None],
        *,
        on_state: Callable[[bool, str], None] | None = None,
        poll_s: float = 5.0,
        since_id: int = 0,
    ) -> None:
        self.db = db
        self._on_events = on_events
        self._on_state = on_state or (lambda _online, _text: None)
        self.poll_s = poll_s
        self.last_id = since_id
        self.notified = 0  # wake-ups by NOTIFY (the rest are polls)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="site-watcher", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(self.poll_s + 5)

    def _run(self) -> None:
        online: bool | None = None
        while not self._stop.is_set():
            try:
                conn = self.db.connect()
            except SiteError as exc:
                if online is not False:
                    self._on_state(False, exc.message)
                    online = False
                self._stop.wait(self.poll_s)
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                if online is not True:
                    self._on_state(True, f"site database at {self.db.url.where}")
                    online = True
                self._read(conn)
                while not self._stop.is_set():
                    woke = False
                    for _note in conn.notifies(timeout=self.poll_s, stop_after=1):
                        woke = True
                    if woke:
                        self.notified += 1
                    self._read(conn)
            except Exception as exc:  # the connection broke: report, reconnect, read again
                if online is not False:
                    self._on_state(False, f"site database lost ({type(exc).__name__})")
                    online = False
            finally:
                try:
                    conn.close()
                except Exception:
                    log.debug("closing the watcher's connection failed", exc_info=True)

    def _read(self, conn: Any) -> None:
        rows = conn.execute(
            "SELECT id, at, station_id, bench, kind, po FROM site_events WHERE id > %s "
            "ORDER BY id LIMIT 1000",
            (self.last_id,),
        ).fetchall()
        if rows:
            self.last_id = int(rows[-1][0])
            self._on_events([SiteEventRow(*row) for row in rows])
