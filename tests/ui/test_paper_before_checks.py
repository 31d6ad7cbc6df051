"""The packing screen prints nothing for a scan it will refuse: another warehouse's PO, a
cancelled PO, a PO shipped elsewhere, an order or a label answer naming another PO. Oracle: the
demo's file printers (label and slip folders) stay empty."""

from __future__ import annotations

import pytest

from station.workflow.containers import parse_box_spec
from station.workflow.gateway import LabelPackage
from tests.helpers.tamper import Tamper
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def _no_paper(station: GuiHarness) -> None:
    station.wait_idle_worker()
    assert station.printed("labels") == [] and station.printed("slips") == []


def _plain_pair(station: GuiHarness) -> tuple[str, str]:
    pos = [
        o["purchaseOrderNumber"]
        for o in station.orders()
        if o["kind"] == "random" and o["status"] in ("NEW", "ACCEPTED") and o["region"] == "NA"
    ]
    return pos[0], pos[1]


def _labelled(station: GuiHarness, po: str) -> None:
    """Amazon has the PO's label already (one carton): a scan would print it at once."""
    gateway = station.runtime.gateway
    order = gateway.get_order(po)
    everything = {ln.item_sequence_number: ln.quantity for ln in order.lines}
    box = LabelPackage("C1", parse_box_spec("12x8x4in:1.5lb"), everything)
    gateway.request_label(order, [box], lambda _m: None)


def test_a_cancelled_po_prints_nothing(station: GuiHarness) -> None:
    station.scan_and_wait(station.po_of_kind("cancelled"), "error")
    assert "CANCELLED" in station.window.banner.detail.text()
    _no_paper(station)


def test_a_po_of_another_warehouse_prints_nothing(station: GuiHarness) -> None:
    tamper = Tamper(station.simulator)
    tamper.ship_from_as("GET", r"/purchaseOrders/\w", "ZZZ9")
    station.scan_and_wait(station.po_of_kind("plain"), "error")
    assert "ZZZ9" in station.window.banner.detail.text()
    _no_paper(station)


def test_an_order_answer_naming_another_po_prints_nothing(station: GuiHarness) -> None:
    po, other = _plain_pair(station)
    Tamper(station.simulator).answer_as("GET", r"/purchaseOrders/\w", po, other)
    station.scan_and_wait(po, "error")
    assert other in station.window.banner.detail.text()
    _no_paper(station)
    assert station.record(po)["labelRequests"] == []


def test_a_label_answer_naming_another_po_prints_nothing(station: GuiHarness) -> None:
    po, other = _plain_pair(station)
    _labelled(station, po)
    Tamper(station.simulator).answer_as("GET", r"/shippingLabels/\w", po, other)
    station.scan_and_wait(po, "error")
    assert other in station.window.banner.detail.text()
    _no_paper(station)


def test_a_po_shipped_elsewhere_prints_nothing(station: GuiHarness) -> None:
    po, _other = _plain_pair(station)
    _labelled(station, po)
    state = station.simulator.state
    with state.lock:
        state.orders[po].status = "SHIPPED"  # another desk confirmed it
    station.scan_and_wait(po, "warning")
    assert "ALREADY SHIPPED" in station.window.banner.headline.text()
    _no_paper(station)
