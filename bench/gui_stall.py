"""Benchmark: the longest GUI-thread stall while the simulator answers every call in 2 s.

A QTimer ticks every 5 ms on the GUI thread; the largest gap between two ticks during scans (PO
lookup, label request, printing, confirmation) is the stall. Target: under 50 ms.

    .venv/bin/python bench/gui_stall.py [--latency-ms 2000] [--scans 2]
"""

from __future__ import annotations

import argparse
import time

from common import Figure, Result
from gui_common import packable_pos, pump, start_station

TARGET_MS = 50.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-ms", type=int, default=2000)
    parser.add_argument("--scans", type=int, default=2, help="POs packed end to end")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer

    from station.simulator.config import FaultConfig

    app, gui, runtime = start_station()
    window = gui.window
    runtime.simulator.set_faults(FaultConfig(latency_ms=args.latency_ms))
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    try:
        for po in packable_pos(runtime)[: args.scans]:
            window.handle_scan(po)
            pump(app, lambda: window.state in ("needs_boxes", "ready", "error"), 60)
            window.handle_scan("CMD:BOX:S")
            window.boxes.weight.setText("2")  # the packed box, weighed
            window.handle_scan("CMD:CONFIRM")
            pump(app, lambda: window.state in ("confirmed", "error"), 120)
    finally:
        timer.stop()
        elapsed = time.perf_counter() - started
        gui.close()
    worst = max(gaps) if gaps else float("nan")
    ordered = sorted(gaps)
    p99 = ordered[int(len(ordered) * 0.99)] if ordered else float("nan")
    verdict = "OK" if worst < TARGET_MS else "OVER TARGET"
    print(
        f"GUI stall with {args.latency_ms} ms API latency, {args.scans} PO(s) packed in "
        f"{elapsed:.1f} s: max {worst:.1f} ms, p99 {p99:.1f} ms over {len(gaps)} ticks "
        f"(target < {TARGET_MS:.0f} ms: {verdict})"
    )
    figure = Figure(
        "gui.max_stall",
        f"largest GUI event-loop stall, API latency {args.latency_ms} ms",
        worst,
        "ms",
        TARGET_MS,
        detail=f"{args.scans} PO(s) packed end to end in {elapsed:.1f} s; p99 gap {p99:.1f} ms "
        f"over {len(gaps)} ticks of a 5 ms timer",
    )
    Result("gui_stall", "GUI responsiveness during scans", [figure]).write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
