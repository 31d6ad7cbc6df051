"""A full disk under the journal: the outbox worker backs off, says so once (no traceback, no
"rollback failed"), loses nothing, and sends the confirmation exactly once when space returns.

The disk is a real 2 MiB tmpfs where the machine allows mounting one (root with CAP_SYS_ADMIN,
as in CI); elsewhere the same test runs with the failure injected into SQLite's writes."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from station.journal.outbox import Outbox, OutboxKind, OutboxState
from station.journal.outbox_worker import OutboxWorker, RetryPolicy
from station.journal.store import Journal
from tests.journal.fakes import FakeChecker, FakeReconciler, FakeSender

FAST = RetryPolicy(first_delay=0.05, max_delay=0.2, poll_first_delay=0.02, idle_poll=0.05, jitter=0)


def _wait(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.02)


class _Disk:
    """Fill the disk under ``folder`` and free it again."""

    def __init__(self, folder: Path) -> None:
        self.filler = folder / "filler"

    def fill(self) -> None:
        block = b"\0" * 4096
        with contextlib.suppress(OSError), self.filler.open("wb") as handle:
            while True:
                handle.write(block)
                handle.flush()

    def free(self) -> None:
        self.filler.unlink()


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"this machine does not allow mounting a tmpfs: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _run_full_disk(
    folder: Path,
    fill: Callable[[], None],
    free: Callable[[], None],
    caplog: pytest.LogCaptureFixture,
) -> None:
    journal = Journal.open(folder / "journal.sqlite3", station_id="desk-1")
    outbox = Outbox(journal)
    item = outbox.enqueue(OutboxKind.CONFIRMATION, "PO1", {"boxes": 1, "pad": uuid.uuid4().hex})
    sender = FakeSender()
    worker = OutboxWorker(
        outbox,
        sender,
        FakeChecker(),
        FakeReconciler(sender),
        policy=FAST,
        io_backoff=(0.05, 0.4),
    )
    fill()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="station"):
        worker.start()
        try:
            _wait(lambda: worker.io_failures >= 8)  # ~2 s of a full disk
            records = [r for r in caplog.records if r.name.startswith("station")]
            assert records, "the full disk was not reported"
            assert len(records) <= 3, [r.getMessage() for r in records]
            assert not any(r.exc_info for r in records), "a traceback was logged"
            text = " ".join(r.getMessage() for r in records)
            assert "disk is full" in text and "rollback failed" not in text, text
            assert sender.sent == [] or len(sender.deliveries) <= 1
            free()
            _wait(lambda: (outbox.get(item.id) or item).state is OutboxState.SUCCEEDED)
        finally:
            worker.stop()
    assert len(sender.deliveries) == 1  # sent once, nothing lost, nothing twice
    journal.close()


def test_a_full_tmpfs_under_the_journal(tmpfs: Path, caplog: pytest.LogCaptureFixture) -> None:
    disk = _Disk(tmpfs)
    _run_full_disk(tmpfs, disk.fill, disk.free, caplog)


def test_a_full_disk_injected_into_sqlite(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = {"on": False}
    real_write = Journal.write

    def write(self: Journal) -> Any:
        if full["on"]:
            raise_full = sqlite3.OperationalError("database or disk is full")
            from station.journal.store import _journal_error

            raise _journal_error("write", raise_full, self.path)
        return real_write(self)

    monkeypatch.setattr(Journal, "write", write)
    _run_full_disk(
        tmp_path,
        lambda: full.update(on=True),
        lambda: full.update(on=False),
        caplog,
    )
    assert errno.ENOSPC  # the real-disk variant above fails with ENOSPC
