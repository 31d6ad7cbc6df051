"""SIGKILL during ``station ship``, with a misbehaving Amazon: every PO confirmed exactly once.

Real ``station ship`` processes run against a simulator with faults on (5xx, 429, dropped
connections, garbage answers); each first run is killed at a random instant — while it looks the
order up, requests the label, records the confirmation, sends it or polls it — and the PO is
shipped again until a run says "accepted". The simulator's admin record is the oracle: exactly
one confirmation received and accepted per PO, none lost.

Two stations (two journals) work in parallel, as two packing desks would.
"""

from __future__ import annotations

import base64
import os
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from station.config import Settings
from station.paths import StationPaths
from station.runtime import RuntimeOptions, build_runtime, demo_settings
from station.simulator.config import FaultConfig, SimulatorConfig
from station.simulator.server import SimulatorServer
from station.workflow.acknowledgements import Acknowledger
from tests.helpers.desk_env import desk_environment

BOX = "12x8x4in:1.5lb"
FAULTS = FaultConfig(error_rate=0.04, throttle_rate=0.05, drop_rate=0.03, malformed_rate=0.02)
RUN_TIMEOUT = 60.0


@dataclass
class Desk:
    """One packing station: its own STATION_HOME, journal and outbox."""

    home: Path
    env: dict[str, str]
    pos: list[str]
    kills: int = 0
    runs: int = 0
    log: list[str] = field(default_factory=list)


def _desk(root: Path, name: str, server: SimulatorServer, pos: list[str]) -> Desk:
    home = root / name
    return Desk(home, desk_environment(home, server), pos)


def _run(desk: Desk, po: str, kill: tuple[str, float] | None) -> int | None:
    """One ``station ship`` run. ``kill=(marker, delay)``: SIGKILL it ``delay`` s after its
    output shows ``marker`` ("" = after start), unless it ended before."""
    out = desk.home / f"run-{desk.runs}.log"
    desk.runs += 1
    with out.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "station", "ship", po, "--box", BOX, "--wait", "20"],
            env=desk.env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
        try:
            if kill is None:
                return process.wait(timeout=RUN_TIMEOUT)
            marker, delay = kill
            deadline = time.monotonic() + RUN_TIMEOUT
            while marker and marker.encode() not in out.read_bytes():
                try:
                    return process.wait(timeout=0.02)  # ended before the marker
                except subprocess.TimeoutExpired:
                    if time.monotonic() > deadline:
                        raise AssertionError(f"{po}: no {marker!r} in time") from None
            try:
                return process.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                process.kill()  # SIGKILL: no cleanup, no atexit, no finally
                process.wait()
                desk.kills += 1
                return None
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


# Where to kill: anywhere after start, or in the dangerous moments around the send.
KILL_POINTS = ("", "", "Requesting the label", "confirmation recorded", "confirmation recorded")


def _work(desk: Desk, rng: random.Random, kills_per_po: int) -> None:
    for po in desk.pos:
        killed = 0
        for _attempt in range(25):
            kill = None
            if killed < kills_per_po:
                marker = rng.choice(KILL_POINTS)
                kill = (marker, rng.uniform(0.4, 2.5) if not marker else rng.uniform(0.0, 0.3))
            code = _run(desk, po, kill)
            if code is None:
                killed += 1
                continue
            desk.log.append(f"{po}: exit {code}")
            if code == 0:
                break
        else:
            raise AssertionError(f"{po} never shipped: {desk.log[-5:]}")


def _crash_loop(tmp_path: Path, *, pos_per_desk: int, kills_per_po: list[int], seed: int) -> None:
    config = SimulatorConfig(seed=seed, orders=24 + 3 * pos_per_desk, processing_delay=0.05)
    with SimulatorServer(config) as server:
        plain = [
            str(o.purchase_order_number)
            for o in server.state.orders.values()
            if o.kind == "random" and o.region == "NA" and not o.warehouse.voc
        ]
        assert len(plain) >= 2 * pos_per_desk
        pos = plain[: 2 * pos_per_desk]
        environ = {
            "STATION_SPAPI_URL": server.base_url,
            "STATION_LWA_URL": server.lwa_url,
            "STATION_DATA_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
        }
        ack_settings = demo_settings(Settings(), tmp_path / "ack-printers")
        with build_runtime(
            RuntimeOptions(
                settings=ack_settings, paths=StationPaths.under(tmp_path / "ack"), environ=environ
            )
        ) as runtime:
            orders = [runtime.gateway.get_order(po) for po in pos]
            report = Acknowledger(
                runtime.gateway, runtime.settings, poll_interval=0.02
            ).acknowledge(orders)
            assert not report.failed and not report.rejected
        server.set_faults(FAULTS)

        desks = [
            _desk(tmp_path, "desk-a", server, pos[:pos_per_desk]),
            _desk(tmp_path, "desk-b", server, pos[pos_per_desk:]),
        ]
        errors: list[BaseException] = []

        def work(desk: Desk, kills: int, rng_seed: int) -> None:
            try:
                _work(desk, random.Random(rng_seed), kills)
            except BaseException as exc:  # reported by the main thread
                errors.append(exc)

        threads = [
            threading.Thread(target=work, args=(desk, kills, seed * 10 + i))
            for i, (desk, kills) in enumerate(zip(desks, kills_per_po, strict=True))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
        assert not errors, errors
        assert sum(d.kills for d in desks) >= sum(kills_per_po) * pos_per_desk // 2

        server.set_faults(FaultConfig())
        with httpx.Client(base_url=server.base_url, timeout=10) as http:
            book = http.get("/_simulator/record").json()["orders"]
        for po in pos:
            confirmations = book[po]["confirmations"]
            accepted = [c for c in confirmations if c["outcome"] == "accepted"]
            assert len(accepted) == 1, (po, confirmations)
            assert len(confirmations) == 1, (po, confirmations)  # received once, not resent
            assert book[po]["status"] == "SHIPPED"


def test_sigkill_during_ship_runs_loses_nothing_and_confirms_once(tmp_path: Path) -> None:
    """The fast version: 8 POs, every first run killed (8 kills or so)."""
    _crash_loop(tmp_path, pos_per_desk=4, kills_per_po=[1, 1], seed=21)


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_fifty_ship_runs_under_sigkill_and_faults(tmp_path: Path) -> None:
    _crash_loop(tmp_path, pos_per_desk=25, kills_per_po=[2, 1], seed=5)
