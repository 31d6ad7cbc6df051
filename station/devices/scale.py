"""What a shipping scale says, and which of its readings may become a carton's weight.

A packer puts the carton on the scale and the weight appears in the carton's weight field — but
only a *stable*, positive, in-range reading: a scale still settling, showing zero, a negative
weight, "over capacity" or asking to be re-zeroed is shown as it is and never used. A weight is
used for one carton only: after it filled a carton, the scale must be emptied (or show another
stable weight) before it fills the next one, so the weight of one carton never carries over to
the next carton or PO. A scale that sleeps (the DYMO M10 switches itself off after about three
minutes) or is unplugged is a reading too ("asleep"), never an error that stops the packer.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, Protocol

from station.errors import ConfigError


class ReadingState(StrEnum):
    STABLE = "stable"
    ZERO = "zero"  # stable at zero: nothing on the scale
    IN_MOTION = "in motion"  # still settling
    NEGATIVE = "under zero"
    OVER_CAPACITY = "over capacity"
    NEEDS_REZERO = "needs re-zero"
    NEEDS_CALIBRATION = "needs calibration"
    FAULT = "fault"
    ASLEEP = "asleep"  # off, asleep or unplugged: not answering
    UNREADABLE = "unreadable"  # it answered something this station does not understand


_UNIT_TO_KG = {"kg": Decimal(1), "g": Decimal("0.001"), "lb": Decimal("0.45359237")}
_UNIT_TO_KG["oz"] = _UNIT_TO_KG["lb"] / 16


@dataclass(frozen=True)
class Reading:
    """One reading. ``weight`` in ``unit`` ("kg", "g", "lb" or "oz"), None when there is none."""

    state: ReadingState
    weight: Decimal | None = None
    unit: str = ""
    detail: str = ""

    @property
    def usable(self) -> bool:
        """Whether this reading may fill a carton's weight: stable, above zero, known unit."""
        return (
            self.state is ReadingState.STABLE
            and self.weight is not None
            and self.weight > 0
            and self.unit in _UNIT_TO_KG
        )

    def weight_in(self, unit: str) -> Decimal:
        """The weight converted to ``unit`` ("KG" or "LB"), rounded to 3 decimals."""
        if self.weight is None or self.unit not in _UNIT_TO_KG:
            raise ValueError(f"no weight to convert in {self}")
        kilograms = self.weight * _UNIT_TO_KG[self.unit]
        value = kilograms / _UNIT_TO_KG[unit.lower()]
        return value.quantize(Decimal("0.001"))

    @property
    def weight_text(self) -> str:
        return f"{self.weight.normalize():f} {self.unit}" if self.weight is not None else ""

    def __str__(self) -> str:
        text = self.weight_text
        if self.state is ReadingState.STABLE:
            return text
        return (
            f"{self.state.value}"
            + (f" ({text})" if text else "")
            + (f": {self.detail}" if self.detail else "")
        )


class Scale(Protocol):
    """A scale the station can ask. ``read`` never raises for the scale's own conditions (off,
    asleep, unplugged, garbled): those are readings."""

    name: str

    def read(self) -> Reading: ...

    def close(self) -> None: ...


class WeightCapture:
    """Decides which reading fills which carton; pure logic, fed by whoever polls the scale.

    ``offer(reading)`` returns the weight to put in the carton being entered, or None; ``see``
    only notes a reading (no carton is being entered). After a weight was taken, the same load
    is never offered again — not to the next carton, not to the next PO — until the scale has
    shown an empty load (zero or below): the carton just weighed cannot fill another.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._taken: Reading | None = None  # the load whose weight was used
        self.last: Reading | None = None  # what the scale said last, for the screen

    def see(self, reading: Reading) -> None:
        with self._lock:
            self._note(reading)

    def _note(self, reading: Reading) -> None:
        self.last = reading
        if reading.state in (ReadingState.ZERO, ReadingState.NEGATIVE):
            self._taken = None  # the scale was emptied: the next load is new

    def offer(self, reading: Reading) -> Reading | None:
        with self._lock:
            self._note(reading)
            if not reading.usable:
                return None
            if self._taken is not None and self._taken.weight == reading.weight:
                return None  # the same load as before: it already filled a carton
            self._taken = reading
            return reading


def optional_library(module: str, package: str, needed_by: str, instead: str) -> Any:
    """An optional device library, imported when a device needs it; its absence is a clear
    message naming the package to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ConfigError(
            f"{needed_by} need the {package} library, which is not installed",
            hint=f"Install it (pip install {package}) or set the scale to {instead}.",
        ) from exc


def open_scale(kind: str, device: str = "", *, baud: int = 9600, protocol: str = "nci") -> Scale:
    """The scale of ``kind`` ("hid" or "serial"); ``device`` is "VID:PID" (hex) or empty for
    the first HID point-of-sale scale found, or the serial port ("/dev/ttyUSB0", "COM3")."""
    if kind == "hid":
        from station.devices.hid_scale import HidScale

        return HidScale(device)
    if kind == "serial":
        from station.devices.serial_scale import SerialScale

        if not device:
            raise ConfigError(
                "The serial scale has no port set",
                hint="Set the scale's port in Settings (e.g. /dev/ttyUSB0 or COM3).",
            )
        return SerialScale(device, baud=baud, protocol=protocol)
    raise ConfigError(
        f"Unknown scale kind {kind!r}", hint="Choose hid (USB) or serial in Settings."
    )
