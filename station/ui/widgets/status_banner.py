"""The status area: what is happening and, when something is wrong, what to do next.

Its colour is only a third of the message: an icon and a capitalised word say the same, so a
colour-blind packer or a washed-out monitor loses nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from station.ui.theme import STATUS_STYLES, Tone


class StatusBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.setSpacing(18)
        self.icon = QLabel()
        self.icon.setObjectName("statusIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon.setMinimumWidth(70)
        layout.addWidget(self.icon)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.headline = QLabel()
        self.headline.setObjectName("statusHeadline")
        self.headline.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("statusDetail")
        self.detail.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("statusHint")
        self.hint.setWordWrap(True)
        texts.addWidget(self.headline)
        texts.addWidget(self.detail)
        texts.addWidget(self.hint)
        layout.addLayout(texts, 1)
        self.tone = Tone.IDLE
        self.show_status(Tone.IDLE, "")

    def show_status(self, tone: Tone, headline: str, detail: str = "", hint: str = "") -> None:
        self.tone = tone
        style = STATUS_STYLES[tone]
        big = 28 if tone is Tone.ERROR else 24
        self.setStyleSheet(
            f"#statusBanner {{ background: {style.background}; border-radius: 10px; }}"
            f"#statusBanner QLabel {{ color: {style.foreground}; background: transparent; }}"
            f"#statusIcon {{ font-size: 40pt; font-weight: bold; }}"
            f"#statusHeadline {{ font-size: {big}pt; font-weight: bold; }}"
            "#statusDetail { font-size: 16pt; }"
            "#statusHint { font-size: 16pt; font-weight: bold; }"
        )
        self.icon.setText(style.icon)
        self.headline.setText(headline)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
