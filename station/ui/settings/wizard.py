"""The first-run wizard: from a fresh install to a station that can pack, or straight to demo mode.

Pages reuse the model-driven editors of the settings dialog, so the wizard asks exactly what the
settings model knows, with the same validation: each page checks the whole model assembled so far
and only lets the lead continue when the fields *on that page* are valid. "Try demo mode" on the
first page skips everything — a newcomer sees the whole flow on the simulator in a minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from station.config import BoxPreset, PrintersSettings, Settings, WarehouseSettings, save_settings
from station.errors import StationError
from station.secrets import SecretStore
from station.ui.background import run_in_background
from station.ui.settings.credentials import CredentialsPage
from station.ui.settings.field_texts import CHOICE_TEXTS
from station.ui.settings.form import (
    ERROR_STYLE,
    FieldError,
    ListEditor,
    ModelEditor,
    field_errors,
    field_text,
)
from station.ui.settings.printers import PrinterFinder, SamplePrintButton
from station.ui.settings.refusals import printer_refusals

EXAMPLE_PRESETS = (
    BoxPreset(id="S", name="Small", length=12, width=9, height=4, tare_weight=0.4),
    BoxPreset(id="M", name="Medium", length=16, width=12, height=8, tare_weight=0.8),
    BoxPreset(id="L", name="Large", length=20, width=16, height=12, tare_weight=1.3),
)


@dataclass(frozen=True)
class WizardResult:
    """What the wizard decided: demo mode, or these settings (already saved at ``path``)."""

    demo: bool
    settings: Settings | None = None
    path: Path | None = None


class _SubsetEditor(ModelEditor):
    """A form with only some top-level fields of the settings model."""

    def __init__(self, fields: tuple[str, ...]) -> None:
        others = tuple(n for n in Settings.model_fields if n not in fields)
        super().__init__(Settings, exclude=others)


class _Page(QWizardPage):
    """A page whose ``validatePage`` checks the model and shows the errors of its own fields."""

    owned: tuple[str, ...] = ()

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.station_wizard = wizard
        self.errors = QLabel()
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setWordWrap(True)
        self.errors.hide()

    def scrolled_layout(self) -> QVBoxLayout:
        """The page's layout, inside a scroll area: a 768-px-high laptop must show every page."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        area.setWidget(body)
        outer.addWidget(area)
        return QVBoxLayout(body)

    def contribute(self, data: dict[str, Any]) -> None:
        """Put this page's values into the settings being assembled."""

    def show_errors(self, errors: list[FieldError]) -> None:
        """Show the errors of this page's fields."""

    def validatePage(self) -> bool:
        try:
            self.station_wizard.assemble()
        except ValidationError as exc:
            mine = [(loc, msg) for loc, msg in field_errors(exc) if loc and loc[0] in self.owned]
            self.show_errors(mine)
            self.errors.setText("\n".join(f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in mine))
            self.errors.setVisible(bool(mine))
            return not mine
        self.show_errors([])
        self.errors.hide()
        return True


