"""The packing screen end to end, offscreen, on the embedded simulator in demo mode."""

from __future__ import annotations

from typing import Any

import pytest

from station.config import Settings
from station.ui.widgets.step_indicator import Mark, Stage
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness, closed_port, type_keys

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def _confirm(station: GuiHarness, po: str) -> None:
    station.wait_state("confirmed", "error")
    assert station.window.state == "confirmed", station.window.banner.detail.text()
    station.qtbot.waitUntil(lambda: station.record(po)["status"] == "SHIPPED", timeout=20_000)


def test_scan_with_focus_in_a_dimension_field_then_box_and_confirm(station: GuiHarness) -> None:
    window = station.window
    po = station.po_of_kind("pslip")  # needs a packing slip too
    field = window.boxes.weight
    field.setFocus()
    type_keys(field, po)
    assert field.text() == "", "the scan leaked into the focused field"
    station.wait_state("needs_boxes", "ready", "error")
    assert window.state == "needs_boxes", window.banner.detail.text()
    assert window.order_panel.po.text().endswith(po)
    assert window.order_panel.badges["slip"].isVisibleTo(window)
    assert window.steps.marks[Stage.SLIP] is Mark.TODO  # nothing printed before the boxes
    assert window.steps.marks[Stage.LABEL] is Mark.TODO
    assert window.steps.marks[Stage.BOXES] is Mark.CURRENT

    type_keys(field, "CMD:BOX:M")
    assert field.text() == "", "the scan or the empty box's weight went into the weight"
    assert "2.5" in field.placeholderText()  # the empty box's weight, as a hint only
    assert window.boxes.length.text() == "12"
    type_keys(field, "3.1")  # a quick typist's weight, ended by Enter like a scan
    assert field.text() == "3.1"
    type_keys(field, "CMD:CONFIRM")
    _confirm(station, po)
    assert station.printed("labels"), "no label job in the file printer"
    assert station.printed("slips"), "no packing slip job in the file printer"
    confirmations = station.record(po)["confirmations"]
    assert len(confirmations) == 1 and confirmations[0]["outcome"] == "accepted"
    station.qtbot.waitUntil(lambda: window.label_view.showing_image, timeout=10_000)
    station.qtbot.waitUntil(lambda: window.slip_view.showing_image, timeout=10_000)


def test_zpl_label_is_previewed_through_the_renderer(station: GuiHarness) -> None:
    window = station.window
    po = station.po_of_kind("zpl")
    window.handle_scan(po)
    station.wait_state("needs_boxes", "error")
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")  # the packed box, weighed
    window.handle_scan("CMD:CONFIRM")
    _confirm(station, po)
    station.qtbot.waitUntil(lambda: window.label_view.showing_image, timeout=10_000)
    assert "ZPL" in window.label_view.notice.text()
    assert any(p.suffix == ".zpl" for p in station.printed("labels"))


def test_two_boxes_with_next_box(station: GuiHarness) -> None:
    window = station.window
    po = next(
        o["purchaseOrderNumber"]
        for o in station.orders()
        if o["status"] == "ACCEPTED"
        and o["lines"] >= 2
        and o["region"] == "NA"
        and not o["vendorOwnCarrier"]
    )
    window.handle_scan(po)
    station.wait_state("needs_boxes", "error")
    order = window.order_panel.order
    assert order is not None
    first = order.lines[0]
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")  # the packed box, weighed
    window.boxes.contents.setText(f"{first.item_sequence_number}={first.quantity}")
    window.handle_scan("CMD:NEXTBOX")
    assert len(window.boxes.boxes) == 1
    window.handle_scan("CMD:BOX:M")
    window.boxes.weight.setText("3")  # the packed box, weighed
    window.handle_scan("CMD:CONFIRM")
    _confirm(station, po)
    assert station.record(po)["labelRequests"][-1]["containers"] == 2


def test_unknown_po_is_a_loud_error(station: GuiHarness) -> None:
    station.window.handle_scan("ZZZZ9999")
    station.wait_state("error")
    assert "ZZZZ9999" in station.window.banner.detail.text()
    assert station.window.banner.hint.text().startswith("What to do")
    assert station.window.feedback.flash.last_colour  # the flash fired


