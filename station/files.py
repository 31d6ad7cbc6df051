"""Reading a file someone hands the station (a label to print, a ZPL to render, a carrier CSV, the
settings file): only a regular file of sane size, read with a bound.

``Path.read_bytes()`` on ``/dev/zero`` reads for ever, and opening a FIFO blocks until a writer
comes. Here the file is opened without blocking, checked to be a regular file with ``fstat`` (on
the open descriptor, so it cannot be swapped in between), and read up to its limit plus one byte,
so a file that grows while it is read is refused too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from station.errors import ContentError, StationError

__all__ = [
    "MAX_CSV_BYTES",
    "MAX_DOCUMENT_FILE_BYTES",
    "MAX_SETTINGS_BYTES",
    "MAX_ZPL_FILE_BYTES",
    "read_input_file",
]

MIB = 1024 * 1024
#: A label, slip or invoice to print: the same bound as a document in Amazon's answers.
MAX_DOCUMENT_FILE_BYTES = 50 * MIB
#: A ZPL file: a 4×6 label at 600 dpi as one hex ^GF is ~4 MB; several labels fit in 16 MiB.
MAX_ZPL_FILE_BYTES = 16 * MIB
#: A carrier's CSV of status updates: ~100 bytes a row, 100,000 rows and more.
MAX_CSV_BYTES = 16 * MIB
#: The settings file is a few KB.
MAX_SETTINGS_BYTES = 1 * MIB


def _size(limit: int) -> str:
    return f"{limit // MIB} MiB" if limit >= MIB else f"{limit // 1024} KiB"


def read_input_file(
    path: Path,
    *,
    what: str,
    limit: int,
    error: type[StationError] = ContentError,
) -> bytes:
    """The bytes of ``path``; ``error`` (naming ``what`` and the problem) for anything but a
    readable regular file of at most ``limit`` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise error(
            f"Cannot read the {what} {path}: {exc.strerror or exc}",
            hint="Check the file name and that you may read it.",
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise error(
                f"Cannot read the {what} {path}: it is not a regular file (but a device, a "
                "pipe or a folder)",
                hint="Give the path of an ordinary file.",
            )
        if info.st_size > limit:
            raise error(
                f"The {what} {path} is larger than {_size(limit)}, the limit for a {what}",
                hint="Check that this is the right file.",
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 * MIB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise error(
                f"The {what} {path} grew beyond {_size(limit)} while it was read",
                hint="Wait until the file is complete, then try again.",
            )
        return b"".join(chunks)
    except OSError as exc:
        raise error(
            f"Cannot read the {what} {path}: {exc.strerror or exc}",
            hint="Check the file and the disk it is on.",
        ) from None
    finally:
        os.close(fd)
