"""Slow work off the GUI thread, with the result delivered back to it by signal.

The settings dialog, the wizard, the history window and the support export all need one-shot
jobs (discover printers, test print, exchange an OAuth code, write a zip) whose waits must never
freeze the packer's screen. The packing flow has its own long-lived worker (``ui.worker``); these
dialogs only need fire-and-forget tasks, so a small QThreadPool wrapper is enough.

A task's signals object is created in the GUI thread, so Qt queues the emissions from the pool
thread back to the GUI thread. Tasks are kept alive in a module registry until they finished,
otherwise Python could collect the signals object before its queued emission is delivered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("station.ui.background")

_running: set[BackgroundTask] = set()
_pool: QThreadPool | None = None


class TaskSignals(QObject):
    succeeded = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception it raised
    finished = Signal()  # after succeeded/failed, in every case


class BackgroundTask(QRunnable):
    """Runs ``function()`` on a pool thread; emits ``succeeded(result)`` or ``failed(exc)``."""

    def __init__(self, function: Callable[[], Any], name: str = "task") -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.function = function
        self.name = name
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            result = self.function()
        except Exception as exc:  # delivered to the GUI, which shows exc.hint when it has one
            log.info("background %s failed: %s", self.name, type(exc).__name__)
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        self.signals.finished.emit()


def pool() -> QThreadPool:
    """The dialogs' own pool (two threads: enough, and never starves the packing worker)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


def run_in_background(
    function: Callable[[], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    context: QObject | None = None,
    name: str = "task",
) -> BackgroundTask:
    """Start ``function`` on the pool; the callbacks run on the GUI thread.

    ``context`` (a widget) owns the connections: when it is destroyed first, the callbacks are
    dropped instead of touching a deleted widget.
    """
    task = BackgroundTask(function, name)
    signals = task.signals
    if on_success is not None:
        signals.succeeded.connect(_guarded(on_success, context))
    if on_failure is not None:
        signals.failed.connect(_guarded(on_failure, context))
    _running.add(task)
    signals.finished.connect(lambda: _running.discard(task))
    pool().start(task)
    return task


def _guarded(callback: Callable[[Any], None], context: QObject | None) -> Callable[[Any], None]:
    def deliver(value: Any) -> None:
        if context is not None and not shiboken6.isValid(context):
            return
        callback(value)

    return deliver


def wait_for_background(timeout_ms: int = 30_000) -> bool:
    """Block until every started task is done (application exit, tests' teardown)."""
    return _pool.waitForDone(timeout_ms) if _pool is not None else True
