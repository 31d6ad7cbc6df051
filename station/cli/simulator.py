"""``station simulator``: the Vendor DF simulator on loopback, until Ctrl+C.

Imports stay light (no Pillow, no fpdf2 until a document is asked for) so the command is serving
within a fraction of a second.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from station.cli.exit_codes import EXIT_OK


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: any free port)")
    parser.add_argument("--seed", type=int, default=1, help="order book seed (default 1)")
    parser.add_argument("--orders", type=int, default=24, help="number of orders (default 24)")
    parser.add_argument(
        "--latency-ms", type=int, default=0, help="added latency per API request, in ms"
    )
    parser.add_argument(
        "--fault-rate",
        type=float,
        default=0.0,
        help="probability of a 5xx answer per API request (0..1)",
    )
    parser.add_argument("--throttle-rate", type=float, default=0.0, help="probability of a 429")
    parser.add_argument(
        "--drop-rate", type=float, default=0.0, help="probability of a dropped connection"
    )
    parser.add_argument(
        "--malformed-rate", type=float, default=0.0, help="probability of a broken JSON body"
    )
    parser.add_argument(
        "--stall-rate", type=float, default=0.0, help="probability of a request left unanswered"
    )
    parser.add_argument(
        "--stall-seconds", type=float, default=30.0, help="how long a stalled request hangs"
    )
    parser.add_argument("--fault-seed", type=int, default=0, help="seed of the fault generator")
    parser.add_argument(
        "--processing-delay",
        type=float,
        default=0.2,
        help="seconds a submitted transaction stays Processing (default 0.2)",
    )
    parser.add_argument(
        "--no-rate-limits", action="store_true", help="turn off the per-operation usage plans"
    )
    parser.add_argument(
        "--static-sandbox",
        action="store_true",
        help="answer like Amazon's static sandbox, from the models in --models",
    )
    parser.add_argument(
        "--models", type=Path, metavar="DIR", help="folder of Amazon's SP-API model JSON files"
    )


def run(args: argparse.Namespace) -> int:
    from station.simulator.config import FaultConfig, SimulatorConfig
    from station.simulator.server import SimulatorServer

    config = SimulatorConfig(
        host=args.host,
        port=args.port,
        seed=args.seed,
        orders=args.orders,
        processing_delay=args.processing_delay,
        rate_limits=not args.no_rate_limits,
        faults=FaultConfig(
            latency_ms=args.latency_ms,
            error_rate=args.fault_rate,
            throttle_rate=args.throttle_rate,
            drop_rate=args.drop_rate,
            malformed_rate=args.malformed_rate,
            stall_rate=args.stall_rate,
            stall_seconds=args.stall_seconds,
            seed=args.fault_seed,
        ),
        static_sandbox=args.static_sandbox,
        models_dir=args.models,
    )
    server = SimulatorServer(config)
    url = server.start()
    # Its own process: load the drawing libraries now, so the first label and slip answer as
    # fast as the rest (nothing else shares this interpreter to be stalled by it).
    threading.Thread(target=server.warm_up_documents, name="documents", daemon=True).start()
    try:
        mode = "static sandbox" if config.static_sandbox else f"seed {config.seed}"
        print(f"Vendor DF simulator ({mode}) listening on {url}")
        print("Point the station at it:")
        print(f"  STATION_SPAPI_URL={url}")
        print(f"  STATION_LWA_URL={server.lwa_url}")
        print("Any LWA client id, client secret and refresh token are accepted.")
        if not config.static_sandbox:
            print("Scannable PO numbers: " + " ".join(server.scannable_pos(5)))
            print(f"Orders and their states: {url}/_simulator/orders")
        print("Press Ctrl+C to stop.", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        print("Simulator stopped.", file=sys.stderr)
    finally:
        server.stop()
    return EXIT_OK