def test_cancelled_order_is_refused(station: GuiHarness) -> None:
    po = station.po_of_kind("cancelled")
    station.window.handle_scan(po)
    station.wait_state("error")
    assert "CANCELLED" in station.window.banner.detail.text()
    assert station.printed("labels") == []


def test_already_shipped_po_warns_and_is_not_confirmed_twice(station: GuiHarness) -> None:
    window = station.window
    po = station.po_of_kind("plain")
    window.handle_scan(po)
    station.wait_state("needs_boxes", "error")
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")  # the packed box, weighed
    window.handle_scan("CMD:CONFIRM")
    _confirm(station, po)
    window.handle_scan(po)
    station.wait_state("warning", "error")
    assert window.state == "warning"
    assert "ALREADY SHIPPED" in window.banner.headline.text()
    window.handle_scan("CMD:CONFIRM")
    station.wait_state("error")
    assert len(station.record(po)["confirmations"]) == 1


def test_unknown_command_barcode(station: GuiHarness) -> None:
    station.window.handle_scan("CMD:SHIPIT")
    assert station.window.state == "error"
    assert "CMD:SHIPIT" in station.window.banner.detail.text()


def test_box_command_without_an_order(station: GuiHarness) -> None:
    station.window.handle_scan("CMD:CONFIRM")
    assert station.window.state == "error"
    assert "No order" in station.window.banner.detail.text()


def test_invalid_dimensions_typed(station: GuiHarness) -> None:
    window = station.window
    po = station.po_of_kind("priority")
    window.handle_scan(po)
    station.wait_state("needs_boxes", "error")
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")  # the packed box, weighed
    window.boxes.length.setText("12,5x")
    window.handle_scan("CMD:CONFIRM")
    assert window.state == "error"
    assert "length" in window.banner.detail.text()
    assert window.boxes.length.property("invalid") == "true"
    assert station.record(po)["labelRequests"] == []
    window.boxes.length.setText("400")  # not a parcel: refused by the workflow's own check
    window.handle_scan("CMD:CONFIRM")
    assert window.state == "error" and "plausible" in window.banner.detail.text()


def test_printer_off(harness_factory: Any) -> None:
    station: GuiHarness = harness_factory(label_printer=f"tcp://127.0.0.1:{closed_port()}")
    window = station.window
    po = station.po_of_kind("plain")
    window.handle_scan(po)
    station.wait_state("needs_boxes", "error")
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")  # the packed box, weighed
    window.handle_scan("CMD:CONFIRM")
    station.wait_state("error")
    station.wait_idle_worker()
    assert "did not print" in window.banner.headline.text()
    assert "printer" in window.banner.detail.text()
    assert window.steps.marks[Stage.LABEL] is Mark.FAILED
    assert window.health.label_printer.text().startswith("✖")
    assert station.record(po)["confirmations"] == []


def test_network_down(station: GuiHarness) -> None:
    station.simulator.cut_network()
    try:
        station.window.handle_scan(station.po_of_kind("plain"))
        station.wait_state("error", timeout=60_000)
        assert "connection" in station.window.banner.headline.text().lower()
        assert station.window.health.network_ok is False
    finally:
        station.simulator.restore_network()


def test_wrong_item_in_verification(harness_factory: Any) -> None:
    station: GuiHarness = harness_factory(settings=Settings(verify_items=True))
    window = station.window
    po = station.po_of_kind("plain")
    window.handle_scan(po)
    station.wait_state("needs_boxes", "error")
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")  # the packed box, weighed
    window.handle_scan("CMD:CONFIRM")
    station.wait_state("ready", "error")
    assert window.state == "ready", window.banner.detail.text()
    window.handle_scan("B0NOTONPO1")
    station.wait_state("error")
    assert "not on PO" in window.banner.detail.text()
    order = window.order_panel.order
    assert order is not None
    for line in order.lines:
        code = line.buyer_product_identifier or line.vendor_product_identifier
        assert code
        for _ in range(line.quantity):
            state = station.scan_and_wait(code, "item", "error")
            assert state == "item", window.banner.detail.text()
        assert window.order_panel.verified_text(line.item_sequence_number).startswith("✔")
    window.handle_scan("CMD:CONFIRM")
    _confirm(station, po)
