"""Warehouse mode: benches of one site packing a shift against the simulator with Amazon's quotas.

    .venv/bin/python bench/site.py [--benches 8] [--orders 2000] [--lease 120]

A benchmark, not a test. A throw-away PostgreSQL cluster (tests/helpers/postgres.py) and the
simulator with Amazon's documented quotas (``rate_limits=True``) run on this machine; each bench is
a full station (its own journal, printers to files, the site database shared) on its own thread,
taking POs from one shared list: scan (claim), cartons (label request), print, confirm. Every PO
is also scanned by a second bench while the first packs it, as happens on a busy floor; that
scan must be refused by the claim. Reported: the 429s Amazon (the simulator) answered, the claim
latency (the site round trip a scan pays before anything else), the shipments confirmed once.

Benches are threads of one process sharing the GIL on a 2-core machine, not eight PCs: the
figures measure the site database and the quota, not the PCs. The simulator renders labels on
its own threads too (``--instant-documents`` reuses one rendered label per format, as
bench/prefetch.py does).
"""

from __future__ import annotations

import argparse
import base64
import os
import queue
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from common import Figure, Result, stats
from prefetch import TimedRenderer

from station.config import Settings
from station.errors import ClaimedElsewhereError, StationError
from station.paths import StationPaths
from station.runtime import RuntimeOptions, build_runtime, demo_settings
from station.secrets import MemorySecretStore
from station.simulator.api import ApiRequest, ApiResponse
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from station.site.db import PASSWORD_KEY_NAME
from station.workflow.acknowledgements import Acknowledger
from station.workflow.containers import parse_box_spec
from tests.helpers.postgres import PgCluster, unavailable_reason

PASSWORD = "bench-password"  # a throw-away cluster's role
BOX = parse_box_spec("12x8x4in:1.5lb")
TARGET_429 = 0
TARGET_CLAIM_P95_MS = 20.0


class Counting:
    def __init__(self, server: SimulatorServer) -> None:
        self.throttled = 0
        self.requests = 0
        self._lock = threading.Lock()
        original = server.api

        def api(request: ApiRequest) -> ApiResponse:
            response = original(request)
            with self._lock:
                self.requests += 1
                if response.status == 429:
                    self.throttled += 1
            return response

        server.api = api  # type: ignore[method-assign]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--benches", type=int, default=8)
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--instant-documents", action="store_true")
    args = parser.parse_args()
    reason = unavailable_reason()
    if reason:
        print(f"cannot run: {reason}")
        return 1

    cluster = PgCluster().start()
    cluster.psql(f"CREATE ROLE packing LOGIN PASSWORD '{PASSWORD}'")
    cluster.psql("CREATE DATABASE station OWNER packing")
    url = cluster.url("station", "packing")
    config = SimulatorConfig(orders=args.orders, rate_limits=True, processing_delay=0.2)
    try:
        with tempfile.TemporaryDirectory() as scratch, SimulatorServer(config) as server:
            server.state.documents.renderer = TimedRenderer(
                server.state.documents.renderer, instant=args.instant_documents
            )
            return _run(args, Path(scratch), server, url)
    finally:
        cluster.destroy()


