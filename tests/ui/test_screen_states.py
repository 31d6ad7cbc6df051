"""What the packing screen says is true: demo hints, the order in the title, banners that clear
when their cause is gone, and states that never claim more than happened."""

from __future__ import annotations

from typing import Any

import pytest

from station.config import Settings
from station.errors import PrinterError
from station.ui import main_window
from station.ui.theme import Tone
from station.ui.widgets.step_indicator import Mark, Stage
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def test_demo_mode_shows_the_pos_one_can_scan(station: GuiHarness) -> None:
    text = station.window.demo_bar.text()
    for kind in ("plain", "gift", "cancelled"):
        assert station.po_of_kind(kind) in text, f"no {kind} PO in the demo bar"


def test_the_window_title_names_the_order_in_hand(station: GuiHarness) -> None:
    window = station.window
    po = station.po_of_kind("plain")
    window.handle_scan(po)
    station.wait_state("needs_boxes", "error")
    assert po in window.windowTitle()
    window.handle_scan("CMD:CANCEL")
    assert po not in window.windowTitle()


def test_a_box_preset_never_ships_the_empty_box_weight(station: GuiHarness) -> None:
    window = station.window
    po = station.po_of_kind("plain")
    window.handle_scan(po)
    station.wait_state("needs_boxes", "error")
    window.handle_scan("CMD:BOX:S")  # Small: the empty box weighs 1.2 lb
    assert window.boxes.weight.text() == ""
    window.handle_scan("CMD:CONFIRM")
    assert window.state == "error" and "weight" in window.banner.detail.text()
    window.boxes.weight.setText("1.2")  # the empty box's weight typed: not a packed box
    window.handle_scan("CMD:CONFIRM")
    assert window.state == "error" and "empty box" in window.banner.detail.text()
    assert window.boxes.weight.property("invalid") == "true"
    assert station.record(po)["labelRequests"] == []


def _to_boxes(station: GuiHarness, kind: str = "plain") -> str:
    po = station.po_of_kind(kind)
    station.window.handle_scan(po)
    station.wait_state("needs_boxes", "error")
    assert station.window.state == "needs_boxes", station.window.banner.detail.text()
    station.window.handle_scan("CMD:BOX:S")
    station.window.boxes.weight.setText("2")
    return po


def test_a_confirmation_amazon_does_not_answer_says_queued(
    harness_factory: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window, "SEND_PATIENCE_MS", 300)
    station: GuiHarness = harness_factory(start_outbox=False)  # nothing sends it
    window = station.window
    _to_boxes(station)
    window.handle_scan("CMD:CONFIRM")
    station.wait_state("queued", "error")
    assert window.state == "queued", window.banner.detail.text()
    assert window.banner.headline.text().startswith("QUEUED")
    assert "Not sent yet" in window.banner.detail.text()


def test_a_send_that_failed_says_queued_and_why(harness_factory: Any) -> None:
    station: GuiHarness = harness_factory(settings=Settings(verify_items=True))
    window = station.window
    _to_boxes(station)
    window.handle_scan("CMD:CONFIRM")  # the label is requested and printed; items next
    station.wait_state("ready", "error")
    assert window.state == "ready", window.banner.detail.text()
    order = window.order_panel.order
    assert order is not None
    for line in order.lines:
        code = line.buyer_product_identifier or line.vendor_product_identifier or ""
        for _ in range(line.quantity):
            assert station.scan_and_wait(code, "item", "error") == "item"
    station.simulator.cut_network()
    try:
        window.handle_scan("CMD:CONFIRM")
        station.wait_state("queued", "error", timeout=60_000)
        assert window.state == "queued", window.banner.detail.text()
        assert window.banner.headline.text().startswith("QUEUED")
        assert "Not sent yet:" in window.banner.detail.text()
    finally:
        station.simulator.restore_network()


def test_reprinting_gives_way_and_clears_the_stop_it_fixed(
    harness_factory: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    station: GuiHarness = harness_factory(settings=Settings(verify_items=True))
    window = station.window
    printer = station.runtime.label_printer
    real = printer.print_job
    failures = [PrinterError("The label printer is off", hint="Switch it on")]

    def flaky(job: Any) -> Any:
        if failures:
            raise failures.pop()
        return real(job)

    monkeypatch.setattr(printer, "print_job", flaky)
    _to_boxes(station)
    window.handle_scan("CMD:CONFIRM")  # requests the label; it does not print
    station.wait_state("error")
    station.wait_idle_worker()
    assert "did not print" in window.banner.headline.text()
    window.handle_scan("CMD:REPRINT")  # the printer is back
    station.wait_idle_worker()
    assert window.state == "ready", window.banner.headline.text()
    assert "STOP" not in window.banner.headline.text()
    assert "Reprinting" not in window.banner.headline.text()


def test_already_shipped_stays_and_a_refused_confirm_ticks_nothing(station: GuiHarness) -> None:
    window = station.window
    po = _to_boxes(station)
    window.handle_scan("CMD:CONFIRM")
    station.wait_state("confirmed", "error")
    window.reset_to_idle()
    window.handle_scan(po)
    station.wait_state("warning", "error")
    assert "ALREADY SHIPPED" in window.banner.headline.text()
    window.handle_scan("CMD:BOX:S")
    assert "ALREADY SHIPPED" in window.banner.headline.text()
    assert window.banner.tone is not Tone.SUCCESS
    window.boxes.weight.setText("2")
    window.handle_scan("CMD:CONFIRM")
    station.wait_state("error")
    station.wait_idle_worker()
    for stage in (Stage.LABEL, Stage.BOXES, Stage.CONFIRMED):
        assert window.steps.marks[stage] is not Mark.DONE, f"{stage.name} ticked"
    assert len(station.record(po)["confirmations"]) == 1


def test_cartons_entered_can_be_changed_and_removed(station: GuiHarness) -> None:
    window = station.window
    boxes = window.boxes
    station.window.handle_scan(station.po_of_kind("gift"))
    station.wait_state("needs_boxes", "error")
    window.handle_scan("CMD:BOX:S")
    boxes.weight.setText("2")
    boxes.contents.setText("1=1")
    window.handle_scan("CMD:NEXTBOX")
    window.handle_scan("CMD:BOX:M")
    boxes.weight.setText("3")
    window.handle_scan("CMD:NEXTBOX")
    assert len(boxes.boxes) == 2 and boxes.cartons.isVisibleTo(window)
    assert boxes.list.count() == 2
    changed = boxes.edit_box(0)  # the first carton back into the fields
    assert changed is not None
    assert (boxes.length.text(), boxes.weight.text(), boxes.contents.text()) == ("8", "2", "1=1")
    assert len(boxes.boxes) == 1
    boxes.weight.setText("2.2")
    window.handle_scan("CMD:NEXTBOX")
    assert [str(b.weight) for b in boxes.boxes] == ["3", "2.2"]
    assert "Box 2:" in boxes.list.item(1).text() and "2.2" in boxes.list.item(1).text()
    removed = boxes.remove_box(0)
    assert removed is not None and str(removed.weight) == "3"
    assert [str(b.weight) for b in boxes.boxes] == ["2.2"]
    boxes.remove_box()
    assert boxes.boxes == [] and not boxes.cartons.isVisibleTo(window)
