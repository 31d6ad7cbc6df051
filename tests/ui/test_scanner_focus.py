"""Scans made while the packer's cursor sits in a carton field, after editing keys.

The keys come from Qt's own test driver (``QTest``), which builds each key event the way the
window system does: one object per key press, at an address Qt may reuse for the next press.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from station.ui.feedback import Sound
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]

EDITING_KEYS = [
    (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Home, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier),
]


def scan_with_qtest(qtbot: Any, widget: Any, text: str) -> None:
    """A wedge scanner: the characters back to back, then Enter (the harness clock gives 2 ms
    between keys, whatever the machine's load)."""
    for char in text:
        qtbot.keyClick(widget, char)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


@pytest.mark.parametrize(("key", "modifier"), EDITING_KEYS, ids=lambda k: str(k))
def test_scan_after_an_editing_key_in_a_carton_field(
    station: GuiHarness, key: Any, modifier: Any
) -> None:
    window = station.window
    field = window.boxes.length
    window.activateWindow()
    field.setFocus()
    qtbot = station.qtbot
    qtbot.keyClicks(field, "12")
    qtbot.waitUntil(lambda: field.text() == "12", timeout=5000)  # typing reaches the field
    qtbot.keyClick(field, key, modifier)
    po = station.po_of_kind("plain")
    scan_with_qtest(qtbot, field, po)
    assert po not in field.text(), f"the scan was typed into the field: {field.text()!r}"
    station.wait_state("needs_boxes", "ready", "error")
    assert window.order_panel.po.text().endswith(po)


def test_second_scan_after_backspace_is_a_scan_too(station: GuiHarness) -> None:
    window = station.window
    field = window.boxes.weight
    field.setFocus()
    qtbot = station.qtbot
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    scan_with_qtest(qtbot, field, "CMD:CANCEL")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    po = station.po_of_kind("plain")
    scan_with_qtest(qtbot, field, po)
    assert field.text() == ""
    station.wait_state("needs_boxes", "ready", "error")
    assert window.order_panel.po.text().endswith(po)


def _scan_inside_dialog(station: GuiHarness, key: str, text: str) -> dict[str, Any]:
    """Open one of the station's dialogs, scan into its focused field, look, and close it."""
    seen: dict[str, Any] = {}

    def inside() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "the dialog is not open"
        field = next(
            (f for f in dialog.findChildren(QLineEdit) if f.isVisible() and f.isEnabled()), None
        )
        target = field if field is not None else dialog
        target.setFocus()
        before = field.text() if field is not None else ""
        scan_with_qtest(station.qtbot, target, text)
        seen["typed"] = field.text() if field is not None else ""
        seen["before"] = before
        boxes = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
        seen["refusal"] = boxes[0].text() if boxes else ""
        seen["sounds"] = list(station.window.feedback.player.played)
        dialog.reject()

    QTimer.singleShot(300, inside)
    station.window.open_optional(key)
    return seen


@pytest.mark.parametrize("key", ["settings", "history"])
def test_a_scan_while_a_dialog_is_open_is_refused_loudly(station: GuiHarness, key: str) -> None:
    po = station.po_of_kind("plain")
    seen = _scan_inside_dialog(station, key, po)
    assert po not in seen["typed"], f"the scan was typed into the {key} dialog"
    assert seen["typed"] == seen["before"]
    assert "scanned while" in seen["refusal"], "the refusal is not shown on the dialog"
    assert seen["sounds"] and seen["sounds"][-1] is Sound.ERROR
    assert station.window.state == "idle"  # nothing was done behind the dialog


def _open_order(station: GuiHarness) -> str:
    po = station.po_of_kind("plain")
    station.window.handle_scan(po)
    station.wait_state("needs_boxes", "error")
    assert station.window.state == "needs_boxes", station.window.banner.detail.text()
    station.window.handle_scan("CMD:BOX:M")
    station.window.boxes.weight.setText("3.5")
    station.window.handle_scan("CMD:NEXTBOX")
    assert len(station.window.boxes.boxes) == 1
    return po


def test_stray_scans_never_discard_the_order_in_hand(station: GuiHarness) -> None:
    window = station.window
    po = _open_order(station)
    order = window.order_panel.order
    assert order is not None
    item = order.lines[0].buyer_product_identifier or order.lines[0].vendor_product_identifier
    assert item
    for stray in (item, "12.5", "not-a-po!", po):
        window.handle_scan(stray)
        assert window.po == po, f"{stray!r} replaced the order"
        assert window.order_panel.po.text().endswith(po), f"{stray!r} cleared the order"
        assert len(window.boxes.boxes) == 1, f"{stray!r} dropped the boxes"
        assert window.session is not None
    assert "already open" in window.banner.headline.text()


def test_a_number_typed_fast_with_tab_goes_into_the_weight(station: GuiHarness) -> None:
    window = station.window
    po = _open_order(station)
    field = window.boxes.weight
    field.setFocus()
    for char in "12.5":
        station.qtbot.keyClick(field, char)
    station.qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == "12.5"
    assert window.po == po and len(window.boxes.boxes) == 1
