"""The packing screen's look: large type and high contrast, readable from two metres.

Colours never carry meaning alone (colour-blind packers, washed-out monitors): every status also has
a word and an icon, see :data:`STATUS_STYLES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from station.resources import font_path

BACKGROUND = "#f4f4f4"
SURFACE = "#ffffff"
TEXT = "#111111"
MUTED = "#444444"
SUCCESS = "#1b7a35"
ERROR = "#b3001b"
WARNING = "#f2a900"
BUSY = "#0b4f9c"
IDLE = "#37474f"

BASE_POINT_SIZE = 15


class Tone(StrEnum):
    IDLE = "idle"
    BUSY = "busy"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class StatusStyle:
    background: str
    foreground: str
    icon: str  # a glyph every font has; the word beside it carries the meaning too


STATUS_STYLES: dict[Tone, StatusStyle] = {
    Tone.IDLE: StatusStyle(IDLE, "#ffffff", "▶"),
    Tone.BUSY: StatusStyle(BUSY, "#ffffff", "⟳"),
    Tone.SUCCESS: StatusStyle(SUCCESS, "#ffffff", "✔"),
    Tone.WARNING: StatusStyle(WARNING, "#000000", "⚠"),
    Tone.ERROR: StatusStyle(ERROR, "#ffffff", "✖"),
}

STYLESHEET = f"""
QMainWindow, QWidget#central {{ background: {BACKGROUND}; color: {TEXT}; }}
QLabel {{ color: {TEXT}; }}
QFrame#card {{ background: {SURFACE}; border: 2px solid #c8c8c8; border-radius: 8px; }}
QLabel#cardTitle {{ font-size: 13pt; font-weight: bold; color: {MUTED};
    text-transform: uppercase; }}
QLabel#po {{ font-size: 26pt; font-weight: bold; }}
QLabel#shipMethod {{ font-size: 17pt; font-weight: bold; }}
QLabel#shipBy {{ font-size: 16pt; }}
QLabel#late {{ font-size: 16pt; font-weight: bold; color: #ffffff; background: {ERROR};
    padding: 2px 10px; border-radius: 6px; }}
QLabel#badge {{ font-size: 13pt; font-weight: bold; padding: 2px 10px; border-radius: 6px;
    color: #ffffff; }}
QLabel#notice {{ color: {MUTED}; font-size: 13pt; }}
QTableWidget {{ font-size: 17pt; background: {SURFACE}; gridline-color: #d0d0d0; }}
QHeaderView::section {{ font-size: 13pt; font-weight: bold; padding: 4px;
    background: #e0e0e0; color: {TEXT}; border: none; }}
QPushButton {{ font-size: 15pt; font-weight: bold; padding: 3px 10px; min-height: 34px;
    border: 2px solid #555; border-radius: 8px; background: #ffffff; color: {TEXT}; }}
QPushButton:hover {{ background: #e8f0fe; }}
QPushButton:pressed {{ background: #cfdcf5; }}
QPushButton:disabled {{ color: #9a9a9a; border-color: #bbbbbb; }}
QPushButton#primary {{ background: {SUCCESS}; color: #ffffff; border-color: {SUCCESS}; }}
QPushButton#primary:disabled {{ background: #9bbfa5; color: #eeeeee; }}
QPushButton#danger {{ background: #ffffff; color: {ERROR}; border-color: {ERROR}; }}
QLineEdit, QComboBox, QDoubleSpinBox {{ font-size: 17pt; padding: 1px 6px; min-height: 32px;
    background: #ffffff; color: {TEXT}; border: 2px solid #777; border-radius: 6px; }}
QLineEdit:focus {{ border-color: {BUSY}; }}
QLineEdit[invalid="true"] {{ border: 3px solid {ERROR}; background: #ffe8ea; }}
QStatusBar {{ font-size: 12pt; background: #e6e6e6; color: {TEXT}; }}
QStatusBar QLabel {{ padding: 1px 6px; }}
QToolBar {{ font-size: 13pt; spacing: 6px; }}
QMenuBar {{ font-size: 13pt; }}
"""


def apply(app: QApplication) -> None:
    """Install the station's font size, palette and stylesheet on the application."""
    font = QFont(app.font())
    families: list[str] = []
    for name in ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"):
        # Bundled, so the status icons (✔ ✖ ⚠ ⟳) exist on every PC and in screenshots.
        font_id = QFontDatabase.addApplicationFont(str(font_path(name)))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        font.setFamily(families[0])
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    # app.palette() is already a copy. (``QPalette(...)``'s overloads would make PySide build
    # Python enums for the whole Qt namespace first: 30 ms of every start.)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Base, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor(SURFACE))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)
