"""Printer states asked for on a thread of their own, so a dead printer never holds up a scan.

The packer's worker runs one task at a time: a health check that waits three seconds for a
switched-off printer's connection to time out holds up the scan behind it. The monitor asks the
printers on its own daemon thread; the health check only reads what it last heard (no I/O) and
asks for a new round. A check running past its deadline is reported as "no answer within N s"
even while the thread still waits for the back end's own timeout to fire.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping

from station.errors import StationError
from station.printing.printer import Printer, PrinterState, PrinterStatus

log = logging.getLogger("station.printing.monitor")

DEFAULT_DEADLINE = 8.0


class PrinterMonitor:
    """``request()`` starts a round of status queries; ``news()`` returns what changed since."""

    def __init__(
        self,
        printers: Mapping[str, Printer],
        *,
        deadline: float = DEFAULT_DEADLINE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._printers = dict(printers)
        self._deadline = deadline
        self._clock = clock
        self._lock = threading.Condition()
        self._wanted = False
        self._closed = False
        self._rounds = 0
        self._checking: tuple[str, float] | None = None  # (key, started at)
        self._news: dict[str, PrinterStatus] = {}
        self._latest: dict[str, PrinterStatus] = {}
        self._thread: threading.Thread | None = None

    def request(self) -> None:
        """Ask for a round of checks; returns at once (a round already asked for is not doubled)."""
        with self._lock:
            if self._closed:
                return
            self._wanted = True
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="printer-monitor", daemon=True
                )
                self._thread.start()
            self._lock.notify_all()

    def news(self) -> dict[str, PrinterStatus]:
        """The states heard since the last call, plus a printer stuck past its deadline."""
        with self._lock:
            news, self._news = self._news, {}
            if self._checking is not None:
                key, started = self._checking
                waited = self._clock() - started
                if waited > self._deadline:
                    news[key] = PrinterStatus(
                        PrinterState.OFFLINE, f"no answer within {self._deadline:g} s"
                    )
            return news

    def latest(self) -> dict[str, PrinterStatus]:
        with self._lock:
            return dict(self._latest)

    def wait_for_round(self, rounds: int, timeout: float) -> bool:
        """Wait until ``rounds`` rounds have finished (tests and the command line)."""
        with self._lock:
            return self._lock.wait_for(lambda: self._rounds >= rounds, timeout)

    @property
    def rounds(self) -> int:
        with self._lock:
            return self._rounds

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify_all()

    def _is_closed(self) -> bool:
        return self._closed

    def _run(self) -> None:
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._wanted or self._closed)
                if self._closed:
                    return
                self._wanted = False
            for key, printer in self._printers.items():
                with self._lock:
                    if self._is_closed():
                        return
                    self._checking = (key, self._clock())
                status = _ask(printer)
                with self._lock:
                    self._checking = None
                    self._news[key] = status
                    self._latest[key] = status
            with self._lock:
                self._rounds += 1
                self._lock.notify_all()


def _ask(printer: Printer) -> PrinterStatus:
    try:
        return printer.status()
    except StationError as exc:
        return PrinterStatus(PrinterState.OFFLINE, exc.message)
    except Exception as exc:  # a back end's bug must not end the monitor
        log.exception("asking %s for its state failed", printer.address.uri)
        return PrinterStatus(PrinterState.UNKNOWN, f"could not ask: {exc}")
