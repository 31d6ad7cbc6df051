"""The command sheet: barcodes the packer scans instead of touching the keyboard.

One Code 128 barcode per command (``CMD:CONFIRM``, ``CMD:CANCEL``, ``CMD:REPRINT``,
``CMD:NEXTBOX``) and one ``CMD:BOX:<preset id>`` per configured box preset, each with a caption
large enough to find the right one at arm's length. The sheet is an A4 PDF (fpdf2), printed on the
slip printer or saved for printing elsewhere; laminated, it lives next to the scanner.

Barcodes are drawn at 300 dpi with whole-pixel modules and a wide quiet zone, so any office
printer reproduces bars a cheap scanner reads.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.config import BoxPreset
from station.errors import StationError
from station.printing import DocumentKind, PrintJob
from station.ui.background import run_in_background

if TYPE_CHECKING:
    from station.printing import JobResult, Printer
    from station.runtime import Runtime

log = logging.getLogger("station.ui.command_sheet")

BARCODE_DPI = 300
MODULE_PX = 4  # 4 px at 300 dpi: a 0.34 mm module, comfortably scannable


@dataclass(frozen=True)
class Command:
    code: str  # what the barcode holds
    caption: str  # what the packer reads
    detail: str = ""


def sheet_commands(presets: Sequence[BoxPreset]) -> list[Command]:
    """The commands on the sheet, in the order a packer uses them."""
    commands = [
        Command(
            "CMD:CONFIRM",
            QCoreApplication.translate("CommandSheet", "CONFIRM"),
            QCoreApplication.translate("CommandSheet", "Confirm the shipment"),
        ),
        Command(
            "CMD:REPRINT",
            QCoreApplication.translate("CommandSheet", "REPRINT"),
            QCoreApplication.translate("CommandSheet", "Print the label and slip again"),
        ),
        Command(
            "CMD:NEXTBOX",
            QCoreApplication.translate("CommandSheet", "NEXT BOX"),
            QCoreApplication.translate("CommandSheet", "Start another carton for this order"),
        ),
        Command(
            "CMD:CANCEL",
            QCoreApplication.translate("CommandSheet", "CANCEL"),
            QCoreApplication.translate("CommandSheet", "Put this order aside"),
        ),
    ]
    for preset in presets:
        size = (
            f"{preset.length:g} x {preset.width:g} x {preset.height:g} "
            f"{preset.dimension_unit.lower()}"
        )
        commands.append(
            Command(
                f"CMD:BOX:{preset.id}",
                QCoreApplication.translate("CommandSheet", "BOX {name}").format(name=preset.name),
                size,
            )
        )
    return commands


def barcode_image(code: str) -> Any:
    """A Code 128 barcode as a Pillow image, bars only (the caption is set in the PDF)."""
    import barcode
    from barcode.writer import ImageWriter

    symbol = barcode.get("code128", code, writer=ImageWriter())
    mm_per_px = 25.4 / BARCODE_DPI
    return symbol.render(
        {
            "module_width": MODULE_PX * mm_per_px,
            "module_height": 14.0,
            "quiet_zone": 10 * MODULE_PX * mm_per_px,
            "write_text": False,
            "dpi": BARCODE_DPI,
        }
    )


def command_sheet_pdf(commands: Sequence[Command], title: str = "") -> bytes:
    """An A4 PDF with every command: caption, barcode and the text it holds."""
    from fpdf import FPDF

    from station.resources import font_path

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(auto=False)
    pdf.add_font("DejaVu", "B", str(font_path()))
    pdf.set_margins(15, 15, 15)
    row_height = 62.0
    top = 30.0
    y = top
    pdf.add_page()

    def heading() -> None:
        pdf.set_font("DejaVu", "B", 18)
        pdf.set_xy(15, 12)
        pdf.cell(
            180,
            10,
            title or QCoreApplication.translate("CommandSheet", "Packing Station — command sheet"),
        )

    heading()
    for command in commands:
        if y + row_height > 297 - 10:
            pdf.add_page()
            heading()
            y = top
        pdf.set_font("DejaVu", "B", 26)
        pdf.set_xy(15, y)
        pdf.cell(180, 12, command.caption)
        if command.detail:
            pdf.set_font("DejaVu", "B", 12)
            pdf.set_xy(15, y + 12)
            pdf.cell(180, 6, command.detail)
        image = barcode_image(command.code)
        width_mm = image.width * 25.4 / BARCODE_DPI
        height_mm = image.height * 25.4 / BARCODE_DPI
        pdf.image(image, x=15, y=y + 19, w=width_mm, h=height_mm)
        pdf.set_font("DejaVu", "B", 11)
        pdf.set_xy(15, y + 20 + height_mm)
        pdf.cell(180, 5, command.code)
        pdf.line(15, y + row_height - 4, 195, y + row_height - 4)
        y += row_height
    return bytes(pdf.output())


def print_sheet(printer: Printer, pdf: bytes) -> JobResult:
    return printer.print_job(PrintJob(pdf, DocumentKind.PDF, name="command sheet"))


class CommandSheetDialog(QDialog):
    """Lists the commands, then prints the sheet on the slip printer or saves it as a PDF."""

    def __init__(self, parent: QWidget | None, runtime: Runtime) -> None:
        super().__init__(parent)
        self.setObjectName("command_sheet_dialog")
        self.setWindowTitle(self.tr("Command sheet"))
        self.runtime = runtime
        self.commands = sheet_commands(runtime.settings.box_presets)
        self.pdf: bytes | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Scan these barcodes instead of pressing keys. Print the sheet and keep it next to "
                "the scanner. Box presets are taken from the settings."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        for command in self.commands:
            self.list.addItem(f"{command.caption}   ({command.code})")
        layout.addWidget(self.list)
        self.status = QLabel()
        self.status.setObjectName("command_sheet_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print on the slip printer"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button.clicked.connect(self.ask_save)
        self.close_button.clicked.connect(self.accept)
        self.resize(560, 480)

    def _busy(self, busy: bool, text: str = "") -> None:
        self.print_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        if text:
            self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        text = exc.user_text() if isinstance(exc, StationError) else str(exc)
        self.status.setText(self.tr("Failed: {error}").format(error=text))

    def print_sheet(self) -> None:
        commands, printer = self.commands, self.runtime.slip_printer
        self._busy(True, self.tr("Printing the command sheet…"))
        run_in_background(
            lambda: print_sheet(printer, command_sheet_pdf(commands)),
            on_success=lambda result: self._busy(
                False, self.tr("Command sheet sent to {uri}.").format(uri=result.printer)
            ),
            on_failure=self._failed,
            context=self,
            name="command sheet print",
        )

    def ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the command sheet"), "command-sheet.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        commands = self.commands
        self._busy(True, self.tr("Saving…"))

        def write() -> Path:
            path.write_bytes(command_sheet_pdf(commands))
            return path

        run_in_background(
            write,
            on_success=lambda saved: self._busy(
                False, self.tr("Saved to {path}.").format(path=saved)
            ),
            on_failure=self._failed,
            context=self,
            name="command sheet save",
        )


def print_command_sheet(parent: QWidget | None, runtime: Runtime) -> None:
    """Show the command-sheet dialog (print on the slip printer, or save as PDF)."""
    dialog = CommandSheetDialog(parent, runtime)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
