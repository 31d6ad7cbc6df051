"""What the packing screen says is true: demo hints, the order in the title, banners that clear
when their cause is gone, and states that never claim more than happened."""

from __future__ import annotations

import pytest

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
