"""The screen shows one scan at a time: what it shows is what a confirm would confirm.

A slow gateway (a lookup that waits until the test lets it answer) and two scans: the first
PO's late answer, its late "confirmed" news and its auto-advance timer never touch the second.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from station.journal.outbox import OutboxState
from station.runtime import RuntimeOptions, build_runtime
from station.ui import main_window
from station.ui.app import StationGui, demo_base_settings
from station.ui.feedback import SoundPlayer
from station.workflow.order import PackOrder
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness, ScannerClock

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


class SlowGateway:
    """The real gateway, except that looking up a held PO waits until it is released."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.held: dict[str, threading.Event] = {}
        self.patience: dict[str, float] = {}
        self.asked: list[str] = []
        self.answered: list[str] = []

    def hold(self, po: str, seconds: float = 30) -> threading.Event:
        gate = self.held[po] = threading.Event()
        self.patience[po] = seconds
        return gate

    def get_order(self, purchase_order_number: str) -> PackOrder:
        self.asked.append(purchase_order_number)
        gate = self.held.get(purchase_order_number)
        if gate is not None:
            gate.wait(self.patience[purchase_order_number])
        order: PackOrder = self._inner.get_order(purchase_order_number)
        self.answered.append(purchase_order_number)
        return order

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@pytest.fixture
def slow(qtbot: Any) -> Iterator[tuple[GuiHarness, SlowGateway]]:
    runtime = build_runtime(RuntimeOptions(demo=True, settings=demo_base_settings()))
    gateway = SlowGateway(runtime.gateway)
    runtime.gateway = gateway
    gui = StationGui(
        runtime, player=SoundPlayer(enabled=False), scanner_clock=ScannerClock(), start_outbox=False
    )
    qtbot.addWidget(gui.window, before_close_func=lambda _w: None)
    gui.window.show()
    harness = GuiHarness(gui, runtime, qtbot)
    try:
        harness.wait_idle_worker()
        yield harness, gateway
    finally:
        for gate in gateway.held.values():
            gate.set()
        gui.close()


def _two_plain_pos(station: GuiHarness) -> tuple[str, str]:
    pos = [
        o["purchaseOrderNumber"]
        for o in station.orders()
        if o["status"] == "ACCEPTED" and o["region"] == "NA" and not o["vendorOwnCarrier"]
    ]
    return pos[0], pos[1]


def _screen_and_session_agree(station: GuiHarness, po: str) -> None:
    window = station.window
    shown = window.order_panel.order
    assert shown is not None, "no order on screen"
    assert shown.purchase_order_number == po, "the screen shows another order"
    assert window.session is not None and window.session.po == po
    assert window.po == po


def test_second_scan_while_the_first_lookup_runs(slow: tuple[GuiHarness, SlowGateway]) -> None:
    station, gateway = slow
    window = station.window
    first, second = _two_plain_pos(station)
    gate = gateway.hold(first)
    window.handle_scan(first)
    station.qtbot.waitUntil(lambda: first in gateway.asked, timeout=10_000)
    window.handle_scan(second)  # the packer moved on while Amazon thinks
    said = window.banner.detail.text()
    gate.set()
    station.wait_state("needs_boxes", "ready", "error")
    station.wait_idle_worker()
    assert window.state in ("needs_boxes", "ready"), window.banner.detail.text()
    _screen_and_session_agree(station, second)
    assert station.printed("labels") == []  # nothing printed for the PO walked away from
    assert "abandoned" in said and first in said  # and the packer was told


def test_late_confirmation_and_its_timer_leave_the_next_order_alone(
    slow: tuple[GuiHarness, SlowGateway], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window, "AUTO_ADVANCE_MS", 1000)
    station, gateway = slow
    window = station.window
    first, second = _two_plain_pos(station)
    window.handle_scan(first)
    station.wait_state("needs_boxes", "error")
    window.handle_scan("CMD:BOX:S")
    window.boxes.weight.setText("2")
    window.handle_scan("CMD:CONFIRM")
    station.qtbot.waitUntil(
        lambda: window.session is not None and window.session.outbox_id is not None,
        timeout=20_000,
    )
    outbox_id = window.session.outbox_id
    gate = gateway.hold(second)
    window.handle_scan(second)  # the next order, before Amazon answered about the first
    station.qtbot.waitUntil(lambda: second in gateway.asked, timeout=10_000)
    outbox = station.runtime.outbox_worker()
    outbox.start()  # the first PO's confirmation goes out now and is accepted
    station.qtbot.waitUntil(
        lambda: station.runtime.outbox.get(outbox_id).state is OutboxState.SUCCEEDED,
        timeout=30_000,
    )
    station.qtbot.wait(300)  # its late events reach the window
    assert "CONFIRMED" not in window.banner.headline.text()
    gate.set()
    station.wait_state("needs_boxes", "error")
    station.qtbot.wait(1500)  # longer than the (shortened) auto-advance
    assert window.state == "needs_boxes", window.banner.headline.text()
    _screen_and_session_agree(station, second)


@pytest.mark.parametrize("how", ["scan", "cancel then scan"])
def test_a_lookup_that_never_returns_holds_up_nothing(
    slow: tuple[GuiHarness, SlowGateway], how: str
) -> None:
    """Amazon never answers about A (a minute, for the test): the packer scans B, which is on
    screen within seconds; the screen said A was abandoned; nothing is printed for A, even when
    its answer arrives at last."""
    station, gateway = slow
    window = station.window
    first, second = _two_plain_pos(station)
    gate = gateway.hold(first, seconds=60)
    window.handle_scan(first)
    station.qtbot.waitUntil(lambda: first in gateway.asked, timeout=10_000)
    if how == "cancel then scan":
        window.handle_scan("CMD:CANCEL")
        said = window.banner.headline.text() + " " + window.banner.detail.text()
    window.handle_scan(second)
    if how == "scan":
        said = window.banner.detail.text()
    assert "abandoned" in said and first in said, said
    # B is looked up and shown while A's call still hangs (well before A's minute is up).
    station.qtbot.waitUntil(lambda: window.state in ("needs_boxes", "ready"), timeout=15_000)
    assert first not in gateway.answered, "the test's stalled lookup answered early"
    _screen_and_session_agree(station, second)
    assert station.printed("labels") == []
    # A's answer comes at last: ignored, nothing printed, the screen still shows B.
    gate.set()
    station.qtbot.waitUntil(lambda: first in gateway.answered, timeout=10_000)
    engine_session = station.runtime.engine().session(first)
    station.qtbot.waitUntil(
        lambda: engine_session is not None and engine_session.error is not None, timeout=10_000
    )
    station.wait_idle_worker()
    assert station.printed("labels") == [], "a label printed for the abandoned PO"
    assert window.state in ("needs_boxes", "ready")
    _screen_and_session_agree(station, second)
