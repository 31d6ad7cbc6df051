"""What every benchmark shares: timing statistics, the machine it ran on, and the result file.

Each benchmark prints a table for the person at the terminal and writes the same figures to
``bench/results/<name>.json`` (value, unit, target, met, the command that produced it, the date and
the machine), so ``bench/report.py`` can rebuild ``bench/RESULTS.md`` without re-running anything
and a figure never loses the conditions it was measured under.
"""

from __future__ import annotations

import json
import math
import os
import platform
import shlex
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# -- timing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    """Summary of repeated measurements (in whatever unit the samples are)."""

    n: int
    median: float
    p95: float
    minimum: float
    maximum: float
    stdev: float

    @property
    def p50(self) -> float:
        return self.median

    def spread(self, unit: str = "ms", digits: int = 1) -> str:
        """ "median X (p95 Y, min–max A–B, sd S, n=N)": how the figure varied, for the table."""
        f = f"{{:.{digits}f}}"
        return (
            f"median {f.format(self.median)} {unit} (p95 {f.format(self.p95)}, "
            f"min–max {f.format(self.minimum)}–{f.format(self.maximum)}, "
            f"sd {f.format(self.stdev)}, n={self.n})"
        )


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), linear between closest ranks (as numpy's default)."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def stats(samples: Sequence[float]) -> Stats:
    if not samples:
        return Stats(0, math.nan, math.nan, math.nan, math.nan, math.nan)
    return Stats(
        n=len(samples),
        median=statistics.median(samples),
        p95=percentile(samples, 95),
        minimum=min(samples),
        maximum=max(samples),
        stdev=statistics.pstdev(samples),
    )


def time_runs(run: Callable[[], object], runs: int, *, warmup: int = 1) -> list[float]:
    """Seconds of ``runs`` calls of ``run`` after ``warmup`` untimed ones (imports, caches)."""
    for _ in range(warmup):
        run()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return times


def ms(seconds: Sequence[float]) -> list[float]:
    return [s * 1000 for s in seconds]


# -- the machine ----------------------------------------------------------------------------


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _ram_gib() -> float | None:
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    return None


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict[str, Any]:
    """Enough to tell whether two results are comparable (no host names, no user names)."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": _ram_gib(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "qt": _version("PySide6-Essentials"),
        "httpx": _version("httpx"),
    }


def command_line(script: str | None = None) -> str:
    """The command that produced this run, as it can be pasted in the checkout's root."""
    python = Path(os.path.normpath(os.path.abspath(sys.executable)))  # keep the venv's symlink
    shown = ".venv/bin/python" if python.is_relative_to(ROOT / ".venv") else "python3"
    path = Path(os.path.normpath(os.path.abspath(script or sys.argv[0])))
    relative = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return shlex.join([shown, str(relative), *sys.argv[1:]])


# -- results ----------------------------------------------------------------------------------


@dataclass
class Figure:
    """One number of the results table. ``target`` with ``op`` ("<=" or ">=") decides ``met``;
    no target: the figure is reported for information."""

    key: str
    label: str
    value: float
    unit: str
    target: float | None = None
    op: str = "<="
    detail: str = ""

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        if math.isnan(self.value):
            return False
        return self.value <= self.target if self.op == "<=" else self.value >= self.target

    def target_text(self) -> str:
        if self.target is None:
            return "—"
        sign = "≤" if self.op == "<=" else "≥"
        return f"{sign} {_number(self.target)} {self.unit}".rstrip()

    def value_text(self) -> str:
        return f"{_number(self.value)} {self.unit}".rstrip()


def _number(value: float) -> str:
    if math.isnan(value):
        return "n/a"
    if value == int(value):
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


@dataclass
class Result:
    """Everything one benchmark run reports (one JSON file)."""

    name: str
    title: str
    figures: list[Figure]
    command: str = field(default_factory=command_line)
    notes: list[str] = field(default_factory=list)
    date: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))
    machine: dict[str, Any] = field(default_factory=machine)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for raw, figure in zip(data["figures"], self.figures, strict=True):
            raw["met"] = figure.met
            raw["target_text"] = figure.target_text()
            raw["value_text"] = figure.value_text()
            if math.isnan(figure.value):
                raw["value"] = None
        return data

    def print_table(self) -> None:
        print(f"\n{self.title}")
        width = max((len(f.label) for f in self.figures), default=10)
        for f in self.figures:
            verdict = {True: "met", False: "NOT MET", None: ""}[f.met]
            print(f"  {f.label:<{width}}  {f.value_text():>14}  {f.target_text():>12}  {verdict}")
            if f.detail:
                print(f"  {'':<{width}}  {f.detail}")
        for note in self.notes:
            print(f"  note: {note}")

    def write(self, directory: Path = RESULTS) -> Path:
        """Print the table and write ``<directory>/<name>.json``; returns the file's path."""
        self.print_table()
        directory.mkdir(parents=True, exist_ok=True)
        target = directory / f"{self.name}.json"
        target.write_text(json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n")
        print(f"  -> {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
        return target


def load_results(directory: Path = RESULTS) -> list[dict[str, Any]]:
    results = []
    for path in sorted(directory.glob("*.json")):
        results.append(json.loads(path.read_text()))
    return results
