"""Benchmark: how long the Settings dialog takes to open from the packing screen (offscreen).

    .venv/bin/python bench/gui_settings.py [--opens 10]

Measured from the menu's call (``MainWindow.open_optional("settings")``) to the first turn of
the dialog's own event loop with the dialog visible: what the lead waits for after the click.
The first open includes importing the settings screens (nothing preloads them); later opens show
the cost of building the form from the settings model each time. Target: the first open within
500 ms, later ones within 300 ms, on this 2-core machine.
"""

from __future__ import annotations

import argparse
import time

from common import Figure, Result, stats
from gui_common import start_station

FIRST_TARGET_MS = 500.0
LATER_TARGET_MS = 300.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opens", type=int, default=10)
    args = parser.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from station.ui.settings.dialog import SettingsDialog

    _app, gui, _runtime = start_station()
    window = gui.window
    times: list[float] = []

    def open_once() -> None:
        started = time.perf_counter()

        def shown() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, SettingsDialog) or not dialog.isVisible():
                QTimer.singleShot(0, shown)
                return
            times.append((time.perf_counter() - started) * 1000)
            dialog.reject()

        QTimer.singleShot(0, shown)
        window.open_optional("settings")

    for _ in range(args.opens + 1):
        open_once()
    gui.close()
    first, later = times[0], stats(times[1:])
    figures = [
        Figure(
            "gui.settings_first_open",
            "Settings dialog, first open (imports included)",
            first,
            "ms",
            FIRST_TARGET_MS,
        ),
        Figure(
            "gui.settings_open",
            "Settings dialog, later opens (median)",
            later.p50,
            "ms",
            LATER_TARGET_MS,
            detail=later.spread(),
        ),
    ]
    Result("gui_settings", "Settings dialog open time", figures).write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
