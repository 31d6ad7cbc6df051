"""The settings dialog is generated from the model, validates with it and saves with it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from station.config import BoxPreset, Settings, WarehouseSettings, load_settings
from station.secrets import (
    CLIENT_ID_KEY,
    CLIENT_SECRET_KEY,
    REFRESH_TOKEN_KEY,
    KeyringSecretStore,
    MemorySecretStore,
)
from station.ui.background import wait_for_background
from station.ui.settings.dialog import SettingsDialog
from station.ui.settings.form import ListEditor, ModelEditor

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def drain_pool() -> Iterator[None]:
    yield
    assert wait_for_background(10_000)


def _dialog(qtbot, tmp_path: Path, settings: Settings | None = None, store=None) -> SettingsDialog:
    dialog = SettingsDialog(
        None,
        settings or Settings(),
        tmp_path / "settings.json",
        secret_store=store if store is not None else MemorySecretStore(),
    )
    qtbot.addWidget(dialog)
    return dialog


def test_every_model_field_has_an_editor_of_the_right_kind(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    form = dialog.form
    assert isinstance(form.editor("vendor_code").widget, QLineEdit)
    assert isinstance(form.editor("document_retention_days").widget, QSpinBox)
    assert isinstance(form.editor("verify_items").widget, QCheckBox)
    assert isinstance(form.editor("region").widget, QComboBox)
    assert isinstance(form.editor("printers", "label", "dpi").widget, QComboBox)
    assert isinstance(form.editor("box_presets"), ListEditor)
    assert isinstance(form.editor("scanner"), ModelEditor)
    shown = set(form.general.rows) | set(form.pages)
    assert shown == set(Settings.model_fields) - {"schema_version"}
    # The model's description is the field's tooltip.
    assert form.editor("region").widget.toolTip() == Settings.model_fields["region"].description


def test_round_trip_keeps_every_value(qtbot, tmp_path):
    settings = Settings(
        vendor_code="ACME1",
        region="eu",
        warehouses=[WarehouseSettings(code="XYZ1", vendor_own_carrier=True, carrier="DHL")],
        box_presets=[BoxPreset(id="S", name="Small", length=10, width=8, height=4)],
        verify_items=True,
    )
    settings.printers.label.darkness = 12
    dialog = _dialog(qtbot, tmp_path, settings)
    assert dialog.form.validate() == settings


def test_save_writes_the_file_with_save_settings(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    dialog.form.editor("vendor_code").set_value("VEND1")
    presets = dialog.form.editor("box_presets")
    presets.add_row({"id": "M", "name": "Medium", "length": 16, "width": 12, "height": 8})
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    saved = load_settings(tmp_path / "settings.json")
    assert saved.vendor_code == "VEND1"
    assert [p.id for p in saved.box_presets] == ["M"]
    assert dialog.saved_settings == saved


def test_invalid_values_are_shown_next_to_the_field_and_nothing_is_saved(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    dialog.form.editor("vendor_code").set_value("bad code!")
    presets = dialog.form.editor("box_presets")
    presets.add_row({"id": "S", "name": "Small", "length": 0, "width": 8, "height": 4})
    dialog.save()
    error = dialog.findChild(type(dialog.summary), "error_vendor_code")
    assert not error.isHidden()
    assert "Vendor code" in error.text()
    assert not presets.error.isHidden()
    assert "Row 1, Length" in presets.error.text()
    assert "greater than 0" in presets.error.text()
    length_cell = presets.rows[0][
        presets.fields.index(("length", BoxPreset.model_fields["length"]))
    ]
    assert isinstance(length_cell.widget, QDoubleSpinBox)
    assert length_cell.widget.property("invalid") is True
    assert not dialog.summary.isHidden()
    assert not (tmp_path / "settings.json").exists()
    # Fixing the fields clears the errors and saves.
    dialog.form.editor("vendor_code").set_value("GOOD1")
    presets.rows[0][2].set_value(12)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert error.isHidden()
    assert load_settings(tmp_path / "settings.json").vendor_code == "GOOD1"


def test_model_level_errors_land_on_the_field_they_name(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    warehouses = dialog.form.editor("warehouses")
    warehouses.add_row({"code": "ABC1", "vendor_own_carrier": True})
    dialog.save()
    assert "Row 1, Carrier SCAC code (NA)" in warehouses.error.text()
    assert dialog.tabs.currentIndex() == dialog.form.tab_of["warehouses"]


def test_credentials_go_to_the_secret_store_not_the_file(qtbot, tmp_path):
    store = MemorySecretStore()
    dialog = _dialog(qtbot, tmp_path, store=store)
    page = dialog.credentials
    qtbot.waitUntil(lambda: page.keyring_available is True, timeout=10_000)
    page.client_id.setText("amzn1.application-oa2-client.abc")
    page.client_secret.setText("amzn1.oa2-cs.v1.supersecret")
    page.refresh_token.setText("Atzr|refresh-secret")
    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.save_button.click()
    assert store.get(CLIENT_ID_KEY) == "amzn1.application-oa2-client.abc"
    assert store.get(CLIENT_SECRET_KEY) == "amzn1.oa2-cs.v1.supersecret"
    assert store.get(REFRESH_TOKEN_KEY) == "Atzr|refresh-secret"
    assert page.client_secret.text() == ""  # not left on screen
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    text = (tmp_path / "settings.json").read_text()
    assert "supersecret" not in text and "refresh-secret" not in text


def test_no_keyring_says_so_and_points_to_the_environment(qtbot, tmp_path):
    # conftest selects keyring's 'fail' backend: like a headless box without Secret Service.
    dialog = _dialog(qtbot, tmp_path, store=KeyringSecretStore())
    page = dialog.credentials
    qtbot.waitUntil(lambda: page.keyring_available is False, timeout=10_000)
    assert "STATION_LWA_REFRESH_TOKEN" in page.status.text()
    assert "keyring" in page.status.text()
    assert not page.save_button.isEnabled()


def test_missing_credential_fields_are_named(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    page = dialog.credentials
    qtbot.waitUntil(lambda: page.keyring_available is True, timeout=10_000)
    page.client_id.setText("abc")
    page.save()
    assert "client secret" in page.status.text()
    assert "refresh token" in page.status.text()


def test_printers_tab_finds_printers_and_prints_a_test_page(qtbot, tmp_path, monkeypatch):
    import station.ui.settings.printers as printers
    from station.printing.discovery import DiscoveredPrinter
    from station.printing.printer import PrinterState, PrinterStatus

    found = [DiscoveredPrinter("cups://zebra", PrinterStatus(PrinterState.ONLINE, "idle"), "cups")]
    monkeypatch.setattr(printers, "discover_printers", lambda: found)
    dialog = _dialog(qtbot, tmp_path)
    dialog.find_button.click()
    qtbot.waitUntil(lambda: dialog.finder.list.count() == 1, timeout=10_000)
    assert "online" in dialog.finder.list.item(0).text()
    dialog.finder.list.setCurrentRow(0)
    dialog.finder.use_label.click()
    assert dialog.form.editor("printers", "label", "uri").value() == "cups://zebra"
    slips = tmp_path / "slips"
    dialog.form.editor("printers", "slip", "uri").set_value(slips.as_uri())
    dialog.test_slip.click()
    qtbot.waitUntil(lambda: "Test page sent" in dialog.test_status.text(), timeout=10_000)
    assert [p.suffix for p in slips.iterdir()] == [".pdf"]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_escape_asks_before_dropping_edits(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    dialog = _dialog(qtbot, tmp_path)
    dialog.show()
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(
        QMessageBox, "question", lambda _parent, title, *_args: (asked.append(title), answer[0])[1]
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes at once
    assert asked == [] and not dialog.isVisible()
    dialog.show()
    dialog.form.editor("station_id").widget.setText("bench-7")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Drop your changes?"] and dialog.isVisible()  # kept: the user said Cancel
    answer[0] = QMessageBox.StandardButton.Discard
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not (tmp_path / "settings.json").exists()
