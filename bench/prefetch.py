"""Shift preparation of a big day against the simulator, compared with what Amazon's quotas allow.

    .venv/bin/python bench/prefetch.py [--orders 2000] [--api-version v1|2021-12-28]
                                       [--processing-delay 0.2] [--instant-documents]

A benchmark, not a test. The simulator (``SimulatorConfig(orders=N, rate_limits=True)``) runs in
this process, the station prefetches every order with ``--acknowledge`` semantics (the
simulator, like Amazon, refuses labels for unacknowledged orders), then runs again (the second
run must be a no-op).

The floor: every request the run made is counted per operation; with Amazon's documented usage
plans — each DF operation 10 requests/s with a burst of 10, createRestrictedDataToken 1/s with a
burst of 10 — ``n`` calls of one operation need at least ``max(0, n - burst) / rate`` seconds. The
phases depend on each other (orders → acknowledgements → label requests → label listing), so the
floor of this plan is the sum over operations. For comparison the script also prints the floor of
the naive plan (one getShippingLabel/getPackingSlip per PO and four RDT resources per PO).

The simulator renders every PNG label and PDF slip on first request (a fifth of a second for a
PDF); Amazon does that on its own machines. The time spent rendering is measured and shown, and
the ratio is given both with and without it (approximately: the simulator shares this process's
GIL). ``--instant-documents`` takes the simulator's rendering out of the picture: PDFs become
placeholders and every label re-uses one really rendered label of its format (the station still
decodes and checks each one), so the run measures the station against the quotas alone.
"""

from __future__ import annotations

import argparse
import base64
import math
import os
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from common import Figure, Result

from station.config import Settings
from station.paths import StationPaths
from station.runtime import RuntimeOptions, build_runtime, demo_settings
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from station.workflow.prefetch import PrefetchOptions, ShiftPreparation

DF_RATE, DF_BURST = 10.0, 10
TOKENS_RATE, TOKENS_BURST = 1.0, 10
TOKENS = "createRestrictedDataToken"
TARGET_RATIO = 1.1


class TimedRenderer:
    """Wraps the simulator's renderer to measure the seconds spent rendering documents."""

    def __init__(self, real: Any, *, instant: bool) -> None:
        self.real = real
        self.instant = instant
        self.seconds = 0.0
        self._lock = threading.Lock()
        self._templates: dict[str, bytes] = {}

    def _timed(self, render: Any, spec: Any) -> bytes:
        started = time.perf_counter()
        try:
            return bytes(render(spec))
        finally:
            with self._lock:
                self.seconds += time.perf_counter() - started

    def _label(self, kind: str, render: Any, spec: Any) -> bytes:
        if not self.instant:
            return self._timed(render, spec)
        with self._lock:
            found = self._templates.get(kind)
        if found is None:
            found = self._timed(render, spec)
            with self._lock:
                self._templates[kind] = found
        return found

    def label_png(self, spec: Any) -> bytes:
        return self._label("png", self.real.label_png, spec)

    def label_zpl(self, spec: Any) -> bytes:
        return self._label("zpl", self.real.label_zpl, spec)

    def packing_slip_pdf(self, spec: Any) -> bytes:
        if self.instant:
            return b"%PDF-1.4 slip " + str(spec.purchase_order_number).encode()
        return self._timed(self.real.packing_slip_pdf, spec)

    def customer_invoice_pdf(self, spec: Any) -> bytes:
        if self.instant:
            return b"%PDF-1.4 invoice " + str(spec.purchase_order_number).encode()
        return self._timed(self.real.customer_invoice_pdf, spec)


def floor_seconds(counts: Counter[str]) -> float:
    total = 0.0
    for operation, n in counts.items():
        rate, burst = (TOKENS_RATE, TOKENS_BURST) if operation == TOKENS else (DF_RATE, DF_BURST)
        total += max(0, n - burst) / rate
    return total