class WelcomePage(_Page):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Welcome to Packing Station"))
        layout = self.scrolled_layout()
        text = QLabel(
            self.tr(
                "This assistant connects the station to Amazon Vendor Direct Fulfillment: region, "
                "vendor and warehouse codes, SP-API credentials, printers and box sizes.\n\n"
                "Just looking? Demo mode runs the whole packing flow on a built-in simulator "
                "with printers that write files. Nothing is sent to Amazon."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.demo_button = QPushButton(self.tr("Try demo mode"))
        self.demo_button.setObjectName("demo_button")
        self.demo_button.setMinimumHeight(64)
        self.demo_button.setStyleSheet(
            "QPushButton { font-size: 20px; font-weight: bold; background: #1b5e20; "
            "color: white; border-radius: 6px; padding: 8px 24px; }"
        )
        self.demo_button.clicked.connect(wizard.choose_demo)
        layout.addSpacing(16)
        layout.addWidget(self.demo_button)
        layout.addSpacing(16)
        layout.addWidget(QLabel(self.tr("Or press Next to set up this station.")))
        layout.addStretch(1)


class MarketplacePage(_Page):
    owned = ("region", "environment", "api_version")

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Amazon marketplace"))
        self.setSubTitle(self.tr("Where this vendor's orders come from."))
        self.editor = _SubsetEditor(self.owned)
        self.editor.set_value(wizard.initial)
        layout = self.scrolled_layout()
        layout.addWidget(self.editor.widget)
        layout.addWidget(self.errors)
        layout.addStretch(1)

    def contribute(self, data: dict[str, Any]) -> None:
        data.update({k: v for k, v in self.editor.value().items() if k in self.owned})

    def show_errors(self, errors: list[FieldError]) -> None:
        self.editor.show_errors(errors)


class VendorPage(_Page):
    owned = ("vendor_code", "warehouses")

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Vendor and warehouse"))
        self.setSubTitle(
            self.tr("The codes Amazon assigned: the vendor code and this warehouse's party id.")
        )
        self.vendor = _SubsetEditor(("vendor_code",))
        self.vendor.set_value(wizard.initial)
        self.warehouse = ModelEditor(WarehouseSettings)
        if wizard.initial.warehouses:
            self.warehouse.set_value(wizard.initial.warehouses[0])
        layout = self.scrolled_layout()
        layout.addWidget(self.vendor.widget)
        layout.addWidget(self.warehouse.widget)
        layout.addWidget(self.errors)
        layout.addStretch(1)

    def contribute(self, data: dict[str, Any]) -> None:
        data["vendor_code"] = self.vendor.value()["vendor_code"]
        data["warehouses"] = [self.warehouse.value()]

    def show_errors(self, errors: list[FieldError]) -> None:
        self.vendor.show_errors(errors)
        self.warehouse.show_errors(
            [(loc[2:], msg) for loc, msg in errors if loc[:2] == ("warehouses", 0)]
        )


class CredentialsWizardPage(_Page):
    def __init__(self, wizard: FirstRunWizard, store: SecretStore | None) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("SP-API credentials"))
        self.credentials = CredentialsPage(store=store, region=wizard.initial.region)
        self.saved = False
        self.credentials.saved.connect(self._on_saved)
        layout = self.scrolled_layout()
        layout.addWidget(self.credentials)
        layout.addWidget(self.errors)

    def _on_saved(self) -> None:
        self.saved = True

    def initializePage(self) -> None:
        self.credentials.region = self.station_wizard.assemble_raw().get("region", "na")
        self.credentials._update_consent()

    def validatePage(self) -> bool:
        if self.credentials.has_input() and not self.saved:
            self.errors.setText(
                self.tr(
                    "Save the credentials in the keyring first, or clear the secret fields to "
                    "set them later (or through STATION_LWA_* variables)."
                )
            )
            self.errors.show()
            return False
        self.errors.hide()
        return True


class PrintersPage(_Page):
    owned = ("printers",)

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Printers"))
        self.setSubTitle(
            self.tr("A thermal printer for 4x6 labels, an office printer for packing slips.")
        )
        self.finder = PrinterFinder()
        self.editor = ModelEditor(PrintersSettings)
        self.editor.set_value(wizard.initial.printers)
        self.finder.label_chosen.connect(
            lambda uri: self.editor.editor("label", "uri").set_value(uri)
        )
        self.finder.slip_chosen.connect(
            lambda uri: self.editor.editor("slip", "uri").set_value(uri)
        )
        self.test_status = QLabel()
        self.test_status.setObjectName("test_print_status")
        self.test_status.setWordWrap(True)
        self.test_label = SamplePrintButton(
            self.tr("Test label"), lambda: self.editor.value()["label"], self.test_status
        )
        self.test_slip = SamplePrintButton(
            self.tr("Test slip"), lambda: self.editor.value()["slip"], self.test_status
        )
        layout = self.scrolled_layout()
        layout.addWidget(self.finder)
        layout.addWidget(self.editor.widget)
        row = QHBoxLayout()
        row.addWidget(self.test_label)
        row.addWidget(self.test_slip)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.test_status)
        layout.addWidget(self.errors)
        self._searched = False

    def initializePage(self) -> None:
        if not self._searched:
            self._searched = True
            self.finder.refresh()

    def contribute(self, data: dict[str, Any]) -> None:
        data["printers"] = self.editor.value()

    def validatePage(self) -> bool:
        """The model's checks, then the station's own: a wizard that saved an address the
        station cannot use would lock the station out on every launch."""
        if not super().validatePage():
            return False
        refused = printer_refusals(self.editor.value())
        self.show_errors(refused)
        self.errors.setText("\n".join(f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in refused))
        self.errors.setVisible(bool(refused))
        return not refused

    def show_errors(self, errors: list[FieldError]) -> None:
        self.editor.show_errors([(loc[1:], msg) for loc, msg in errors])