def _run(args: argparse.Namespace, scratch: Path, server: SimulatorServer, url: str) -> int:
    counting = Counting(server)
    data_key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    runtimes = []
    for n in range(1, args.benches + 1):
        base = Settings.model_validate(
            {"station_id": f"pack-{n:02d}", "bench": str(n), "journal_url": url}
        )
        settings = demo_settings(base, scratch / f"printers-{n}")
        runtime = build_runtime(
            RuntimeOptions(
                settings=settings,
                paths=StationPaths.under(scratch / f"bench{n}"),
                environ={
                    "STATION_SPAPI_URL": server.base_url,
                    "STATION_LWA_URL": server.lwa_url,
                    "STATION_DATA_KEY": data_key,
                },
                secret_store=MemorySecretStore({PASSWORD_KEY_NAME: PASSWORD}),
            )
        )
        runtimes.append(runtime)
    pos = [
        str(o.purchase_order_number)
        for o in server.state.orders.values()
        if o.kind == "random" and o.region == "NA" and not o.warehouse.voc
    ]
    print(f"{len(pos)} plain POs, {args.benches} benches; acknowledging them first…")
    gateway = runtimes[0].gateway
    Acknowledger(gateway, runtimes[0].settings, poll_interval=0.2).acknowledge(
        [gateway.get_order(po) for po in pos]
    )

    claim_ms: list[float] = []
    refused = 0
    failed: list[str] = []
    lock = threading.Lock()
    work: queue.Queue[str] = queue.Queue()
    for po in pos:
        work.put(po)

    def timed_claims(runtime: Any) -> None:
        claims = runtime.site.claims
        real = claims.claim

        def claim(po: str) -> None:
            started = time.perf_counter()
            try:
                real(po)
            finally:
                with lock:
                    claim_ms.append((time.perf_counter() - started) * 1000)

        claims.claim = claim

    workers = []
    for runtime in runtimes:
        timed_claims(runtime)
        worker = runtime.outbox_worker()
        worker.start()
        workers.append(worker)

    def bench(index: int) -> None:
        nonlocal refused
        engine = runtimes[index].engine()
        neighbour = runtimes[(index + 1) % len(runtimes)].engine()
        while True:
            try:
                po = work.get_nowait()
            except queue.Empty:
                return
            try:
                session = engine.scan_po(po)
                try:
                    neighbour.scan_po(po)  # a second bench scans the same box
                except ClaimedElsewhereError:
                    with lock:
                        refused += 1
                engine.set_boxes(session, [BOX])
                engine.confirm(session)
            except StationError as exc:
                with lock:
                    failed.append(f"{po}: {exc.message}")

    started = time.perf_counter()
    threads = [threading.Thread(target=bench, args=(i,)) for i in range(len(runtimes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    packed = time.perf_counter() - started
    for worker in workers:
        worker.flush(600)
    site = runtimes[0].site
    assert site is not None
    worker = site.site_worker
    if worker is not None:
        worker.flush(600)
    wall = time.perf_counter() - started
    accepted = duplicates = 0
    with httpx.Client(base_url=server.base_url, timeout=30) as admin:
        for po in pos:  # the simulator's own record of what it received: the oracle
            record = admin.get("/_simulator/record", params={"po": po}).json()["orders"][po]
            ok = [c for c in record["confirmations"] if c["outcome"] == "accepted"]
            accepted += len(ok) == 1
            duplicates += len(record["confirmations"]) > 1
    for runtime in runtimes:
        runtime.close()

    claim = stats(claim_ms)
    figures = [
        Figure(
            "site.throttled",
            f"429 answers while {args.benches} benches packed {len(pos)} POs",
            counting.throttled,
            "",
            TARGET_429,
            detail=f"{counting.requests} API requests in all",
        ),
        Figure(
            "site.claim_p95",
            "claim latency p95 (scan → site claim recorded)",
            claim.p95,
            "ms",
            TARGET_CLAIM_P95_MS,
            detail=claim.spread(),
        ),
        Figure(
            "site.shipped",
            "POs confirmed (each once)",
            accepted,
            "",
            float(len(pos)),
            op=">=",
            detail=f"{duplicates} POs with more than one confirmation sent; "
            f"{refused} second-bench scans refused by the claim; {len(failed)} failed",
        ),
        Figure(
            "site.wall",
            "shift wall time (packing, then the outbox drained)",
            wall,
            "s",
            detail=f"packing {packed:.1f} s",
        ),
    ]
    notes = [
        f"{args.benches} benches are threads of one process on this machine (shared GIL), "
        "not separate PCs.",
        "Site prefetch (one shared, encrypted cache for the site) is not built yet: no "
        "site prefetch / quota floor figure.",
    ]
    if failed:
        notes.append("first failures: " + "; ".join(failed[:3]))
    Result(
        "site", "Warehouse mode: benches of one site against Amazon's quotas", figures, notes=notes
    ).write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
