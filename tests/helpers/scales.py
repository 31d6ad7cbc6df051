"""Emulated shipping scales: a serial scale on a pty pair, answering ``W<CR>`` in NCI (SCP-01)
or SMA format for the state a test sets; and a fake hidapi module whose device hands out input
reports as a USB point-of-sale scale sends them."""

from __future__ import annotations

import os
import select
import threading
from collections import deque
from typing import Any, Literal

import pytest

Protocol = Literal["nci", "sma"]

NO_PTY = (
    "Windows has no pseudo-terminal pair to emulate a serial scale on: a virtual COM port "
    "needs a driver (com0com), which neither a CI runner nor wine loads. pyserial's Windows "
    "back end opening a port is checked by the self-test and the missing-port test"
)

# NCI SCP-01 status bytes: bits 4-5 always set, so a calm byte is "0" (0x30).
_NCI = {
    "stable": ("0", "0"),
    "zero": ("2", "0"),
    "in motion": ("1", "0"),
    "under zero": ("0", "1"),
    "over capacity": ("0", "2"),
    "needs calibration": ("0", "8"),
    "fault": ("4", "0"),
}
# SMA status letter and motion flag.
_SMA = {
    "stable": (" ", " "),
    "zero": ("Z", " "),
    "in motion": (" ", "M"),
    "under zero": ("U", " "),
    "over capacity": ("O", " "),
    "needs re-zero": ("E", " "),
    "fault": ("T", " "),
}


class SerialScaleEmulator:
    """The scale end of a pty pair; the station opens :attr:`port` with pyserial."""

    def __init__(self, protocol: Protocol = "nci") -> None:
        self.protocol = protocol
        self.state = "stable"
        self.weight = "1.25"
        self.unit = "lb"
        self.silent = False  # switched off: reads the poll, answers nothing
        self.polls = 0
        if not hasattr(os, "openpty"):
            pytest.skip(NO_PTY)
        self._master, self._slave = os.openpty()
        self.port = os.ttyname(self._slave)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def answer(self) -> bytes:
        if self.protocol == "nci":
            s1, s2 = _NCI[self.state]
            shown = "^^^^^^" if self.state == "over capacity" else self.weight
            return f"\n{shown:>7}{self.unit}\r\n{s1}{s2}\r\x03".encode()
        status, motion = _SMA[self.state]
        return f"\n{status}1G{motion} {self.weight:>10}{self.unit:<3}\r".encode()

    def _serve(self) -> None:
        pending = b""
        while not self._stop.is_set():
            ready, _w, _x = select.select([self._master], [], [], 0.05)
            if not ready:
                continue
            try:
                pending += os.read(self._master, 64)
            except OSError:
                return
            while b"\r" in pending:
                command, pending = pending.split(b"\r", 1)
                self.polls += 1
                if command.strip().upper() == b"W" and not self.silent:
                    os.write(self._master, self.answer())

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        os.close(self._master)
        os.close(self._slave)


def report(status: int, unit: int, exponent: int, count: int) -> list[int]:
    """Input report 3 of a HID POS scale: id, status, unit, signed exponent, weight (LE)."""
    return [3, status, unit, exponent & 0xFF, count & 0xFF, (count >> 8) & 0xFF]


class FakeHidDevice:
    def __init__(self, owner: FakeHid) -> None:
        self.owner = owner
        self.opened: Any = None

    def open_path(self, path: bytes) -> None:
        if not self.owner.plugged:
            raise OSError("open failed")
        self.opened = path

    def open(self, vendor: int, product: int) -> None:
        self.open_path(b"%04x:%04x" % (vendor, product))

    def read(self, size: int, timeout_ms: int = 0) -> list[int]:
        if not self.owner.plugged:
            raise OSError("read error")  # hidapi's answer for a device that went away
        return list(self.owner.reports.popleft()) if self.owner.reports else []

    def close(self) -> None:
        self.opened = None


class FakeHid:
    """Stands in for the ``hid`` module: one DYMO M10 on the POS usage page."""

    def __init__(self) -> None:
        self.plugged = True
        self.reports: deque[list[int]] = deque()

    def enumerate(self, vendor_id: int = 0, product_id: int = 0) -> list[dict[str, Any]]:
        if not self.plugged:
            return []
        return [
            {
                "path": b"/dev/hidraw7",
                "vendor_id": 0x0922,
                "product_id": 0x8003,
                "usage_page": 0x8D,
                "product_string": "M10 10 Kg Digital Postal Scale",
            }
        ]

    def device(self) -> FakeHidDevice:
        return FakeHidDevice(self)
