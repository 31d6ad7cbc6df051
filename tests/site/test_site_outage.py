"""The site database stopped for a real outage in the middle of a shift, with four real
``station`` programs on one PostgreSQL and one simulator.

Each bench claims its PO while the database is there; its label request is held at the simulator
until the database is stopped (``pg_ctl stop -m fast``), so every bench prints and confirms while
the database is away. Those confirmations wait in each bench's own journal; the same processes,
never restarted, hand them over and send them once the database is back. The simulator's record
is the oracle: one confirmation per PO, none lost.

A bench killed (SIGKILL) while the database is away, with its confirmation held in its journal,
hands it over when it is started again after the database is back, and it is sent once.

The 30 s outage test takes under a minute here, so it runs in the default run.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

from station.paths import StationPaths
from tests.helpers.postgres import PgCluster
from tests.site.test_site_processes import (  # noqa: F401 - fixtures used here
    BOX,
    TIMEOUT,
    Bench,
    Gate,
    Simulator,
    _sql,
    finish,
    sim,
    site,
)
from tests.workflow.conftest import accepted_confirmations, random_pos, record, wait_until


def _held_here(bench: Bench, po: str) -> str | None:
    """The state of the PO's confirmation in the bench's own journal (read as an oracle)."""
    path = StationPaths.under(bench.home).journal_file
    if not Path(path).exists():
        return None
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
        row = conn.execute(
            "SELECT state FROM outbox WHERE po = ? AND kind = 'confirmation'", (po,)
        ).fetchone()
    return None if row is None else str(row[0])


def _ship(bench: Bench, po: str, wait: float) -> object:
    return bench.start("ship", po, "--box", BOX, "--acknowledge", "--wait", str(int(wait)))


def _confirm_during_outage(
    benches: list[Bench],
    sim: Simulator,  # noqa: F811 - the fixture's value, passed on
    pos: list[str],
    pg_cluster: PgCluster,
    wait: float,
) -> list[object]:
    """Each bench claims its PO, then prints and confirms it once the database is stopped."""
    gates = [Gate("POST", "shippingLabels", po) for po in pos]
    sim.gates.extend(gates)
    runs = [_ship(bench, po, wait) for bench, po in zip(benches, pos, strict=True)]
    for gate in gates:
        assert gate.seen.wait(TIMEOUT), "a bench never asked for its label"
    pg_cluster.stop("fast")
    for gate in gates:
        sim.gates.remove(gate)
        gate.opened.set()
    for bench, po in zip(benches, pos, strict=True):
        wait_until(
            lambda b=bench, p=po: _held_here(b, p) in ("pending", "sending"),  # type: ignore[misc]
            60,
            f"bench {bench.number} to hold the confirmation of {po} in its journal",
        )
    return runs


OUTAGE_S = 30.0


def test_a_database_outage_mid_shift_loses_nothing_sends_nothing_twice(
    site: list[Bench],  # noqa: F811 - the fixture imported above, as a parameter
    sim: Simulator,  # noqa: F811
    site_url: str,
    pg_cluster: PgCluster,
) -> None:
    outage_s = OUTAGE_S
    pos = random_pos(sim.server, 8)
    held, later = pos[:4], pos[4:]
    runs = _confirm_during_outage(site, sim, held, pg_cluster, wait=outage_s + 120)
    stopped = time.monotonic()
    try:
        # What a bench can still do while the database is away: not claim a new PO.
        code, out = site[0].run("ship", later[0], "--box", BOX, "--acknowledge", "--wait", "5")
        assert code == 1 and "cannot be claimed" in out, out
        for po in held:
            assert not accepted_confirmations(sim.server, po)  # nothing left a bench yet
        threading.Event().wait(max(0.0, outage_s - (time.monotonic() - stopped)))
        for run in runs:
            assert run.poll() is None, "a bench gave up during the outage"  # type: ignore[attr-defined]
    finally:
        pg_cluster.start()

    # The same processes, not restarted, hand over and send what they held.
    for run in runs:
        code, out = finish(run)  # type: ignore[arg-type]
        assert code == 0 and "accepted" in out.lower(), out
    # And every bench packs again, claims included.
    again = [_ship(bench, po, 120) for bench, po in zip(site, later, strict=True)]
    for run in again:
        code, out = finish(run)  # type: ignore[arg-type]
        assert code == 0, out
    for po in pos:
        assert len(record(sim.server, po)["confirmations"]) == 1, po
        assert len(accepted_confirmations(sim.server, po)) == 1, po
    rows = _sql(
        pg_cluster,
        site_url,
        "SELECT origin_station, state FROM site_outbox WHERE po = ANY(%s) ORDER BY origin_station",
        pos,
    )
    assert sorted(state for _o, state in rows) == ["succeeded"] * 8
    assert sorted({origin for origin, _s in rows}) == [b.station_id for b in site]


def test_a_bench_killed_while_the_database_is_away_hands_over_when_restarted(
    site: list[Bench],  # noqa: F811 - the fixture imported above, as a parameter
    sim: Simulator,  # noqa: F811
    site_url: str,
    pg_cluster: PgCluster,
) -> None:
    (po,) = random_pos(sim.server, 1)
    victim = site[1]
    (run,) = _confirm_during_outage([victim], sim, [po], pg_cluster, wait=120)
    try:
        run.send_signal(signal.SIGKILL)  # type: ignore[attr-defined]
        run.communicate(timeout=30)  # type: ignore[attr-defined]
        assert _held_here(victim, po) in ("pending", "sending")
    finally:
        pg_cluster.start()
    assert _sql(pg_cluster, site_url, "SELECT count(*) FROM site_outbox WHERE po = %s", po) == [
        (0,)
    ]
    assert not accepted_confirmations(sim.server, po)

    code, out = victim.run("outbox", "flush", "--wait", "90")  # the bench started again
    assert code == 0, out
    assert _held_here(victim, po) == "succeeded"
    assert _sql(
        pg_cluster, site_url, "SELECT origin_station, state FROM site_outbox WHERE po = %s", po
    ) == [(victim.station_id, "succeeded")]
    assert len(record(sim.server, po)["confirmations"]) == 1
    assert len(accepted_confirmations(sim.server, po)) == 1


def test_the_packing_window_of_a_bench_sees_the_database_go_and_come_back(
    site: list[Bench],  # noqa: F811 - the fixture imported above, as a parameter
    pg_cluster: PgCluster,
) -> None:
    """The real ``station`` program (its packing window, offscreen): its status bar item is fed
    by the site's presence thread, whose changes the log records; it sees the database stop and
    come back by itself."""
    bench = site[0]
    log = StationPaths.under(bench.home).log_dir / "station.log"
    window = bench.start()  # `station`: the packing screen
    try:

        def logged(text: str) -> bool:
            return log.exists() and text in log.read_text(encoding="utf-8", errors="replace")

        wait_until(lambda: logged("site database reachable"), 90, "the window to reach the site")
        pg_cluster.stop("fast")
        try:
            wait_until(lambda: logged("site database away"), 60, "the window to see it away")
            assert window.poll() is None
        finally:
            pg_cluster.start()
        text = log.read_text(encoding="utf-8", errors="replace")
        before = text.count("site database reachable")
        wait_until(
            lambda: (
                log.read_text(encoding="utf-8", errors="replace").count("site database reachable")
                > before
            ),
            60,
            "the window to see the database back",
        )
        assert window.poll() is None, "the window exited"
    finally:
        window.terminate()
        try:
            window.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            window.kill()
            window.communicate(timeout=30)
