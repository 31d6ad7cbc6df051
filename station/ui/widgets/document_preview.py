"""A document preview (label or slip): the image scaled to fit, or text with a notice."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QStackedWidget, QWidget

from station.ui.previews import Preview
from station.ui.widgets.card import Card


class _ImageLabel(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(QSize(100, 90))
        self._image: QImage | None = None

    def set_image(self, image: QImage | None) -> None:
        self._image = image
        self._rescale()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._image is None or self._image.isNull():
            self.clear()
            return
        pixmap = QPixmap.fromImage(self._image)
        self.setPixmap(
            pixmap.scaled(
                self.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )


class DocumentPreview(Card):
    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.empty_text = empty_text
        self.stack = QStackedWidget()
        self.placeholder = QLabel(empty_text)
        self.placeholder.setObjectName("notice")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.image = _ImageLabel()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for widget in (self.placeholder, self.image, self.text):
            self.stack.addWidget(widget)
        self.body.addWidget(self.stack, 1)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.body.addWidget(self.notice)
        self.preview: Preview | None = None
        self.clear()

    def clear(self, message: str | None = None) -> None:
        self.preview = None
        self.placeholder.setText(message or self.empty_text)
        self.stack.setCurrentWidget(self.placeholder)
        self.image.set_image(None)
        self.notice.setText("")

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        if preview.image is not None:
            self.image.set_image(preview.image)
            self.stack.setCurrentWidget(self.image)
        elif preview.text:
            self.text.setPlainText(preview.text)
            self.stack.setCurrentWidget(self.text)
        else:
            self.placeholder.setText(preview.notice or self.empty_text)
            self.stack.setCurrentWidget(self.placeholder)
        self.notice.setText(preview.notice)

    @property
    def showing_image(self) -> bool:
        return self.stack.currentWidget() is self.image
