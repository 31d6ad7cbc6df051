"""Scan-to-spool: from a PO scan to its label and slip jobs handed to the (file) printers.

    .venv/bin/python bench/scan_to_spool.py [--scans 25] [--interval 3.1] [--latency-ms 300]

Measured at the ENGINE level: the clock starts when ``PackingEngine.scan_po`` is called (what the
GUI's worker does right after the scanner's terminating keystroke; the GUI's own hop from the key
event to the worker is measured by bench/gui_stall.py) and stops when the engine has reported the
label(s) and the packing slip printed (``DocumentPrinted``: the job file is complete in the file
printer's folder). Only POs that need a packing slip are scanned, so every sample holds both jobs.

Two cases, each on a fresh station (own journal and document cache) against one simulator whose
labels already exist at Amazon (an earlier shift preparation by another station requested them):

* ``latency 0``: no prefetch; every scan looks the order, the label and the slip up over loopback.
  Target p50 ≤ 60 ms, p95 ≤ 120 ms.
* ``latency 300 ms, prefetch on``: the station prepared the shift first (``ShiftPreparation``,
  as ``station prefetch`` does); every API answer then takes 300 ms. Target p95 ≤ 120 ms: no
  network on the scan path.

Without prefetch, scans are spaced by ``--interval`` seconds (default 3.1 s; a packer scans every
10-60 s). A cold scan creates three Restricted Data Tokens (order, label, slip) and Amazon allows
createRestrictedDataToken 1/s (burst 10): scanning faster than one PO per 3 s empties that bucket
and the client then paces each scan by ~2 s, a throughput limit rather than a latency one (shown
with ``--interval 1``). Prefetched scans use no token and are spaced 0.1 s.
"""

from __future__ import annotations

import argparse
import base64
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from common import Figure, Result, ms, stats

from station.config import Settings
from station.paths import StationPaths
from station.runtime import Runtime, RuntimeOptions, build_runtime, demo_settings
from station.simulator.config import FaultConfig, SimulatorConfig
from station.simulator.server import SimulatorServer
from station.workflow.events import DocumentKind, DocumentPrinted, Event, FlowFailed
from station.workflow.prefetch import PrefetchOptions, ShiftPreparation

P50_TARGET_MS = 60.0
P95_TARGET_MS = 120.0


@contextmanager
def station(server: SimulatorServer, scratch: Path, name: str) -> Iterator[Runtime]:
    settings = demo_settings(Settings(station_id=name), scratch / name / "printers")
    environ = {
        "STATION_SPAPI_URL": server.base_url,
        "STATION_LWA_URL": server.lwa_url,
        "STATION_DATA_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
    }
    options = RuntimeOptions(
        settings=settings, paths=StationPaths.under(scratch / name), environ=environ
    )
    with build_runtime(options) as runtime:
        yield runtime


def prepare(runtime: Runtime) -> None:
    preparation = ShiftPreparation(
        runtime.gateway, runtime.documents, runtime.settings, journal=runtime.journal
    )
    report = preparation.run(PrefetchOptions(acknowledge=True))
    if report.failed:
        print(f"  shift preparation: {len(report.failed)} PO(s) failed, e.g. {report.failed}")


def scan_times(runtime: Runtime, pos: list[str], interval: float) -> list[float]:
    """Seconds from scan_po to the last of label+slip printed, one sample per PO."""
    engine = runtime.engine()
    printed: dict[str, set[DocumentKind]] = {}
    finished: dict[str, float] = {}
    failures: list[str] = []

    def listen(event: Event) -> None:
        if isinstance(event, DocumentPrinted):
            kinds = printed.setdefault(event.purchase_order_number or "", set())
            kinds.add(event.document)
            if {DocumentKind.LABEL, DocumentKind.SLIP} <= kinds:
                finished.setdefault(event.purchase_order_number or "", time.perf_counter())
        elif isinstance(event, FlowFailed):
            failures.append(f"{event.purchase_order_number}: {event.error}")

    engine.add_listener(listen)
    samples = []
    pause = threading.Event()
    for po in pos:
        started = time.perf_counter()
        session = engine.scan_po(po)
        if po not in finished:
            failures.append(f"{po}: not printed (step {session.step.value})")
            continue
        samples.append(finished[po] - started)
        pause.wait(interval)
    if failures:
        print(f"  {len(failures)} scan(s) did not print both jobs: {failures[:3]}")
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=25)
    parser.add_argument("--interval", type=float, default=3.1)
    parser.add_argument("--latency-ms", type=int, default=300)
    args = parser.parse_args()

    config = SimulatorConfig(seed=7, orders=240, processing_delay=0, rate_limits=False)
    with (
        tempfile.TemporaryDirectory(prefix="bench-spool-") as tmp,
        SimulatorServer(config) as server,
    ):
        scratch = Path(tmp)
        with station(server, scratch, "preparer") as preparer:
            prepare(preparer)  # labels now exist at Amazon; the simulator drew every document
        pos = [
            o["purchaseOrderNumber"]
            for o in server.state.summary()
            if o["hasLabel"] and o["isPslipRequired"] and o["status"] == "ACCEPTED"
        ]
        if len(pos) < 2 * args.scans:
            print(f"  only {len(pos)} POs with a label and a slip; scans per case reduced")
        per_case = min(args.scans, len(pos) // 2)
        with station(server, scratch, "desk-cold") as cold:
            cold.engine().scan_po(pos[-1])  # warm-up: imports, connection, login, fonts
            latency0 = ms(scan_times(cold, pos[:per_case], args.interval))
        with station(server, scratch, "desk-prefetched") as warm:
            prepare(warm)
            server.set_faults(FaultConfig(latency_ms=args.latency_ms))
            warm.engine().scan_po(pos[-2])
            prefetched = ms(scan_times(warm, pos[per_case : 2 * per_case], 0.1))
            server.set_faults(FaultConfig())

    s0, s1 = stats(latency0), stats(prefetched)
    result = Result(
        name="scan_to_spool",
        title="Scan-to-spool (engine level: scan_po call → label and slip jobs written)",
        figures=[
            Figure(
                "scan_to_spool.latency0.p50",
                "scan-to-spool p50, API latency 0, no prefetch",
                s0.p50,
                "ms",
                P50_TARGET_MS,
                detail=s0.spread(),
            ),
            Figure(
                "scan_to_spool.latency0.p95",
                "scan-to-spool p95, API latency 0, no prefetch",
                s0.p95,
                "ms",
                P95_TARGET_MS,
            ),
            Figure(
                "scan_to_spool.prefetch.p95",
                f"scan-to-spool p95, API latency {args.latency_ms} ms, prefetched",
                s1.p95,
                "ms",
                P95_TARGET_MS,
                detail=s1.spread(),
            ),
            Figure(
                "scan_to_spool.prefetch.p50",
                f"scan-to-spool p50, API latency {args.latency_ms} ms, prefetched",
                s1.p50,
                "ms",
            ),
        ],
        notes=[
            "Measured at the engine level (PackingEngine.scan_po), file printers, real "
            "simulator documents (PNG/ZPL labels, PDF slips); cold scans spaced "
            f"{args.interval:g} s apart (see the script's docstring for why).",
        ],
    )
    result.write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
