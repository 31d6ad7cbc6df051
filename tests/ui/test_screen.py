"""Smaller behaviours of the screen: feedback, layout warnings, optional screens, reset."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from station.ui.feedback import Sound, SoundPlayer
from station.ui.keyboard_layout import apply_layout
from station.ui.theme import Tone
from tests.ui.station_fixtures import QT_LOG_IGNORE, GuiHarness

pytestmark = [pytest.mark.gui, QT_LOG_IGNORE]


def test_sound_player_never_needs_pulseaudio(qapp: Any) -> None:
    player = SoundPlayer(enabled=True)
    assert player.backend in ("winsound", "qsoundeffect", "beep")
    player.play(Sound.SUCCESS)
    player.play(Sound.ERROR)
    assert player.played == [Sound.SUCCESS, Sound.ERROR]
    silent = SoundPlayer(enabled=False)
    silent.play(Sound.ERROR)
    assert silent.backend == "off"


def test_garbled_scan_warns_about_the_keyboard_layout(station: GuiHarness) -> None:
    garbled = apply_layout(station.po_of_kind("plain"), "French AZERTY")
    station.window.handle_scan(garbled)
    assert station.window.state == "warning"
    assert station.window.banner.tone is Tone.WARNING
    assert "AZERTY" in station.window.banner.hint.text()
    assert station.window.feedback.player.played[-1] is Sound.ATTENTION


def test_error_sound_and_flash(station: GuiHarness) -> None:
    station.window.handle_scan("CMD:NOPE")
    assert station.window.feedback.player.played[-1] is Sound.ERROR
    assert station.window.feedback.flash.isVisible()


def test_demo_folder_is_shown(station: GuiHarness) -> None:
    assert station.window.demo_bar.isVisibleTo(station.window)
    assert str(station.runtime.demo_dir) in station.window.demo_bar.text()


def test_missing_optional_screen_says_not_available(
    station: GuiHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, title, _text: shown.append(title)
    )
    monkeypatch.setitem(
        station.window.__class__.__init__.__globals__["OPTIONAL_SCREENS"],
        "support",
        ("station.ui.does_not_exist", "export_support_bundle"),
    )
    station.window.open_optional("support")
    assert shown == ["Not available yet"]


def test_cancel_returns_to_idle(station: GuiHarness) -> None:
    window = station.window
    window.handle_scan(station.po_of_kind("plain"))
    station.wait_state("needs_boxes", "error")
    window.handle_scan("CMD:CANCEL")
    assert window.order_panel.order is None
    assert window.session is None
    assert "put aside" in window.banner.headline.text()


def test_status_bar_shows_outbox_and_printers(station: GuiHarness) -> None:
    health = station.window.health
    station.qtbot.waitUntil(lambda: health.label_printer.text().startswith("✔"), timeout=10_000)
    assert health.outbox.text() == "✔ Outbox: all sent"
    assert "0 failed" in health.outbox.toolTip()
    health.set_outbox(2, 1, 1)
    assert health.outbox.text() == "✖ Outbox: 1 failed, 2 queued, 1 sending"
    health.set_outbox(3, 0, 0)
    assert health.outbox.text() == "⟳ Outbox: 3 queued"
    assert health.outbox.toolTip() == "Confirmations: 3 queued, 0 sending, 0 failed"


def test_about_box_shows_the_one_version(station: GuiHarness) -> None:
    """The version comes from station.__version__: the same the installer and pip show."""
    from station import __version__

    text = station.window.about_text()
    assert f"Packing Station {__version__}" in text
    assert station.window.runtime.settings.station_id in text
