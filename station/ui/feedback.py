"""Success and error feedback a packer notices without looking: a sound and a full-screen flash.

Sound must never need PulseAudio or crash the station: QtMultimedia links libpulse on Linux and
may be missing on a trimmed Windows image. So: ``winsound`` (stdlib, Windows), else QSoundEffect
when a sound server answers and QtMultimedia imports, else the system beep, said once in the log.
``STATION_SOUND=off`` silences it (tests, open offices); ``STATION_SOUND=beep`` keeps to the beep.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QPropertyAnimation,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QGraphicsOpacityEffect, QWidget

from station.resources import resource_path
from station.ui import theme
from station.ui.audio import sound_server

log = logging.getLogger("station.ui.feedback")


class Sound(StrEnum):
    SUCCESS = "success"
    ERROR = "error"
    ATTENTION = "attention"


class SoundPlayer:
    """Plays the station's sounds asynchronously with whatever this computer offers."""

    def __init__(
        self,
        *,
        enabled: bool | None = None,
        find_server: Callable[[], str | None] = sound_server,
    ) -> None:
        choice = os.environ.get("STATION_SOUND", "on").lower()
        if enabled is None:
            enabled = choice not in ("off", "0", "no")
        self.enabled = enabled
        self.backend = "off"
        self.played: list[Sound] = []  # what was asked for, for tests and the support bundle
        self._winsound: Any = None
        self._effects: dict[Sound, Any] = {}
        if not enabled:
            return
        try:
            self._winsound = importlib.import_module("winsound")
            self.backend = "winsound"
            return
        except ImportError:
            pass
        self.backend = "beep"
        if choice == "beep":
            return
        server = find_server()
        if server is None:
            log.info("no sound server answers (PulseAudio or PipeWire); using the system beep")
            return
        try:
            with _multimedia_noise_to_debug_log():
                multimedia = importlib.import_module("PySide6.QtMultimedia")
                from PySide6.QtCore import QUrl

                for sound in Sound:
                    effect = multimedia.QSoundEffect()
                    effect.setSource(QUrl.fromLocalFile(str(self._path(sound))))
                    self._effects[sound] = effect
            self.backend = "qsoundeffect"
        except (ImportError, OSError) as exc:  # libpulse missing and the like
            log.info("no QtMultimedia sound (%s); using the system beep", exc)

    @staticmethod
    def _path(sound: Sound) -> str:
        return str(resource_path("sounds", f"{sound.value}.wav"))

    def play(self, sound: Sound) -> None:
        self.played.append(sound)
        del self.played[:-50]
        if not self.enabled:
            return
        try:
            if self.backend == "winsound":
                flags = self._winsound.SND_FILENAME | self._winsound.SND_ASYNC
                self._winsound.PlaySound(self._path(sound), flags)
            elif self.backend == "qsoundeffect":
                self._effects[sound].play()
            elif self.backend == "beep":
                QApplication.beep()
        except Exception:  # a sound is never worth a crash
            log.exception("could not play the %s sound", sound.value)


# What QtMultimedia's FFmpeg back end says while it probes optional libraries (VA-API, PipeWire
# screen capture): nothing a packer or IT can act on.
_LOAD_NOISE = ("Couldn't load ", "Couldn't resolve ", "Using Qt multimedia with FFmpeg")


@contextmanager
def _multimedia_noise_to_debug_log() -> Iterator[None]:
    """While QtMultimedia loads, its probing chatter goes to the debug log; the rest passes on."""
    previous: Any = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message.startswith(_LOAD_NOISE):
            log.debug("QtMultimedia: %s", message)
        elif previous is not None:
            previous(kind, context, message)
        else:
            log.warning("Qt: %s", message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


class Flash(QWidget):
    """A translucent colour over the whole window for a moment: green for success, red for stop."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setObjectName("flash")
        self._effect = QGraphicsOpacityEffect(self)
        self.setGraphicsEffect(self._effect)
        self._animation = QPropertyAnimation(self._effect, b"opacity", self)
        self._animation.finished.connect(self.hide)
        self.last_colour = ""
        self.hide()

    def flash(self, colour: str, duration_ms: int = 450) -> None:
        self.last_colour = colour
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.setStyleSheet(f"#flash {{ background: {colour}; }}")
        self.raise_()
        self.show()
        self._animation.stop()
        self._animation.setDuration(duration_ms)
        self._animation.setStartValue(0.55)
        self._animation.setEndValue(0.0)
        self._animation.start()


class Feedback:
    """Sound plus flash, as one call per outcome."""

    def __init__(self, window: QWidget, player: SoundPlayer | None = None) -> None:
        self.player = player or SoundPlayer()
        self.flash = Flash(window)

    def success(self) -> None:
        self.player.play(Sound.SUCCESS)
        self.flash.flash(theme.SUCCESS)

    def error(self) -> None:
        self.player.play(Sound.ERROR)
        self.flash.flash(theme.ERROR, 700)
        # A second pulse: an error must be hard to miss from across the bench.
        QTimer.singleShot(750, self.flash, lambda: self.flash.flash(theme.ERROR, 500))

    def attention(self) -> None:
        self.player.play(Sound.ATTENTION)
        self.flash.flash(theme.WARNING)
