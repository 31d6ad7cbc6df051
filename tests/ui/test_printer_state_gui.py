"""The packer's screen with a Zebra that cannot print, and with a printer that is switched off."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from station.config import Settings
from station.printing import PrinterState, PrinterStatus
from station.ui.widgets.step_indicator import Mark, Stage
from tests.helpers.zebra import DeadPrinter, ZebraEmulator
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


@pytest.fixture
def zebra() -> Iterator[ZebraEmulator]:
    emulator = ZebraEmulator("paper out")
    yield emulator
    emulator.close()


def test_paper_out_is_a_stop_before_the_confirmation(
    harness_factory: Any, zebra: ZebraEmulator
) -> None:
    station: GuiHarness = harness_factory(label_printer=zebra.uri)
    window = station.window
    po = station.po_of_kind("plain")
    window.handle_scan(po)
    station.wait_state("needs_boxes")
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")  # the packed box, weighed
    window.handle_scan("CMD:CONFIRM")
    station.wait_state("error")
    station.wait_idle_worker()
    assert "STOP" in window.banner.headline.text()
    assert "did not print" in window.banner.headline.text()
    assert "paper out" in window.banner.detail.text()
    assert window.steps.marks[Stage.LABEL] is Mark.FAILED
    assert window.health.label_printer.text().startswith("✖")
    assert zebra.labels == []
    assert station.record(po)["confirmations"] == []


def test_a_switched_off_printer_never_holds_up_the_next_scan(harness_factory: Any) -> None:
    dead = DeadPrinter()
    station: GuiHarness = harness_factory(label_printer=dead.uri)
    release = threading.Event()
    asked = threading.Event()

    def hangs() -> PrinterStatus:  # the connect that never completes, for as long as we like
        asked.set()
        release.wait(60)
        return PrinterStatus(PrinterState.OFFLINE, "switched off")

    try:
        station.runtime.label_printer.status = hangs
        window = station.window
        window._health_round = 0  # the next round asks the printers
        window.check_health()
        station.qtbot.waitUntil(asked.is_set, timeout=20_000)
        # The printer has not answered; the packer scans the next PO all the same.
        station.scan_and_wait(station.po_of_kind("plain"), "needs_boxes")
    finally:
        release.set()
        dead.close()


def test_a_300_dpi_label_printer_is_announced_before_the_first_label(
    harness_factory: Any,
) -> None:
    settings = Settings()
    label = settings.printers.label.model_copy(update={"dpi": 300})
    settings = settings.model_copy(
        update={"printers": settings.printers.model_copy(update={"label": label})}
    )
    station: GuiHarness = harness_factory(settings=settings)
    window = station.window
    assert window.state == "warning"
    assert "67 %" in window.banner.headline.text()
    assert "ZPL" in window.banner.hint.text()
    station.scan_and_wait(station.po_of_kind("plain"), "needs_boxes")  # the packer goes on


def test_a_203_dpi_label_printer_says_nothing(station: GuiHarness) -> None:
    assert station.window.state == "idle"


def test_a_printer_that_cannot_tell_its_state_says_so_in_the_health_bar(
    harness_factory: Any,
) -> None:
    silent = ZebraEmulator("ready", firmware="silent")
    try:
        station: GuiHarness = harness_factory(label_printer=silent.uri)
        window = station.window
        window._health_round = 0  # the next round asks the printers
        window.check_health()
        monitor = station.runtime.printer_monitor()
        assert monitor.wait_for_round(1, 30)

        def shown() -> bool:
            window._health_pending = False
            window.check_health()
            return "state unknown" in window.health.label_printer.text()

        station.qtbot.waitUntil(shown, timeout=20_000)
        assert window.health.label_printer.text().startswith("✔")
    finally:
        silent.close()
