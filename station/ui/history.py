"""Today's shipments for the warehouse lead: status, reprints, retries, CSV and the day's summary.

Everything read from or written to the journal, the document cache, a printer or a file runs on
a pool thread; the window only shows results. Statuses carry a word and a symbol as well as a
colour, so they read on any screen and for colour-blind leads alike.

The journal holds no customer data (ids, codes and outcomes only), so nothing shown or exported
here can leak an address.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.errors import JournalError, StationError
from station.journal import (
    DaySummary,
    DocumentKind,
    OutboxKind,
    OutboxState,
    ShipmentRecord,
    ShipmentStatus,
)
from station.printing import JobResult, PrintJob
from station.ui.background import run_in_background
from station.ui.widgets.record_table import button_row, record_table

if TYPE_CHECKING:
    from station.runtime import Runtime

log = logging.getLogger("station.ui.history")

# A callback the main window may pass to reprint through its own worker: (po, "label"|"slip").
Reprint = Callable[[str, str], None]

CSV_COLUMNS = ("po", "status", "time", "ship_method", "transaction_id", "station", "errors")

_STATUS_LOOK = {
    ShipmentStatus.CONFIRMED: ("✔", "#1b5e20", "#c8e6c9"),
    ShipmentStatus.QUEUED: ("⏳", "#6d4c00", "#ffe082"),
    ShipmentStatus.FAILED: ("✖", "#b00020", "#ffcdd2"),
}


def status_text(status: ShipmentStatus) -> str:
    words = {
        ShipmentStatus.CONFIRMED: QCoreApplication.translate("History", "Confirmed"),
        ShipmentStatus.QUEUED: QCoreApplication.translate("History", "Queued"),
        ShipmentStatus.FAILED: QCoreApplication.translate("History", "Failed"),
    }
    return f"{_STATUS_LOOK[status][0]} {words[status]}"


def shipments_csv(records: Sequence[ShipmentRecord]) -> str:
    """The shipments as CSV (UTF-8, one row per PO); the journal holds no addresses to leak."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        writer.writerow(
            [
                _csv_safe(r.po),
                str(r.status),
                r.at.astimezone().isoformat(timespec="seconds"),
                _csv_safe(r.ship_method or ""),
                _csv_safe(r.transaction_id or ""),
                _csv_safe(r.station_id),
                _csv_safe(" | ".join(r.errors)),
            ]
        )
    return out.getvalue()


