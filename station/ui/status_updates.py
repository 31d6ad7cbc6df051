"""Carrier status events for vendor-own-carrier warehouses, recorded per package.

The rules (confirmed first, tracking number must match, VOC warehouses only) and the mapping to
Amazon's codes live in :mod:`station.workflow.status_updates`; this screen collects one event at a
time (or a carrier's CSV export), hands it to :class:`StatusUpdater` on a pool thread and shows
what was queued or why it was refused. The outbox sends each update exactly once.

The location may be the customer's town, so it is shown only in the form and never logged.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.errors import ScanError, StationError
from station.files import MAX_CSV_BYTES, read_input_file
from station.journal import OutboxItem, OutboxKind
from station.ui.background import run_in_background
from station.workflow.status_updates import (
    BulkOutcome,
    CarrierEvent,
    CarrierScan,
    StatusUpdater,
    confirmed_shipment,
    parse_carrier_csv,
)

if TYPE_CHECKING:
    from station.runtime import Runtime

log = logging.getLogger("station.ui.status_updates")

ERROR_STYLE = "color: #b00020; font-weight: bold;"


def event_names() -> dict[CarrierEvent, str]:
    return {
        CarrierEvent.DEPARTED: QCoreApplication.translate(
            "StatusUpdates", "Departed from the warehouse"
        ),
        CarrierEvent.IN_TRANSIT: QCoreApplication.translate("StatusUpdates", "In transit"),
        CarrierEvent.OUT_FOR_DELIVERY: QCoreApplication.translate(
            "StatusUpdates", "Out for delivery"
        ),
        CarrierEvent.DELIVERED: QCoreApplication.translate("StatusUpdates", "Delivered"),
        CarrierEvent.DELAYED: QCoreApplication.translate("StatusUpdates", "Delayed"),
        CarrierEvent.LOST: QCoreApplication.translate("StatusUpdates", "Lost"),
        CarrierEvent.REJECTED: QCoreApplication.translate(
            "StatusUpdates", "Rejected by the customer"
        ),
        CarrierEvent.UNDELIVERABLE: QCoreApplication.translate("StatusUpdates", "Undeliverable"),
    }


def form_scan(
    po: str,
    tracking: str,
    event: CarrierEvent | None,
    at: datetime,
    city: str,
    postal_code: str,
    country: str,
) -> CarrierScan:
    """The form's fields as a scan; ScanError names the field that is missing or malformed."""
    po, tracking = po.strip().upper(), tracking.strip()
    if not po:
        raise ScanError(
            QCoreApplication.translate("StatusUpdates", "Enter the PO number."),
            hint=QCoreApplication.translate("StatusUpdates", "Scan or type the PO."),
        )
    if not tracking:
        raise ScanError(
            QCoreApplication.translate("StatusUpdates", "Enter the package's tracking number."),
            hint=QCoreApplication.translate(
                "StatusUpdates", "Scan the tracking barcode on the label, or pick it from the list."
            ),
        )
    if event is None:
        raise ScanError(
            QCoreApplication.translate("StatusUpdates", "Choose the carrier event."),
            hint=QCoreApplication.translate("StatusUpdates", "Pick what happened."),
        )
    if at.tzinfo is None:
        at = at.astimezone()
    country = country.strip().upper()
    if country and (len(country) != 2 or not country.isalpha()):
        raise ScanError(
            QCoreApplication.translate(
                "StatusUpdates", "Country must be a two-letter code, not {value!r}."
            ).format(value=country[:10]),
            hint=QCoreApplication.translate("StatusUpdates", "For example US, GB or DE."),
        )
    return CarrierScan(
        po=po,
        tracking=tracking,
        event=event,
        at=at.astimezone(UTC),
        city=city.strip() or None,
        postal_code=postal_code.strip() or None,
        country=country or None,
    )


