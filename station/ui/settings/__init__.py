"""Settings and first run: the entry points the main window calls from its menus.

Both are imported lazily by the main window, so the model-driven form is only built when asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from station.ui.settings.wizard import WizardResult

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

    from station.runtime import Runtime

__all__ = ["WizardResult", "open_settings", "repair_settings", "run_first_run_wizard"]


def open_settings(parent: QWidget | None, runtime: Runtime | None) -> bool:
    """Show the settings dialog; True when new settings were saved (they apply on restart)."""
    from PySide6.QtWidgets import QDialog

    from station.config import load_settings
    from station.ui.settings.dialog import SettingsDialog

    if runtime is not None:
        settings, path = runtime.settings, runtime.paths.config_file
    else:
        from station.paths import default_paths

        path = default_paths().config_file
        settings = load_settings(path)
    outbox = runtime.outbox if runtime is not None else None  # leaving hands it over first
    dialog = SettingsDialog(parent, settings, path, outbox=outbox)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def run_first_run_wizard(parent: QWidget | None) -> WizardResult | None:
    """Run the first-run wizard; None when it was cancelled."""
    from station.ui.settings.wizard import FirstRunWizard

    wizard = FirstRunWizard(parent)
    try:
        wizard.exec()
        return wizard.result_value
    finally:
        wizard.deleteLater()


def repair_settings(parent: QWidget | None, path: Path, problem: str) -> bool:
    """The settings dialog for a station that cannot start with its settings file: what the
    station refuses is marked at its field; True when corrected settings were saved.

    A file the settings model cannot read at all opens with the defaults and says so (saving
    replaces it).
    """
    import json

    from pydantic import ValidationError
    from PySide6.QtWidgets import QDialog

    from station.config import Settings
    from station.errors import ConfigError, StationError
    from station.files import MAX_SETTINGS_BYTES, read_input_file
    from station.ui.settings.dialog import SettingsDialog
    from station.ui.settings.form import FieldError, field_errors
    from station.ui.settings.refusals import settings_refusals

    errors: list[FieldError] = []
    settings = Settings()
    try:
        # Like the station's own start: a regular file of sane size (never /dev/zero, a pipe).
        data = read_input_file(
            path, what="settings file", limit=MAX_SETTINGS_BYTES, error=ConfigError
        )
        raw = json.loads(data.decode("utf-8"))
        settings = Settings.model_validate(raw)
    except ValidationError as exc:
        errors = field_errors(exc)
    except (StationError, ValueError):
        pass  # unreadable: the defaults, and the problem said above the buttons
    dialog = SettingsDialog(parent, settings, path)
    try:
        errors = errors or settings_refusals(settings.model_dump())
        dialog.mark(errors)
        dialog.summary.setText(problem + ("\n" + dialog.summary.text() if errors else ""))
        dialog.summary.show()
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
