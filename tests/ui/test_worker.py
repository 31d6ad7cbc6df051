"""The background worker: results on the GUI thread, errors as StationErrors, priorities."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from station.errors import ScanError, StationError
from station.ui.worker import BACKGROUND, URGENT, UnexpectedError, Worker

pytestmark = pytest.mark.gui


@pytest.fixture
def worker(qtbot: Any) -> Any:
    w = Worker()
    w.start()
    yield w
    assert w.stop(5)


def test_result_is_delivered_on_the_gui_thread(worker: Worker, qtbot: Any) -> None:
    seen: list[tuple[Any, bool]] = []
    gui = threading.current_thread()

    def work() -> str:
        assert threading.current_thread() is not gui
        return "done"

    worker.submit(work, on_done=lambda v: seen.append((v, threading.current_thread() is gui)))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [("done", True)]
    qtbot.waitUntil(lambda: not worker.busy)


def test_errors_come_back_as_station_errors(worker: Worker, qtbot: Any) -> None:
    errors: list[StationError] = []

    def bad_scan() -> None:
        raise ScanError("nope", hint="scan again")

    def bug() -> None:
        raise ZeroDivisionError("boom")

    worker.submit(bad_scan, on_error=errors.append)
    worker.submit(bug, on_error=errors.append, name="dividing")
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert isinstance(errors[0], ScanError)
    assert isinstance(errors[1], UnexpectedError) and "dividing" in errors[1].message


def test_none_results_and_many_tasks(worker: Worker, qtbot: Any) -> None:
    done: list[Any] = []
    for _ in range(600):  # more emits than None/True have references on a fresh 3.11
        worker.submit(lambda: None, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 600, timeout=20_000)


def test_urgent_tasks_overtake_background_ones(worker: Worker, qtbot: Any) -> None:
    gate = threading.Event()
    order: list[str] = []
    worker.submit(lambda: gate.wait(5), name="blocker")
    worker.submit(lambda: order.append("background"), priority=BACKGROUND)
    worker.submit(lambda: order.append("urgent"), priority=URGENT)
    gate.set()
    qtbot.waitUntil(lambda: len(order) == 2)
    assert order == ["urgent", "background"]


def test_events_are_reposted_to_the_gui_thread(worker: Worker, qtbot: Any) -> None:
    from datetime import UTC, datetime

    from station.workflow.events import ProgressReported

    got: list[Any] = []
    worker.event_received.connect(got.append)
    event = ProgressReported("PO1", datetime.now(UTC), "working")
    thread = threading.Thread(target=worker.post_event, args=(event,))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: got == [event])


def test_an_abandoned_task_holds_up_nothing_and_says_nothing(qtbot: Any) -> None:
    """A call that never returns (until the test ends) is abandoned: the tasks after it run at
    once on a fresh thread, and its late result reaches no callback."""
    worker = Worker(name="abandon-probe")
    stuck = threading.Event()
    started = threading.Event()
    late: list[Any] = []
    after: list[str] = []

    def hang() -> str:
        started.set()
        stuck.wait(60)
        return "late"

    task = worker.submit(hang, on_done=late.append, on_error=late.append)
    assert task is not None
    queued = worker.submit(lambda: "never", on_done=late.append)
    assert queued is not None
    qtbot.waitUntil(started.is_set)
    assert worker.abandon(queued) and worker.abandon(task)
    worker.submit(lambda: "next", on_done=after.append)
    qtbot.waitUntil(lambda: after == ["next"], timeout=10_000)
    assert not worker.busy
    stuck.set()  # the old call returns at last: nobody hears of it, and its thread ends
    qtbot.waitUntil(
        lambda: all(t.name != "abandon-probe" for t in threading.enumerate()), timeout=10_000
    )
    flushed = threading.Event()
    worker.submit(lambda: None, on_done=lambda _v: flushed.set())  # deliveries come in order
    qtbot.waitUntil(flushed.is_set)
    assert late == []
    assert not worker.abandon(task)  # already given up on: nothing more to do
    assert worker.stop(5)
