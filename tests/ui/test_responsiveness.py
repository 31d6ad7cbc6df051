"""The GUI thread never waits on the network: a 2 s simulator latency must not freeze the screen.

The bound (300 ms) catches any blocking call (one would freeze it for 2 s or more) while staying
robust on a loaded 2-core CI box; the measured figure is recorded (``record_property``), and
``bench/gui_stall.py`` measures the same against the 50 ms target.
"""

from __future__ import annotations

from typing import Any

import pytest

from station.simulator.config import FaultConfig
from tests.ui.stall_probe import StallProbe
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness, type_keys

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]

STALL_BOUND_MS = 300


def test_gui_thread_keeps_running_while_amazon_takes_two_seconds(
    station: GuiHarness, record_property: Any
) -> None:
    window = station.window
    po = station.po_of_kind("plain")
    station.simulator.set_faults(FaultConfig(latency_ms=2000))
    probe = StallProbe(5)
    probe.start()
    field = window.boxes.length
    field.setFocus()
    type_keys(field, po)
    station.wait_state("needs_boxes", "error", timeout=30_000)
    probe.stop()
    record_property("gui_max_stall_ms", round(probe.max_gap_ms, 1))
    print(
        f"GUI max stall during a 2 s-latency scan: {probe.max_gap_ms:.1f} ms ({probe.ticks} ticks)"
    )
    assert window.state == "needs_boxes", window.banner.detail.text()
    assert probe.ticks > 100  # the probe really ran during the >= 4 s lookup
    assert probe.max_gap_ms < STALL_BOUND_MS
