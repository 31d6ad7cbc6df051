"""Client overhead: 1,000 getShippingLabel calls on loopback with the station's SP-API client, with
plain httpx doing the same requests, and with python-amazon-sp-api doing the same calls.

    .venv/bin/python bench/client_overhead.py [--calls 1000] [--rounds 3] [--no-compare]

All three send ``GET /vendor/directFulfillment/shipping/2021-12-28/shippingLabels/{po}`` to one
``station simulator --no-rate-limits`` running in its own process (so the server's work does not
share the clients' GIL), one keep-alive connection each, with a Restricted Data Token obtained
once, and decode the JSON answer. The station's client also validates it into its typed model
(what the product needs); its client-side pacing under Amazon's quotas is switched off
(``rate_limiting=False``) since it measures the client, not the quota. Rounds alternate between
clients; each figure is the median round. Target: station ≤ 1.25× plain httpx.

python-amazon-sp-api is installed ONLY in ``bench/.venv-compare`` (gitignored; created on the first
run: ``python3 -m venv bench/.venv-compare && bench/.venv-compare/bin/pip install
python-amazon-sp-api``) and runs there (bench/client_compare_child.py), with a plain-httpx baseline
measured in that same environment for a like-for-like ratio.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import httpx
from common import BENCH, Figure, Result, stats
from simulator_labels import _end, _prepare, _spawn

from station.secrets import LwaCredentials
from station.spapi.client import build_client

TARGET_RATIO = 1.25
COMPARE_VENV = BENCH / ".venv-compare"
V = "2021-12-28"


def compare_python() -> Path | None:
    python = COMPARE_VENV / "bin" / "python"
    if python.exists():
        return python
    print("creating bench/.venv-compare with python-amazon-sp-api (first run only)…")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(COMPARE_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "python-amazon-sp-api"], check=True
        )
    except subprocess.CalledProcessError as exc:
        print(f"could not create the comparison environment: {exc}")
        return None
    return python


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-compare", action="store_true", help="skip python-amazon-sp-api")
    args = parser.parse_args()

    process, url, _ = _spawn(["--no-rate-limits", "--processing-delay", "0"])
    notes: list[str] = []
    try:
        po, rdt = _prepare(url)
        path = f"/vendor/directFulfillment/shipping/{V}/shippingLabels/{po}"
        environ = {"STATION_SPAPI_URL": url, "STATION_LWA_URL": url + "/auth/o2/token"}
        api = build_client(
            LwaCredentials(client_id="c", client_secret="s", refresh_token="r"),
            environ=environ,
            rate_limiting=False,
        )
        plain = httpx.Client(base_url=url, timeout=30)

        def station_call() -> None:
            label = api.shipping_2021.get_shipping_label(po)
            assert label.purchase_order_number == po

        def httpx_call() -> None:
            response = plain.get(path, headers={"x-amz-access-token": rdt})
            response.raise_for_status()
            assert response.json()["purchaseOrderNumber"] == po

        times: dict[str, list[float]] = {"station": [], "httpx": []}
        station_call()  # warm-up: login, its own RDT (one call), the connection
        httpx_call()
        for _ in range(args.rounds):
            for name, call in (("station", station_call), ("httpx", httpx_call)):
                started = time.perf_counter()
                for _ in range(args.calls):
                    call()
                times[name].append(time.perf_counter() - started)
        plain.close()
        api.close()

        other: dict[str, object] | None = None
        python = None if args.no_compare else compare_python()
        if python is not None:
            child = subprocess.run(
                [str(python), str(BENCH / "client_compare_child.py"), url, po, rdt,
                 str(args.calls), str(args.rounds)],
                capture_output=True, text=True, timeout=1800,
            )  # fmt: skip
            if child.returncode == 0:
                other = json.loads(child.stdout.strip().splitlines()[-1])
            else:
                notes.append(
                    "python-amazon-sp-api could not be run against the simulator: "
                    + (child.stderr.strip().splitlines() or ["no output"])[-1]
                )
        elif not args.no_compare:
            notes.append("python-amazon-sp-api: the comparison environment could not be created")
    finally:
        _end(process)

    per_call = {name: stats([t / args.calls * 1e6 for t in ts]) for name, ts in times.items()}
    station_us, httpx_us = per_call["station"].median, per_call["httpx"].median
    figures = [
        Figure(
            "client.station_vs_httpx",
            "station client / plain httpx (getShippingLabel)",
            station_us / httpx_us,
            "×",
            TARGET_RATIO,
            detail=f"station {per_call['station'].spread('µs/call', 0)}; "
            f"httpx {per_call['httpx'].spread('µs/call', 0)}; {args.calls} calls per round",
        ),
        Figure("client.station_us", "station client per call", station_us, "µs"),
        Figure("client.httpx_us", "plain httpx per call", httpx_us, "µs"),
    ]
    if other is not None:
        lib = stats([t / args.calls * 1e6 for t in other["library"]])  # type: ignore[attr-defined]
        base = stats([t / args.calls * 1e6 for t in other["httpx"]])  # type: ignore[attr-defined]
        figures += [
            Figure(
                "client.spapi_lib_vs_httpx",
                f"python-amazon-sp-api {other['version']} / plain httpx (its venv)",
                lib.median / base.median,
                "×",
                detail=f"library {lib.spread('µs/call', 0)}; httpx {base.spread('µs/call', 0)}",
            ),
            Figure(
                "client.station_vs_spapi_lib",
                "station client / python-amazon-sp-api",
                (station_us / httpx_us) / (lib.median / base.median),
                "×",
                detail="ratio of the two overheads over plain httpx, each measured in its own "
                "environment (absolute µs of the two venvs differ little: same httpx "
                f"{other['httpx_version']})",
            ),
        ]
    result = Result(
        name="client_overhead",
        title=f"Client overhead: {args.calls} getShippingLabel calls on loopback",
        figures=figures,
        notes=notes,
    )
    result.write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
