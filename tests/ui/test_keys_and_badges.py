"""The keyboard path to every action (the keys shown on the buttons) and the LATE badge."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from station.ui import theme
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def _key(station: GuiHarness, key: Qt.Key) -> None:
    window = station.window
    window.activateWindow()
    station.qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    station.qtbot.keyClick(window, key)


def test_next_box_cancel_and_confirm_by_key(station: GuiHarness) -> None:
    window = station.window
    station.scan_and_wait(station.po_of_kind("plain"), "needs_boxes", "error")
    assert window.state == "needs_boxes", window.banner.detail.text()
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")
    _key(station, Qt.Key.Key_F8)  # + Next box [F8]
    station.qtbot.waitUntil(lambda: len(window.boxes.boxes) == 1, timeout=5000)
    _key(station, Qt.Key.Key_Escape)  # Cancel [Esc]: the order is put aside
    station.qtbot.waitUntil(lambda: window.state == "idle", timeout=5000)
    assert window.session is None and "put aside" in window.banner.headline.text()
    station.scan_and_wait(station.po_of_kind("plain"), "needs_boxes", "error")
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")
    _key(station, Qt.Key.Key_F12)  # Confirm shipment [F12]
    station.wait_state("confirmed", "queued", "error")
    assert window.state in ("confirmed", "queued"), window.banner.detail.text()


def test_reprint_by_key(station: GuiHarness) -> None:
    window = station.window
    station.scan_and_wait(station.po_of_kind("plain"), "needs_boxes", "error")
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")
    window.handle_scan("CMD:CONFIRM")
    station.wait_state("confirmed", "queued", "error")
    window._advance.stop()  # stay on the order (the auto-advance would clear it)
    before = len(station.printed("labels"))
    assert before >= 1
    _key(station, Qt.Key.Key_F9)  # Reprint [F9]
    station.qtbot.waitUntil(lambda: len(station.printed("labels")) > before, timeout=20_000)


def test_late_is_a_red_badge(station: GuiHarness, qapp: Any) -> None:
    """LATE was plain black text: now a red badge, white text (with the station's look)."""
    font, sheet, palette = qapp.font(), qapp.styleSheet(), qapp.palette()
    theme.apply(qapp)
    try:
        station.scan_and_wait(station.po_of_kind("gift"), "needs_boxes", "error")
        panel = station.window.order_panel
        late = panel.late
        order = panel.order
        assert order is not None
        # The demo's ship-by times follow the clock's hour (the order book is anchored on it):
        # whether the gift order is late depends on the minute. Show it once due an hour ago and
        # once due in an hour, so the badge is judged the same at any time of day.
        now = datetime.now(UTC)
        panel.show_order(replace(order, required_ship_date=now + timedelta(hours=1)))
        assert not late.isVisible(), "an order due in an hour is not late"
        panel.show_order(replace(order, required_ship_date=now - timedelta(hours=1)))
        assert late.isVisible(), "an order due an hour ago is late"
        image = late.grab().toImage()
        edge = QColor(image.pixelColor(3, image.height() // 2))
        assert edge.red() > 150 and edge.green() < 80 and edge.blue() < 80, edge.name()
    finally:
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)
        qapp.setPalette(palette)
