"""Benchmark: what a hostile network and hostile files can cost the real ``station`` program.

* peak resident memory of ``station ship`` when Amazon's label answer is a gzip bomb (1 MB that
  unpacks to 1 GiB): target under 300 MB;
* peak resident memory of ``station render --all`` on each ZPL bomb of tests/hostile (repeat
  counts, repeated rows, deflate, label size, stored graphics): target under 400 MB (the worst);
* the longest a server that drips one byte every few seconds can hold ``station ship``: target
  the documented deadline of one operation (60 s, ``STATION_HTTP_DEADLINE``) plus 5 s.

    .venv/bin/python bench/hostile.py [--drip-interval 5] [--deadline 60]

``--deadline`` sets STATION_HTTP_DEADLINE for the drip run (the target follows it); the default
is the documented one. Runs against the embedded simulator behind a loopback proxy.
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, Figure, Result

from station.config import Settings, save_settings
from station.paths import StationPaths
from station.runtime import demo_settings
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from tests.hostile.servers import HostileProxy, Rule, run_station_measured
from tests.hostile.test_zpl_bombs import BOMBS

SHIP_TARGET_MB = 300.0
RENDER_TARGET_MB = 400.0
DEFAULT_DEADLINE = 60.0  # station.spapi.http.RetryPolicy.operation_deadline
DRIP_SLACK = 5.0
BOX = "12x8x4in:1.5lb"


def _station_env(home: Path, proxy: HostileProxy, simulator: SimulatorServer) -> dict[str, str]:
    settings = demo_settings(Settings(station_id="bench-hostile"), home / "printers")
    save_settings(settings, StationPaths.under(home).config_file)
    env = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
    env.update(
        STATION_HOME=str(home),
        STATION_SPAPI_URL=proxy.base_url,
        STATION_LWA_URL=simulator.lwa_url,
        STATION_DATA_KEY=base64.urlsafe_b64encode(os.urandom(32)).decode(),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PYTHONPATH=str(ROOT),
    )
    return env


def _pos(simulator: SimulatorServer, count: int) -> list[str]:
    return [str(o.purchase_order_number) for o in simulator.state.orders.values()][:count]


def ship_gzip_bomb(folder: Path) -> Figure:
    config = SimulatorConfig(seed=14, orders=24, processing_delay=0.02, rate_limits=False)
    with SimulatorServer(config) as simulator, HostileProxy(simulator.base_url) as proxy:
        proxy.rules.append(
            Rule(r"GET /vendor/directFulfillment/shipping/[^/]+/shippingLabels/", "gzip_bomb")
        )
        env = _station_env(folder / "ship", proxy, simulator)
        po = _pos(simulator, 1)[0]
        done, peak = run_station_measured(
            "ship", po, "--box", BOX, "--acknowledge", "--wait", "5", env=env, cwd=folder
        )
    said = next(
        (line.strip() for line in done.stderr.splitlines() if "getShippingLabel" in line), "?"
    )
    return Figure(
        "hostile.ship_gzip_bomb_rss",
        "station ship, label answer a gzip bomb (1 MB → 1 GiB): peak RSS",
        peak,
        "MB",
        SHIP_TARGET_MB,
        detail=f"exit {done.returncode}; said: {said[:160]}",
    )


def render_zpl_bombs(folder: Path) -> Figure:
    peaks: dict[str, float] = {}
    env = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
    env.update(STATION_HOME=str(folder / "render-home"), PYTHONPATH=str(ROOT))
    for name, zpl in sorted(BOMBS.items()):
        bomb = folder / f"{name.replace(' ', '-')}.zpl"
        bomb.write_text(zpl)
        _done, peaks[name] = run_station_measured(
            "render", str(bomb), "--all", "-o", str(folder / "out.png"), env=env, cwd=folder
        )
    worst = max(peaks, key=lambda k: peaks[k])
    return Figure(
        "hostile.render_zpl_bomb_rss",
        "station render --all on ZPL bombs: worst peak RSS",
        peaks[worst],
        "MB",
        RENDER_TARGET_MB,
        detail="; ".join(f"{k} {v:.0f} MB" for k, v in sorted(peaks.items())),
    )


def ship_drip(folder: Path, interval: float, deadline: float | None) -> Figure:
    config = SimulatorConfig(seed=14, orders=24, processing_delay=0.02, rate_limits=False)
    with SimulatorServer(config) as simulator, HostileProxy(simulator.base_url) as proxy:
        # Every SP-API answer drips: the first operation of the command meets it.
        proxy.rules.append(Rule(r".", "drip", interval=interval))
        env = _station_env(folder / "drip", proxy, simulator)
        if deadline is not None:
            env["STATION_HTTP_DEADLINE"] = f"{deadline:g}"
        po = _pos(simulator, 1)[0]
        started = time.monotonic()
        done, _peak = run_station_measured(
            "ship", po, "--box", BOX, "--acknowledge", "--wait", "5", env=env, cwd=folder,
            timeout=1800,
        )  # fmt: skip
        held = time.monotonic() - started
    limit = deadline if deadline is not None else DEFAULT_DEADLINE
    said = next((line.strip() for line in done.stderr.splitlines() if "within" in line), "?")
    return Figure(
        "hostile.drip_hold_seconds",
        f"station ship against a server dripping a byte every {interval:g} s: time held",
        held,
        "s",
        limit + DRIP_SLACK,
        detail=f"deadline {limit:g} s; exit {done.returncode}; said: {said[:160]}",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drip-interval", type=float, default=5.0)
    parser.add_argument("--deadline", type=float, default=None)
    args = parser.parse_args(argv)
    if sys.platform == "win32":
        print("bench/hostile.py measures peak RSS with getrusage: POSIX only")
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as scratch:
        folder = Path(scratch)
        figures = [
            ship_gzip_bomb(folder),
            render_zpl_bombs(folder),
            ship_drip(folder, args.drip_interval, args.deadline),
        ]
    result = Result("hostile", "Hostile network and files (bounded memory and time)", figures)
    result.write()
    return 0 if all(f.met is not False for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
