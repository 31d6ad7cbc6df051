"""Run the reliability suite (tests/reliability, slow parts included) and record its figures.

    .venv/bin/python bench/reliability.py            # the full suite: 200 SIGKILLed shipments,
                                                     # 500 shipments under faults, bad input,
                                                     # secrets at rest (about 10-15 minutes)
    .venv/bin/python bench/reliability.py --quick    # only the fast parts (what CI runs)
    .venv/bin/python bench/reliability.py --part crash|faults|fast   # one part

The fast part runs in the default pytest run (CI's .ci/run); the 200-shipment crash run (~20 min
on 2 cores) and the 500-shipment fault run (~2 min) are marked slow.

The tests report their counts (lost, duplicated, cases tried, strings found…) through
tests/reliability/record.py into a file named by ``BENCH_RELIABILITY_RECORD``; this script turns
them into bench/results/reliability.json for bench/report.py. The suite's verdict is a figure too:
a failing test is an unmet target even when its counts were recorded before it failed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, Figure, Result

# part -> (pytest paths, marker expression)
PARTS = {
    "all": (["tests/reliability"], "slow or not slow"),
    "fast": (["tests/reliability"], "not slow"),
    "faults": (["tests/reliability/test_faults.py"], "slow"),
    "crash": (["tests/reliability/test_crash_shift.py"], "slow"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only the parts CI runs")
    parser.add_argument(
        "--part",
        choices=sorted(PARTS),
        default="all",
        help="one part of the suite (its own result file, reliability_<part>.json)",
    )
    parser.add_argument(
        "--import-record",
        type=Path,
        metavar="JSONL",
        help="do not run: record the figures a pytest run with BENCH_RELIABILITY_RECORD wrote",
    )
    parser.add_argument("--imported-summary", default="", help="that run's pytest summary line")
    args = parser.parse_args()
    part = "fast" if args.quick else args.part
    paths, marker = PARTS[part]
    notes = []
    if args.import_record is not None:
        lines = args.import_record.read_text().splitlines()
        summary, seconds, returncode = args.imported_summary or "imported", 0.0, 0
        if "failed" in summary or "error" in summary:
            returncode = 1
        notes.append(
            f"Figures imported from an earlier pytest run on this machine ({summary}); "
            f"re-run with `.venv/bin/python bench/reliability.py --part {part}`."
        )
    else:
        with tempfile.TemporaryDirectory(prefix="bench-reliability-") as scratch:
            record = Path(scratch) / "record.jsonl"
            env = {**os.environ, "BENCH_RELIABILITY_RECORD": str(record)}
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
            command = [
                sys.executable, "-m", "pytest", *paths, "-m", marker,
                "-q", "-p", "no:cacheprovider", "-rf",
            ]  # fmt: skip
            started = time.monotonic()
            completed = subprocess.run(command, cwd=ROOT, env=env, text=True, capture_output=True)
            seconds = time.monotonic() - started
            print(completed.stdout[-4000:], completed.stderr[-2000:], sep="\n")
            lines = record.read_text().splitlines() if record.exists() else []
        summary = (completed.stdout.strip().splitlines() or ["no output"])[-1]
        returncode = completed.returncode
    figures = [
        Figure(
            f"reliability.{part}.failures",
            f"reliability suite ({part}): failing tests",
            0 if returncode == 0 else _failures(summary),
            "",
            0,
            detail=f"{summary}" + (f" ({seconds:.0f} s)" if seconds else ""),
        )
    ]
    for line in lines:
        raw = json.loads(line)
        figures.append(
            Figure(
                raw["key"],
                raw["label"],
                float(raw["value"]),
                raw["unit"],
                raw["target"],
                raw["op"],
                raw["detail"],
            )
        )
    Result(
        "reliability" if part == "all" else f"reliability_{part}",
        f"Reliability suite (tests/reliability, {part})",
        figures,
        notes=notes,
    ).write()
    return returncode


def _failures(summary: str) -> float:
    words = summary.replace(",", " ").split()
    for number, word in itertools.pairwise(words):
        if word in ("failed", "error", "errors") and number.isdigit():
            return float(number)
    return 1.0


if __name__ == "__main__":
    raise SystemExit(main())