def _csv_safe(value: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def summary_lines(summary: DaySummary) -> list[tuple[str, str]]:
    """The end-of-day summary as (label, value) rows, shared by the screen and the PDF."""
    rows = [
        (QCoreApplication.translate("History", "Day"), summary.day.isoformat()),
        (QCoreApplication.translate("History", "Shipments"), str(summary.shipments)),
        (QCoreApplication.translate("History", "Confirmed"), str(summary.confirmed)),
        (
            QCoreApplication.translate("History", "Queued (not yet accepted by Amazon)"),
            str(summary.queued),
        ),
        (QCoreApplication.translate("History", "Failed confirmations"), str(summary.failed)),
        (
            QCoreApplication.translate("History", "Still open in the outbox"),
            str(summary.open_in_outbox),
        ),
        (QCoreApplication.translate("History", "Failed prints"), str(summary.failed_prints)),
        (QCoreApplication.translate("History", "Errors"), str(summary.errors)),
    ]
    for method, count in sorted(summary.per_ship_method.items()):
        rows.append(
            (
                QCoreApplication.translate("History", "Ship method {method}").format(method=method),
                str(count),
            )
        )
    return rows


def summary_pdf(summary: DaySummary, station_id: str) -> bytes:
    """The end-of-day summary as an A4 PDF for the slip printer (fpdf2: no GUI thread needed)."""
    from fpdf import FPDF

    from station.resources import font_path

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("DejaVu", "B", str(font_path()))
    pdf.set_font("DejaVu", "B", 20)
    pdf.cell(
        0,
        14,
        QCoreApplication.translate("History", "End-of-day summary"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("DejaVu", "B", 12)
    pdf.cell(
        0,
        8,
        QCoreApplication.translate("History", "Station {station}").format(station=station_id),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    for label, value in summary_lines(summary):
        pdf.cell(130, 9, label, border="B")
        pdf.cell(40, 9, value, border="B", align="R", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _print_documents(runtime: Runtime, po: str, which: str) -> list[JobResult]:
    """Reprint a PO's stored label(s) or slip from the encrypted cache (pool thread)."""
    kind = DocumentKind.LABEL if which == "label" else DocumentKind.SLIP
    printer = runtime.label_printer if which == "label" else runtime.slip_printer
    infos = [i for i in runtime.documents.list(po) if i.kind is kind]
    if not infos:
        raise StationError(
            QCoreApplication.translate("History", "No stored {which} for {po}.").format(
                which=which, po=po
            ),
            hint=QCoreApplication.translate(
                "History", "Scan the PO again to fetch its documents from Amazon."
            ),
        )
    results = []
    for info in sorted(infos, key=lambda i: i.package_id):
        document = runtime.documents.get(po, kind, info.package_id)
        if document is None:
            continue
        job = PrintJob.from_bytes(document.content, name=f"{po} {which} {info.package_id}".strip())
        results.append(printer.print_job(job))
        runtime.journal.record_print(
            po, which, printer.address.uri, True, package_id=info.package_id or None
        )
    return results


def _retry(runtime: Runtime, po: str) -> int:
    failed = [
        item
        for item in runtime.outbox.list(states=(OutboxState.FAILED,), po=po)
        if item.kind is OutboxKind.CONFIRMATION
    ]
    if not failed:
        raise JournalError(
            QCoreApplication.translate(
                "History", "{po} has no failed confirmation to retry."
            ).format(po=po)
        )
    for item in failed:
        runtime.outbox.retry(item.id)
    return len(failed)


class HistoryWindow(QDialog):
    """Today's shipments; a selected row can be reprinted or, when failed, retried."""

    def __init__(
        self, parent: QWidget | None, runtime: Runtime, *, reprint: Reprint | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history_window")
        self.setWindowTitle(self.tr("Today's shipments"))
        self.runtime = runtime
        self._reprint = reprint
        self.records: list[ShipmentRecord] = []
        self.summary: DaySummary | None = None
        self.resize(980, 640)

        layout = QVBoxLayout(self)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setStyleSheet("font-size: 16px;")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        self.table = record_table(
            [
                self.tr("PO"),
                self.tr("Status"),
                self.tr("Time"),
                self.tr("Ship method"),
                self.tr("Transaction"),
                self.tr("Problem"),
            ]
        )
        self.table.setObjectName("shipments_table")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)

        self.reprint_label_button = QPushButton(self.tr("Reprint label"))
        self.reprint_slip_button = QPushButton(self.tr("Reprint slip"))
        self.retry_button = QPushButton(self.tr("Retry confirmation"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.print_summary_button = QPushButton(self.tr("Print day summary"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        row = button_row(
            (
                self.reprint_label_button,
                self.reprint_slip_button,
                self.retry_button,
                self.export_button,
                self.print_summary_button,
                self.refresh_button,
            ),
            min_height=40,
        )
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("history_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.reprint_label_button.clicked.connect(lambda: self.reprint_selected("label"))
        self.reprint_slip_button.clicked.connect(lambda: self.reprint_selected("slip"))
        self.retry_button.clicked.connect(self.retry_selected)
        self.export_button.clicked.connect(self.ask_export)
        self.print_summary_button.clicked.connect(self.print_summary)
        self.refresh_button.clicked.connect(self.refresh)
        self._selection_changed()
        self.loaded = False
        self.refresh()

    # -- loading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        journal = self.runtime.journal
        self.refresh_button.setEnabled(False)

        def load() -> tuple[list[ShipmentRecord], DaySummary]:
            records = journal.shipments_today()
            today = journal.now().astimezone().date()
            return records, journal.day_summary(today)

        run_in_background(
            load, on_success=self._loaded, on_failure=self._failed, context=self, name="history"
        )

    def _loaded(self, result: Any) -> None:
        self.records, self.summary = result
        self.refresh_button.setEnabled(True)
        self.table.setRowCount(0)
        for record in sorted(self.records, key=lambda r: r.at, reverse=True):
            self._add_row(record)
        self._show_summary()
        self._selection_changed()
        self.loaded = True

    def _add_row(self, record: ShipmentRecord) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        _symbol, fg, bg = _STATUS_LOOK[record.status]
        cells = [
            record.po,
            status_text(record.status),
            record.at.astimezone().strftime("%H:%M:%S"),
            record.ship_method or "",
            record.transaction_id or "",
            "; ".join(record.errors),
        ]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record.po)
            if column == 1:
                item.setForeground(QColor(fg))
                item.setBackground(QColor(bg))
            self.table.setItem(row, column, item)

    def _show_summary(self) -> None:
        s = self.summary
        if s is None:
            return
        methods = ", ".join(f"{m}: {n}" for m, n in sorted(s.per_ship_method.items())) or "-"
        self.summary_label.setText(
            self.tr(
                "{total} shipments today — {confirmed} confirmed, {queued} queued, {failed} "
                "failed; {open} still open in the outbox. Per ship method: {methods}"
            ).format(
                total=s.shipments,
                confirmed=s.confirmed,
                queued=s.queued,
                failed=s.failed,
                open=s.open_in_outbox,
                methods=methods,
            )
        )

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self._set_enabled(True)
        text = exc.user_text() if isinstance(exc, StationError) else str(exc)
        self.status.setText(self.tr("Failed: {error}").format(error=text))
        self.status.setStyleSheet("color: #b00020; font-weight: bold;")

    def _ok(self, text: str) -> None:
        self._set_enabled(True)
        self.status.setText(text)
        self.status.setStyleSheet("")

    def _set_enabled(self, enabled: bool) -> None:
        for button in (self.export_button, self.print_summary_button):
            button.setEnabled(enabled)
        if enabled:
            self._selection_changed()
        else:
            for button in (
                self.reprint_label_button,
                self.reprint_slip_button,
                self.retry_button,
            ):
                button.setEnabled(False)

    # -- selection and actions ---------------------------------------------------------------

    def selected(self) -> ShipmentRecord | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        item = self.table.item(rows.pop(), 0)
        po = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((r for r in self.records if r.po == po), None)

    def select_po(self, po: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text() == po:
                self.table.selectRow(row)
                return
        raise KeyError(po)

    def _selection_changed(self) -> None:
        record = self.selected()
        self.reprint_label_button.setEnabled(record is not None)
        self.reprint_slip_button.setEnabled(record is not None)
        self.retry_button.setEnabled(record is not None and record.status is ShipmentStatus.FAILED)

    def reprint_selected(self, which: str) -> None:
        record = self.selected()
        if record is None:
            return
        if self._reprint is not None:
            self._reprint(record.po, which)
            self._ok(self.tr("Reprint of {po} requested.").format(po=record.po))
            return
        runtime, po = self.runtime, record.po
        self._set_enabled(False)
        self.status.setText(self.tr("Printing…"))
        run_in_background(
            lambda: _print_documents(runtime, po, which),
            on_success=lambda results: self._ok(
                self.tr("{count} document(s) of {po} sent to the printer.").format(
                    count=len(results), po=po
                )
            ),
            on_failure=self._failed,
            context=self,
            name="reprint",
        )

    def retry_selected(self) -> None:
        record = self.selected()
        if record is None or record.status is not ShipmentStatus.FAILED:
            return
        runtime, po = self.runtime, record.po
        self._set_enabled(False)
        run_in_background(
            lambda: _retry(runtime, po),
            on_success=lambda _: self._retried(po),
            on_failure=self._failed,
            context=self,
            name="retry",
        )

    def _retried(self, po: str) -> None:
        self._ok(self.tr("The confirmation of {po} is queued again.").format(po=po))
        self.refresh()

    def ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export shipments"),
            f"shipments-{date.today().isoformat()}.csv",
            "CSV (*.csv)",
        )
        if name:
            self.export_csv(Path(name))

    def export_csv(self, path: Path) -> None:
        records = list(self.records)
        self._set_enabled(False)

        def write() -> Path:
            try:
                path.write_text(shipments_csv(records), encoding="utf-8-sig", newline="")
            except OSError as exc:
                raise JournalError(
                    QCoreApplication.translate("History", "Cannot write {path}: {error}").format(
                        path=path, error=exc.strerror
                    )
                ) from None
            return path

        run_in_background(
            write,
            on_success=lambda saved: self._ok(
                self.tr("{count} shipments exported to {path}.").format(
                    count=len(records), path=saved
                )
            ),
            on_failure=self._failed,
            context=self,
            name="csv export",
        )

    def print_summary(self) -> None:
        summary = self.summary
        if summary is None:
            return
        printer = self.runtime.slip_printer
        station = self.runtime.journal.station_id
        self._set_enabled(False)

        def send() -> JobResult:
            pdf = summary_pdf(summary, station)
            return printer.print_job(PrintJob.from_bytes(pdf, name="day summary"))

        run_in_background(
            send,
            on_success=lambda result: self._ok(
                self.tr("Day summary sent to {uri}.").format(uri=result.printer)
            ),
            on_failure=self._failed,
            context=self,
            name="summary print",
        )


def open_history(parent: QWidget | None, runtime: Runtime, reprint: Reprint | None = None) -> None:
    """Show today's shipments (modal). ``reprint`` lets the main window reprint via its worker."""
    window = HistoryWindow(parent, runtime, reprint=reprint)
    try:
        window.exec()
    finally:
        window.deleteLater()
