"""Printing through the operating system's printer driver, with Qt (QtGui + QtPrintSupport).

The only module of the printing package allowed to import PySide6, and never QtWidgets. Labels
are drawn the way a thermal printer needs them: the page exactly the media size, full-page mode
(no margins), the device at the profile's resolution, and the image drawn 1:1 in device pixels with
smoothing off, so each label dot is exactly one printer dot (or a whole number of them). PDFs are
rasterised by pypdfium2 at the device resolution, greyscale, one page at a time.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMarginsF, QPoint, QSizeF
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from station.errors import PrinterError
from station.printing.address import PrinterAddress
from station.printing.content import DocumentKind
from station.printing.convert import (
    load_image,
    prepare_label,
    render_pdf_pages,
    zpl_to_label_images,
)
from station.printing.printer import (
    JobResult,
    PrinterState,
    PrinterStatus,
    PrintJob,
    require_ready,
)
from station.printing.profile import MEDIA_INCHES, Media, PrinterProfile

_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """QPrinter needs a Qt application object. The GUI has one; headless commands (``station
    print``) get a QGuiApplication, on the offscreen platform when there is no display."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    argv = ["station"]
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]
    _app = QGuiApplication(argv)


def _page_size(media: Media) -> QPageSize:
    if media is Media.A4:
        return QPageSize(QPageSize.PageSizeId.A4)
    if media is Media.LETTER:
        return QPageSize(QPageSize.PageSizeId.Letter)
    width, height = MEDIA_INCHES[media]
    return QPageSize(
        QSizeF(width, height),
        QPageSize.Unit.Inch,
        "4x6 in label",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def _to_qimage(image: Image.Image) -> QImage:
    grey = image.convert("L")
    data = grey.tobytes()
    qimage = QImage(data, grey.width, grey.height, grey.width, QImage.Format.Format_Grayscale8)
    return qimage.copy()  # detach from ``data``, which Python frees


class QtDriverPrinter:
    """A printer Qt can see by name, or (``output_file``) a PDF file for tests and previews."""

    def __init__(
        self,
        address: PrinterAddress,
        profile: PrinterProfile,
        *,
        printer_name: str | None = None,
        output_file: Path | None = None,
    ) -> None:
        self.address = address
        self.profile = profile
        self.printer_name = printer_name if printer_name is not None else address.name
        self.output_file = output_file

    def status(self) -> PrinterStatus:
        if self.output_file is not None:
            return PrinterStatus(PrinterState.ONLINE, f"writes PDF to {self.output_file}")
        ensure_gui_application()
        info = QPrinterInfo.printerInfo(self.printer_name)
        if info.isNull():
            return PrinterStatus(PrinterState.OFFLINE, f"no printer named {self.printer_name!r}")
        return _state_of(info)

    def print_job(self, job: PrintJob) -> JobResult:
        status = self.status()
        require_ready(self.address, status)
        notes: tuple[str, ...] = ()
        pages: Iterable[Image.Image]
        if job.kind is DocumentKind.ZPL:
            # A ZPL label on a GDI label printer: rendered offline, then printed like a PNG.
            labels, notes = zpl_to_label_images(job.content)
            rasters = [prepare_label(label, self.profile) for label in labels]
            notes += tuple(dict.fromkeys(w for r in rasters for w in r.warnings))
            pages = [raster.to_image() for raster in rasters]
        elif job.kind is DocumentKind.PNG:
            raster = prepare_label(load_image(job.content), self.profile)
            notes = raster.warnings
            pages = [raster.to_image()]
        else:
            pages = render_pdf_pages(
                job.content,
                self.profile.dpi,
                fit_inches=MEDIA_INCHES[self.profile.media],
                enlarge=False,
            )
        ensure_gui_application()
        printer = self._printer(job)
        count, extra = _paint(printer, pages, self.profile.dpi)
        return JobResult(
            printer=self.address.uri,
            job_id=str(self.output_file) if self.output_file else "",
            pages=count,
            warnings=notes + extra,
            status=status,
        )

    def _printer(self, job: PrintJob) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.output_file is not None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.output_file))
        else:
            printer.setPrinterName(self.printer_name)
            if not printer.isValid():
                raise PrinterError(f"Qt cannot use the printer {self.printer_name!r}.")
        printer.setDocName(job.name[:100])
        printer.setResolution(self.profile.dpi)
        printer.setFullPage(True)
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        if not printer.setPageSize(_page_size(self.profile.media)):
            raise PrinterError(
                f"The printer {self.printer_name!r} does not accept {self.profile.media.value} "
                "paper.",
                hint="Choose the media the printer has loaded in its profile.",
            )
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        printer.setCopyCount(job.copies)
        return printer


def _paint(
    printer: QPrinter, pages: Iterable[Image.Image], dpi: int
) -> tuple[int, tuple[str, ...]]:
    """Draw each page at the top-left corner, one image pixel per device pixel (or a whole
    number of them when the driver would not take the profile's resolution)."""
    notes: list[str] = []
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterError(
            "The printer driver refused to start the job; nothing was printed.",
            hint="Check the printer in the system's printer settings, then press Reprint.",
        )
    count = 0
    try:
        device_dpi = printer.resolution()
        factor = max(1, device_dpi // dpi)
        if device_dpi != dpi:
            notes.append(
                f"The driver prints at {device_dpi} dpi, not {dpi}; the page was drawn at "
                f"{factor}× to keep the barcodes sharp."
            )
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for page in pages:
            if count and not printer.newPage():
                raise PrinterError("The printer driver refused a new page.")
            qimage = _to_qimage(page)
            if factor > 1:
                qimage = qimage.scaled(qimage.width() * factor, qimage.height() * factor)
            painter.drawImage(QPoint(0, 0), qimage)
            count += 1
    finally:
        painter.end()
    return count, tuple(notes)


def _state_of(info: QPrinterInfo) -> PrinterStatus:
    state = info.state()
    if state in (QPrinter.PrinterState.Idle, QPrinter.PrinterState.Active):
        return PrinterStatus(
            PrinterState.ONLINE, "idle" if state == QPrinter.PrinterState.Idle else "printing"
        )
    if state == QPrinter.PrinterState.Aborted:
        return PrinterStatus(PrinterState.ERROR, "aborted")
    return PrinterStatus(PrinterState.ERROR, "error")


def list_qt_printers() -> dict[str, PrinterStatus]:
    """Every printer Qt's print support can see, with its state."""
    ensure_gui_application()
    return {info.printerName(): _state_of(info) for info in QPrinterInfo.availablePrinters()}
