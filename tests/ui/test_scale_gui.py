"""The packer's screen with a serial scale (a pty emulator): only a stable reading fills the
carton's weight, the weight source reaches the journal, and a load never fills a second carton."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from station.config import ScaleSettings, Settings
from tests.helpers.scales import SerialScaleEmulator
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]
pytest.importorskip("serial", reason="pyserial is not installed (pip install -e '.[test]')")


@pytest.fixture
def emulator() -> Iterator[SerialScaleEmulator]:
    scale = SerialScaleEmulator("nci")
    scale.state = "in motion"
    yield scale
    scale.close()


@pytest.fixture
def on_a_po(harness_factory: Any, emulator: SerialScaleEmulator) -> tuple[GuiHarness, str]:
    """The screen, with a serial scale, on a PO waiting for its cartons."""
    settings = Settings(scale=ScaleSettings(kind="serial", device=emulator.port))
    station: GuiHarness = harness_factory(settings=settings)
    po = station.po_of_kind("plain")
    station.scan_and_wait(po, "needs_boxes")
    return station, po


def test_only_a_stable_reading_fills_the_weight(
    on_a_po: tuple[GuiHarness, str], emulator: SerialScaleEmulator
) -> None:
    station, po = on_a_po
    window, boxes = station.window, station.window.boxes
    station.qtbot.waitUntil(lambda: "in motion" in boxes.scale_status.text(), timeout=20_000)
    assert boxes.weight.text() == ""
    for state in ("over capacity", "under zero", "zero", "fault"):
        emulator.state, emulator.weight = state, "-0.30" if state == "under zero" else "1.25"
        station.qtbot.waitUntil(lambda s=state: s in boxes.scale_status.text(), timeout=20_000)
        assert boxes.weight.text() == "", state
    emulator.state, emulator.weight = "stable", "3.40"
    station.qtbot.waitUntil(lambda: boxes.weight.text() == "3.4", timeout=20_000)
    assert boxes.weight_origin == "scale" and boxes.weight_unit.currentText() == "LB"
    window.handle_scan("CMD:BOX:S")  # the preset's tare does not replace the weighed carton
    assert boxes.weight.text() == "3.4"
    window.handle_scan("CMD:CONFIRM")
    station.wait_state("confirmed", "queued")
    cartons = [e for e in station.runtime.journal.po_history(po) if e.kind.value == "carton"]
    assert cartons and cartons[-1].detail["weight_source"] == "scale"
    assert cartons[-1].detail["weight"] == "3.4"

    # The next PO: the carton just weighed is still on the scale; its weight is not reused.
    station.wait_state("idle", "confirmed", "queued")
    station.scan_and_wait(station.po_of_kind("zpl"), "needs_boxes", "ready")
    assert window.step.value in ("needs_boxes", "boxes")  # a carton is being entered
    polls = emulator.polls
    station.qtbot.waitUntil(lambda: emulator.polls > polls + 3, timeout=20_000)
    window.read_scale()
    assert boxes.weight.text() == ""


def test_a_typed_weight_wins_and_is_journalled_as_typed(
    on_a_po: tuple[GuiHarness, str], emulator: SerialScaleEmulator
) -> None:
    station, po = on_a_po
    window, boxes = station.window, station.window.boxes
    station.qtbot.keyClicks(boxes.weight, "2.5")
    emulator.state = "stable"
    polls = emulator.polls
    station.qtbot.waitUntil(lambda: emulator.polls > polls + 3, timeout=20_000)
    window.read_scale()
    assert boxes.weight.text() == "2.5" and boxes.weight_origin == "typed"
    window.handle_scan("CMD:BOX:S")
    window.handle_scan("CMD:CONFIRM")
    station.wait_state("confirmed", "queued")
    cartons = [e for e in station.runtime.journal.po_history(po) if e.kind.value == "carton"]
    assert cartons[-1].detail["weight_source"] == "typed"
