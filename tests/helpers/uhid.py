"""A virtual USB point-of-sale scale through Linux's ``/dev/uhid``, for hidapi to open for real.

The kernel's uhid interface (linux/uhid.h): write a ``UHID_CREATE2`` event (name, ids and the
HID report descriptor) and a HID device appears as a hidraw node; each ``UHID_INPUT2`` event is
an input report from it; ``UHID_DESTROY`` removes it. Events are packed structs: a 32-bit type
and a union whose largest member, the create request, is 4372 bytes.
"""

from __future__ import annotations

import os
import struct
from types import TracebackType

UHID_DESTROY = 1
UHID_CREATE2 = 11
UHID_INPUT2 = 12
BUS_USB = 0x03
_EVENT_SIZE = 4 + 128 + 64 + 64 + 2 + 2 + 4 * 4 + 4096

# Usage page 0x8D (scales), an application collection, report 3: five bytes of input (status,
# unit, exponent, weight low, weight high), as a DYMO M10 describes itself in substance.
DESCRIPTOR = bytes.fromhex(
    "05 8D 09 01 A1 01 85 03 09 30 15 00 26 FF 00"  # page, usage, collection, id 3, 0-255
    " 75 08 95 05 81 02 C0"  # five 8-bit input fields, end of collection
)


class VirtualScale:
    def __init__(self, vendor: int = 0x0922, product: int = 0x8003) -> None:
        self.vendor, self.product = vendor, product
        self._fd = -1

    def __enter__(self) -> VirtualScale:
        self._fd = os.open("/dev/uhid", os.O_RDWR | os.O_CLOEXEC)
        create = struct.pack(
            "<I128s64s64sHHIIII4096s",
            UHID_CREATE2,
            b"Virtual POS scale",
            b"station-test",
            b"",
            len(DESCRIPTOR),
            BUS_USB,
            self.vendor,
            self.product,
            1,
            0,
            DESCRIPTOR,
        )
        os.write(self._fd, create.ljust(_EVENT_SIZE, b"\0"))
        return self

    def send(self, report: list[int]) -> None:
        data = bytes(report)
        event = struct.pack("<IH4096s", UHID_INPUT2, len(data), data)
        os.write(self._fd, event.ljust(_EVENT_SIZE, b"\0"))

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        os.write(self._fd, struct.pack("<I", UHID_DESTROY).ljust(_EVENT_SIZE, b"\0"))
        os.close(self._fd)
