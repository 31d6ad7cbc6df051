"""Label and packing-slip previews, rendered on the worker thread (QImage is thread-safe; pixmaps
are made on the GUI thread). A preview that cannot be drawn is never an error: the packer still
has the printed paper, so the preview falls back to text and says why.
"""

from __future__ import annotations

import io
import logging
import math
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from station.errors import StationError

log = logging.getLogger("station.ui.previews")

#: A preview is for the screen: a page that would be larger is drawn smaller (memory stays bounded).
PREVIEW_MAX_PIXELS = 4_000_000
PDF_PREVIEW_DPI = 110  # enough to read on screen; printing uses the printer's own resolution
MAX_TEXT = 4000


@dataclass(frozen=True)
class Preview:
    image: QImage | None
    text: str = ""  # shown when there is no image
    notice: str = ""  # one line under the preview: what was done, or why it is text


def _tr(text: str) -> str:
    return QCoreApplication.translate("Preview", text)


def label_preview(data: bytes, dpi: int = 203) -> Preview:
    """A PNG label as it is; a ZPL label through the offline renderer; anything else as text."""
    if data.startswith(b"\x89PNG"):
        image = QImage.fromData(QByteArray(data))
        if image.isNull():
            return Preview(None, "", _tr("The PNG label could not be decoded for the preview."))
        return Preview(image, notice=_tr("PNG label, shown as Amazon sent it"))
    if b"^XA" in data[:4096]:
        try:
            from station.zpl import render
        except ImportError:  # the renderer is optional in a trimmed build
            return _as_text(data, _tr("ZPL label shown as text: no ZPL renderer in this build."))
        try:
            result = render(data, dpi=dpi if dpi in (203, 300, 600) else 203)
        except (StationError, IndexError, ValueError) as exc:
            return _as_text(data, _tr("ZPL label shown as text: {error}").format(error=str(exc)))
        buffer = io.BytesIO()
        result.image.save(buffer, format="PNG")
        image = QImage.fromData(QByteArray(buffer.getvalue()))
        notice = _tr("ZPL label, rendered on this PC")
        if result.warnings:
            notice += _tr(" ({count} rendering warnings)").format(count=len(result.warnings))
        return Preview(image, notice=notice)
    return _as_text(data, _tr("This label is neither PNG nor ZPL; shown as text."))


def _as_text(data: bytes, notice: str) -> Preview:
    text = data[:MAX_TEXT].decode("utf-8", errors="replace")
    return Preview(None, text, notice)


def pdf_preview(data: bytes, dpi: int = PDF_PREVIEW_DPI) -> Preview:
    """The first page of a PDF through QtPdf, greyscale, at screen resolution."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return Preview(None, "", _tr("No PDF preview: QtPdf is not installed."))
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            return Preview(None, "", _tr("The packing slip PDF could not be opened."))
        points = document.pagePointSize(0)
        width, height = points.width() * dpi / 72, points.height() * dpi / 72
        if not (width >= 1 and height >= 1):
            return Preview(None, "", _tr("The packing slip could not be drawn."))
        if width * height > PREVIEW_MAX_PIXELS:  # a page far larger than paper: fit the screen
            shrink = math.sqrt(PREVIEW_MAX_PIXELS / (width * height))
            width, height = width * shrink, height * shrink
        size = QSize(max(1, int(width)), max(1, int(height)))
        image = document.render(0, size)
        if image.isNull():
            return Preview(None, "", _tr("The packing slip could not be drawn."))
        # QtPdf draws on a transparent page: put it on white paper before dropping the colour.
        page = QImage(image.size(), QImage.Format.Format_RGB32)
        page.fill(QColor("white"))
        painter = QPainter(page)
        painter.drawImage(0, 0, image)
        painter.end()
        image = page.convertToFormat(QImage.Format.Format_Grayscale8)
        pages = document.pageCount()
        notice = _tr("Page 1 of {pages}").format(pages=pages)
        return Preview(image, notice=notice)
    finally:
        document.close()
        buffer.close()
        document.deleteLater()
