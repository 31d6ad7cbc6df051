"""Benchmark: cold start of ``station --demo`` to a window ready to scan, against a bare PySide6
window on the same machine (both fresh processes, offscreen). Target: ratio at most 1.5×.

    .venv/bin/python bench/gui_cold_start.py [--runs 5]

"Ready" is measured from process spawn to the line the station prints when the window is shown
and its event loop runs (``STATION_EXIT_WHEN_READY=1``); the bare window prints the same line.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Figure, Result, stats

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 1.5

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("ready"))
window.show()
def ready():
    print("STATION_READY", flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def _time_to_ready(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("STATION_READY"):
                ready = time.perf_counter() - started
                break
        else:
            raise RuntimeError(f"{command} never became ready (exit {process.wait()})")
        process.wait(timeout=60)
    return ready


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "STATION_EXIT_WHEN_READY": "1",
        "STATION_SOUND": "off",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    station: list[float] = []
    bare: list[float] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="station-cold-") as home:
            env["STATION_HOME"] = home
            station.append(_time_to_ready([sys.executable, "-m", "station", "--demo"], env))
        bare.append(_time_to_ready([sys.executable, "-c", BARE], env))
    s, b = statistics.median(station), statistics.median(bare)
    ratio = s / b
    verdict = "OK" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(
        f"cold start to ready, median of {args.runs}: station --demo {s * 1000:.0f} ms, "
        f"bare PySide6 window {b * 1000:.0f} ms, ratio {ratio:.2f}x "
        f"(target <= {TARGET_RATIO}x: {verdict})"
    )
    station_ms, bare_ms = stats([t * 1000 for t in station]), stats([t * 1000 for t in bare])
    figures = [
        Figure(
            "gui.cold_start_ratio",
            "cold start `station --demo` / bare PySide6 window",
            ratio,
            "×",
            TARGET_RATIO,
            detail=f"station {station_ms.spread('ms', 0)}; bare {bare_ms.spread('ms', 0)}",
        ),
        Figure("gui.cold_start_station", "cold start `station --demo` to ready", s * 1000, "ms"),
        Figure("gui.cold_start_bare", "cold start bare PySide6 window", b * 1000, "ms"),
    ]
    Result("gui_cold_start", "Cold start (offscreen, fresh processes)", figures).write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
