"""Benchmark: resident memory of the demo station after 10 scans and after 1,000 (leaks show as
growth). Each scan is a PO lookup and a cancel; every 50th PO is packed end to end.

    .venv/bin/python bench/gui_memory.py [--scans 1000]
"""

from __future__ import annotations

import argparse
import resource
import sys
from pathlib import Path

from common import Figure, Result
from gui_common import packable_pos, pump, start_station

GROWTH_TARGET_PCT = 10.0
PEAK_TARGET_MIB = 250.0


def peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def rss_mb() -> float:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    # Not Linux: the peak is the best the stdlib offers (KiB on Linux, bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=1000)
    args = parser.parse_args()
    app, gui, runtime = start_station()
    window = gui.window
    pos = packable_pos(runtime)
    after_10 = 0.0
    try:
        for index in range(args.scans):
            po = pos[index % len(pos)]
            window.state = "scanning"
            window.handle_scan(po)
            pump(app, lambda: window.state in ("needs_boxes", "ready", "warning", "error"), 60)
            if index % 50 == 0 and window.state == "needs_boxes":
                window.handle_scan("CMD:BOX:S")
                window.handle_scan("CMD:CONFIRM")
                pump(app, lambda: window.state in ("confirmed", "error"), 60)
            window.handle_scan("CMD:CANCEL")
            if index == 9:
                pump(app, lambda: False, 0.2)
                after_10 = rss_mb()
        pump(app, lambda: False, 0.5)
        after_all = rss_mb()
    finally:
        gui.close()
    print(
        f"RSS after 10 scans {after_10:.1f} MB, after {args.scans} scans {after_all:.1f} MB "
        f"(growth {after_all - after_10:+.1f} MB, "
        f"{(after_all - after_10) * 1024 / max(args.scans - 10, 1):.1f} KB per scan)"
    )
    growth = (after_all - after_10) / after_10 * 100 if after_10 else float("nan")
    figures = [
        Figure(
            "gui.memory_growth",
            f"RSS growth, {args.scans} scans vs 10 (demo GUI)",
            growth,
            "%",
            GROWTH_TARGET_PCT,
            detail=f"after 10 scans {after_10:.1f} MiB, after {args.scans} {after_all:.1f} MiB",
        ),
        Figure("gui.memory_peak", "peak RSS over the run", peak_mb(), "MiB", PEAK_TARGET_MIB),
    ]
    Result("gui_memory", "Memory of the demo station", figures).write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
