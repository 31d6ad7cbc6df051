"""The outbox worker is never held by one slow answer: a confirmation whose answer never ends is
cut off at the deadline (an unknown outcome, reconciled), and the next confirmation goes out."""

from __future__ import annotations

import base64
import os
from pathlib import Path

from station.simulator.server import SimulatorServer
from station.workflow.containers import parse_box_spec
from tests.hostile.conftest import proxied_runtime
from tests.hostile.servers import HostileProxy, Rule
from tests.hostile.test_network import CONFIRM
from tests.workflow.conftest import Station, prefetch, random_pos, record


def test_an_endless_confirmation_answer_does_not_hold_the_next_one(
    proxy: HostileProxy, simulator: SimulatorServer, tmp_path: Path
) -> None:
    key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    runtime = proxied_runtime(proxy, simulator, tmp_path, key, STATION_HTTP_DEADLINE="2")
    try:
        station = Station(runtime, runtime.engine())
        pos = random_pos(simulator, 2)
        prefetch(station, *pos)
        # The first confirmation's answer drips for ever (one byte every 0.3 s).
        proxy.rules.append(Rule(CONFIRM, "drip", interval=0.3, times=1))
        station.start_worker(settle_seconds=0.3)
        items = []
        for po in pos:
            session = station.engine.scan_po(po)
            station.engine.set_boxes(session, [parse_box_spec("12x8x4in:1.5lb")])
            items.append(station.engine.confirm(session))
        for item in items:
            assert station.engine.wait_for_outcome(item.id, 60).accepted, item
        assert proxy.rules[0].hits == 1
        for po in pos:
            assert len(record(simulator, po)["confirmations"]) == 1  # each exactly once
    finally:
        runtime.close()
