"""The background tracker against the real simulator and a real journal: statuses and tracking
land in the journal with no screen open, a bounded number of orders per round, finished orders
left alone, never a send from the background, and a failing round waits longer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from station.errors import CredentialsError, UnknownOutcomeError
from station.journal.mcf_orders import McfState
from station.simulator.config import FaultConfig, SimulatorConfig
from station.simulator.faults import FaultInjector
from station.simulator.server import SimulatorServer
from station.workflow.mcf import McfDesk
from station.workflow.mcf_tracking import McfTracker, TrackingRound
from tests.simulator.sim_client import FakeRenderer
from tests.workflow.test_mcf import Desk, make_desk, row, station_csv


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    config = SimulatorConfig(seed=3, orders=5, processing_delay=0, rate_limits=False)
    with SimulatorServer(config, renderer=FakeRenderer()) as server:
        made = make_desk(tmp_path, server, "2020-07-01")
        yield made
        made.journal.close()
        made.http.close()


class Counting:
    """Counts the desk's calls to Amazon through its client (the real one underneath)."""

    def __init__(self, desk: McfDesk) -> None:
        self.gets: list[str] = []
        client = desk.client
        inner_get = client.get

        def get(order_id: str) -> Any:
            self.gets.append(order_id)
            return inner_get(order_id)

        client.get = get  # type: ignore[method-assign]


def test_rounds_refresh_due_orders_into_the_journal(desk: Desk) -> None:
    desk.desk.import_csv(station_csv(*(row(f"T{n}") for n in range(1, 6))))
    for n in range(1, 5):
        desk.desk.send(f"T{n}")
    desk.desk.pack_here("T5")
    counting = Counting(desk.desk)
    tracker = McfTracker(lambda: desk.desk, interval=3600, batch=3)

    first = tracker.run_once()
    assert (first.asked, first.error) == (3, None)  # bounded: 3 of the 4 sent orders
    assert len(counting.gets) == 3
    second = tracker.run_once()
    assert second.asked == 3
    assert len(set(counting.gets)) == 4  # least recently tracked first: all four seen

    desk.server.state.advance_clock(400 + 30 * 3600)  # shipped, then delivered
    rounds = [tracker.run_once() for _ in range(2)]
    assert sum(r.changed for r in rounds) == 4
    packages = desk.desk.book.packages()
    assert {p.order_id for p in packages} == {f"T{n}" for n in range(1, 5)}
    assert all(p.tracking_number and p.status == "DELIVERED" for p in packages)
    assert {r.amazon_status for r in desk.desk.book.orders([McfState.SENT])} == {"COMPLETE"}

    asked_before = len(counting.gets)
    done = tracker.run_once()  # every package delivered: nothing more to ask
    assert (done.asked, len(counting.gets)) == (0, asked_before)


def test_the_background_never_finishes_a_send(desk: Desk) -> None:
    desk.desk.import_csv(station_csv(row("S1")))
    desk.transport.lose_next_create = True
    with pytest.raises(UnknownOutcomeError):
        desk.desk.send("S1")
    assert desk.desk.book.get("S1") is not None
    assert str(desk.desk.book.get("S1").state) == "sending"  # type: ignore[union-attr]
    tracker = McfTracker(lambda: desk.desk, interval=3600)
    assert tracker.run_once().asked == 0
    assert desk.creates("S1") == ["created"]  # only the lead's own attempt reached Amazon


def test_a_failing_round_waits_longer_and_a_good_one_resets(desk: Desk) -> None:
    desk.desk.import_csv(station_csv(row("F1")))
    desk.desk.send("F1")
    tracker = McfTracker(lambda: desk.desk, interval=10, max_interval=35)
    desk.server.faults = FaultInjector(FaultConfig(error_rate=1.0))
    assert tracker.run_once().error is not None  # Amazon fails: asked again later, less often
    assert tracker.next_wait == 20
    desk.server.faults = FaultInjector(FaultConfig())
    assert tracker.run_once().error is None
    assert tracker.next_wait == 10

    def broken() -> McfDesk:
        raise CredentialsError("No seller credentials", hint="Add the seller app.")

    failing = McfTracker(broken, interval=10, max_interval=35)
    waits = []
    for _ in range(4):
        result = failing.run_once()
        assert result.error is not None and "seller" in result.error
        waits.append(failing.next_wait)
    assert waits == [20, 35, 35, 35]


def test_the_thread_runs_rounds_and_stops(desk: Desk) -> None:
    desk.desk.import_csv(station_csv(row("B1")))
    desk.desk.send("B1")
    desk.server.state.advance_clock(400 + 3600)
    tracker = McfTracker(lambda: desk.desk, interval=0.05).start()
    try:
        assert tracker.wait_rounds(2, timeout=30)
        assert tracker.running
    finally:
        tracker.stop()
    assert not tracker.running
    assert desk.desk.book.packages("B1")[0].tracking_number


def test_nothing_to_track_yet_opens_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A demo that never used MCF: the running station leaves the data folder alone."""
    import os

    from station.mcf_runtime import start_mcf_tracking
    from station.runtime import RuntimeOptions, build_runtime, demo_mcf_folder

    monkeypatch.setenv("STATION_MCF_TRACK_SECONDS", "0.05")
    with build_runtime(RuntimeOptions(demo=True, printers=False)) as runtime:
        tracker = start_mcf_tracking(runtime)
        assert tracker.wait_rounds(3, timeout=30)
        assert tracker.last == TrackingRound(0, 0)
        assert tracker.next_wait == 0.05
    assert not tracker.running
    assert not demo_mcf_folder(os.environ).exists()
