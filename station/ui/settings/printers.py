"""Printer discovery and test prints for the wizard and the settings dialog.

Both touch devices (CUPS, the Windows spooler, a TCP socket) and run on a pool thread; the
samples are made here so a test print never needs an order or a network.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.config import PrinterSettings
from station.errors import StationError
from station.printing import DocumentKind, JobResult, PrintJob, open_printer
from station.printing.discovery import DiscoveredPrinter, discover_printers
from station.ui.background import run_in_background

SAMPLE_ZPL = (
    b"^XA^CI28^PW812^LL1218"
    b"^FO60,80^A0N,70,70^FDPacking Station^FS"
    b"^FO60,180^A0N,45,45^FDTest label - 4 x 6 in^FS"
    b"^FO60,280^BY3^BCN,160,Y,N,N^FDTEST-LABEL-0001^FS"
    b"^FO40,40^GB732,1138,6^FS^XZ"
)


def sample_pdf(title: str = "Packing Station test page") -> bytes:
    """An A4 page with a heading and a frame, for the slip printer."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 24)
    pdf.cell(0, 20, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 14)
    pdf.multi_cell(0, 8, "If you can read this, packing slips will print on this printer.")
    pdf.rect(10, 10, 190, 277)
    return bytes(pdf.output())


def sample_job(settings: PrinterSettings) -> PrintJob:
    """A ZPL test label for a ZPL printer, a one-page PDF for a driver printer."""
    if settings.language == "zpl":
        return PrintJob(SAMPLE_ZPL, DocumentKind.ZPL, name="station test label")
    return PrintJob(sample_pdf(), DocumentKind.PDF, name="station test page")


def print_test_page(settings: PrinterSettings) -> JobResult:
    """Print the sample on ``settings``' printer (on a pool thread: it waits for the device)."""
    from station.runtime import printer_profile

    printer = open_printer(settings.uri, printer_profile(settings))
    return printer.print_job(sample_job(settings))


class PrinterFinder(QWidget):
    """The printers this machine sees, with their state; a click picks one for labels or slips."""

    label_chosen = Signal(str)
    slip_chosen = Signal(str)
    discovered = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("discovered_printers")
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(130)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Search again"))
        self.use_label = QPushButton(self.tr("Use for labels"))
        self.use_slip = QPushButton(self.tr("Use for slips"))
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        row.addWidget(self.use_label)
        row.addWidget(self.use_slip)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("discovery_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.refresh_button.clicked.connect(self.refresh)
        self.use_label.clicked.connect(lambda: self._choose(self.label_chosen))
        self.use_slip.clicked.connect(lambda: self._choose(self.slip_chosen))

    def refresh(self) -> None:
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Looking for printers…"))
        run_in_background(
            discover_printers,
            on_success=self._found,
            on_failure=self._failed,
            context=self,
            name="printer discovery",
        )

    def _found(self, printers: Any) -> None:
        self.refresh_button.setEnabled(True)
        self.list.clear()
        found: list[DiscoveredPrinter] = list(printers)
        for printer in found:
            item = QListWidgetItem(f"{printer.uri}   —   {printer.status}")
            item.setData(256, printer.uri)
            self.list.addItem(item)
        if found:
            self.status.setText(self.tr("{count} printer(s) found.").format(count=len(found)))
        else:
            self.status.setText(
                self.tr(
                    "No printers found. Type a URI instead, e.g. tcp://192.168.1.50:9100 for a "
                    "networked Zebra."
                )
            )
        self.discovered.emit(found)

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        text = exc.user_text() if isinstance(exc, StationError) else str(exc)
        self.status.setText(self.tr("Printer search failed: {error}").format(error=text))

    def _choose(self, signal: Any) -> None:
        item = self.list.currentItem()
        if item is not None:
            signal.emit(str(item.data(256)))


class SamplePrintButton(QPushButton):
    """Prints the sample on whatever ``settings()`` returns when clicked; reports in ``status``."""

    printed = Signal(str)
    failed = Signal(str)

    def __init__(self, text: str, settings: Any, status: QLabel) -> None:
        super().__init__(text)
        self._settings = settings
        self._status = status
        self.clicked.connect(self.run)

    def run(self) -> None:
        try:
            settings = PrinterSettings.model_validate(self._settings())
        except ValueError as exc:
            self._report_failure(str(exc))
            return
        if not settings.uri:
            self._report_failure(self.tr("Choose a printer first."))
            return
        self.setEnabled(False)
        self._status.setText(self.tr("Printing a test page on {uri}…").format(uri=settings.uri))
        run_in_background(
            lambda: print_test_page(settings),
            on_success=self._done,
            on_failure=lambda exc: self._report_failure(
                exc.user_text() if isinstance(exc, StationError) else str(exc)
            ),
            context=self,
            name="test print",
        )

    def _done(self, result: Any) -> None:
        self.setEnabled(True)
        text = self.tr("Test page sent to {uri}.").format(uri=result.printer)
        self._status.setText(text)
        self.printed.emit(text)

    def _report_failure(self, text: str) -> None:
        self.setEnabled(True)
        self._status.setText(self.tr("Test print failed: {error}").format(error=text))
        self.failed.emit(text)
