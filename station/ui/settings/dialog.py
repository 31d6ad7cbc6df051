"""The settings dialog: tabs generated from :class:`station.config.Settings`, plus credentials.

Scalar settings share a "General" tab; every sub-model (printers, scanner) and every list
(warehouses, box presets) gets a tab of its own. Saving validates the whole model first: each
pydantic error is shown next to the field it names and the dialog stays open, so an invalid file
is never written.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.config import Settings, save_settings
from station.errors import StationError
from station.journal.outbox import Outbox
from station.secrets import SecretStore
from station.ui.background import run_in_background
from station.ui.settings.credentials import CredentialsPage
from station.ui.settings.form import (
    ERROR_STYLE,
    FieldEditor,
    ModelEditor,
    build_editor,
    field_errors,
    field_text,
)
from station.ui.settings.printers import PrinterFinder, SamplePrintButton
from station.ui.settings.refusals import settings_refusals
from station.ui.settings.site import SitePage

log = logging.getLogger("station.ui.settings")

HIDDEN_FIELDS = ("schema_version",)


def _is_composite(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        return isinstance(item, type) and issubclass(item, BaseModel)
    return False


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class SettingsForm:
    """Every editable setting, spread over tabs; ``value()`` is the dict the model validates."""

    def __init__(self, tabs: QTabWidget) -> None:
        self.tabs = tabs
        composite = [
            name for name, info in Settings.model_fields.items() if _is_composite(info.annotation)
        ]
        self.general = ModelEditor(Settings, exclude=(*HIDDEN_FIELDS, *composite))
        self.general.widget.setObjectName("page_general")
        tabs.addTab(
            _scrolled(self.general.widget), QCoreApplication.translate("SettingsDialog", "General")
        )
        self.pages: dict[str, FieldEditor] = {}
        self.tab_of: dict[str, int] = dict.fromkeys(self.general.rows, 0)
        for name in composite:
            info = Settings.model_fields[name]
            editor = build_editor(info)
            page = QWidget()
            page.setObjectName(f"page_{name}")
            layout = QVBoxLayout(page)
            if info.description:
                help_label = QLabel(field_text(info.description))
                help_label.setWordWrap(True)
                layout.addWidget(help_label)
            layout.addWidget(editor.widget)
            layout.addStretch(1)
            self.tab_of[name] = tabs.addTab(_scrolled(page), field_text(info.title or name))
            self.pages[name] = editor

    def editor(self, name: str, *path: str) -> FieldEditor:
        if name in self.pages:
            editor = self.pages[name]
            return editor.editor(*path) if path and isinstance(editor, ModelEditor) else editor
        return self.general.editor(name, *path)

    def value(self) -> dict[str, Any]:
        data: dict[str, Any] = self.general.value()
        for name, editor in self.pages.items():
            data[name] = editor.value()
        return data

    def set_value(self, settings: Settings) -> None:
        self.general.set_value(settings)
        for name, editor in self.pages.items():
            value = getattr(settings, name)
            editor.set_value(value.model_dump() if isinstance(value, BaseModel) else value)

    def show_errors(self, errors: list[tuple[tuple[str | int, ...], str]]) -> None:
        self.general.show_errors(errors)
        for name, editor in self.pages.items():
            editor.show_errors([(loc[1:], msg) for loc, msg in errors if loc and loc[0] == name])

    def validate(self) -> Settings:
        """The model for what is on screen; ValidationError when a field is wrong."""
        return Settings.model_validate(self.value())


class SettingsDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        settings: Settings,
        path: Path | None,
        *,
        secret_store: SecretStore | None = None,
        outbox: Outbox | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Station settings"))
        self.resize(960, 680)
        self.path = path
        self.saved_settings: Settings | None = None
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        self.form = SettingsForm(self.tabs)
        self.form.set_value(settings)
        self._as_opened = self.form.value()  # Escape asks before dropping anything changed
        self._add_printer_tools()
        self.credentials = CredentialsPage(store=secret_store, region=settings.region)
        self.tabs.addTab(_scrolled(self.credentials), self.tr("Credentials"))
        self.site = SitePage(
            settings, path, store=secret_store, outbox=outbox, on_changed=self._site_changed
        )
        self.tabs.addTab(_scrolled(self.site), self.tr("Site"))
        note = QLabel(self.tr("Changes take effect when the station is restarted."))
        layout.addWidget(note)
        self.summary = QLabel()
        self.summary.setObjectName("settings_errors")
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setWordWrap(True)
        self.summary.hide()
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _site_changed(self, journal_url: str, bench: str) -> None:
        """A join or leave saved the file already: the form shows it and keeps it on Save."""
        for name, value in (("journal_url", journal_url), ("bench", bench)):
            self.form.editor(name).set_value(value)
            self._as_opened[name] = self.form.editor(name).value()

    def reject(self) -> None:
        """Cancel, Escape or the window's ✕: edits are dropped only when the user says so."""
        if self.saved_settings is None and self.form.value() != self._as_opened:
            answer = QMessageBox.question(
                self,
                self.tr("Drop your changes?"),
                self.tr("The settings you changed are not saved. Close without saving them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def _add_printer_tools(self) -> None:
        """Discovery and test prints on the printers tab (both run on a pool thread)."""
        printers = self.form.pages.get("printers")
        if not isinstance(printers, ModelEditor):
            return
        page = printers.widget.parentWidget()
        layout = page.layout() if page is not None else None
        if not isinstance(layout, QVBoxLayout):
            return
        self.finder = PrinterFinder()
        self.finder.label_chosen.connect(lambda uri: printers.editor("label", "uri").set_value(uri))
        self.finder.slip_chosen.connect(lambda uri: printers.editor("slip", "uri").set_value(uri))
        self.test_status = QLabel()
        self.test_status.setObjectName("test_print_status")
        self.test_status.setWordWrap(True)
        self.test_label = SamplePrintButton(
            self.tr("Test label"), lambda: printers.value()["label"], self.test_status
        )
        self.test_slip = SamplePrintButton(
            self.tr("Test slip"), lambda: printers.value()["slip"], self.test_status
        )
        self.find_button = QPushButton(self.tr("Find printers"))
        self.find_button.clicked.connect(self.finder.refresh)
        row = QHBoxLayout()
        row.addWidget(self.find_button)
        row.addWidget(self.test_label)
        row.addWidget(self.test_slip)
        row.addStretch(1)
        layout.insertLayout(1, row)
        layout.insertWidget(2, self.test_status)
        layout.insertWidget(3, self.finder)
        self.finder.hide()
        self.finder.discovered.connect(lambda _: self.finder.show())

    def save(self) -> None:
        try:
            settings = self.form.validate()
            # What the station would refuse (an address it cannot parse); an empty printer may
            # still be set up later.
            errors = settings_refusals(self.form.value(), require_printers=False)
        except ValidationError as exc:
            errors = field_errors(exc)
        if errors:
            self.mark(errors)
            return
        self.form.show_errors([])
        self.summary.hide()
        self.buttons.setEnabled(False)
        path = self.path
        run_in_background(
            lambda: save_settings(settings, path),
            on_success=lambda _: self._saved(settings),
            on_failure=self._save_failed,
            context=self,
            name="save settings",
        )

    def mark(self, errors: list[tuple[tuple[str | int, ...], str]]) -> None:
        """Show each error at its field (red), open the tab of the first, say how many."""
        self.form.show_errors(errors)
        first = str(errors[0][0][0]) if errors and errors[0][0] else ""
        if first in self.form.tab_of:
            self.tabs.setCurrentIndex(self.form.tab_of[first])
        self._focus_first(errors)
        self.summary.setText(
            self.tr("Not saved: {count} setting(s) need correcting (shown in red).").format(
                count=len(errors)
            )
        )
        self.summary.show()

    def _focus_first(self, errors: list[tuple[tuple[str | int, ...], str]]) -> None:
        """The cursor in the first field to correct (typing goes straight into it)."""
        for where, _message in errors:
            try:
                editor = self.form.editor(*(str(part) for part in where))
            except (KeyError, AttributeError):
                continue
            widget = getattr(editor, "widget", None)
            if isinstance(widget, QWidget) and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _saved(self, settings: Settings) -> None:
        self.saved_settings = settings
        self.buttons.setEnabled(True)
        log.info("settings saved")
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        text = exc.user_text() if isinstance(exc, StationError) else str(exc)
        self.summary.setText(text)
        self.summary.show()
