"""A station whose settings it refuses opens the settings with the refused field marked; the
dialog (like the wizard) never saves an address the station cannot use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from station.config import Settings
from station.errors import ConfigError
from station.ui import app as app_module
from station.ui.settings import repair_settings
from station.ui.settings.dialog import SettingsDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


def _settings_file(tmp_path: Path, label_uri: str) -> Path:
    data = Settings().model_dump(mode="json")
    data["printers"]["label"]["uri"] = label_uri
    data["printers"]["slip"]["uri"] = (tmp_path / "slips").as_uri()
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_refused_printer_address_is_marked(qtbot: Any, tmp_path: Path) -> None:
    path = _settings_file(tmp_path, "printer-in-the-corner")
    seen: dict[str, Any] = {}

    def inside() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        seen["marked"] = dialog.form.editor("printers", "label", "uri").widget.property("invalid")
        seen["cursor"] = (
            dialog.focusWidget() is dialog.form.editor("printers", "label", "uri").widget
        )
        seen["slip"] = dialog.form.editor("printers", "slip", "uri").widget.property("invalid")
        seen["summary"] = dialog.summary.text()
        dialog.save()  # still refused: nothing is written over the file
        seen["saved"] = dialog.saved_settings
        dialog.form.editor("printers", "label", "uri").set_value((tmp_path / "labels").as_uri())
        dialog.save()

    QTimer.singleShot(200, inside)
    assert repair_settings(None, path, "The printer address 'printer-in-the-corner' has no scheme.")
    assert seen["marked"] is True and not seen["slip"]
    assert seen["cursor"], "the cursor is not in the field to correct"
    assert "no scheme" in seen["summary"]
    assert seen["saved"] is None
    assert json.loads(path.read_text())["printers"]["label"]["uri"].startswith("file:")


def test_a_start_refused_by_a_setting_offers_the_settings(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(
        "station.ui.settings.repair_settings",
        lambda _parent, path, _problem: opened.append(path) or False,
    )

    def click_open_settings() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        (button,) = [b for b in box.buttons() if b.text() == "Open Settings"]
        button.click()

    QTimer.singleShot(200, click_open_settings)
    path = tmp_path / "settings.json"
    app_module._show_start_error(ConfigError("The printer address 'x' has no scheme."), path)
    assert opened == [path]
