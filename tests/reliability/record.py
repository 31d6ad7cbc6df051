"""Figures the reliability tests report to bench/reliability.py (and so to bench/RESULTS.md).

A test calls :func:`report`; when ``BENCH_RELIABILITY_RECORD`` names a file (bench/reliability.py
sets it), one JSON line per figure is appended to it. In a plain pytest run nothing is written.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

RECORD_ENV = "BENCH_RELIABILITY_RECORD"
_lock = threading.Lock()


def report(
    key: str,
    label: str,
    value: float,
    unit: str = "",
    *,
    target: float | None = None,
    op: str = "<=",
    detail: str = "",
) -> None:
    target_file = os.environ.get(RECORD_ENV)
    if not target_file:
        return
    line = json.dumps(
        {
            "key": key,
            "label": label,
            "value": value,
            "unit": unit,
            "target": target,
            "op": op,
            "detail": detail,
        }
    )
    with _lock, Path(target_file).open("a", encoding="utf-8") as sink:
        sink.write(line + "\n")
