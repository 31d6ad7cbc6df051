"""How fast the simulator serves getShippingLabel, and how fast ``station simulator`` starts.

    .venv/bin/python bench/simulator_labels.py [--clients 8] [--seconds 3] [--rounds 3]
                                               [--in-process] [--startups 5]

A benchmark, not a test (the issue's bar: 500 requests/s on loopback without errors with rate
limits off; start-up under 2 s). By default the simulator runs as ``station simulator
--no-rate-limits`` in its own process, as a trainer would start it, and N client threads here send
getShippingLabel over keep-alive connections (one httpx.Client each, RDT with a path template).
``--in-process`` starts it in this process instead, as the GUI's demo mode does (clients and
server then share one GIL).
"""

from __future__ import annotations

import argparse
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from common import Figure, Result, stats

V = "2021-12-28"
RPS_TARGET = 500.0
START_TARGET_S = 2.0
LABEL_PATH = f"/vendor/directFulfillment/shipping/{V}/shippingLabels/{{po}}"


def _spawn(extra: list[str]) -> tuple[subprocess.Popen[str], str, float]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "station", "simulator", "--port", "0", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    url = ""
    for line in process.stdout:
        found = re.search(r"listening on (http://\S+)", line)
        if found:
            url = found.group(1)
        if line.startswith("Press Ctrl+C"):
            break
    return process, url, time.perf_counter() - started


def _end(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stdout is not None:
        process.stdout.close()


@contextmanager
def simulator(in_process: bool) -> Iterator[str]:
    if in_process:
        from station.simulator.config import SimulatorConfig
        from station.simulator.server import SimulatorServer

        with SimulatorServer(SimulatorConfig(rate_limits=False, processing_delay=0)) as server:
            yield server.base_url
        return
    process, url, _ = _spawn(["--no-rate-limits", "--processing-delay", "0"])
    try:
        yield url
    finally:
        _end(process)


def _prepare(base_url: str) -> tuple[str, str]:
    """Log in, acknowledge a PO, create its label; return the PO and an RDT for labels."""
    with httpx.Client(base_url=base_url, timeout=30) as http:
        token = http.post(
            "/auth/o2/token",
            data={
                "grant_type": "refresh_token",
                "refresh_token": "r",
                "client_id": "c",
                "client_secret": "s",
            },
        ).json()["access_token"]
        orders = http.get("/_simulator/orders").json()
        po = orders["scannable"][0]
        rdt = http.post(
            "/tokens/2021-03-01/restrictedDataToken",
            headers={"x-amz-access-token": token},
            json={
                "restrictedResources": [
                    {
                        "method": "GET",
                        "path": f"/vendor/directFulfillment/orders/{V}/purchaseOrders/{po}",
                    },
                    {"method": "POST", "path": LABEL_PATH.format(po=po)},
                    {"method": "GET", "path": LABEL_PATH},
                ]
            },
        ).json()["restrictedDataToken"]
        order = http.get(
            f"/vendor/directFulfillment/orders/{V}/purchaseOrders/{po}",
            headers={"x-amz-access-token": rdt},
        ).json()
        detail = order["orderDetails"]
        parties = {
            "sellingParty": {"partyId": detail["sellingParty"]["partyId"]},
            "shipFromParty": {"partyId": detail["shipFromParty"]["partyId"]},
        }
        ack = http.post(
            f"/vendor/directFulfillment/orders/{V}/acknowledgements",
            headers={"x-amz-access-token": token},
            json={
                "orderAcknowledgements": [
                    {
                        "purchaseOrderNumber": po,
                        "vendorOrderNumber": "B1",
                        "acknowledgementDate": "2024-01-01T00:00:00Z",
                        "acknowledgementStatus": {"code": "00"},
                        **parties,
                        "itemAcknowledgements": [],
                    }
                ]
            },
        ).json()["transactionId"]
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            status = http.get(
                f"/vendor/directFulfillment/transactions/{V}/transactions/{ack}",
                headers={"x-amz-access-token": token},
            ).json()["transactionStatus"]["status"]
            if status != "Processing":
                break
            time.sleep(0.01)
        created = http.post(
            LABEL_PATH.format(po=po), headers={"x-amz-access-token": rdt}, json=parties
        )
        created.raise_for_status()
    return po, rdt


def _round(base_url: str, po: str, rdt: str, clients: int, seconds: float) -> tuple[int, int]:
    counts = [0] * clients
    errors = [0] * clients
    start = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def client(index: int) -> None:
        with httpx.Client(base_url=base_url, timeout=10) as http:
            headers = {"x-amz-access-token": rdt}
            http.get(LABEL_PATH.format(po=po), headers=headers)  # open the connection
            start.wait()
            while time.perf_counter() < stop_at[0]:
                try:
                    ok = http.get(LABEL_PATH.format(po=po), headers=headers).status_code == 200
                except httpx.HTTPError:
                    ok = False
                counts[index] += 1
                errors[index] += not ok

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    stop_at[0] = time.perf_counter() + seconds + 3600  # placeholder until all are connected
    start.wait()
    stop_at[0] = time.perf_counter() + seconds
    for thread in threads:
        thread.join()
    return sum(counts), sum(errors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--startups", type=int, default=5)
    parser.add_argument("--in-process", action="store_true")
    args = parser.parse_args()

    startups = []
    for _ in range(args.startups):
        process, _url, elapsed = _spawn([])
        _end(process)
        startups.append(elapsed)
    figures = []
    if startups:
        print(
            f"station simulator start-up: median {statistics.median(startups):.2f} s "
            f"(min {min(startups):.2f}, max {max(startups):.2f}, n={len(startups)})"
        )
        start = stats(startups)
        figures.append(
            Figure(
                "simulator.startup",
                "`station simulator` start-up",
                start.median,
                "s",
                START_TARGET_S,
                detail=start.spread("s", 2),
            )
        )

    with simulator(args.in_process) as base_url:
        po, rdt = _prepare(base_url)
        rates, total_errors = [], 0
        for _ in range(args.rounds):
            count, errors = _round(base_url, po, rdt, args.clients, args.seconds)
            rates.append(count / args.seconds)
            total_errors += errors
    where = "in-process" if args.in_process else "separate process"
    print(
        f"getShippingLabel ({where}, {args.clients} keep-alive clients): median "
        f"{statistics.median(rates):.0f} req/s (min {min(rates):.0f}, max {max(rates):.0f}, "
        f"{args.rounds} rounds of {args.seconds:g} s), errors {total_errors}"
    )
    rate = stats(rates)
    figures += [
        Figure(
            "simulator.label_rps",
            f"simulator getShippingLabel throughput ({where})",
            rate.median,
            "req/s",
            RPS_TARGET,
            op=">=",
            detail=f"{args.clients} keep-alive clients, {args.rounds} rounds of "
            f"{args.seconds:g} s; " + rate.spread("req/s", 0),
        ),
        Figure("simulator.label_errors", "simulator errors under that load", total_errors, "", 0),
    ]
    Result("simulator_labels", "Simulator on loopback (rate limits off)", figures).write()
    return 0 if total_errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
