"""Whether this bench reaches the site database now, and what it can still do meanwhile.

A small thread asks the database ``SELECT 1`` every few seconds on a connection of its own (so a
database that is away never blocks the packer's scans, which run on another thread) and reports
each change to its listeners: reachable or away (with libpq's reason), how many POs this bench
holds (it goes on packing those while the database is away) and how many confirmations wait in
its own journal to be handed over. The GUI shows that in its status bar; nothing here knows Qt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from station.errors import SiteError, StationError
from station.site.db import SiteDatabase, SiteLink

log = logging.getLogger(__name__)

__all__ = ["PRESENCE_INTERVAL_S", "SitePresence", "SiteState"]

PRESENCE_INTERVAL_S = 3.0


@dataclass(frozen=True)
class SiteState:
    reachable: bool
    claimed: int  # POs this bench holds (active claims): it packs them whatever happens
    waiting: int  # confirmations in this bench's journal not handed over to the site yet
    detail: str = ""  # why it is away (the driver's words, for a tooltip and the log)


SiteListener = Callable[[SiteState], None]


class SitePresence:
    def __init__(
        self,
        db: SiteDatabase,
        *,
        claimed: Callable[[], int],
        waiting: Callable[[], int],
        interval_s: float = PRESENCE_INTERVAL_S,
    ) -> None:
        self.db = db
        self._claimed = claimed
        self._waiting = waiting
        self.interval_s = interval_s
        self._link = SiteLink(db)
        self._listeners: list[SiteListener] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.state: SiteState | None = None

    def add_listener(self, listener: SiteListener) -> Callable[[], None]:
        """``listener(state)`` on each change (on this object's thread); the last state at once."""
        with self._lock:
            self._listeners.append(listener)
            current = self.state
        if current is not None:
            listener(current)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="site-presence", daemon=True)
            self._thread.start()

    def check_now(self) -> None:
        self._wake.set()

    def probe(self) -> SiteState:
        """One look (also the thread's step): the database, this bench's claims and its queue."""
        try:
            self._link.run(lambda conn: conn.execute("SELECT 1").fetchone())
            reachable, detail = True, ""
        except SiteError as exc:
            reachable, detail = False, exc.message
        try:
            waiting = self._waiting()
        except StationError as exc:  # the journal is busy or failing: say 0 rather than stop
            log.warning("site presence: cannot count the confirmations held here: %s", exc)
            waiting = 0
        return SiteState(reachable, self._claimed(), waiting, detail)

    def _run(self) -> None:
        while not self._stop.is_set():
            state = self.probe()
            if state != self.state:
                if self.state is None or state.reachable != self.state.reachable:
                    log.log(
                        logging.INFO if state.reachable else logging.WARNING,
                        "site database %s%s",
                        "reachable" if state.reachable else "away: ",
                        state.detail,
                    )
                with self._lock:
                    self.state = state
                    listeners = list(self._listeners)
                for listener in listeners:
                    try:
                        listener(state)
                    except Exception:
                        log.exception("site presence listener failed")
            self._wake.wait(self.interval_s)
            self._wake.clear()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(10)
        self._link.close()
