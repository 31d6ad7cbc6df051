"""Serial shipping scales polled with "W<CR>" (pyserial, imported when one is opened).

Two answers to ``W<CR>`` are common, and both are understood (the scale's setting says which:
their layouts overlap, so the station does not guess):

- NCI (Weigh-Tronix/Avery SCP-01): ``<LF>  1.25lb<CR><LF><s1><s2>[<s3>]<CR><ETX>``; status byte 1
  bit 0 = in motion, bit 1 = at zero, bits 2-3 = RAM/EEPROM error; byte 2 bit 0 = under
  capacity, bit 1 = over capacity, bit 2 = ROM error, bit 3 = faulty calibration (bits 4-5 are
  always set, so a calm status reads "00"). Out-of-range weights show as non-digits.
- SMA (Scale Manufacturers Association): ``<LF><s><r><n><m><f><xxxxxx.xxx><uuu><CR>``; ``s``: Z
  centre of zero, O over capacity, U under capacity, E/I zero errors, T tare error, space none;
  ``m``: M in motion, space stable.

No answer within the deadline is "asleep" (a scale switched off), never an exception.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import time
from decimal import Decimal, InvalidOperation
from typing import Any

from station.devices.scale import Reading, ReadingState, optional_library

POLL = b"W\r"
_DEADLINE = 1.0
_MAX_ANSWER = 256
_UNITS = {"lb": "lb", "lbs": "lb", "kg": "kg", "g": "g", "oz": "oz"}
_NCI = re.compile(rb"\n([^\r\n]*)\r\n([\x20-\x7f]{2,3})\r\x03")
_SMA = re.compile(
    rb"\n([ZOUEIT ])([1-5 ])([GTN ])([M ])(.)([ +\-0-9.]{1,11}?)\s*([a-zA-Z]{1,3}) *\r"
)


def answer_complete(answer: bytes, protocol: str) -> bool:
    """NCI ends with ETX; SMA is one fixed-layout line ending in CR."""
    if protocol == "sma":
        return _SMA.search(answer) is not None or answer.strip() == b"?"
    return b"\x03" in answer


def _weight(text: str) -> tuple[Decimal | None, str]:
    match = re.fullmatch(r"\s*([+-]?\s*\d+(?:\.\d+)?)\s*([a-zA-Z]{1,3})\s*", text)
    if match is None:
        return None, ""
    try:
        value = Decimal(match.group(1).replace(" ", ""))
    except InvalidOperation:
        return None, ""
    return value, _UNITS.get(match.group(2).lower(), match.group(2).lower())


def parse_nci(answer: bytes) -> Reading | None:
    match = _NCI.search(answer)
    if match is None:
        return None
    display = match.group(1).decode("ascii", errors="replace")
    s1, s2 = match.group(2)[0], match.group(2)[1]
    weight, unit = _weight(display)
    if s2 & 0x02:
        return Reading(ReadingState.OVER_CAPACITY, weight, unit)
    if s2 & 0x01:
        return Reading(ReadingState.NEGATIVE, weight, unit)
    if s2 & 0x08:
        return Reading(ReadingState.NEEDS_CALIBRATION, weight, unit)
    if s1 & 0x0C or s2 & 0x04:
        return Reading(ReadingState.FAULT, weight, unit, "the scale reports a memory error")
    if s1 & 0x01:
        return Reading(ReadingState.IN_MOTION, weight, unit)
    if s1 & 0x02:
        return Reading(ReadingState.ZERO, weight or Decimal(0), unit)
    if weight is None:
        return Reading(ReadingState.UNREADABLE, detail=f"the scale shows {display.strip()!r}")
    return _signed(Reading(ReadingState.STABLE, weight, unit))


def parse_sma(answer: bytes) -> Reading | None:
    match = _SMA.search(answer)
    if match is None:
        return None
    status, motion = match.group(1).decode(), match.group(4).decode()
    weight, unit = _weight(match.group(6).decode() + match.group(7).decode())
    if status == "O":
        return Reading(ReadingState.OVER_CAPACITY, weight, unit)
    if status == "U":
        return Reading(ReadingState.NEGATIVE, weight, unit)
    if status in "EI":
        return Reading(ReadingState.NEEDS_REZERO, weight, unit)
    if status == "T":
        return Reading(ReadingState.FAULT, weight, unit, "tare error")
    if motion == "M":
        return Reading(ReadingState.IN_MOTION, weight, unit)
    if status == "Z":
        return Reading(ReadingState.ZERO, weight or Decimal(0), unit)
    if weight is None:
        return Reading(ReadingState.UNREADABLE, detail="no weight in the answer")
    return _signed(Reading(ReadingState.STABLE, weight, unit))


def _signed(reading: Reading) -> Reading:
    if reading.weight is not None and reading.weight < 0:
        return Reading(ReadingState.NEGATIVE, reading.weight, reading.unit)
    if reading.weight is not None and reading.weight == 0:
        return Reading(ReadingState.ZERO, reading.weight, reading.unit)
    return reading


def parse_answer(answer: bytes, protocol: str = "nci") -> Reading:
    """An answer to ``W<CR>`` in ``protocol`` ("nci" or "sma"); UNREADABLE when it is not."""
    parsed = parse_sma(answer) if protocol == "sma" else parse_nci(answer)
    if parsed is not None:
        return parsed
    if answer.strip() == b"?":
        return Reading(ReadingState.UNREADABLE, detail="the scale did not understand W")
    return Reading(ReadingState.UNREADABLE, detail=f"unexpected answer {answer[:40]!r}")


def not_a_serial_port(port: str) -> bool:
    """Whether ``port`` names something that exists and is certainly no serial port (a regular
    file, a folder, /dev/null): told apart from a scale that is off or unplugged, which is
    "asleep". Only asked after opening it failed. (COM3 is a device name, not a file: an
    unplugged adapter's name does not stat and stays "asleep".)"""
    try:
        mode = os.stat(port).st_mode
    except (OSError, ValueError):
        return False  # gone (unplugged adapter) or not a path: maybe a scale that comes back
    if not stat.S_ISCHR(mode):
        return True
    return not _is_a_serial_line(port)


if sys.platform == "win32":
    import ctypes
    import msvcrt

    def _is_a_serial_line(port: str) -> bool:
        """Windows: among character devices only a communications port (COM3, a USB serial
        adapter) has a line state to read; NUL, CON or a printer port fail GetCommState."""
        try:
            fd = os.open(port, os.O_RDWR | os.O_BINARY)
        except OSError:
            return True  # busy or not allowed: the open's own error says more
        try:
            dcb = (ctypes.c_uint32 * 16)()  # a DCB is 28 bytes, its length (DCBlength) first
            dcb[0] = 28
            handle = msvcrt.get_osfhandle(fd)
            return bool(ctypes.windll.kernel32.GetCommState(handle, ctypes.byref(dcb)))
        finally:
            os.close(fd)

else:

    def _is_a_serial_line(port: str) -> bool:
        """POSIX: a serial port is a terminal device; /dev/null is not."""
        try:
            fd = os.open(port, os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
        except OSError:
            return True  # busy or not allowed: the open's own error says more
        try:
            return os.isatty(fd)
        finally:
            os.close(fd)


def _serial_module() -> Any:
    return optional_library("serial", "pyserial", "Serial scales", "hid or none")


class SerialScale:
    """A serial scale on ``port``, opened at each read when it is not open."""

    def __init__(
        self, port: str, *, baud: int = 9600, protocol: str = "nci", serial: Any = None
    ) -> None:
        self.port = port
        self.baud = baud
        self.protocol = protocol
        self.name = f"serial scale on {port}"
        self._serial = serial
        self._link: Any = None

    def read(self) -> Reading:
        try:
            if self._link is None:
                module = self._serial if self._serial is not None else _serial_module()
                self._serial = module
                self._link = module.Serial(self.port, self.baud, timeout=0.1, write_timeout=1)
            link = self._link
            link.reset_input_buffer()
            link.write(POLL)
            answer = b""
            deadline = time.monotonic() + _DEADLINE
            while not answer_complete(answer, self.protocol) and len(answer) < _MAX_ANSWER:
                if time.monotonic() > deadline:
                    break
                answer += link.read(64)
        except (OSError, ValueError) as exc:  # SerialException is an OSError
            self.close()
            if not_a_serial_port(self.port):
                return Reading(
                    ReadingState.UNREADABLE,
                    detail=f"{self.port} is not a serial port, so no scale can be read there",
                )
            return Reading(ReadingState.ASLEEP, detail=f"the scale on {self.port}: {exc}")
        if not answer:
            return Reading(
                ReadingState.ASLEEP,
                detail=f"no answer from the scale on {self.port}: is it on and set to NCI/SMA?",
            )
        return parse_answer(answer, self.protocol)

    def close(self) -> None:
        link, self._link = self._link, None
        if link is not None:
            with contextlib.suppress(OSError):
                link.close()
