"""Standard output and error whose reader went away (``station ship … | head -1``).

A script that reads only the first lines of a command closes its end of the pipe; the next write
raises BrokenPipeError. Such an error in the middle of a command would stop it half-way (a
confirmation sent but its verdict never recorded), so the command's streams are wrapped: the
first write that finds the pipe closed points the stream's file descriptor at the null device
(the pattern of Python's documentation, so that nothing fails again at exit either), later writes
go nowhere, and the command goes on with its work exactly as it would have. The program then
exits 141 (128 + SIGPIPE, what the shell reports for a program stopped by a closed pipe) if the
work itself succeeded, and with the work's own status otherwise (README, exit codes).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

__all__ = ["ClosedPipeGuard", "guarded_streams"]


class ClosedPipeGuard:
    """A text stream that passes everything to ``stream`` until its reader has gone away, and
    from then on drops it."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()
        self.closed_pipe = False

    def write(self, text: str) -> int:
        if not self.closed_pipe:
            try:
                return self._stream.write(text)
            except (BrokenPipeError, ValueError):  # ValueError: the stream itself was closed
                self._gone()
        return len(text)

    def flush(self) -> None:
        if not self.closed_pipe:
            try:
                self._stream.flush()
            except (BrokenPipeError, ValueError):
                self._gone()

    def _gone(self) -> None:
        with self._lock:
            if self.closed_pipe:
                return
            self.closed_pipe = True
            try:
                fd = self._stream.fileno()
            except (OSError, ValueError):
                return
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, fd)  # what is still buffered goes nowhere, even at exit
            finally:
                os.close(devnull)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextmanager
def guarded_streams() -> Iterator[list[ClosedPipeGuard]]:
    """sys.stdout and sys.stderr guarded for the time of a command, then restored (a stream
    that is None, as in a windowed Windows build, stays None)."""
    out, err = sys.stdout, sys.stderr
    guards: list[ClosedPipeGuard] = []
    if out is not None:
        guards.append(ClosedPipeGuard(out))
        sys.stdout = guards[-1]
    if err is not None:
        guards.append(ClosedPipeGuard(err))
        sys.stderr = guards[-1]
    try:
        yield guards
    finally:
        sys.stdout, sys.stderr = out, err
