"""MCF tracking refreshed in the background of the running station (the packer's window, no
"Amazon fulfilment" screen open), and seen when the lead opens the screen.

The orders are sent by the real ``station --demo mcf`` program in another process; the demo
window's own embedded simulator shares the demo MCF world with it (the data folder), as Amazon
would be shared. Its clock is moved in that world's file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from station.ui.mcf import McfWindow
from tests.ui.station_fixtures import QT_LOG_IGNORE, make_harness
from tests.workflow.test_mcf_demo_cli import advance_clock, demo_env, station, write_orders

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


@pytest.mark.skipif(sys.platform == "win32", reason="the demo MCF world is shared by file")
def test_tracking_arrives_in_the_background_and_shows_on_the_screen(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_station: Path
) -> None:
    home = isolated_station
    env = demo_env(home)
    write_orders(tmp_path / "orders.csv")
    assert station(env, "--demo", "mcf", "import", str(tmp_path / "orders.csv")).returncode == 0
    sent = station(env, "--demo", "mcf", "send", "W1001", "W1002", "W1003")
    assert sent.returncode == 0, sent.stderr

    monkeypatch.setenv("STATION_MCF_TRACK_SECONDS", "0.2")
    harness_run = make_harness(qtbot)
    harness = next(harness_run)
    try:
        tracker = harness.gui.mcf_tracker
        assert tracker is not None and tracker.running
        assert tracker.wait_rounds(1, timeout=30)
        advance_clock(home, 400 + 4 * 3600)  # Amazon ships; tracking events follow
        rounds = tracker.rounds
        assert tracker.wait_rounds(rounds + 2, timeout=60)

        # The lead opens the screen: the tracking is already there, nobody pressed "Refresh".
        from station.mcf_runtime import build_mcf_desk

        window = McfWindow(None, lambda: build_mcf_desk(harness.runtime))
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.busy == 0 and window.table.rowCount() == 20, timeout=20_000)
        shown = {
            window.table.item(row, 0).text(): window.table.item(row, 6).text()
            for row in range(window.table.rowCount())
        }
        assert all("TBA" in shown[name] for name in ("W1001", "W1002", "W1003")), shown
        assert shown["W1004"] == ""
        window.timer.stop()
    finally:
        for _ in harness_run:
            pass
    listed = station(env, "--demo", "mcf", "list")
    assert listed.stdout.count("COMPLETE") == 3 and listed.stdout.count("TBA") == 3
