"""Settings and first run: the entry points the main window calls from its menus.

Both are imported lazily by the main window, so the model-driven form is only built when asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from station.ui.settings.wizard import WizardResult

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from station.runtime import Runtime

__all__ = ["WizardResult", "open_settings", "run_first_run_wizard"]


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
    dialog = SettingsDialog(parent, settings, path)
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
