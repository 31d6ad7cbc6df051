"""The first second of a station: a window that takes scans while the rest of it starts.

Opening the journal, the SP-API client, the printers and, in demo mode, the embedded simulator
takes most of a second, and importing the code behind them about as long again. A packer who
starts the station and scans at once must not lose that scan, nor stare at nothing. So the start
is split:

1. On the GUI thread, with nothing but Qt loaded: the :class:`StartupWindow`, which looks like
   the packer's screen at rest ("Scan a PO barcode", "Starting…"), and the keyboard-wedge
   scanner, already installed. Scans made now are held, and the window counts them.
2. On a :class:`StartupLoader` thread: the settings, the runtime and the imports of the packer's
   screen. Nothing there touches a widget.
3. Back on the GUI thread (``loaded``/``failed``): the real window replaces this one at the same
   place and size and handles the held scans in order; or the error is shown with what to fix.

This module imports only Qt and light station modules; that is what keeps step 1 fast.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from station.errors import StationError
from station.files import read_input_file
from station.ui.qt_compat import emit
from station.ui.scan_decoder import DecoderConfig, Terminator
from station.ui.theme import STATUS_STYLES, Tone

log = logging.getLogger("station.ui.startup")

# Beyond this a settings file is not a settings file; the full load says so properly.
_HINTS_MAX_BYTES = 1 << 20
_TERMINATORS: frozenset[str] = frozenset({"CR", "LF", "TAB"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("StartupWindow", text)


@dataclass(frozen=True)
class StartupHints:
    """What the first window needs from the settings file before it is fully read: the language
    to speak and how to tell the scanner's keystrokes from typing."""

    language: str = "system"
    scanner: DecoderConfig = field(default_factory=DecoderConfig)


def read_startup_hints(config_file: Path | None) -> StartupHints:
    """The language and scanner settings from ``config_file``, read without validating the rest.

    The file is untrusted and the full, validated load comes a moment later on the loader
    thread (which reports any problem properly); here every value that is missing, of the wrong
    type or out of range silently falls back to its default.
    """
    if config_file is None:
        return StartupHints()
    try:
        raw = read_input_file(config_file, what="settings file", limit=_HINTS_MAX_BYTES)
        data = json.loads(raw)
    except (StationError, ValueError, RecursionError):
        return StartupHints()
    if not isinstance(data, dict):
        return StartupHints()
    language = data.get("language")
    scanner = data.get("scanner")
    return StartupHints(
        language=language if isinstance(language, str) and len(language) <= 16 else "system",
        scanner=_decoder_hints(scanner if isinstance(scanner, dict) else {}),
    )


def _decoder_hints(raw: dict[str, Any]) -> DecoderConfig:
    default = DecoderConfig()

    def number(name: str, low: int, high: int, fallback: float) -> float:
        value = raw.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        return fallback

    def text(name: str, fallback: str) -> str:
        value = raw.get(name)
        return value if isinstance(value, str) and len(value) <= 10 else fallback

    terminators: Sequence[Terminator] = default.terminators
    listed = raw.get("terminators")
    if (
        isinstance(listed, list)
        and listed
        and all(isinstance(t, str) and t in _TERMINATORS for t in listed)
    ):
        terminators = tuple(listed)
    return DecoderConfig(
        max_inter_key_ms=number("max_inter_key_ms", 5, 1000, default.max_inter_key_ms),
        min_length=int(number("min_length", 1, 100, default.min_length)),
        prefix=text("prefix", default.prefix),
        suffix=text("suffix", default.suffix),
        terminators=terminators,
    )


FULL_SIZE = (1600, 960)


class StartupWindow(QMainWindow):
    """The packer's screen at rest, while the station starts behind it. Closing it stops the
    start.

    Styled with a style sheet only: reading Qt's enum namespaces from Python costs tens of
    milliseconds the first time, and this window must be on screen as fast as a bare one. It
    copies the look of the packer's screen's status banner (``StatusBanner``, idle tone).
    """

    closed = Signal()

    def show_on_screen(self) -> None:
        """1600×960 where the screen has room; on a bench PC (1366×768, 1280×1024) the whole
        screen, so nothing of the packer's screen is ever off it."""
        room = QGuiApplication.primaryScreen().availableGeometry()
        if room.width() >= FULL_SIZE[0] + 40 and room.height() >= FULL_SIZE[1] + 60:
            self.show()
            return
        # The frame and the title bar take their share of the room (about 40 px, by a WM).
        self.setGeometry(room.x(), room.y(), room.width(), max(400, room.height() - 40))
        self.showMaximized()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("startupWindow")
        self.setWindowTitle(_tr("Packing Station"))  # as the packer's screen calls itself
        self.resize(*FULL_SIZE)  # the packer's screen opens at the same size, in the same place
        style = STATUS_STYLES[Tone.IDLE]
        central = QWidget()
        central.setObjectName("startupCentral")
        central.setStyleSheet(
            f"#startupBanner {{ background: {style.background}; border-radius: 10px; }}"
            f"#startupBanner QLabel {{ color: {style.foreground}; background: transparent; }}"
            "#startupIcon { font-size: 44pt; font-weight: bold; min-width: 70px;"
            " qproperty-alignment: AlignCenter; }"
            "#startupHeadline { font-size: 26pt; font-weight: bold; }"
            "#startupDetail { font-size: 17pt; }"
            "#startupNote { font-size: 17pt; qproperty-alignment: AlignCenter; }"
        )
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 12, 12, 12)
        banner = QFrame()
        banner.setObjectName("startupBanner")
        row = QHBoxLayout(banner)
        row.setContentsMargins(18, 10, 18, 10)
        row.setSpacing(18)
        row.addWidget(self._label("startupIcon", style.icon))
        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.headline = self._label("startupHeadline", _tr("Scan a PO barcode"))
        self.detail = self._label(
            "startupDetail", _tr("Starting the station… you can scan already.")
        )
        texts.addWidget(self.headline)
        texts.addWidget(self.detail)
        row.addLayout(texts, 1)
        layout.addWidget(banner)
        self.note = self._label("startupNote", _tr("Starting…"))
        layout.addWidget(self.note, 1)
        self.setCentralWidget(central)
        self.held = 0

    @staticmethod
    def _label(name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        return label

    def scan_held(self) -> None:
        self.held += 1
        self.note.setText(
            _tr("{count} scan(s) kept: they are handled as soon as the station is ready.").format(
                count=self.held
            )
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        emit(self.closed)
        super().closeEvent(event)


class StartupLoader(QObject):
    """Runs ``load`` once on its own thread; ``loaded(result)`` or ``failed(exception)`` then
    arrive on the GUI thread."""

    loaded = Signal(object)
    failed = Signal(object)

    def __init__(self, load: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._thread = threading.Thread(target=self._run, name="station-startup", daemon=True)
        self.result: Any = None
        self.error: BaseException | None = None

    def start(self) -> None:
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the loader thread to finish; whether it did."""
        if self._thread.ident is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            self.result = self._load()
        except BaseException as exc:  # reported on the GUI thread, whatever it is
            self.error = exc
            emit(self.failed, exc)
            return
        emit(self.loaded, self.result)
