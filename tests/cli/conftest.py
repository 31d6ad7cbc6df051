"""The real ``station`` program as a subprocess, the way an integrator's script runs it.

Each test gets its own station folder (STATION_HOME, from tests/conftest.py) and, where it needs
Amazon, the simulator on loopback in this process with a settings file pointing the station at it.
Every run is checked for what no command may ever print: a Python traceback.
"""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from station.config import Settings, save_settings
from station.paths import default_paths
from station.runtime import demo_settings
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer

TIMEOUT = 120


@dataclass
class Result:
    code: int
    out: str
    err: str
    args: Sequence[str]

    def __str__(self) -> str:
        return (
            f"station {' '.join(self.args)} -> {self.code}\n--- out\n{self.out}--- err\n{self.err}"
        )


class Station:
    """Runs ``python -m station ARGS`` with the test's environment."""

    def __init__(self, home: Path, tmp: Path) -> None:
        self.home = home
        self.tmp = tmp
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
        self.env.update(
            STATION_HOME=str(home),
            QT_QPA_PLATFORM="offscreen",
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            TMPDIR=str(tmp / "tmp"),
            PYTHONUNBUFFERED="1",
            STATION_OUTBOX_RETRY_SECONDS="0.05",
            STATION_OUTBOX_SETTLE_SECONDS="0.3",
        )
        (tmp / "tmp").mkdir(exist_ok=True)

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "station", *args]

    def __call__(self, *args: str, timeout: float = TIMEOUT, stdin: str | None = None) -> Result:
        completed = subprocess.run(
            self.command(*args),
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            input=stdin,
            check=False,
            cwd=self.tmp,
        )
        result = Result(completed.returncode, completed.stdout, completed.stderr, args)
        assert "Traceback" not in result.err + result.out, str(result)
        return result

    def interrupted(
        self,
        *args: str,
        after: str,
        sig: int = signal.SIGINT,
        stream: str = "stderr",
        before_signal: Callable[[], None] | None = None,
    ) -> Result:
        """Start the command, wait until ``after`` appears on ``stream``, then send ``sig``
        (first calling ``before_signal``)."""
        if sys.platform == "win32":
            pytest.skip(
                "Windows cannot send SIGINT or SIGTERM to another process (Ctrl+C reaches only "
                "a console the sender shares; TerminateProcess is no signal): tested on POSIX"
            )
        process = subprocess.Popen(
            self.command(*args),
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=self.tmp,
        )
        watched = process.stderr if stream == "stderr" else process.stdout
        assert watched is not None
        seen: list[str] = []
        deadline = time.monotonic() + TIMEOUT
        try:
            while time.monotonic() < deadline:
                line = watched.readline()
                if not line:
                    break
                seen.append(line)
                if after in line:
                    if before_signal is not None:
                        before_signal()
                    process.send_signal(sig)
                    break
            out, err = process.communicate(timeout=TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        joined = "".join(seen)
        if stream == "stderr":
            err = joined + err
        else:
            out = joined + out
        result = Result(process.returncode, out, err, args)
        assert after in joined, f"never saw {after!r}: {result}"
        assert "Traceback" not in result.err + result.out, str(result)
        return result


@pytest.fixture
def station(isolated_station: Path, tmp_path: Path) -> Station:
    return Station(isolated_station, tmp_path)


@pytest.fixture(scope="module")
def simulator() -> Iterator[SimulatorServer]:
    config = SimulatorConfig(seed=11, orders=40, processing_delay=0.05, rate_limits=False)
    with SimulatorServer(config) as server:
        yield server


def point_at(station: Station, server: SimulatorServer) -> Station:
    """Set ``station`` up against ``server``: its warehouses, file printers, a data key."""
    station.env.update(
        STATION_SPAPI_URL=server.base_url,
        STATION_LWA_URL=server.lwa_url,
        STATION_DATA_KEY=base64.urlsafe_b64encode(os.urandom(32)).decode(),
    )
    settings = demo_settings(Settings(), station.tmp / "printers")
    save_settings(settings, default_paths(station.env).config_file)
    return station


@pytest.fixture
def configured(station: Station, simulator: SimulatorServer) -> Station:
    """A station set up against the simulator: its warehouses, file printers, a data key."""
    return point_at(station, simulator)


_used: dict[int, set[str]] = {}


def fresh_po(server: SimulatorServer, kind: str = "plain", *, one_unit: bool = False) -> str:
    """A PO of ``kind`` no other test of this module used (the simulator is shared); "plain"
    also takes the random orders of the ordinary US warehouses. A cancelled order never changes,
    so every test may have the same one. ``one_unit``: a PO of one unit in all, the only kind
    prefetch requests a label for."""
    used = _used.setdefault(id(server), set()) if kind != "cancelled" else set()
    for order in server.state.orders.values():
        po = str(order.purchase_order_number)
        if po in used or order.status == "SHIPPED":
            continue
        if one_unit and sum(line.quantity for line in order.lines) != 1:
            continue
        ordinary = order.kind == "random" and not order.warehouse.voc and order.region == "NA"
        if order.kind == kind or (kind == "plain" and ordinary):
            used.add(po)
            return po
    raise AssertionError(f"no unused {kind} order left in the book")