class BoxPresetsPage(_Page):
    owned = ("box_presets",)

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Box presets"))
        self.setSubTitle(
            self.tr(
                "The carton sizes packers pick by scanning CMD:BOX:<id> on the command sheet. "
                "Edit these examples to match your boxes."
            )
        )
        self.editor = ListEditor(BoxPreset)
        self.editor.set_value(wizard.initial.box_presets or list(EXAMPLE_PRESETS))
        layout = self.scrolled_layout()
        layout.addWidget(self.editor.widget)
        layout.addWidget(self.errors)

    def contribute(self, data: dict[str, Any]) -> None:
        data["box_presets"] = self.editor.value()

    def show_errors(self, errors: list[FieldError]) -> None:
        self.editor.show_errors([(loc[1:], msg) for loc, msg in errors])


class FinishPage(_Page):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Ready"))
        layout = self.scrolled_layout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.save_status = QLabel()
        self.save_status.setObjectName("save_status")
        self.save_status.setStyleSheet(ERROR_STYLE)
        self.save_status.setWordWrap(True)
        layout.addWidget(self.save_status)
        layout.addStretch(1)

    def initializePage(self) -> None:
        try:
            settings = self.station_wizard.assemble()
        except ValidationError:
            self.summary.setText(self.tr("Some settings are not valid yet: go back to fix them."))
            return
        warehouse = settings.warehouses[0].code if settings.warehouses else "-"
        self.summary.setText(
            self.tr(
                "Vendor {vendor}, warehouse {warehouse}, region {region} ({environment}).\n"
                "Labels: {label}\nSlips: {slip}\n{presets} box preset(s).\n\n"
                "Press Finish to save. Print the command sheet from the station's menu."
            ).format(
                vendor=settings.vendor_code or "-",
                warehouse=warehouse,
                region=field_text(str(CHOICE_TEXTS.get(settings.region, settings.region))),
                environment=settings.environment,
                label=settings.printers.label.uri or "-",
                slip=settings.printers.slip.uri or "-",
                presets=len(settings.box_presets),
            )
        )


class FirstRunWizard(QWizard):
    """Collects the settings page by page; ``result_value`` is set when it closes accepted."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
        initial: Settings | None = None,
        secret_store: SecretStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(self.tr("Set up Packing Station"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(880, 700)
        self.path = path
        self.initial = initial if initial is not None else Settings(environment="production")
        self.result_value: WizardResult | None = None
        self._saving = False
        self.welcome = WelcomePage(self)
        self.marketplace = MarketplacePage(self)
        self.vendor = VendorPage(self)
        self.credentials = CredentialsWizardPage(self, secret_store)
        self.printers = PrintersPage(self)
        self.presets = BoxPresetsPage(self)
        self.finish = FinishPage(self)
        self.data_pages: list[_Page] = [
            self.marketplace,
            self.vendor,
            self.printers,
            self.presets,
        ]
        for page in (
            self.welcome,
            self.marketplace,
            self.vendor,
            self.credentials,
            self.printers,
            self.presets,
            self.finish,
        ):
            self.addPage(page)

    def assemble_raw(self) -> dict[str, Any]:
        data: dict[str, Any] = self.initial.model_dump()
        for page in self.data_pages:
            page.contribute(data)
        return data

    def assemble(self) -> Settings:
        """The settings as entered so far (ValidationError when some field is wrong)."""
        return Settings.model_validate(self.assemble_raw())

    def choose_demo(self) -> None:
        self.result_value = WizardResult(demo=True)
        super().accept()

    def accept(self) -> None:
        if self._saving:
            return
        try:
            settings = self.assemble()
        except ValidationError as exc:
            self.finish.save_status.setText(
                "\n".join(f"{'.'.join(map(str, loc))}: {m}" for loc, m in field_errors(exc))
            )
            return
        self._saving = True
        path = self.path
        run_in_background(
            lambda: save_settings(settings, path),
            on_success=lambda saved: self._saved(settings, saved),
            on_failure=self._save_failed,
            context=self,
            name="save settings",
        )

    def _saved(self, settings: Settings, path: Any) -> None:
        self._saving = False
        self.result_value = WizardResult(demo=False, settings=settings, path=Path(path))
        super().accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        text = exc.user_text() if isinstance(exc, StationError) else str(exc)
        self.finish.save_status.setText(text)
