"""Where the PO stands: scanned → label printed → slip printed → boxes → confirmed."""

from __future__ import annotations

from enum import IntEnum, StrEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from station.ui import theme


class Stage(IntEnum):
    SCANNED = 0
    LABEL = 1
    SLIP = 2
    BOXES = 3
    CONFIRMED = 4


class Mark(StrEnum):
    TODO = "todo"
    CURRENT = "current"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"


def _names() -> dict[Stage, str]:
    tr = QCoreApplication.translate
    return {
        Stage.SCANNED: tr("StepIndicator", "Scanned"),
        Stage.LABEL: tr("StepIndicator", "Label printed"),
        Stage.SLIP: tr("StepIndicator", "Slip printed"),
        Stage.BOXES: tr("StepIndicator", "Boxes"),
        Stage.CONFIRMED: tr("StepIndicator", "Confirmed"),
    }


_LOOK = {
    Mark.TODO: ("○", "#ffffff", "#555555", "#9e9e9e"),
    Mark.CURRENT: ("▶", theme.BUSY, "#ffffff", theme.BUSY),
    Mark.DONE: ("✔", theme.SUCCESS, "#ffffff", theme.SUCCESS),
    Mark.FAILED: ("✖", theme.ERROR, "#ffffff", theme.ERROR),
    Mark.SKIPPED: ("–", "#e0e0e0", "#555555", "#bdbdbd"),
}


class StepIndicator(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.labels: dict[Stage, QLabel] = {}
        self.marks: dict[Stage, Mark] = {}
        for stage in Stage:
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMinimumHeight(34)
            layout.addWidget(label, 1)
            self.labels[stage] = label
        self.reset()

    def reset(self) -> None:
        for stage in Stage:
            self.set_mark(stage, Mark.TODO)

    def set_mark(self, stage: Stage, mark: Mark) -> None:
        self.marks[stage] = mark
        icon, background, foreground, border = _LOOK[mark]
        label = self.labels[stage]
        label.setText(f"{icon}  {_names()[stage]}")
        label.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; font-size: 15pt;"
            f" font-weight: bold; border: 3px solid {border}; border-radius: 8px;"
            " padding: 2px 3px; }"
        )
        label.ensurePolished()  # its size with this style sheet, in this language
        # Equal shares of the row, but never less than the words need ("Etiqueta impressa").
        label.setMinimumWidth(label.sizeHint().width())

    def advance_to(self, stage: Stage) -> None:
        """Everything before ``stage`` done (unless skipped or failed), ``stage`` current."""
        for other in Stage:
            if other < stage and self.marks[other] in (Mark.TODO, Mark.CURRENT):
                self.set_mark(other, Mark.DONE)
        if self.marks[stage] != Mark.DONE:
            self.set_mark(stage, Mark.CURRENT)