def naive_floor(orders: int, slips: int, invoices: int) -> float:
    """One GET per document and per-PO RDTs (order, label, slip, invoice: 4 resources per PO)."""
    naive = Counter(
        {
            "getShippingLabel": orders,
            "getPackingSlip": slips,
            "getCustomerInvoice": invoices,
            TOKENS: math.ceil(4 * orders / 50),
        }
    )
    return floor_seconds(naive)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--api-version", choices=("v1", "2021-12-28"), default="v1")
    parser.add_argument("--processing-delay", type=float, default=0.2)
    parser.add_argument("--instant-documents", action="store_true")
    args = parser.parse_args()

    config = SimulatorConfig(
        orders=args.orders, rate_limits=True, processing_delay=args.processing_delay
    )
    with tempfile.TemporaryDirectory() as scratch, SimulatorServer(config) as server:
        renderer = TimedRenderer(server.state.documents.renderer, instant=args.instant_documents)
        server.state.documents.renderer = renderer
        settings = demo_settings(
            Settings.model_validate({"api_version": args.api_version}), Path(scratch) / "printers"
        )
        environ = {
            "STATION_SPAPI_URL": server.base_url,
            "STATION_LWA_URL": server.lwa_url,
            "STATION_DATA_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
        }
        options = RuntimeOptions(
            settings=settings, paths=StationPaths.under(Path(scratch)), environ=environ
        )
        with build_runtime(options) as runtime:
            counts: Counter[str] = Counter()
            limiter = runtime.api.http.rate_limiter
            acquire = limiter.acquire
            lock = threading.Lock()

            def counting(operation: str) -> float:
                with lock:
                    counts[operation] += 1
                return acquire(operation)

            limiter.acquire = counting  # type: ignore[method-assign]
            preparation = ShiftPreparation(
                runtime.gateway, runtime.documents, runtime.settings, journal=runtime.journal
            )
            started = time.perf_counter()
            report = preparation.run(PrefetchOptions(acknowledge=True))
            wall = time.perf_counter() - started
            first_counts = Counter(counts)
            again_started = time.perf_counter()
            again = preparation.run(PrefetchOptions(acknowledge=True))
            again_wall = time.perf_counter() - again_started

    book = list(server.state.orders.values())
    slips = sum(o.is_pslip_required for o in book)
    invoices = sum(o.has_customer_invoice for o in book)
    floor = floor_seconds(first_counts)
    print(f"orders: {args.orders} ({slips} need a packing slip, {invoices} an invoice)")
    print(f"first run:  {report.summary()}; {report.tokens_calls} Tokens calls")
    print(f"second run: {again.summary()} ({again_wall:.1f} s)")
    print("requests per operation:")
    for operation, n in sorted(first_counts.items()):
        print(f"  {operation:<32} {n:>5}")
    print(f"wall time:                         {wall:8.1f} s")
    print(f"  of which the simulator rendered  {renderer.seconds:8.1f} s")
    print(f"floor of this plan (quotas):       {floor:8.1f} s")
    print(f"floor of the per-PO plan:          {naive_floor(len(book), slips, invoices):8.1f} s")
    if floor > 0:
        print(f"ratio wall / floor:                {wall / floor:8.2f}x")
        print(f"ratio (wall - rendering) / floor:  {(wall - renderer.seconds) / floor:8.2f}x")
    print(f"target: <= {TARGET_RATIO}x the floor")
    rendering = (
        "simulator documents: instant stand-ins"
        if args.instant_documents
        else (f"the simulator rendered for {renderer.seconds:.1f} s of it")
    )
    figures = [
        Figure(
            "prefetch.ratio_to_floor",
            f"shift prefetch of {args.orders} orders / rate-limit floor",
            wall / floor if floor > 0 else float("nan"),
            "×",
            TARGET_RATIO,
            detail=f"wall {wall:.1f} s, floor {floor:.1f} s ({rendering}); "
            f"{report.summary()}; second run {again_wall:.1f} s",
        ),
        Figure("prefetch.wall", f"shift prefetch of {args.orders} orders, wall time", wall, "s"),
        Figure("prefetch.floor", "floor the documented quotas allow for that plan", floor, "s"),
        Figure(
            "prefetch.naive_floor",
            "floor of the naive per-PO plan (for comparison)",
            naive_floor(len(book), slips, invoices),
            "s",
        ),
    ]
    if not args.instant_documents and floor > 0:
        figures.insert(
            1,
            Figure(
                "prefetch.ratio_without_rendering",
                "shift prefetch (wall − simulator rendering) / floor",
                (wall - renderer.seconds) / floor,
                "×",
            ),
        )
    Result("prefetch", "Shift prefetch against Amazon's quotas", figures).write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
