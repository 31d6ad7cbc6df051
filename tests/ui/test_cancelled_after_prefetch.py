"""The packer's screen when a prefetched order turns out to be cancelled: a loud STOP, and the
confirmation refused."""

from __future__ import annotations

import pytest

from station.workflow.containers import parse_box_spec
from station.workflow.gateway import LabelPackage
from station.workflow.order_cache import store_prefetched
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def test_a_prefetched_order_cancelled_since_is_a_loud_stop(station: GuiHarness) -> None:
    runtime = station.runtime
    po = station.po_of_kind("plain")
    gateway = runtime.gateway
    order = gateway.get_order(po)
    contents = {line.item_sequence_number: line.quantity for line in order.lines}
    labels = gateway.request_label(
        order,
        [LabelPackage(f"{po}-1", parse_box_spec("12x8x4in:1.5lb"), contents)],
        lambda _m: None,
    )
    store_prefetched(runtime.documents, order, labels, None, None)
    station.simulator.state.cancel_order(po)

    station.window.handle_scan(po)
    station.qtbot.waitUntil(
        lambda: (
            station.window.state == "error" and "cancelled" in station.window.banner.headline.text()
        ),
        timeout=20_000,
    )
    assert po in station.window.banner.headline.text()
    assert "do not ship" in station.window.banner.headline.text()

    station.window.handle_scan("CMD:BOX:S")
    station.window.boxes.weight.setText("2")  # the packed box, weighed
    station.window.handle_scan("CMD:CONFIRM")
    station.wait_idle_worker()
    assert station.record(po)["confirmations"] == []
    assert station.window.state == "error"
