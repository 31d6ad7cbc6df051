"""Fixtures for the packing-screen tests: a demo runtime on the embedded simulator, the window,
and a fake scanner that types at scanner speed into whatever widget has focus.

Imported by the test modules (``from tests.ui.station_fixtures import *``) rather than placed in
``conftest.py``, which the settings/history tests share.
"""

from __future__ import annotations

import json
import socket
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from station.config import Settings
from station.simulator.config import FaultConfig, SimulatorConfig
from station.ui.app import StationGui, demo_base_settings
from station.ui.feedback import SoundPlayer
from station.ui.main_window import MainWindow

# Qt's offscreen platform says this whenever a window is shown; it is not a fault of ours.
QT_LOG_IGNORE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WAIT_MS = 20_000


@dataclass
class GuiHarness:
    gui: StationGui
    runtime: Any
    qtbot: Any

    @property
    def window(self) -> MainWindow:
        return self.gui.window

    @property
    def simulator(self) -> Any:
        return self.runtime.simulator

    def printed(self, kind: str) -> list[Path]:
        assert self.runtime.demo_dir is not None
        folder = self.runtime.demo_dir / "printers" / kind
        return sorted(p for p in folder.glob("*") if p.is_file()) if folder.is_dir() else []

    def wait_state(self, *states: str, timeout: int = WAIT_MS) -> None:
        self.qtbot.waitUntil(lambda: self.window.state in states, timeout=timeout)

    def scan_and_wait(self, text: str, *states: str, timeout: int = WAIT_MS) -> str:
        """Scan, then wait until the window *enters* one of ``states`` (after this scan)."""
        with self.qtbot.waitSignal(
            self.window.state_changed,
            timeout=timeout,
            check_params_cb=lambda state: state in states,
        ):
            self.window.handle_scan(text)
        return str(self.window.state)

    def wait_idle_worker(self, timeout: int = WAIT_MS) -> None:
        self.qtbot.waitUntil(lambda: not self.gui.worker.busy, timeout=timeout)

    def orders(self) -> list[dict[str, Any]]:
        return list(self.admin("orders")["orders"])

    def po_of_kind(self, kind: str) -> str:
        return next(o["purchaseOrderNumber"] for o in self.orders() if o["kind"] == kind)

    def admin(self, path: str) -> dict[str, Any]:
        url = f"{self.simulator.base_url}/_simulator/{path}"
        with urllib.request.urlopen(url, timeout=10) as response:
            data: dict[str, Any] = json.loads(response.read())
        return data

    def record(self, po: str) -> dict[str, Any]:
        data: dict[str, Any] = self.admin(f"record?po={po}")["orders"][po]
        return data


class ScannerClock:
    """A clock that moves 2 ms each time the scanner reads it: scanner speed, deterministically."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 2.0
        return self.now


def type_keys(target: QWidget, text: str, *, enter: bool = True) -> None:
    """Key presses as a wedge scanner sends them: back to back, ended by Enter."""
    for char in text:
        press = QKeyEvent(QKeyEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(target, press)
        release = QKeyEvent(QKeyEvent.Type.KeyRelease, 0, Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(target, release)
    if enter:
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
            )


def make_harness(
    qtbot: Any,
    *,
    settings: Settings | None = None,
    label_printer: str | None = None,
    simulator: SimulatorConfig | None = None,
    start_outbox: bool = True,
) -> Iterator[GuiHarness]:
    from station.runtime import RuntimeOptions, build_runtime

    runtime = build_runtime(
        RuntimeOptions(
            demo=True,
            settings=demo_base_settings(settings),
            label_printer=label_printer,
            simulator=simulator,
        )
    )
    # Keys sent back to back arrive 2 ms apart on this clock, however loaded the CI box is.
    gui = StationGui(
        runtime,
        player=SoundPlayer(enabled=False),
        scanner_clock=ScannerClock(),
        start_outbox=start_outbox,
    )
    qtbot.addWidget(gui.window, before_close_func=lambda _w: None)
    gui.window.show()
    harness = GuiHarness(gui, runtime, qtbot)
    try:
        harness.wait_idle_worker()  # the demo's acknowledgements
        yield harness
    finally:
        gui.close()


@pytest.fixture
def station(qtbot: Any) -> Iterator[GuiHarness]:
    yield from make_harness(qtbot)


@pytest.fixture
def harness_factory(qtbot: Any) -> Iterator[Callable[..., GuiHarness]]:
    made: list[Iterator[GuiHarness]] = []

    def make(**kwargs: Any) -> GuiHarness:
        generator = make_harness(qtbot, **kwargs)
        made.append(generator)
        return next(generator)

    yield make
    for generator in made:
        for _ in generator:
            pass


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def slow_simulator(latency_ms: int) -> SimulatorConfig:
    return SimulatorConfig(faults=FaultConfig(latency_ms=latency_ms))
