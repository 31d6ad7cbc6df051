"""The application-wide wedge filter on a real QApplication: scans from anywhere, typing intact."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from station.config import ScannerSettings
from station.ui.scanner import SerialScanner, WedgeScanner

pytestmark = pytest.mark.gui


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def press(target: QWidget, text: str, key: int = 0) -> None:
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


@pytest.fixture
def form(qtbot: Any) -> Any:
    widget = QWidget()
    layout = QVBoxLayout(widget)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(widget)
    clock = FakeClock()
    scanner = WedgeScanner(ScannerSettings(), widget, clock=clock)
    scanner.install()
    scans: list[str] = []
    scanner.scanned.connect(scans.append)
    yield widget, first, second, scanner, clock, scans
    scanner.uninstall()


def test_scanner_speed_keys_become_a_scan_not_text(form: Any) -> None:
    _widget, first, _second, _scanner, clock, scans = form
    for char in "CMD:BOX:M":
        press(first, char)
        clock.now += 4
    press(first, "\r", Qt.Key.Key_Return)
    assert scans == ["CMD:BOX:M"]
    assert first.text() == ""


def test_human_typing_reaches_the_field_in_order(form: Any, qtbot: Any) -> None:
    _widget, first, _second, scanner, clock, scans = form
    for char in "12.5":
        press(first, char)
        clock.now += 200  # a person: far slower than the 55 ms limit
    qtbot.waitUntil(lambda: not scanner.pending, timeout=2000)  # the last key is released
    assert first.text() == "12.5"
    assert scans == []


def test_short_typed_value_and_enter_are_not_a_scan(form: Any) -> None:
    _widget, first, _second, _scanner, clock, scans = form
    returns: list[bool] = []
    first.returnPressed.connect(lambda: returns.append(True))
    press(first, "7")
    clock.now += 20
    press(first, "\r", Qt.Key.Key_Return)
    assert first.text() == "7"
    assert returns == [True]
    assert scans == []


def test_editing_keys_pass_straight_through(form: Any) -> None:
    _widget, first, _second, _scanner, _clock, _scans = form
    first.setText("123")
    first.setCursorPosition(3)
    press(first, "", Qt.Key.Key_Backspace)
    assert first.text() == "12"


def test_disabled_scanner_passes_everything(form: Any) -> None:
    _widget, first, _second, scanner, _clock, scans = form
    scanner.set_enabled(False)
    for char in "ABCDEF":
        press(first, char)
    press(first, "\r", Qt.Key.Key_Return)
    assert first.text() == "ABCDEF"
    assert scans == []


def test_serial_lines_are_scans(qtbot: Any) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    serial = SerialScanner("/dev/null-station-test", holder)
    scans: list[str] = []
    serial.scanned.connect(scans.append)
    serial.feed_bytes(b"2AUW6")
    serial.feed_bytes(b"3W3\r\nCMD:CONFIRM\r")
    serial.feed_bytes(b"\n\n")
    assert scans == ["2AUW63W3", "CMD:CONFIRM"]
    errors: list[str] = []
    serial.failed.connect(errors.append)
    assert serial.open() is False
    assert errors and "/dev/null-station-test" in errors[0]
