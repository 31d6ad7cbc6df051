"""Two station programs opening a journal at the same moment (two windows started together, or
a command run while the app upgrades the journal): both must open it, on a new journal and on an
old one that needs migrating. Real processes, released together, many trials."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from station.journal.migrations import LATEST_VERSION
from station.journal.store import migrate

TRIALS = 10

# The child widens the race window the way a busy PC does: it pauses 50 ms after each read of the
# schema version (sqlite3.connect is wrapped before the station imports it).
_CHILD = """
import os, sqlite3, sys, time
from pathlib import Path
journal, go, ready = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])

class Slow(sqlite3.Connection):
    def execute(self, sql, *args):
        cursor = super().execute(sql, *args)
        if "user_version" in sql and "=" not in sql:
            rows = cursor.fetchall()
            time.sleep(0.05)
            return _Rows(rows)
        return cursor

class _Rows:
    def __init__(self, rows): self._rows = rows
    def fetchone(self): return self._rows[0] if self._rows else None
    def fetchall(self): return self._rows

_connect = sqlite3.connect
sqlite3.connect = lambda *a, **k: _connect(*a, factory=Slow, **k)
from station.errors import StationError
from station.journal import Journal
ready.touch()
while not go.exists():
    time.sleep(0.0005)
try:
    Journal.open(journal, station_id=sys.argv[4]).close()
except StationError as exc:
    print(exc.user_text(), file=sys.stderr)
    sys.exit(1)
"""


def _race(journal: Path, trial: int, tmp: Path) -> list[subprocess.CompletedProcess[str]]:
    go = tmp / f"go-{trial}"
    children = []
    for n in range(2):
        ready = tmp / f"ready-{trial}-{n}"
        process = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(journal), str(go), str(ready), f"desk-{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp,
        )
        children.append((process, ready))
    deadline = time.monotonic() + 60
    while not all(ready.exists() for _, ready in children) and time.monotonic() < deadline:
        time.sleep(0.005)
    go.touch()
    results = []
    for process, _ in children:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return results


@pytest.mark.skipif(os.cpu_count() == 1, reason="a race needs two CPUs to be likely")
@pytest.mark.parametrize("start", ["new", "old"])
def test_two_processes_open_the_same_journal_at_once(start: str, tmp_path: Path) -> None:
    failures = []
    for trial in range(TRIALS):
        journal = tmp_path / f"journal-{trial}.sqlite3"
        if start == "old":
            conn = sqlite3.connect(journal, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            migrate(conn, target=1)  # a journal written by the first release
            conn.close()
        for done in _race(journal, trial, tmp_path):
            if done.returncode != 0:
                failures.append(done.stderr.strip().splitlines()[-1:])
        conn = sqlite3.connect(journal)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        conn.close()
    assert not failures, f"{len(failures)} of {2 * TRIALS} opens failed: {failures[:3]}"
