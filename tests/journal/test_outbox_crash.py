"""Exactly once under SIGKILL: kill a sending process at random instants, restart, count.

The child (``tests/journal/crash_child.py``) queues confirmations and sends them to a sink; it is
killed by the parent at random instants and also kills itself just before and just after a
delivery. After every kill it is restarted on the same journal. At the end every confirmation must
have arrived in the sink exactly once and be marked succeeded in the journal.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from station.journal.outbox import Outbox, OutboxKind, OutboxState, idempotency_key
from station.journal.store import Journal
from tests.journal.crash_child import payload

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _run_child(
    journal: Path, sink: Path, seed: int, items: int, *, kill_after: float | None, self_kill: bool
) -> int:
    """Start the child; SIGKILL it ``kill_after`` s after it is ready (None: let it finish)."""
    args = [sys.executable, "-m", "tests.journal.crash_child", str(journal), str(sink)]
    args += [str(seed), str(items)]
    if not self_kill:
        args.append("--no-self-kill")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as proc:
        assert proc.stdout is not None
        proc.stdout.readline()  # "ready" (or EOF if it killed itself first)
        if kill_after is None:
            proc.stdout.read()
            return proc.wait(timeout=180)
        try:
            return proc.wait(timeout=kill_after)  # the random instant of the kill
        except subprocess.TimeoutExpired:
            proc.kill()
            return proc.wait(timeout=60)


def _crash_loop(tmp_path: Path, *, kills: int, items: int, seed: int) -> None:
    """Each run queues a few more confirmations than the last, so every run has work to die in."""
    journal = tmp_path / "journal.sqlite3"
    sink = tmp_path / "sink.sqlite3"
    rng = random.Random(seed)
    step = max(1, -(-items // kills))
    killed = 0
    for run in range(kills):
        queued = min(items, (run + 1) * step)
        code = _run_child(
            journal,
            sink,
            seed * 1000 + run,
            queued,
            kill_after=rng.uniform(0.0, 0.25),
            self_kill=True,
        )
        killed += code < 0
    final = _run_child(journal, sink, seed * 1000 + kills, items, kill_after=None, self_kill=False)

    expected = {
        idempotency_key(OutboxKind.CONFIRMATION, f"PO{n:04d}", payload(n)) for n in range(items)
    }
    conn = sqlite3.connect(sink)
    try:
        deliveries = Counter(key for (key,) in conn.execute("SELECT key FROM deliveries"))
    finally:
        conn.close()
    duplicates = {key: count for key, count in deliveries.items() if count > 1}
    assert not duplicates, f"delivered more than once: {duplicates}"
    assert set(deliveries) == expected, "lost or unexpected deliveries"
    assert final == 0, "the last, unkilled run did not settle every item"
    with Journal.open(journal, station_id="check") as opened:
        states = Counter(item.state for item in Outbox(opened).list())
    assert states == {OutboxState.SUCCEEDED: items}
    assert killed >= kills // 4, f"only {killed} of {kills} runs were killed: the test is too slow"


def test_sigkill_at_random_points_never_duplicates_or_loses(tmp_path: Path) -> None:
    _crash_loop(tmp_path, kills=10, items=20, seed=7)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(5))
def test_sigkill_soak(tmp_path: Path, seed: int) -> None:
    _crash_loop(tmp_path, kills=50, items=100, seed=100 + seed)
