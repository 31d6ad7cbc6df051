"""Things that are not regular files, handed to the station where it expects one, on POSIX and
on Windows alike.

A device: ``/dev/zero`` reads for ever; Windows has no /dev but its DOS devices (``NUL``) open
like files in any folder. A pipe: a FIFO in the file system blocks whoever opens it until a
writer comes; Windows keeps pipes out of the file system, as ``\\\\.\\pipe\\NAME``, and a client
connects to one that a server holds open. Either way the station must refuse it at once as "not
a regular file" (station/files.py: fstat on the open handle).
"""

from __future__ import annotations

import contextlib
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

WINDOWS = sys.platform == "win32"

#: A character device that opens like a file.
DEVICE = Path("NUL") if WINDOWS else Path("/dev/zero")
#: How many clients the Windows named pipe can take at once.
INSTANCES = 4


@contextlib.contextmanager
def pipe(folder: Path, name: str = "orders.csv") -> Iterator[Path]:
    """A pipe where a file is expected: a FIFO called ``name`` in ``folder`` (POSIX), or a named
    pipe with a server waiting for a client (Windows) for as long as the context lasts."""
    if not WINDOWS:
        path = folder / name
        os.mkfifo(path)
        yield path
        return
    import _winapi

    path = Path(rf"\\.\pipe\packing-station-test-{uuid.uuid4().hex}-{name}")
    # Each client takes one instance of the pipe, and os.stat on Windows opens it like a
    # client does: a few instances wait, as a server serving several clients has.
    mode = (_winapi.PIPE_ACCESS_DUPLEX, _winapi.PIPE_WAIT, INSTANCES, 65536, 65536, 0)
    handles = [_winapi.CreateNamedPipe(str(path), *mode, _winapi.NULL) for _ in range(INSTANCES)]
    try:
        yield path
    finally:
        for handle in handles:
            _winapi.CloseHandle(handle)
