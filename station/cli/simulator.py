"""``station simulator``: the Vendor DF simulator on loopback, until Ctrl+C.

Imports stay light (no Pillow, no fpdf2 until a document is asked for) so the command is serving
within a fraction of a second.
"""

from __future__ import annotations

import argparse
import ipaddress
import signal
import sys
import threading
from pathlib import Path

from station.cli.argtypes import integer, rate, seconds
from station.cli.errors import UsageError
from station.cli.exit_codes import EXIT_OK
from station.errors import StationError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on: loopback (127.0.0.1, ::1, localhost) unless --allow-remote",
    )
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host other computers can reach (the simulator accepts any credentials)",
    )
    parser.add_argument(
        "--port", type=integer(0, 65535), default=0, help="TCP port (default 0: any free port)"
    )
    parser.add_argument("--seed", type=integer(0, 2**31), default=1, help="order book seed (1)")
    parser.add_argument(
        "--orders", type=integer(1, 100_000), default=24, help="number of orders (default 24)"
    )
    parser.add_argument(
        "--latency-ms",
        type=integer(0, 600_000),
        default=0,
        help="added latency per API request, in ms",
    )
    parser.add_argument(
        "--fault-rate", type=rate, default=0.0, help="probability of a 5xx answer (0..1)"
    )
    parser.add_argument("--throttle-rate", type=rate, default=0.0, help="probability of a 429")
    parser.add_argument(
        "--drop-rate", type=rate, default=0.0, help="probability of a dropped connection"
    )
    parser.add_argument(
        "--malformed-rate", type=rate, default=0.0, help="probability of a broken JSON body"
    )
    parser.add_argument(
        "--stall-rate", type=rate, default=0.0, help="probability of a request left unanswered"
    )
    parser.add_argument(
        "--stall-seconds",
        type=seconds(3600),
        default=30.0,
        help="how long a stalled request hangs",
    )
    parser.add_argument(
        "--fault-seed", type=integer(0, 2**31), default=0, help="seed of the fault generator"
    )
    parser.add_argument(
        "--processing-delay",
        type=seconds(3600),
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


_LOOPBACK_NAMES = ("localhost",)


def _is_loopback(host: str) -> bool:
    if host.strip().lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    from station.simulator.config import FaultConfig, SimulatorConfig
    from station.simulator.server import SimulatorServer

    if not _is_loopback(args.host):
        if not args.allow_remote:
            raise UsageError(
                f"--host {args.host} is not a loopback address: other computers could reach the "
                "simulator, which accepts any credentials",
                hint="Leave out --host (it listens on 127.0.0.1), or add --allow-remote if other "
                "computers must reach it.",
            )
        print(
            f"station: warning: the simulator listens on {args.host}; anyone who can reach it "
            "can act as Amazon for the stations pointed at it.",
            file=sys.stderr,
        )

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
    try:
        url = server.start()
    except OSError as exc:
        raise StationError(
            f"The simulator cannot listen on {args.host} port {args.port}: {exc.strerror or exc}",
            hint="Use --host 127.0.0.1 and --port 0 (any free port), or a port that is free.",
        ) from None
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
        if sys.platform == "win32":
            # Scripts stop a console child on Windows with Ctrl+Break (CTRL_BREAK_EVENT, the only
            # event that reaches a process group): stop the same way as on Ctrl+C.
            signal.signal(signal.SIGBREAK, _interrupt)
        # Waiting in slices: on Windows a wait without a timeout cannot be interrupted by Ctrl+C.
        stop = threading.Event()
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        print("Simulator stopped.", file=sys.stderr)
    finally:
        server.stop()
    return EXIT_OK


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
