"""A timer probe: how long the GUI thread went without running its event loop."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer


class StallProbe(QObject):  # type: ignore[misc]
    """Ticks every ``interval_ms``; ``max_gap_ms`` is the longest time between two ticks."""

    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last: float | None = None
        self.max_gap_ms = 0.0
        self.ticks = 0

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.max_gap_ms = max(self.max_gap_ms, (now - self._last) * 1000)
        self._last = now
        self.ticks += 1
