"""Barcode scanners as the GUI sees them: a keyboard wedge (an application-wide key filter) or a
serial/COM port. Both emit ``scanned(text)``; neither cares which widget has focus.

The wedge filter sits on the QApplication, so a scan works while the packer's cursor is in a
dimension field, a history table or nowhere at all. Printable keys are held back for a few tens of
milliseconds (see :mod:`station.ui.scan_decoder`); if they turn out to be typing they are replayed
to the widget they were meant for, so normal typing is delayed, never swallowed.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from station.ui.qt_compat import emit
from station.ui.scan_decoder import (
    DecoderConfig,
    Keystroke,
    Replay,
    Scanned,
    Terminator,
    WedgeDecoder,
)

if TYPE_CHECKING:  # the settings model is not needed to take scans while the station starts
    from station.config import ScannerSettings

log = logging.getLogger("station.ui.scanner")


# The ``Qt`` namespace is read on the first key press, not at import: building its Python enums
# costs tens of milliseconds, and this module is loaded while the station's first window opens.


@cache
def _modifier_keys() -> frozenset[Any]:
    from PySide6.QtCore import Qt

    return frozenset(
        {
            Qt.Key.Key_Shift,
            Qt.Key.Key_Control,
            Qt.Key.Key_Alt,
            Qt.Key.Key_AltGr,
            Qt.Key.Key_Meta,
            Qt.Key.Key_CapsLock,
        }
    )


def decoder_config(settings: ScannerSettings | DecoderConfig) -> DecoderConfig:
    if isinstance(settings, DecoderConfig):
        return settings
    return DecoderConfig(
        max_inter_key_ms=settings.max_inter_key_ms,
        min_length=settings.min_length,
        prefix=settings.prefix,
        suffix=settings.suffix,
        terminators=tuple(settings.terminators),
    )


def _terminator(event: QKeyEvent) -> Terminator | None:
    from PySide6.QtCore import Qt

    key = event.key()
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return "CR"
    if key == Qt.Key.Key_Tab:
        return "TAB"
    if event.text() == "\n":
        return "LF"
    return None


class _Held:
    """A held-back key press: a copy of the event and the widget it was sent to."""

    def __init__(self, event: QKeyEvent, target: QObject) -> None:
        self.event = QKeyEvent(
            event.type(),
            event.key(),
            event.modifiers(),
            event.text(),
            event.isAutoRepeat(),
            event.count(),
        )
        self.target = target


class WedgeScanner(QObject):
    """The application-level key filter. ``install()`` puts it on the QApplication."""

    scanned = Signal(str)

    def __init__(
        self,
        settings: ScannerSettings | DecoderConfig,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        self._decoder = WedgeDecoder(decoder_config(settings))
        self._clock = clock or (lambda: time.monotonic() * 1000.0)
        self._replaying = False
        self._enabled = True
        self._passed: tuple[int, QObject] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expire)
        self._interval = int(settings.max_inter_key_ms) + 5

    def configure(self, settings: ScannerSettings | DecoderConfig) -> None:
        self._flush()
        self._decoder = WedgeDecoder(decoder_config(settings))
        self._interval = int(settings.max_inter_key_ms) + 5

    def install(self, app: QCoreApplication | None = None) -> None:
        instance = app or QApplication.instance()
        if instance is not None:
            instance.installEventFilter(self)

    def uninstall(self, app: QCoreApplication | None = None) -> None:
        self._flush()
        instance = app or QApplication.instance()
        if instance is not None:
            instance.removeEventFilter(self)

    def set_enabled(self, enabled: bool) -> None:
        """Off while a modal dialog (settings, wizard) wants raw keys."""
        if not enabled:
            self._flush()
        self._enabled = enabled

    @property
    def pending(self) -> bool:
        return self._decoder.pending

    # -- the filter ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self._enabled or not isinstance(event, QKeyEvent):
            return False  # every event of the application passes here: the cheap test first
        kind = event.type()
        if kind != QEvent.Type.KeyPress:
            if kind in (QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
                # A key press is over (or the next one begins): the next press that arrives is
                # a new one, even when Qt builds it at the same address as the last.
                self._passed = None
            return False
        if not watched.isWidgetType():
            return False  # the QWindow sees keys first; act once, at the widget
        pointer = shiboken6.getCppPointer(event)[0]
        if self._propagating(pointer, watched):
            return False  # the same key press travelling up to a parent: already decided
        self._passed = None
        if event.key() in _modifier_keys():
            return False
        from PySide6.QtCore import Qt

        blocked = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        terminator = _terminator(event)
        printable = bool(event.text()) and event.text().isprintable() and not blocked
        if not self._decoder.pending and not printable and terminator is None:
            self._passed = (pointer, watched)
            return False  # shortcuts, arrows, Backspace with nothing held: untouched
        key = Keystroke(
            text=event.text() if printable else "",
            terminator=None if blocked else terminator,
            token=_Held(event, watched),
        )
        actions = self._decoder.feed(key, self._clock())
        self._act(actions)
        if self._decoder.pending:
            self._timer.start(self._interval)
        else:
            self._timer.stop()
        return True

    def _propagating(self, pointer: int, watched: QObject) -> bool:
        """True when this key press is one already passed on, now offered to a parent widget
        of the one that ignored it. Never for a key press arriving at the widget itself: Qt
        reuses an event's address for the next key press, so an address alone proves nothing
        (QWidget.isAncestorOf is also true of the widget itself)."""
        if self._passed is None or self._passed[0] != pointer:
            return False
        previous = self._passed[1]
        return (
            shiboken6.isValid(previous)
            and isinstance(watched, QWidget)
            and isinstance(previous, QWidget)
            and watched is not previous
            and watched.isAncestorOf(previous)
        )

    def _act(self, actions: list[Replay | Scanned]) -> None:
        for action in actions:
            if isinstance(action, Scanned):
                log.debug("scan of %d characters", len(action.text))
                emit(self.scanned, action.text)
            else:
                self._replay(action)

    def _replay(self, action: Replay) -> None:
        self._replaying = True
        try:
            for key in action.keys:
                held = key.token
                if not isinstance(held, _Held) or not shiboken6.isValid(held.target):
                    continue
                QCoreApplication.sendEvent(held.target, held.event)
        finally:
            self._replaying = False

    def _expire(self) -> None:
        self._act(self._decoder.expire())

    def _flush(self) -> None:
        self._timer.stop()
        self._act(self._decoder.expire())


class SerialScanner(QObject):
    """A scanner on a serial/COM port (or USB in "COM port emulation"). Lines are scans.

    QtSerialPort is imported only when one is configured: it is an add-on module.
    """

    scanned = Signal(str)
    failed = Signal(str)

    def __init__(self, port_name: str, parent: QObject | None = None, baud_rate: int = 9600):
        super().__init__(parent)
        from PySide6.QtSerialPort import QSerialPort

        self._port = QSerialPort(port_name, self)
        self._port.setBaudRate(baud_rate)
        self._port.readyRead.connect(self._read)
        self._buffer = bytearray()
        self.port_name = port_name

    def open(self) -> bool:
        from PySide6.QtCore import QIODevice

        if self._port.open(QIODevice.OpenModeFlag.ReadOnly):
            return True
        emit(
            self.failed,
            QCoreApplication.translate(
                "SerialScanner", "The scanner port {port} cannot be opened: {error}"
            ).format(port=self.port_name, error=self._port.errorString()),
        )
        return False

    def close(self) -> None:
        if self._port.isOpen():
            self._port.close()

    def _read(self) -> None:
        self._buffer += bytes(self._port.readAll().data())
        self.feed_bytes(b"")

    def feed_bytes(self, data: bytes) -> None:
        """Split what arrived into lines; a scanner ends each barcode with CR and/or LF."""
        self._buffer += data
        while True:
            cut = min(
                (i for i in (self._buffer.find(b"\r"), self._buffer.find(b"\n")) if i >= 0),
                default=-1,
            )
            if cut < 0:
                break
            line = bytes(self._buffer[:cut]).decode("utf-8", errors="replace").strip()
            del self._buffer[: cut + 1]
            if line:
                emit(self.scanned, line)
        if len(self._buffer) > 4096:  # a port spewing noise without line ends
            self._buffer.clear()


def serial_port_from_environment(settings: ScannerSettings) -> str | None:
    """The serial scanner's port name: a ``serial_port`` setting when the settings model has one,
    else ``STATION_SCANNER_PORT`` (e.g. ``COM3``, ``/dev/ttyACM0``)."""
    configured = getattr(settings, "serial_port", None)
    if isinstance(configured, str) and configured.strip():
        return configured.strip()
    value = os.environ.get("STATION_SCANNER_PORT", "").strip()
    return value or None
