"""The packing screen's one background worker: every network, disk and printer call runs here.

Like Electrum's ``TaskThread``: a single thread takes tasks from a queue, one at a time, so the
engine never sees two packer actions at once and their order is the order of the scans. Results,
errors and the engine's events come back to the GUI thread through Qt signals (queued across
threads), so the GUI thread never waits on I/O: the screen keeps drawing while Amazon takes 2 s.

Tasks have a priority: the packer's actions (priority 0) overtake background checks (health of the
network and the printers, priority 5), which are also skipped while the worker is busy.

A task the packer walks away from (a PO lookup Amazon never answers) can be abandoned: its result
is dropped, and when it is the task in hand, a fresh thread takes over the queue at once while the
old one finishes its call alone and ends. So a network call that never returns holds up nothing
that comes after it.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from station.errors import StationError
from station.ui.qt_compat import emit, emit_leaks, immortalize_singletons
from station.workflow.events import Event

log = logging.getLogger("station.ui.worker")

URGENT = 0
BACKGROUND = 5

Callback = Callable[[Any], None]
ErrorCallback = Callable[[StationError], None]


@dataclass(order=True)
class Task:
    priority: int
    sequence: int
    function: Callable[[], Any] | None = field(compare=False)
    on_done: Callback | None = field(compare=False, default=None)
    on_error: ErrorCallback | None = field(compare=False, default=None)
    name: str = field(compare=False, default="task")
    # Guarded by Worker._state_lock: "queued" → "running" → "done", or "abandoned" at any time
    # before "done".
    state: str = field(compare=False, default="queued")


class UnexpectedError(StationError):
    """A bug or an unforeseen failure inside a task; shown to the packer instead of a crash."""

    default_hint = "Try again. If it happens again, export a support bundle and contact IT."


class Worker(QObject):
    """``submit()`` from the GUI thread; callbacks run on the GUI thread."""

    # Internal: carries (callback, value) from the worker thread to the GUI thread.
    _delivered = Signal(object)
    event_received = Signal(object)  # a station.workflow.events.Event, on the GUI thread
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, name: str = "station-worker") -> None:
        super().__init__(parent)
        self._queue: queue.PriorityQueue[Task] = queue.PriorityQueue()
        self._sequence = itertools.count()
        self._name = name
        self._generation = 0  # the thread of this generation takes tasks; older ones end
        self._state_lock = threading.Lock()
        self._running: Task | None = None
        self._thread = self._new_thread()
        self._pending = 0  # submitted and not yet delivered (GUI thread only)
        self._stopping = False
        self._delivered.connect(self._deliver)
        immortalize_singletons()  # see qt_compat: PySide6 6.12 on Python 3.11
        emit_leaks()  # probe the binding here, on the GUI thread, before any thread emits
        self._started = False

    # -- GUI thread ------------------------------------------------------------------------

    def start(self) -> None:
        if not self._started:
            self._started = True
            self._thread.start()

    def submit(
        self,
        function: Callable[[], Any],
        *,
        on_done: Callback | None = None,
        on_error: ErrorCallback | None = None,
        name: str = "task",
        priority: int = URGENT,
    ) -> Task | None:
        """Run ``function`` on the worker thread; returns its handle (for :meth:`abandon`),
        None once the worker is stopping."""
        if self._stopping:
            return None
        self.start()
        self._pending += 1
        if self._pending == 1:
            emit(self.busy_changed, True)
        task = Task(priority, next(self._sequence), function, on_done, on_error, name)
        self._queue.put(task)
        return task

    def abandon(self, task: Task) -> bool:
        """Drop ``task``'s result (its callbacks never run). When it is running, the queue goes
        on at once on a new thread; the old thread ends after the call in hand returns. False
        when the task had already finished."""
        with self._state_lock:
            if task.state in ("done", "abandoned"):
                return False
            running = task.state == "running"
            task.state = "abandoned"
            if running:
                self._generation += 1
                self._thread = self._new_thread()
        if running:
            log.info("task %s abandoned while running: the queue goes on without it", task.name)
            self._thread.start()
        self._pending = max(0, self._pending - 1)
        if self._pending == 0:
            emit(self.busy_changed, False)
        return True

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def stop(self, timeout: float = 10.0) -> bool:
        """Finish the task in hand, drop the rest, and end the thread. True when it ended."""
        self._stopping = True
        if not self._started:
            return True
        self._queue.put(Task(-1, -1, None))
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def post_event(self, event: Event) -> None:
        """The engine's listener: safe from any thread; the event reaches the GUI by signal."""
        emit(self.event_received, event)

    def _deliver(self, payload: tuple[Callable[[Any], None] | None, Any]) -> None:
        callback, value = payload
        self._pending = max(0, self._pending - 1)
        try:
            if callback is not None and not self._stopping:
                callback(value)
        finally:
            if self._pending == 0:
                emit(self.busy_changed, False)

    # -- worker thread ---------------------------------------------------------------------

    def _new_thread(self) -> threading.Thread:
        generation = self._generation
        suffix = f"-{generation}" if generation else ""
        return threading.Thread(
            target=self._run, args=(generation,), name=self._name + suffix, daemon=True
        )

    def _take(self, task: Task) -> bool:
        """Whether the task is still wanted; marks it running."""
        with self._state_lock:
            if task.state == "abandoned":
                return False
            task.state = "running"
            self._running = task
            return True

    def _finish(self, task: Task) -> bool:
        """Whether its result is still wanted; marks it done."""
        with self._state_lock:
            if self._running is task:
                self._running = None
            if task.state == "abandoned":
                return False
            task.state = "done"
            return True

    def _run(self, generation: int) -> None:
        while generation == self._generation:
            task = self._queue.get()
            if task.function is None or self._stopping:
                return
            if not self._take(task):
                continue
            try:
                result = task.function()
            except StationError as exc:
                if self._finish(task):
                    emit(self._delivered, (task.on_error, exc))
            except Exception as exc:  # a bug must not kill the worker, nor the station
                if not self._finish(task):
                    log.info("abandoned task %s ended with %s", task.name, type(exc).__name__)
                    continue
                log.exception("task %s failed unexpectedly", task.name)
                error = UnexpectedError(
                    QCoreApplication.translate(
                        "Worker", "Unexpected error while {task}: {kind}: {detail}"
                    ).format(task=task.name, kind=type(exc).__name__, detail=str(exc)[:160]),
                    hint=QCoreApplication.translate(
                        "Worker",
                        "Try again. If it happens again, export a support bundle and contact IT.",
                    ),
                )
                emit(self._delivered, (task.on_error, error))
            else:
                if self._finish(task):
                    emit(self._delivered, (task.on_done, result))
