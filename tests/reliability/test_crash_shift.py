"""Crash safety over a whole shift: 200 headless ``station ship`` shipments, each first run killed
with SIGKILL at a random point, with simulator faults on; the PO is shipped again until a run
says "accepted". Lost and duplicated confirmations are counted from the simulator's admin record.

It reuses the harness of tests/workflow/test_crash.py (two desks, kill points, fault mix); that
module's fast version (8 POs) already runs in the default suite, so only the 200-shipment run
lives here, marked slow.
"""

from __future__ import annotations

import base64
import os
import random
import threading
from pathlib import Path

import pytest

from station.config import Settings
from station.paths import StationPaths
from station.runtime import RuntimeOptions, build_runtime, demo_settings
from station.simulator.config import FaultConfig, SimulatorConfig
from station.simulator.server import SimulatorServer
from station.workflow.acknowledgements import Acknowledger
from tests.reliability.record import report
from tests.reliability.shifts import confirmation_counts
from tests.workflow.test_crash import FAULTS, _desk, _work


def _crash_shift(tmp_path: Path, *, shipments: int, seed: int) -> dict[str, int]:
    per_desk = shipments // 2
    config = SimulatorConfig(seed=seed, orders=int(shipments * 1.7) + 40, processing_delay=0.05)
    with SimulatorServer(config) as server:
        plain = [
            str(o.purchase_order_number)
            for o in server.state.orders.values()
            if o.kind == "random" and o.region == "NA" and not o.warehouse.voc
        ]
        pos = plain[: 2 * per_desk]
        assert len(pos) == 2 * per_desk
        environ = {
            "STATION_SPAPI_URL": server.base_url,
            "STATION_LWA_URL": server.lwa_url,
            "STATION_DATA_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
        }
        options = RuntimeOptions(
            settings=demo_settings(Settings(), tmp_path / "ack-printers"),
            paths=StationPaths.under(tmp_path / "ack"),
            environ=environ,
        )
        with build_runtime(options) as runtime:
            acknowledger = Acknowledger(runtime.gateway, runtime.settings, poll_interval=0.02)
            for start in range(0, len(pos), 50):
                orders = [runtime.gateway.get_order(po) for po in pos[start : start + 50]]
                result = acknowledger.acknowledge(orders)
                assert not result.failed and not result.rejected
        server.set_faults(FAULTS)
        desks = [
            _desk(tmp_path, "desk-a", server, pos[:per_desk]),
            _desk(tmp_path, "desk-b", server, pos[per_desk:]),
        ]
        errors: list[BaseException] = []

        def work(index: int) -> None:
            try:
                _work(desks[index], random.Random(seed * 10 + index), 1)
            except BaseException as exc:  # reported by the main thread
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=3600)
        assert not errors, errors
        server.set_faults(FaultConfig())
        counts = confirmation_counts(server, pos)
    kills = sum(d.kills for d in desks)
    runs = sum(d.runs for d in desks)
    detail = f"{len(pos)} POs, {runs} `station ship` runs, {kills} killed with SIGKILL"
    report("crash.lost", f"crash ({len(pos)} shipments): confirmations lost", counts["lost"],
           target=0, detail=detail)  # fmt: skip
    report("crash.duplicated", f"crash ({len(pos)} shipments): POs confirmed twice",
           counts["duplicated"], target=0)  # fmt: skip
    report("crash.resent", f"crash ({len(pos)} shipments): confirmations received twice",
           counts["resent"], target=0)  # fmt: skip
    report("crash.kills", f"crash ({len(pos)} shipments): processes killed", kills,
           target=len(pos) // 2, op=">=")  # fmt: skip
    assert kills >= len(pos) // 2, "too few runs were killed for the test to mean anything"
    return counts


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_two_hundred_shipments_under_sigkill_and_faults(tmp_path: Path) -> None:
    counts = _crash_shift(tmp_path, shipments=200, seed=17)
    assert counts == {"lost": 0, "duplicated": 0, "resent": 0}, counts
