"""USB point-of-sale scales (HID usage page 0x8D), read through hidapi.

Such a scale sends input report 3, six bytes: report id (3), scale status, weight unit, a
signed power-of-ten exponent, and the weight as a 16-bit little-endian count — the weight is
``count × 10^exponent`` in the unit (HID Point of Sale usage tables, "Scale Status" and
"Weight Unit"). A DYMO M10/M25 (vendor 0x0922, products 0x8003/0x8004) reports grams with
exponent 0 and ounces in tenths (exponent −1); Mettler-Toledo and others follow the same page.

hidapi (the ``hidapi`` package on PyPI, module ``hid``) is optional: it is imported when a USB
scale is opened, and its absence is a clear message, not a crash.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from station.devices.scale import Reading, ReadingState, optional_library
from station.errors import ConfigError

POS_USAGE_PAGE = 0x8D
SCALE_REPORT = 3
KNOWN_SCALES = {(0x0922, 0x8003): "DYMO M10", (0x0922, 0x8004): "DYMO M25"}
_READ_TIMEOUT_MS = 300
_MAX_QUEUED = 64

# Scale Status usages (1-8) and Weight Unit usages (1-12) of the HID POS page.
_STATUS = {
    1: ReadingState.FAULT,
    2: ReadingState.ZERO,
    3: ReadingState.IN_MOTION,
    4: ReadingState.STABLE,
    5: ReadingState.NEGATIVE,
    6: ReadingState.OVER_CAPACITY,
    7: ReadingState.NEEDS_CALIBRATION,
    8: ReadingState.NEEDS_REZERO,
}
_UNITS = {
    1: "mg",
    2: "g",
    3: "kg",
    4: "ct",
    5: "taels",
    6: "gr",
    7: "dwt",
    8: "t",
    9: "ton",
    10: "ozt",
    11: "oz",
    12: "lb",
}


def parse_report(report: Sequence[int]) -> Reading:
    """One input report to a reading; anything that is not a scale-data report is UNREADABLE."""
    data = bytes(report)
    if len(data) < 6 or data[0] != SCALE_REPORT:
        return Reading(ReadingState.UNREADABLE, detail=f"not a scale report: {data[:8].hex()}")
    status, unit_code, exponent = data[1], data[2], int.from_bytes(data[3:4], signed=True)
    count = int.from_bytes(data[4:6], "little")
    state = _STATUS.get(status)
    if state is None:
        return Reading(ReadingState.UNREADABLE, detail=f"unknown scale status {status}")
    unit = _UNITS.get(unit_code, f"unit {unit_code}")
    weight = Decimal(count).scaleb(exponent)
    if state is ReadingState.NEGATIVE:
        weight = -weight
    if state is ReadingState.STABLE and count == 0:
        state = ReadingState.ZERO
    return Reading(state, weight, unit)


def _hid_module() -> Any:
    return optional_library("hid", "hidapi", "USB scales", "serial or none")


def find_scales(enumerate_devices: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The HID devices that are scales: on the POS usage page, or a known model."""
    found = []
    for info in enumerate_devices():
        key = (int(info.get("vendor_id", 0)), int(info.get("product_id", 0)))
        if info.get("usage_page") == POS_USAGE_PAGE or key in KNOWN_SCALES:
            found.append(info)
    return found


def _parse_ids(device: str) -> tuple[int, int] | None:
    if not device:
        return None
    try:
        vendor, product = (int(part, 16) for part in device.split(":"))
    except ValueError as exc:
        raise ConfigError(
            f"The USB scale {device!r} is not VENDOR:PRODUCT in hex",
            hint="Write it like 0922:8003 (a DYMO M10), or leave it empty to use the first "
            "USB scale found.",
        ) from exc
    return vendor, product


class HidScale:
    """A USB scale, opened at each read when it is not open (it may sleep and come back)."""

    def __init__(self, device: str = "", *, hid: Any = None) -> None:
        self._ids = _parse_ids(device)
        self._hid = hid
        self._handle: Any = None
        self._last: Reading | None = None
        self.name = f"USB scale {device}" if device else "USB scale"

    def _open(self) -> Any:
        hid = self._hid if self._hid is not None else _hid_module()
        self._hid = hid
        candidates = find_scales(hid.enumerate)
        if self._ids is not None:
            candidates = [
                c for c in candidates if (c.get("vendor_id"), c.get("product_id")) == self._ids
            ] or [{"vendor_id": self._ids[0], "product_id": self._ids[1]}]
        if not candidates:
            return None
        info = candidates[0]
        handle = hid.device()
        if info.get("path"):
            handle.open_path(info["path"])
        else:
            handle.open(info["vendor_id"], info["product_id"])
        model = KNOWN_SCALES.get((info.get("vendor_id", 0), info.get("product_id", 0)))
        self.name = model or str(info.get("product_string") or self.name)
        return handle

    def read(self) -> Reading:
        try:
            if self._handle is None:
                self._handle = self._open()
                if self._handle is None:
                    return Reading(ReadingState.ASLEEP, detail=_ASLEEP)
            report = self._handle.read(64, _READ_TIMEOUT_MS)
            for _ in range(_MAX_QUEUED):  # the newest of what queued up since the last read
                newer = self._handle.read(64, 0)
                if not newer:
                    break
                report = newer
        except OSError as exc:  # unplugged or switched off while open
            self.close()
            return Reading(ReadingState.ASLEEP, detail=f"{_ASLEEP} ({exc})")
        if not report:
            if self._last is not None:
                return self._last  # nothing new: the load has not changed
            return Reading(ReadingState.ASLEEP, detail="no report from the scale")
        self._last = parse_report(report)
        return self._last

    def close(self) -> None:
        handle, self._handle = self._handle, None
        self._last = None
        if handle is not None:
            with contextlib.suppress(OSError):
                handle.close()


_ASLEEP = "no USB scale answers: switch it on (a DYMO M10 sleeps after 3 minutes)"
