"""Telling a network outage from a few unlucky requests, in a batch of many.

Each request already retries a lost connection on its own (``station.spapi.http``). In a batch
of hundreds (shift prefetch), a network that went down half-way would then make every remaining
request wait out its own retries, one after the other: minutes of silence for nothing. After a
few requests *in a row* found no network, the batch takes Amazon as unreachable and stops; any
answer from Amazon (even a refusal) starts the count again.
"""

from __future__ import annotations

import threading
import time

from station.errors import NetworkError, StationError

__all__ = ["OUTAGE_AFTER", "BatchStop", "OutageWatch"]

#: Requests in a row that found no network before a batch takes Amazon as unreachable.
OUTAGE_AFTER = 3


class OutageWatch:
    """Counts network failures in a row across the threads of one batch; once ``limit`` is
    reached, ``stop`` is set (the batch's cancel event) and ``reason`` says what was seen."""

    def __init__(self, stop: threading.Event, limit: int = OUTAGE_AFTER) -> None:
        self.stop = stop
        self.limit = max(1, limit)
        self.reason: str | None = None
        self._in_a_row = 0
        self._lock = threading.Lock()

    @property
    def lost(self) -> bool:
        return self.reason is not None

    def failed(self, error: StationError) -> None:
        """A request ended in ``error``: a network error counts, anything else is an answer."""
        if not isinstance(error, NetworkError):
            self.answered()
            return
        with self._lock:
            self._in_a_row += 1
            if self._in_a_row < self.limit or self.reason is not None:
                return
            self.reason = error.message
        self.stop.set()

    def answered(self) -> None:
        with self._lock:
            self._in_a_row = 0


class BatchStop(threading.Event):
    """A batch's stop: set by the batch itself (Amazon unreachable) or by its caller's cancel
    event, which it only reads (the caller's event means "the user cancelled", and stays so)."""

    def __init__(self, caller: threading.Event) -> None:
        super().__init__()
        self.caller = caller

    def is_set(self) -> bool:
        return super().is_set() or self.caller.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.is_set():
            left = 0.1 if deadline is None else min(0.1, deadline - time.monotonic())
            if left <= 0:
                return False
            super().wait(left)
        return True