class StatusUpdatesWindow(QDialog):
    """One carrier event per package, or a carrier CSV; the list shows what is queued."""

    def __init__(
        self,
        parent: QWidget | None,
        runtime: Runtime,
        *,
        updater: StatusUpdater | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("status_updates_window")
        self.setWindowTitle(self.tr("Carrier status updates"))
        self.runtime = runtime
        self.updater = updater or StatusUpdater(runtime.settings, runtime.outbox)
        self.resize(900, 640)
        layout = QVBoxLayout(self)

        voc = [w.code for w in runtime.settings.warehouses if w.vendor_own_carrier]
        intro = QLabel(
            self.tr(
                "For warehouses that ship with their own carrier ({warehouses}): record where "
                "each package is. Amazon needs these events for every package it did not carry."
            ).format(warehouses=", ".join(voc) or self.tr("none configured"))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if not voc:
            warning = QLabel(
                self.tr(
                    "No warehouse is marked 'Vendor-own carrier' in Settings, so every update "
                    "will be refused."
                )
            )
            warning.setObjectName("no_voc_warning")
            warning.setStyleSheet(ERROR_STYLE)
            warning.setWordWrap(True)
            layout.addWidget(warning)

        form = QFormLayout()
        self.po = QLineEdit()
        self.po.setObjectName("po")
        self.po.setPlaceholderText(self.tr("Scan the PO"))
        self.tracking = QComboBox()
        self.tracking.setObjectName("tracking")
        self.tracking.setEditable(True)
        self.event_box = QComboBox()
        self.event_box.setObjectName("event")
        for event, name in event_names().items():
            self.event_box.addItem(name, event)
        self.at = QDateTimeEdit(QDateTime.currentDateTime())
        self.at.setObjectName("at")
        self.at.setCalendarPopup(True)
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.city = QLineEdit()
        self.postal_code = QLineEdit()
        self.country = QLineEdit()
        self.country.setObjectName("country")
        self.country.setMaxLength(2)
        self.country.setPlaceholderText("US")
        form.addRow(self.tr("PO number"), self.po)
        form.addRow(self.tr("Tracking number"), self.tracking)
        form.addRow(self.tr("Event"), self.event_box)
        form.addRow(self.tr("When"), self.at)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("Postal code"), self.postal_code)
        form.addRow(self.tr("Country"), self.country)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Record event"))
        self.record_button.setObjectName("record_button")
        self.record_button.setMinimumHeight(44)
        self.import_button = QPushButton(self.tr("Import carrier CSV…"))
        row.addWidget(self.record_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("status_updates_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("PO"), self.tr("State"), self.tr("Updated"), self.tr("Problem")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)

        self.po.editingFinished.connect(self.look_up_tracking)
        self.record_button.clicked.connect(self.record)
        self.import_button.clicked.connect(self.ask_import)
        self.busy = False
        self.refresh()

    # -- helpers -----------------------------------------------------------------------------

    def _report(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        text = exc.user_text() if isinstance(exc, StationError) else str(exc)
        self._report(text, error=True)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.record_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)

    def refresh(self) -> None:
        outbox = self.runtime.outbox

        def load() -> list[OutboxItem]:
            items = [i for i in outbox.list() if i.kind is OutboxKind.STATUS_UPDATE]
            return items[-200:]

        run_in_background(
            load, on_success=self._show_items, context=self, name="status updates list"
        )

    def _show_items(self, items: Any) -> None:
        listed: Sequence[OutboxItem] = items
        self.table.setRowCount(0)
        for item in reversed(listed):
            row = self.table.rowCount()
            self.table.insertRow(row)
            problem = "; ".join(e.code for e in item.errors) or (item.last_error or "")
            for column, text in enumerate(
                [
                    item.po,
                    str(item.state),
                    item.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    problem,
                ]
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))

    # -- one event ---------------------------------------------------------------------------

    def look_up_tracking(self) -> None:
        """Offer the confirmed tracking numbers of the PO (the update must use one of them)."""
        po = self.po.text().strip().upper()
        if not po:
            return
        outbox = self.runtime.outbox
        run_in_background(
            lambda: confirmed_shipment(outbox, po),
            on_success=lambda shipment: self._offer_tracking(po, shipment),
            on_failure=self._failed,
            context=self,
            name="tracking lookup",
        )

    def _offer_tracking(self, po: str, shipment: Any) -> None:
        if shipment is None:
            self._report(
                self.tr("{po} has no confirmation accepted by Amazon on this station yet.").format(
                    po=po
                ),
                error=True,
            )
            return
        current = self.tracking.currentText()
        self.tracking.clear()
        self.tracking.addItems(list(shipment.tracking_numbers))
        if current in shipment.tracking_numbers:
            self.tracking.setCurrentText(current)
        self._report(
            self.tr("{po}: {count} package(s) confirmed.").format(
                po=po, count=len(shipment.tracking_numbers)
            )
        )

    def scan(self) -> CarrierScan:
        when = self.at.dateTime().toPython()
        if not isinstance(when, datetime):  # toPython() of a QDateTime is a datetime
            raise TypeError("the date field did not give a date and time")
        return form_scan(
            self.po.text(),
            self.tracking.currentText(),
            self.event_box.currentData(),
            when,
            self.city.text(),
            self.postal_code.text(),
            self.country.text(),
        )

    def record(self) -> None:
        try:
            scan = self.scan()
        except ScanError as exc:
            self._report(exc.user_text(), error=True)
            return
        updater = self.updater
        self._set_busy(True)
        self._report(self.tr("Recording…"))
        run_in_background(
            lambda: updater.enqueue(scan),
            on_success=self._recorded,
            on_failure=self._failed,
            context=self,
            name="status update",
        )

    def _recorded(self, item: Any) -> None:
        self._set_busy(False)
        names = event_names()
        self._report(
            self.tr(
                "Queued: {event} for {po} (outbox item {id}). It is sent automatically."
            ).format(event=names.get(self.event_box.currentData(), ""), po=item.po, id=item.id)
        )
        self.refresh()

    # -- a carrier file ----------------------------------------------------------------------

    def ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import carrier events"), "", "CSV (*.csv *.txt)"
        )
        if name:
            self.import_csv(Path(name))

    def import_csv(self, path: Path) -> None:
        updater = self.updater

        def work() -> BulkOutcome:
            raw = read_input_file(path, what="carrier file", limit=MAX_CSV_BYTES, error=ScanError)
            text = raw.decode("utf-8-sig", errors="replace")
            return updater.enqueue_many(parse_carrier_csv(text))

        self._set_busy(True)
        self._report(self.tr("Importing…"))
        run_in_background(
            work, on_success=self._imported, on_failure=self._failed, context=self, name="csv"
        )

    def _imported(self, outcome: Any) -> None:
        self._set_busy(False)
        result: BulkOutcome = outcome
        lines = [
            self.tr("{queued} update(s) queued, {refused} refused.").format(
                queued=len(result.queued), refused=len(result.refused)
            )
        ]
        for row, _scan, error in result.refused[:10]:
            lines.append(self.tr("Line {row}: {error}").format(row=row, error=error.message))
        self._report("\n".join(lines), error=bool(result.refused))
        self.refresh()


def open_status_updates(parent: QWidget | None, runtime: Runtime) -> None:
    """Show the vendor-own-carrier status screen (modal)."""
    window = StatusUpdatesWindow(parent, runtime)
    try:
        window.exec()
    finally:
        window.deleteLater()
