"""The slip preview of a PDF whose page is far larger than paper (200 × 200 in) is drawn at
screen size, not at 110 dpi (which would be 22,000 × 22,000 pixels, about 2 GB)."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from pytestqt.qtbot import QtBot

from station.ui.previews import PREVIEW_MAX_PIXELS, pdf_preview


def test_a_giant_pdf_page_is_previewed_within_the_pixel_bound(qtbot: QtBot) -> None:
    document = pdfium.PdfDocument.new()
    document.new_page(14_400, 14_400)  # points: 200 × 200 inches
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    preview = pdf_preview(buffer.getvalue())
    assert preview.image is not None, preview
    assert preview.image.width() * preview.image.height() <= PREVIEW_MAX_PIXELS
    assert preview.image.width() > 1000  # still a readable preview
