"""The scale asked on a thread of its own, a few times a second; the screen reads the latest.

Reading a USB or serial scale waits on the device (up to a second for a serial scale that is
off). The packer's worker and the GUI thread never do: they read :attr:`ScalePoller.latest`.
"""

from __future__ import annotations

import logging
import threading

from station.devices.scale import Reading, ReadingState, Scale

log = logging.getLogger("station.devices.poller")

INTERVAL = 0.25
ASLEEP_INTERVAL = 2.0  # a sleeping scale is asked less often


class ScalePoller:
    def __init__(self, scale: Scale, *, interval: float = INTERVAL) -> None:
        self.scale = scale
        self._interval = interval
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._latest: Reading | None = None
        self._count = 0
        self._changed = threading.Condition(self._lock)
        self._thread = threading.Thread(target=self._run, name="scale", daemon=True)

    def start(self) -> ScalePoller:
        self._thread.start()
        return self

    @property
    def latest(self) -> Reading | None:
        with self._lock:
            return self._latest

    def wait_for_readings(self, count: int, timeout: float) -> bool:
        """Until ``count`` readings were taken in all (tests, ``station scale``)."""
        with self._changed:
            return self._changed.wait_for(lambda: self._count >= count, timeout)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=3)
        self.scale.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                reading = self.scale.read()
            except Exception as exc:  # a device library's surprise is a reading, not a crash
                log.warning("reading the scale failed: %s", exc)
                reading = Reading(ReadingState.ASLEEP, detail=str(exc)[:200])
            with self._changed:
                self._latest = reading
                self._count += 1
                self._changed.notify_all()
            asleep = reading.state is ReadingState.ASLEEP
            self._stop.wait(ASLEEP_INTERVAL if asleep else self._interval)
