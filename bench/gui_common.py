"""Shared by the GUI benchmarks: an offscreen demo station driven by scans, no display needed."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("STATION_SOUND", "off")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ["STATION_HOME"] = tempfile.mkdtemp(prefix="station-bench-")


def start_station(**options: Any) -> tuple[Any, Any, Any]:
    """(app, gui, runtime) of a demo station, window shown, demo orders acknowledged."""
    from PySide6.QtWidgets import QApplication

    from station.runtime import RuntimeOptions, build_runtime
    from station.ui import theme
    from station.ui.app import StationGui, demo_base_settings, preload
    from station.ui.qt_compat import immortalize_singletons

    immortalize_singletons()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    theme.apply(app)
    preload()  # as the station's start-up thread does before the packer's screen appears
    runtime = build_runtime(
        RuntimeOptions(demo=True, settings=demo_base_settings(options.pop("settings", None)))
    )
    gui = StationGui(runtime, **options)
    gui.window.show()
    pump(app, lambda: not gui.worker.busy, 60)
    return app, gui, runtime


def pump(app: Any, until: Callable[[], bool], seconds: float) -> bool:
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if until():
            return True
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return until()


def packable_pos(runtime: Any) -> list[str]:
    """POs of the demo book a packer can ship (acknowledged, US, Amazon's carrier)."""
    return [
        o["purchaseOrderNumber"]
        for o in runtime.simulator.state.summary()
        if o["status"] in ("NEW", "ACCEPTED") and o["region"] == "NA" and not o["vendorOwnCarrier"]
    ]
