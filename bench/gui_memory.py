"""Benchmark: resident memory of the demo station after 10 scans and after 1,000 (leaks show as
growth). Each scan is a PO lookup and a cancel; every 50th PO is packed end to end, and so is,
among the first 10 scans, one order of each kind of paperwork the demo book has (PNG label, ZPL
label, with and without a packing slip).

Why the first packs: the first label, ZPL label and packing slip of a run each load something
once (image and PDF libraries, fonts, the preview's PDF engine: ~50 MiB in all). With the first
slip arriving at scan 51, that one-time load was counted as growth; with one of each kind inside
the first 10 scans, the baseline has done every kind of job once and the growth is what use
accumulates. The curve at scans 10, 50, 100, 200, 500 and 1,000 and the growth per scan after
scan 200 are printed and recorded too.

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
    kinds = {
        (o["purchaseOrderNumber"]): (o["labelFormat"], o["isPslipRequired"])
        for o in runtime.simulator.state.summary()
    }
    firsts: dict[tuple[str, bool], str] = {}
    for po in pos:
        firsts.setdefault(kinds[po], po)
    pos = list(firsts.values()) + [po for po in pos if po not in firsts.values()]
    first_packs = len(firsts)
    after_10 = 0.0
    checkpoints = {10, 50, 100, 200, 500} | {args.scans}
    curve: dict[int, float] = {}
    try:
        for index in range(args.scans):
            po = pos[index % len(pos)]
            window.state = "scanning"
            window.handle_scan(po)
            pump(app, lambda: window.state in ("needs_boxes", "ready", "warning", "error"), 60)
            pack = index < first_packs or index % 50 == 0
            if pack and window.state == "needs_boxes":
                window.handle_scan("CMD:BOX:S")
                window.boxes.weight.setText("2")  # the packed box, weighed
                window.handle_scan("CMD:CONFIRM")
                pump(app, lambda: window.state in ("confirmed", "error"), 60)
            window.handle_scan("CMD:CANCEL")
            if index + 1 in checkpoints and index + 1 < args.scans:
                pump(app, lambda: False, 0.2)
                curve[index + 1] = rss_mb()
        after_10 = curve.get(10, 0.0)
        pump(app, lambda: False, 0.5)
        after_all = curve[args.scans] = rss_mb()
    finally:
        gui.close()
    print(
        f"RSS after 10 scans {after_10:.1f} MB, after {args.scans} scans {after_all:.1f} MB "
        f"(growth {after_all - after_10:+.1f} MB, "
        f"{(after_all - after_10) * 1024 / max(args.scans - 10, 1):.1f} KB per scan)"
    )
    growth = (after_all - after_10) / after_10 * 100 if after_10 else float("nan")
    shape = ", ".join(f"{n}: {mib:.0f}" for n, mib in sorted(curve.items()))
    print(f"RSS (MiB) after n scans: {shape}")
    late_from = 200 if 200 in curve and args.scans > 200 else None
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
    if late_from is not None:
        late = (after_all - curve[late_from]) * 1024 / (args.scans - late_from)
        figures.append(
            Figure(
                "gui.memory_late_per_scan",
                f"RSS growth per scan after scan {late_from} (leak check)",
                late,
                "KiB",
                detail=f"RSS (MiB) after n scans: {shape}",
            )
        )
    notes = [
        f"The first {first_packs} scans pack one order of each kind of paperwork (PNG or ZPL "
        "label, with or without a packing slip), so the baseline after 10 scans has loaded "
        "every library once; until 2026-11-23 the first packing slip came at scan 51 and its "
        "one-time load (the PDF library's fonts, the preview's PDF engine: +14 MiB) counted as "
        f"growth (+38 %). RSS (MiB) after n scans: {shape}."
    ]
    Result("gui_memory", "Memory of the demo station", figures, notes=notes).write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
