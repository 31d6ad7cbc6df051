"""An exclusive, process-wide lock on a file, released by the OS when the holder dies.

The outbox worker holds it while it runs. That is what makes recovery safe: an item found in the
``sending`` state while we hold the lock cannot belong to a live sender (a crashed process's lock is
released by the kernel, even after SIGKILL), so it may be reconciled.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType

from station.errors import JournalError


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock now or raise :class:`JournalError` (never waits for another process)."""
        if self._fd is not None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise JournalError(f"Cannot create the lock file {self.path}: {exc.strerror}") from None
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise JournalError(
                "Another station process is already sending this station's outbox",
                hint=(
                    "Only one program may send confirmations at a time. Close the other station "
                    "window (or wait for the other command to finish) and try again."
                ),
            ) from None
        self._fd = fd

    def acquire_waiting(self, timeout: float, *, what: str) -> None:
        """Take the lock, waiting up to ``timeout`` seconds for another process to release it."""
        if self._fd is not None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise JournalError(f"Cannot create the lock file {self.path}: {exc.strerror}") from None
        deadline = time.monotonic() + timeout
        while True:
            try:
                _lock(fd)
            except OSError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise JournalError(
                        f"Another station process has been {what} for over {timeout:g} s",
                        hint="Wait for the other station program to finish, then try again.",
                    ) from None
                time.sleep(0.02)
            else:
                self._fd = fd
                return

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
